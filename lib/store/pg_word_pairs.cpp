#include "store/pg_word_pairs.hpp"

#include <set>
#include <vector>

#include "store/fts_tokenizer.hpp"
#include "store/tsvector_text.hpp"

namespace kraft {

namespace {

std::string quoted(const std::string& lexeme) {
    std::string out;
    tsvector::append_quoted(out, lexeme);
    return out;
}

}  // namespace

void WordKeys::add(std::string_view token, std::size_t word) {
    if (keys_.empty() || word != current_) {
        keys_.emplace_back(token);
        current_ = word;
    } else if (token.starts_with('_')) {
        keys_.back() = token.substr(1);
    }
}

EntryPairs word_pairs(const WordKeys& title, const WordKeys& body) {
    std::set<std::string> pairs;
    std::size_t bytes = 0;
    for (const WordKeys* text : {&title, &body}) {
        const std::vector<std::string>& keys = text->keys();
        for (std::size_t i = 0; i + 1 < keys.size(); ++i) {
            std::string pair = keys[i] + " " + keys[i + 1];
            if (pair.size() > tsvector::kMaxLexeme ||
                bytes + pair.size() > tsvector::kMaxVectorBytes)
                continue;
            if (pairs.insert(pair).second) bytes += pair.size();
        }
    }
    EntryPairs out;
    for (const std::string& p : pairs) {
        out.literal += (out.literal.empty() ? "" : " ") + quoted(p);
        out.pairs.push_back(p);
    }
    return out;
}

EntryPairs word_pairs(const std::string& title, const std::string& body) {
    WordKeys keys[2];
    each_document_token(title, [&](std::string_view t, std::size_t w) { keys[0].add(t, w); });
    each_document_token(body, [&](std::string_view t, std::size_t w) { keys[1].add(t, w); });
    return word_pairs(keys[0], keys[1]);
}

std::optional<PhrasePairs> phrase_pairs(const TsPhrase& phrase) {
    if (phrase.prefix || phrase.words.size() < 2) return std::nullopt;
    // Per word, the keys a document word matching it can have: the query's key first.
    std::vector<std::vector<std::string>> keys;
    for (const std::vector<std::string>& tokens : phrase.words) {
        if (tokens.size() != 2 || tokens[0].empty() || tokens[0].starts_with('_') ||
            tokens[1] != "_" + tokens[0])
            return std::nullopt;
        keys.push_back({tokens[0]});
        if (std::string again = word_key(tokens[0]).stem; again != tokens[0])
            keys.back().push_back(std::move(again));
    }
    // Pair i's alternatives, or'ed; without the keys' own pair when `sure` holds it.
    const auto alternatives = [&](std::size_t i, bool but_first) {
        std::vector<std::string> out;
        for (std::size_t a = 0; a < keys[i].size(); ++a)
            for (std::size_t b = 0; b < keys[i + 1].size(); ++b)
                if (!(but_first && a == 0 && b == 0))
                    out.push_back(quoted(keys[i][a] + " " + keys[i + 1][b]));
        std::string joined;
        for (const std::string& o : out) joined += (joined.empty() ? "" : " | ") + o;
        return out.size() > 1 ? "(" + joined + ")" : joined;
    };
    PhrasePairs out;
    if (keys.size() == 2) {
        out.pair = keys[0][0] + " " + keys[1][0];
        out.sure = quoted(out.pair);
        out.maybe = alternatives(0, true);
        return out;
    }
    for (std::size_t i = 0; i + 1 < keys.size(); ++i)
        out.maybe += (i ? " & " : "") + alternatives(i, false);
    return out;
}

}  // namespace kraft
