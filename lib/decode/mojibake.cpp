#include "decode/mojibake.hpp"

#include <array>
#include <optional>

#include "util/utf8.hpp"

namespace kraft {

namespace {

// Windows-1252 bytes 0x80..0x9F; 0 marks bytes that cp1252 leaves undefined.
constexpr std::array<char32_t, 32> kCp1252High = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

// The byte a character had before it was wrongly decoded as Latin-1 or Windows-1252.
std::optional<unsigned char> original_byte(char32_t cp) {
    if (cp >= 0x80 && cp <= 0xFF) return static_cast<unsigned char>(cp);
    for (std::size_t k = 0; k < kCp1252High.size(); ++k)
        if (kCp1252High[k] == cp && cp != 0) return static_cast<unsigned char>(0x80 + k);
    return std::nullopt;
}

}  // namespace

std::size_t undo_double_encoding(std::string& text) {
    std::string out;
    std::size_t replaced = 0;
    std::size_t i = 0;
    out.reserve(text.size());
    while (i < text.size()) {
        const std::size_t len = utf8::sequence_length(text, i);
        if (len != 2) {  // the leads Â and Ã are two UTF-8 bytes each
            out.append(text, i, len ? len : 1);
            i += len ? len : 1;
            continue;
        }
        const char32_t lead = utf8::decode_at(text, i, len);
        // Only Â and Ã: they cover U+0080..U+00FF, every letter Swedish text needs, and genuine
        // text almost never puts them before a symbol, unlike Ä or Ö.
        const std::size_t need = lead == 0xC2 || lead == 0xC3 ? 1 : 0;
        std::string bytes(1, static_cast<char>(lead));
        std::size_t j = i + len;
        for (std::size_t n = 0; need && n < need && j < text.size(); ++n) {
            const std::size_t l = utf8::sequence_length(text, j);
            if (l == 0) break;
            const auto b = original_byte(utf8::decode_at(text, j, l));
            if (!b || (*b & 0xC0) != 0x80) break;
            bytes += static_cast<char>(*b);
            j += l;
        }
        if (need && bytes.size() == need + 1 && utf8::sequence_length(bytes, 0) == bytes.size()) {
            out += bytes;
            ++replaced;
            i = j;
        } else {
            out.append(text, i, len);
            i += len;
        }
    }
    if (replaced) text = std::move(out);
    return replaced;
}

}  // namespace kraft
