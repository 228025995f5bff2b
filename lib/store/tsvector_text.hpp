// What PostgreSQL's tsvector holds and how its text form quotes a lexeme: shared by the two
// tsvectors of entry_index, the words (pg_text_index.hpp) and their pairs (pg_word_pairs.hpp).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace kraft::tsvector {

constexpr std::size_t kMaxLexeme = 2046;          // bytes; longer lexemes are refused
constexpr std::size_t kMaxPositions = 256;        // a lexeme keeps its first 256 positions
constexpr std::int64_t kMaxPosition = 16383;      // later positions are this one
constexpr std::size_t kMaxVectorBytes = 1000000;  // a tsvector's limit is 1 MiB

// 'lexeme', its quotes and backslashes doubled, appended to out.
inline void append_quoted(std::string& out, std::string_view lexeme) {
    out += '\'';
    for (char c : lexeme) {
        if (c == '\'' || c == '\\') out += c;
        out += c;
    }
    out += '\'';
}

}  // namespace kraft::tsvector
