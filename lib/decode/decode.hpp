// decode: bytes -> NFC UTF-8 text with LF line endings, and a table of line starts.
//
//   auto text = kraft::decode(bytes, "protocol.txt");
//   if (!text) report(text.error());   // "protocol.txt: not a text file", "...:12: invalid UTF-8"
//
// Accepted: UTF-8 with or without BOM, UTF-16 LE/BE with BOM, Windows-1252/Latin-1 (only when the
// bytes are not valid UTF-8: valid UTF-8 always wins), and UTF-8 that was once decoded as Latin-1
// ("nÃ¤mnden" -> "nämnden"). CRLF and lone CR become LF; form feeds are kept as page breaks.
// NBSP, soft hyphens, ligatures, dashes and quotes are kept as written. U+FFFD is kept and counted.
// Refused with an Error naming the file (and line where known): NUL bytes or mostly control
// characters ("not a text file"), UTF-8 that is partly valid and partly not, broken UTF-16.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "util/error.hpp"

namespace kraft {

enum class Encoding { utf8, utf8_bom, utf16le, utf16be, windows1252, utf8_double_encoded };

std::string_view encoding_name(Encoding e);

struct DecodedText {
    std::string text;                      // NFC UTF-8, '\n' line ends, '\f' page breaks kept
    std::vector<std::size_t> line_starts;  // byte offset of each line; line_starts[0] == 0
    Encoding encoding = Encoding::utf8;
    std::size_t replacement_chars = 0;   // U+FFFD in the input: letters lost before kraft saw them
    std::size_t repaired_sequences = 0;  // double-encoded sequences that were undone

    // True when characters were lost before the file reached kraft (U+FFFD present).
    bool damaged() const { return replacement_chars > 0; }
    // 1-based line of a byte offset into text.
    int line_of(std::size_t offset) const;
    // 1-based line and column (in code points) of each offset, which must ascend: one pass over
    // the text, where a column counted from its line's start for each offset would be quadratic
    // on a long line with many edits.
    struct Position {
        int line = 0, column = 0;
    };
    std::vector<Position> positions_of(const std::vector<std::size_t>& ascending_offsets) const;
    std::size_t line_count() const { return line_starts.size(); }
};

// Longer lines are refused: a paragraph of a protocol is kilobytes even when a converter wrote it
// on one line, and repair and segment would hold a megabyte line in memory several times over.
inline constexpr std::size_t kMaxLineBytes = std::size_t{1} << 20;

// Errors (naming the source, and the line where one applies): not a text file, invalid or
// truncated UTF-8, odd-length UTF-16, a line longer than kMaxLineBytes.
Result<DecodedText> decode(std::string_view bytes, const std::string& source_name);

}  // namespace kraft
