#include "segment/dates.hpp"

#include <array>
#include <charconv>
#include <cstdio>

#include "util/text.hpp"

namespace kraft {

namespace {

std::optional<int> number(std::string_view s) {
    int v = 0;
    const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc{} || p != s.data() + s.size()) return std::nullopt;
    return v;
}

std::optional<std::string> make(int y, int m, int d) {
    static constexpr std::array<int, 12> days{31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1900 || y > 2099 || m < 1 || m > 12 || d < 1 ||
        d > days[static_cast<std::size_t>(m - 1)])
        return std::nullopt;
    if (m == 2 && d == 29 && !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0))) return std::nullopt;
    char buf[48];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
    return std::string(buf);
}

}  // namespace

std::optional<std::string> iso_date(std::string_view s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
    const auto y = number(s.substr(0, 4)), m = number(s.substr(5, 2)), d = number(s.substr(8, 2));
    if (!y || !m || !d) return std::nullopt;
    return make(*y, *m, *d);
}

std::optional<std::string> date_from_yymmdd(std::string_view s) {
    if (s.size() != 6) return std::nullopt;
    const auto y = number(s.substr(0, 2)), m = number(s.substr(2, 2)), d = number(s.substr(4, 2));
    if (!y || !m || !d) return std::nullopt;
    return make(2000 + *y, *m, *d);
}

std::optional<std::string> date_from_words(std::string_view day, std::string_view month,
                                           std::string_view year) {
    static constexpr std::array<std::string_view, 12> months{
        "januari", "februari", "mars",      "april",   "maj",      "juni",
        "juli",    "augusti",  "september", "oktober", "november", "december"};
    const std::string m = text::lower(month);
    for (std::size_t i = 0; i < months.size(); ++i) {
        if (m != months[i]) continue;
        const auto d = number(day), y = number(year);
        if (!d || !y) return std::nullopt;
        return make(*y, static_cast<int>(i + 1), *d);
    }
    return std::nullopt;
}

std::optional<std::string> date_in_file_name(std::string_view path) {
    const std::size_t slash = path.rfind('/');
    const std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
    for (std::size_t i = 0; i + 10 <= name.size(); ++i) {
        const bool left_ok = i == 0 || !(name[i - 1] >= '0' && name[i - 1] <= '9');
        const bool right_ok =
            i + 10 == name.size() || !(name[i + 10] >= '0' && name[i + 10] <= '9');
        if (left_ok && right_ok)
            if (auto d = iso_date(name.substr(i, 10))) return d;
    }
    return std::nullopt;
}

}  // namespace kraft
