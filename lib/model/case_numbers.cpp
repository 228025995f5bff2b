#include "model/case_numbers.hpp"

#include <vector>

#include "util/text.hpp"

namespace kraft {

std::string normalize_case_number(std::string_view written) {
    // Split into alternating runs of letters and digits; everything else separates.
    std::string s = text::upper(written);
    std::vector<std::string> parts;
    std::string cur;
    bool cur_digits = false;
    const auto flush = [&] {
        if (!cur.empty()) parts.push_back(cur);
        cur.clear();
    };
    const std::u32string u = text::to_u32(s);
    for (std::size_t i = 0; i < u.size(); ++i) {
        char32_t c = u[i];
        const bool digit = c >= U'0' && c <= U'9';
        // An O, I or l among digits is OCR for 0 or 1 ("2O24").
        const bool prev_digit = i > 0 && u[i - 1] >= U'0' && u[i - 1] <= U'9';
        const bool next_digit = i + 1 < u.size() && u[i + 1] >= U'0' && u[i + 1] <= U'9';
        if ((c == U'O' || c == U'I' || c == U'L') && prev_digit && next_digit) {
            c = c == U'O' ? U'0' : U'1';
        }
        const bool is_digit = c >= U'0' && c <= U'9';
        const bool letter = text::is_alpha(c);
        if (!is_digit && !letter) {
            flush();
            continue;
        }
        if (!cur.empty() && is_digit != cur_digits) flush();
        cur_digits = is_digit;
        cur += text::to_utf8(std::u32string(1, c));
        (void)digit;
    }
    flush();
    // Expect: [PREFIX] YEAR SERIAL [DOC], SERIAL YEAR ("00976/2024"), or YEAR SERIAL PREFIX [DOC]
    // ("2026.113 KS", "2026.276 KS-001": the diarium's letters after the number).
    const auto is_number = [](const std::string& p) { return p[0] >= '0' && p[0] <= '9'; };
    std::string prefix;
    std::size_t i = 0;
    if (!parts.empty() && !is_number(parts[0])) {
        prefix = parts[i++];
    } else if (parts.size() >= 3 && is_number(parts[1]) && !is_number(parts[2])) {
        prefix = parts[2];
        parts.erase(parts.begin() + 2);
    }
    std::vector<std::string> nums(parts.begin() + static_cast<long>(i), parts.end());
    for (const std::string& n : nums)
        if (!is_number(n)) return "";
    if (nums.size() < 2) return "";
    std::string year = nums[0], serial = nums[1];
    if (year.size() != 4 && serial.size() == 4) std::swap(year, serial);
    if (year.size() != 4) return "";
    const std::size_t nz = serial.find_first_not_of('0');
    serial = nz == std::string::npos ? "0" : serial.substr(nz);
    return (prefix.empty() ? "" : prefix + "-") + year + "-" + serial;
}

}  // namespace kraft
