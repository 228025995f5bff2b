// Byte-level UTF-8 helpers used by the decode stage.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace kraft::utf8 {

struct Validation {
    bool valid = true;
    std::size_t first_invalid = 0;  // byte offset, when !valid
    bool truncated_at_end = false;  // the only fault is a sequence cut off by the end of input
    std::size_t multibyte = 0;      // well-formed sequences of 2..4 bytes seen
    std::size_t invalid = 0;        // ill-formed bytes seen
};

// Checks well-formedness per RFC 3629 (no overlongs, no surrogates, max U+10FFFF).
Validation validate(std::string_view bytes);

// Length of the well-formed sequence starting at s[i], or 0 when ill-formed.
std::size_t sequence_length(std::string_view s, std::size_t i);

// Decodes the well-formed sequence at s[i]; the caller has checked it with sequence_length().
char32_t decode_at(std::string_view s, std::size_t i, std::size_t len);

void append(std::string& out, char32_t cp);

}  // namespace kraft::utf8
