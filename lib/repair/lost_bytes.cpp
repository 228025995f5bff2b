#include "repair/lost_bytes.hpp"

#include <algorithm>
#include <string>

#include "util/text.hpp"
#include "util/utf8.hpp"

namespace kraft {

namespace {

constexpr std::string_view kLost = "\xEF\xBF\xBD";  // U+FFFD in UTF-8
// Words with more lost letters than this are left alone: 4^4 spellings is the most worth trying.
constexpr int kMostLostInAWord = 4;

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

// The code point that ends at (before) or starts at byte i.
char32_t code_point_before(std::string_view s, std::size_t i) {
    std::size_t b = i;
    while (b > 0 && (static_cast<unsigned char>(s[b - 1]) & 0xC0) == 0x80) --b;
    if (b > 0) --b;
    const std::u32string u = text::to_u32(s.substr(b, i - b));
    return u.empty() ? U'\0' : u.front();
}
char32_t code_point_at(std::string_view s, std::size_t i) {
    const std::size_t len = utf8::sequence_length(s, i);
    return len == 0 ? U'\0' : utf8::decode_at(s, i, len);
}

bool word_char(std::string_view s, std::size_t i) {
    if (s.substr(i, kLost.size()) == kLost) return true;
    return text::is_alpha(code_point_at(s, i));
}

// The word's spelling with each lost letter chosen: the most frequent valid one, or "" when none.
std::string best_spelling(const std::string& word, bool capitals, bool starts_line,
                          Lexicon& lexicon) {
    static const char* const lower[] = {"ä", "ö", "å", "é"};
    static const char* const upper[] = {"Ä", "Ö", "Å", "É"};
    std::vector<std::size_t> holes;
    for (std::size_t p = word.find(kLost); p != std::string::npos; p = word.find(kLost, p + 1))
        holes.push_back(p);
    if (holes.empty() || holes.size() > kMostLostInAWord) return {};
    std::string best;
    double best_count = -1;
    int valid = 0;
    std::vector<int> choice(holes.size(), 0);
    while (true) {
        std::string w;
        std::size_t at = 0;
        for (std::size_t h = 0; h < holes.size(); ++h) {
            w.append(word, at, holes[h] - at);
            // A lost letter at a word's start is a capital where a line or a sentence starts.
            const bool up = capitals || (holes[h] == 0 && starts_line);
            w += (up ? upper : lower)[choice[h]];
            at = holes[h] + kLost.size();
        }
        w.append(word, at);
        if (lexicon.valid(w)) {
            ++valid;
            const double c = lexicon.count(text::lower(w));
            if (c > best_count) best_count = c, best = w;
        }
        std::size_t h = 0;
        while (h < choice.size() && ++choice[h] == 4) choice[h++] = 0;
        if (h == choice.size()) break;
    }
    // Several valid spellings that the corpus never saw: nothing says which; leave it.
    if (valid > 1 && best_count <= 0) return {};
    return best;
}

// Whether a word at byte b starts with a capital by position: at the text's start, after a
// sentence's end, or at a line's start after a blank line, a heading or a line that ends in a
// number ("Dnr 2024/3" before the title). A line wrapped mid-sentence goes on in lower case.
bool capital_expected(std::string_view text, std::size_t b) {
    std::size_t q = b;
    bool crossed_line = false;
    while (q > 0 && (text[q - 1] == ' ' || text[q - 1] == '\n' || text[q - 1] == '\r')) {
        crossed_line = crossed_line || text[q - 1] == '\n';
        --q;
    }
    if (q == 0) return true;
    const char c = text[q - 1];
    if (c == '.' || c == '!' || c == '?' || c == ':') return true;
    if (!crossed_line) return false;
    return is_digit(c) || std::count(text.begin() + static_cast<long>(q),
                                     text.begin() + static_cast<long>(b), '\n') > 1;
}

}  // namespace

std::vector<RepairEdit> restore_lost_bytes(std::string_view text, Lexicon& lexicon) {
    std::vector<RepairEdit> edits;
    for (std::size_t p = text.find(kLost); p != std::string_view::npos;) {
        // The run of lost characters and the word around it.
        std::size_t run_end = p;
        while (text.substr(run_end, kLost.size()) == kLost) run_end += kLost.size();
        std::size_t after = run_end;
        if (after < text.size() && text[after] == ' ') ++after;
        const char32_t before = p == 0 ? U'\n' : code_point_before(text, p);
        const bool starts_word = before == U'\n' || before == U' ' || before == U'(';
        if (starts_word && after < text.size() && is_digit(text[after]) &&
            run_end - p <= 2 * kLost.size()) {
            const std::string to = run_end - p == kLost.size() ? "§" : "§§";
            edits.push_back({p, run_end - p, std::string(text.substr(p, run_end - p)), to, 0.9,
                             "lost byte: U+FFFD before a number is " + to});
            p = text.find(kLost, run_end);
            continue;
        }
        // A lone one between spaces was punctuation: a bullet at a line's start, else a dash.
        if (run_end - p == kLost.size() && starts_word && after > run_end) {
            const std::string to = before == U'\n' ? "•" : "–";
            edits.push_back({p, kLost.size(), std::string(kLost), to, 0.6,
                             "lost byte: U+FFFD alone between spaces is " + to});
            p = text.find(kLost, run_end);
            continue;
        }
        std::size_t b = p, e = run_end;
        while (b > 0) {
            std::size_t q = b - 1;
            while (q > 0 && (static_cast<unsigned char>(text[q]) & 0xC0) == 0x80) --q;
            if (!word_char(text, q)) break;
            b = q;
        }
        while (e < text.size() && word_char(text, e))
            e += std::max<std::size_t>(1, utf8::sequence_length(text, e));
        const std::string word(text.substr(b, e - b));
        std::string letters = word;
        for (std::size_t q; (q = letters.find(kLost)) != std::string::npos;) letters.erase(q, 3);
        const bool capitals = letters.size() > 1 && text::all_upper(letters);
        const bool starts_line = capital_expected(text, b);
        if (std::string to = best_spelling(word, capitals, starts_line, lexicon); !to.empty())
            edits.push_back(
                {b, e - b, word, to, 0.8, "lost byte: U+FFFD in a word restored by lexicon"});
        p = text.find(kLost, e);
    }
    return edits;
}

}  // namespace kraft
