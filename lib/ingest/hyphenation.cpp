#include "ingest/hyphenation.hpp"

#include <vector>

#include "util/text.hpp"
#include "util/utf8.hpp"

namespace kraft {

namespace {

// Hyphens a typesetter breaks a word with: the ASCII one, the soft hyphen, U+2010.
constexpr std::string_view kHyphens[] = {"-", "\u00ad", "\u2010"};

char32_t code_point_before(std::string_view s, std::size_t end, std::size_t& begin) {
    begin = end;
    while (begin > 0) {
        --begin;
        if ((static_cast<unsigned char>(s[begin]) & 0xC0) != 0x80) break;
    }
    const std::size_t len = utf8::sequence_length(s, begin);
    return len ? utf8::decode_at(s, begin, len) : U'\uFFFD';
}

char32_t code_point_at(std::string_view s, std::size_t i, std::size_t& len) {
    len = utf8::sequence_length(s, i);
    if (!len) {
        len = 1;
        return U'\uFFFD';
    }
    return utf8::decode_at(s, i, len);
}

struct LineEndWord {
    std::size_t begin = 0;   // the first part's first byte
    std::size_t hyphen = 0;  // the hyphen's first byte
};

// "kommun-" at the end of line (trailing blanks aside): the first part is letters ("e-" too),
// starts the line or follows a blank or an opening bracket ("(kommun-"), and is letters only.
bool line_end_word(std::string_view line, LineEndWord& w) {
    std::size_t end = line.size();
    while (end > 0 && (line[end - 1] == ' ' || line[end - 1] == '\t')) --end;
    std::string_view trimmed = line.substr(0, end);
    std::size_t hyphen_len = 0;
    for (std::string_view h : kHyphens)
        if (trimmed.ends_with(h)) hyphen_len = h.size();
    if (!hyphen_len) return false;
    w.hyphen = end - hyphen_len;
    std::size_t pos = w.hyphen, letters = 0;
    while (pos > 0) {
        std::size_t begin;
        const char32_t c = code_point_before(line, pos, begin);
        if (!text::is_alpha(c)) {
            if (c != U' ' && c != U'\t' && c != U'(' && c != U'"' && c != U'\u201d') return false;
            break;
        }
        pos = begin;
        ++letters;
    }
    w.begin = pos;
    return letters >= 1;
}

}  // namespace

std::string join_line_end_hyphens(std::string_view text, const HyphenationRules& rules,
                                  const WordCheck& is_word) {
    std::vector<std::string> lines;
    for (std::size_t begin = 0; begin <= text.size();) {
        std::size_t end = text.find('\n', begin);
        if (end == std::string_view::npos) end = text.size();
        lines.emplace_back(text.substr(begin, end - begin));
        begin = end + 1;
    }
    // A line the move empties goes; marked, not erased, so that many joins stay linear.
    std::vector<bool> removed(lines.size(), false);
    bool changed = false;
    for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
        LineEndWord w;
        if (removed[i] || !line_end_word(lines[i], w)) continue;
        // The rest is on the next line, or on the next page's first: a page break's margins
        // (blank lines, the form feed) stand between.
        std::size_t j = i + 1;
        bool page_break = false;
        while (j + 1 < lines.size() && lines[j].find_first_not_of(" \t\f") == std::string::npos) {
            page_break = page_break || lines[j].find('\f') != std::string::npos;
            ++j;
        }
        if (!page_break) j = i + 1;
        std::string& next = lines[j];
        std::size_t rest_begin = next.find_first_not_of(" \t");
        if (rest_begin == std::string::npos) continue;
        std::size_t rest_end = rest_begin, len = 0;
        const char32_t first = code_point_at(next, rest_begin, len);
        if (!text::is_alpha(first) && !(first >= U'0' && first <= U'9')) continue;
        // The rest: letters, digits and inner hyphens ("styrelsens", "2024-17").
        while (rest_end < next.size()) {
            const char32_t c = code_point_at(next, rest_end, len);
            if (!(text::is_alpha(c) || (c >= U'0' && c <= U'9') || c == U'-')) break;
            rest_end += len;
        }
        while (rest_end > rest_begin && next[rest_end - 1] == '-') --rest_end;
        const std::string rest = next.substr(rest_begin, rest_end - rest_begin);
        if (rules.shared_part_followers.count(text::lower(rest))) continue;
        const std::string head = lines[i].substr(w.begin, w.hyphen - w.begin);
        // A soft hyphen that stays is written as an ASCII one.
        std::string joined;
        if (text::is_lower(first) && is_word(head + rest)) {
            joined = head + rest;
        } else if (is_word(head + "-" + rest)) {
            joined = head + "-" + rest;
        } else if (text::is_lower(first)) {
            joined = head + rest;
        } else {
            joined = head + "-" + rest;
        }
        // The punctuation right after the rest ("styrelsen," / "styrelsen.") goes up with it.
        while (rest_end < next.size() && next[rest_end] != ' ' && next[rest_end] != '\t')
            joined += next[rest_end++];
        std::size_t line_end = lines[i].size();
        while (line_end > w.hyphen &&
               (lines[i][line_end - 1] == ' ' || lines[i][line_end - 1] == '\t'))
            --line_end;
        lines[i].replace(w.begin, line_end - w.begin, joined);
        const std::size_t after = next.find_first_not_of(" \t", rest_end);
        if (after == std::string::npos) {
            removed[j] = true;
        } else {
            next.replace(rest_begin, after - rest_begin, "");
        }
        changed = true;
    }
    if (!changed) return std::string(text);
    std::string out;
    out.reserve(text.size());
    bool first_line = true;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (removed[i]) continue;
        if (!first_line) out += '\n';
        out += lines[i];
        first_line = false;
    }
    return out;
}

}  // namespace kraft
