#include "util/text.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "util/utf8.hpp"

namespace kraft::text {

std::u32string to_u32(std::string_view s) {
    std::u32string out;
    out.reserve(s.size());
    int32_t i = 0;
    const auto n = static_cast<int32_t>(s.size());
    while (i < n) {
        UChar32 c;
        U8_NEXT(s.data(), i, n, c);
        out += c < 0 ? U'\uFFFD' : static_cast<char32_t>(c);
    }
    return out;
}

std::string to_utf8(std::u32string_view s) {
    std::string out;
    out.reserve(s.size() + s.size() / 4);
    for (char32_t c : s) utf8::append(out, c);
    return out;
}

bool is_alpha(char32_t c) {
    return c < 0x80 ? ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') : u_isalpha(static_cast<UChar32>(c));
}
bool is_upper(char32_t c) {
    return c < 0x80 ? (c >= 'A' && c <= 'Z') : u_isupper(static_cast<UChar32>(c));
}
bool is_lower(char32_t c) {
    return c < 0x80 ? (c >= 'a' && c <= 'z') : u_islower(static_cast<UChar32>(c));
}

std::string lower(std::string_view s) {
    std::u32string u = to_u32(s);
    for (char32_t& c : u) c = static_cast<char32_t>(u_tolower(static_cast<UChar32>(c)));
    return to_utf8(u);
}

std::string upper(std::string_view s) {
    std::u32string u = to_u32(s);
    for (char32_t& c : u) c = static_cast<char32_t>(u_toupper(static_cast<UChar32>(c)));
    return to_utf8(u);
}

std::string upper_first(std::string_view s) {
    std::u32string u = to_u32(s);
    if (!u.empty()) u[0] = static_cast<char32_t>(u_toupper(static_cast<UChar32>(u[0])));
    return to_utf8(u);
}

bool starts_upper(std::string_view s) {
    const std::u32string u = to_u32(s.substr(0, 4));
    return !u.empty() && is_upper(u[0]);
}

bool all_upper(std::string_view s) {
    bool any = false;
    for (char32_t c : to_u32(s)) {
        if (is_lower(c)) return false;
        any = any || is_upper(c);
    }
    return any;
}

std::string fold(std::string_view s) {
    std::u32string u = to_u32(s);
    for (char32_t& c : u) {
        c = static_cast<char32_t>(u_tolower(static_cast<UChar32>(c)));
        switch (c) {
            case U'å':
            case U'ä':
            case U'à':
            case U'á':
            case U'â':
                c = U'a';
                break;
            case U'ö':
            case U'ø':
            case U'ó':
            case U'ô':
                c = U'o';
                break;
            case U'é':
            case U'è':
            case U'ê':
            case U'ë':
                c = U'e';
                break;
            case U'ü':
            case U'ú':
                c = U'u';
                break;
            default:
                break;
        }
    }
    return to_utf8(u);
}

std::size_t display_width(std::string_view s) {
    std::size_t w = 0;
    for (char32_t c : to_u32(s)) {
        const auto uc = static_cast<UChar32>(c);
        const int cat = u_charType(uc);
        if (cat == U_NON_SPACING_MARK || cat == U_ENCLOSING_MARK || cat == U_FORMAT_CHAR ||
            c == 0xAD)
            continue;
        const int ea = u_getIntPropertyValue(uc, UCHAR_EAST_ASIAN_WIDTH);
        w += (ea == U_EA_WIDE || ea == U_EA_FULLWIDTH) ? 2 : 1;
    }
    return w;
}

std::size_t code_points(std::string_view s) {
    std::size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
}

std::string join(const std::vector<std::string>& parts, std::string_view separator) {
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (i) out += separator;
        out += parts[i];
    }
    return out;
}

std::vector<std::string> split(std::string_view text, char separator) {
    std::vector<std::string> out;
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t end = text.find(separator, pos);
        if (end == std::string_view::npos) end = text.size();
        if (end > pos) out.emplace_back(text.substr(pos, end - pos));
        pos = end + 1;
    }
    return out;
}

}  // namespace kraft::text
