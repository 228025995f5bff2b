#include "query/snippet.hpp"

#include <algorithm>

#include "store/fts_tokenizer.hpp"

namespace kraft {

namespace {

struct Span {
    std::size_t begin, end;
};

// Words as the full-text tokenizer sees them.
std::vector<Span> words_of(std::string_view text) {
    std::vector<Span> out;
    std::size_t pos = 0, begin = 0, end = 0;
    while (next_word(text, pos, begin, end)) out.push_back({begin, end});
    return out;
}

}  // namespace

SnippetMaker::SnippetMaker(const std::vector<std::string>& words, bool exact) : exact_(exact) {
    for (const std::string& w : words) {
        const std::vector<Span> spans = words_of(w);
        for (std::size_t i = 0; i < spans.size(); ++i) {
            const Span& sp = spans[i];
            WordKey k = word_key(std::string_view(w).substr(sp.begin, sp.end - sp.begin));
            const bool prefix = i + 1 == spans.size() && sp.end < w.size() && w[sp.end] == '*';
            terms_.push_back({std::move(k.lower), std::move(k.folded), std::move(k.stem), prefix});
        }
    }
}

SnippetMaker SnippetMaker::for_expression(const std::string& expression) {
    std::vector<std::string> words;
    std::string current;
    bool negated = false, in_phrase = false;
    const auto flush = [&] {
        if (current.empty()) return;
        if (!in_phrase && (current == "AND" || current == "OR" || current == "NEAR")) {
        } else if (!in_phrase && current == "NOT") {
            negated = true;
        } else {
            // "title:budget" names a column; "^word" anchors it; "=word" is an exact spelling.
            std::string w =
                current.substr(current.find(':') == std::string::npos ? 0 : current.find(':') + 1);
            while (!w.empty() && (w[0] == '^' || w[0] == '=')) w.erase(0, 1);
            if (!negated && !w.empty()) words.push_back(w);
            if (!in_phrase) negated = false;
        }
        current.clear();
    };
    for (char c : expression) {
        if (c == '"') {
            flush();
            in_phrase = !in_phrase;
            if (!in_phrase) negated = false;
        } else if (c == ' ' || c == '(' || c == ')' || c == '\t' || c == '\n' || c == '+' ||
                   c == ',') {
            flush();
        } else {
            current += c;
        }
    }
    flush();
    return SnippetMaker(words, false);
}

bool SnippetMaker::matches(std::string_view word) const {
    static thread_local std::string lower, folded;
    lower_and_fold(word, lower, folded);
    for (const Term& t : terms_) {
        if (exact_) {
            if (lower == t.lower) return true;
            continue;
        }
        if (t.prefix) {
            if (folded.starts_with(t.folded)) return true;
            continue;
        }
        if (folded == t.folded) return true;
        // A Swedish stem is a prefix of its word: only those words are worth stemming.
        if (folded.starts_with(t.stem) && word_key(word).stem == t.stem) return true;
    }
    return false;
}

std::string SnippetMaker::make(std::string_view text, std::size_t width) const {
    const std::vector<Span> words = words_of(text);
    if (words.empty()) return std::string(text.substr(0, 200));
    std::vector<bool> hit(words.size(), false);
    std::vector<std::size_t> hits;
    for (std::size_t i = 0; i < words.size(); ++i)
        if (matches(text.substr(words[i].begin, words[i].end - words[i].begin))) {
            hit[i] = true;
            hits.push_back(i);
        }
    // The window of `width` words holding the most matches, the first match a few words in.
    std::size_t first = 0;
    if (!hits.empty()) {
        std::size_t best = 0, best_count = 0;
        for (std::size_t h = 0; h < hits.size(); ++h) {
            const std::size_t count =
                static_cast<std::size_t>(std::upper_bound(hits.begin() + static_cast<long>(h),
                                                          hits.end(), hits[h] + width - 1) -
                                         (hits.begin() + static_cast<long>(h)));
            if (count > best_count) {
                best_count = count;
                best = hits[h];
            }
        }
        first = best > 2 ? best - 2 : 0;
    }
    const std::size_t last = std::min(words.size(), first + width);
    if (last - first < width) first = last > width ? last - width : 0;
    std::string out = first > 0 ? "…" : "";
    std::size_t at = first > 0 ? words[first].begin : 0;
    for (std::size_t i = first; i < last; ++i) {
        out.append(text.substr(at, words[i].begin - at));
        const std::string_view w = text.substr(words[i].begin, words[i].end - words[i].begin);
        if (hit[i])
            out.append("\x02").append(w).append("\x03");
        else
            out.append(w);
        at = words[i].end;
    }
    if (last < words.size()) {
        out += "…";
    } else {
        out.append(text.substr(at));
    }
    return out;
}

}  // namespace kraft
