// Parsing numbers captured by grammar patterns: the pattern may be edited to allow more digits
// than an int holds, so out-of-range input is a value, not an exception.
#pragma once

#include <optional>
#include <string_view>

namespace kraft {

// The decimal integer s (digits only), or nullopt when s is empty, not digits, or out of range.
std::optional<int> parse_int(std::string_view s);

}  // namespace kraft
