// Splitting text into word and number tokens, with byte offsets into the text: the words repair
// repairs and learns, and the archive counts.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace kraft {

enum class TokenKind {
    word,    // letters, possibly with single digits the OCR put for letters ("f6r", "4n")
    number,  // digits only ("2026", "1")
    mixed,   // letters and digit runs ("2O24", "SFS2020"): identifiers, never repaired
};

struct Token {
    std::size_t begin = 0, end = 0;  // byte offsets
    TokenKind kind = TokenKind::word;
    bool joined_to_previous = false;  // only spaces/tabs/newlines since the previous token
    bool in_address = false;          // part of an e-mail address or URL: never a word to repair

    std::string_view text(std::string_view s) const { return s.substr(begin, end - begin); }
};

// Tokens are maximal runs of letters and digits; everything else separates them.
std::vector<Token> tokenize(std::string_view text);

// Adds the lower-case words of text (word tokens outside addresses) to counts: what repair learns
// from a clean protocol, and what the archive unlearns when the protocol is replaced.
void count_words(std::string_view text, std::map<std::string, std::int64_t>& counts);

}  // namespace kraft
