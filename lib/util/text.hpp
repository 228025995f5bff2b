// Unicode helpers on UTF-8 strings that several stages need (ICU underneath).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kraft::text {

std::u32string to_u32(std::string_view utf8);  // ill-formed bytes become U+FFFD
std::string to_utf8(std::u32string_view s);

std::string lower(std::string_view utf8);  // full Unicode lower case (Å -> å)
std::string upper(std::string_view utf8);
std::string upper_first(std::string_view utf8);

bool is_alpha(char32_t c);
bool is_upper(char32_t c);
bool is_lower(char32_t c);
bool starts_upper(std::string_view utf8);
bool all_upper(std::string_view utf8);  // every letter upper case, at least one letter

// Lower case with å, ä -> a, ö -> o, é -> e, ü -> u: the form OCR damage and accent-blind
// search agree on ("nämnden", "namnden", "NÄMNDEN" all fold to "namnden").
std::string fold(std::string_view utf8);

// Display width in terminal columns (East Asian wide = 2, combining = 0).
std::size_t display_width(std::string_view utf8);

std::size_t code_points(std::string_view utf8);

// The parts with `separator` between each two.
std::string join(const std::vector<std::string>& parts, std::string_view separator);
// The pieces of `text` between separators, leaving out empty ones: split("M  SD", ' ') is
// {"M", "SD"}, split("", ' ') is {}.
std::vector<std::string> split(std::string_view text, char separator);

}  // namespace kraft::text
