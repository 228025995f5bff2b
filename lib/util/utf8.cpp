#include "util/utf8.hpp"

namespace kraft::utf8 {

namespace {
bool is_cont(unsigned char c) {
    return (c & 0xC0) == 0x80;
}
}  // namespace

std::size_t sequence_length(std::string_view s, std::size_t i) {
    const auto at = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char c = at(i);
    const std::size_t left = s.size() - i;
    if (c < 0x80) return 1;
    if (c >= 0xC2 && c <= 0xDF) return left >= 2 && is_cont(at(i + 1)) ? 2 : 0;
    if (c >= 0xE0 && c <= 0xEF) {
        if (left < 3 || !is_cont(at(i + 1)) || !is_cont(at(i + 2))) return 0;
        if (c == 0xE0 && at(i + 1) < 0xA0) return 0;  // overlong
        if (c == 0xED && at(i + 1) > 0x9F) return 0;  // surrogate
        return 3;
    }
    if (c >= 0xF0 && c <= 0xF4) {
        if (left < 4 || !is_cont(at(i + 1)) || !is_cont(at(i + 2)) || !is_cont(at(i + 3))) return 0;
        if (c == 0xF0 && at(i + 1) < 0x90) return 0;  // overlong
        if (c == 0xF4 && at(i + 1) > 0x8F) return 0;  // beyond U+10FFFF
        return 4;
    }
    return 0;
}

char32_t decode_at(std::string_view s, std::size_t i, std::size_t len) {
    const auto b = [&](std::size_t k) {
        return static_cast<char32_t>(static_cast<unsigned char>(s[i + k]));
    };
    switch (len) {
        case 1:
            return b(0);
        case 2:
            return ((b(0) & 0x1F) << 6) | (b(1) & 0x3F);
        case 3:
            return ((b(0) & 0x0F) << 12) | ((b(1) & 0x3F) << 6) | (b(2) & 0x3F);
        default:
            return ((b(0) & 0x07) << 18) | ((b(1) & 0x3F) << 12) | ((b(2) & 0x3F) << 6) |
                   (b(3) & 0x3F);
    }
}

void append(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

Validation validate(std::string_view bytes) {
    Validation v;
    std::size_t i = 0;
    while (i < bytes.size()) {
        if (static_cast<unsigned char>(bytes[i]) < 0x80) {
            ++i;
            continue;
        }
        const std::size_t len = sequence_length(bytes, i);
        if (len == 0) {
            if (v.valid) {
                v.valid = false;
                v.first_invalid = i;
            }
            ++v.invalid;
            ++i;
            continue;
        }
        ++v.multibyte;
        i += len;
    }
    if (!v.valid) {
        // A lead byte whose continuation bytes run to the end of input: a file cut off mid-copy.
        const std::size_t tail = bytes.size() - v.first_invalid;
        bool conts = true;
        for (std::size_t k = v.first_invalid + 1; k < bytes.size(); ++k)
            conts = conts && is_cont(static_cast<unsigned char>(bytes[k]));
        v.truncated_at_end =
            conts && tail < 4 && static_cast<unsigned char>(bytes[v.first_invalid]) >= 0xC2;
    }
    return v;
}

}  // namespace kraft::utf8
