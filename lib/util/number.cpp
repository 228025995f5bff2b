#include "util/number.hpp"

#include <charconv>

namespace kraft {

std::optional<int> parse_int(std::string_view s) {
    int v = 0;
    const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (s.empty() || ec != std::errc{} || p != s.data() + s.size() || v < 0) return std::nullopt;
    return v;
}

}  // namespace kraft
