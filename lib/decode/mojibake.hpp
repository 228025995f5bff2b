// Undoing UTF-8 that was decoded as Latin-1/Windows-1252 once ("nÃ¤mnden" -> "nämnden").
#pragma once

#include <cstddef>
#include <string>

namespace kraft {

// Replaces every run of characters whose Windows-1252/Latin-1 bytes form one well-formed UTF-8
// sequence of a non-ASCII character (e.g. "Ã¤" -> "ä", "Â§" -> "§"). Works on mixed text, so a
// file that was double-encoded only in part is mended where it was. Returns the count replaced.
std::size_t undo_double_encoding(std::string& text);

}  // namespace kraft
