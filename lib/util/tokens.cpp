#include "util/tokens.hpp"

#include <unicode/utf8.h>

#include "util/text.hpp"

namespace kraft {

namespace {
// Is [begin, end) inside a whitespace-delimited chunk that is an e-mail address, a URL or a
// Markdown link target?
bool in_address(std::string_view s, std::size_t begin, std::size_t end) {
    const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\f'; };
    std::size_t a = begin, b = end;
    while (a > 0 && !space(s[a - 1])) --a;
    while (b < s.size() && !space(s[b])) ++b;
    const std::string_view chunk = s.substr(a, b - a);
    return chunk.find('@') != std::string_view::npos ||
           chunk.find("://") != std::string_view::npos ||
           chunk.find("www.") != std::string_view::npos ||
           chunk.find("](") != std::string_view::npos;
}
}  // namespace

std::vector<Token> tokenize(std::string_view s) {
    std::vector<Token> out;
    const auto n = static_cast<int32_t>(s.size());
    int32_t i = 0;
    bool gap_is_space = false;  // between the previous token and here: only whitespace
    while (i < n) {
        const int32_t start = i;
        UChar32 c;
        U8_NEXT(s.data(), i, n, c);
        const bool digit = c >= '0' && c <= '9';
        if (!digit && !(c > 0 && text::is_alpha(static_cast<char32_t>(c)))) {
            if (!(c == ' ' || c == '\t' || c == '\n' || c == 0xA0)) gap_is_space = false;
            continue;
        }
        Token t;
        t.begin = static_cast<std::size_t>(start);
        t.joined_to_previous = !out.empty() && gap_is_space;
        bool letters = !digit, digits = digit, digit_run = false, prev_digit = digit;
        int32_t j = i;
        while (j < n) {
            const int32_t k = j;
            UChar32 d;
            U8_NEXT(s.data(), j, n, d);
            const bool dg = d >= '0' && d <= '9';
            if (!dg && !(d > 0 && text::is_alpha(static_cast<char32_t>(d)))) {
                j = k;
                break;
            }
            digit_run = digit_run || (dg && prev_digit);
            letters = letters || !dg;
            digits = digits || dg;
            prev_digit = dg;
        }
        t.end = static_cast<std::size_t>(j);
        t.in_address = in_address(s, t.begin, static_cast<std::size_t>(j));
        t.kind = !letters                ? TokenKind::number
                 : (digits && digit_run) ? TokenKind::mixed
                                         : TokenKind::word;
        out.push_back(t);
        i = j;
        gap_is_space = true;
    }
    return out;
}

void count_words(std::string_view text, std::map<std::string, std::int64_t>& counts) {
    for (const Token& t : tokenize(text))
        if (t.kind == TokenKind::word && !t.in_address) ++counts[text::lower(t.text(text))];
}

}  // namespace kraft
