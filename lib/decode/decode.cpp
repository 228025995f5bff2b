#include "decode/decode.hpp"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cstdio>

#include "decode/mojibake.hpp"
#include "util/text.hpp"
#include "util/utf8.hpp"

namespace kraft {

namespace {

int line_at(std::string_view bytes, std::size_t offset) {
    return 1 + static_cast<int>(std::count(bytes.begin(), bytes.begin() + offset, '\n'));
}

// NUL bytes, or more than one byte in ten a control character that text files do not hold.
bool looks_binary(std::string_view bytes) {
    if (bytes.find('\0') != std::string_view::npos) return true;
    const std::size_t n = std::min<std::size_t>(bytes.size(), 1 << 16);
    std::size_t control = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const auto c = static_cast<unsigned char>(bytes[i]);
        if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' &&
             c != 0x1B) ||
            c == 0x7F)
            ++control;
    }
    return n > 0 && control * 10 > n;
}

// Converts from a legacy or UTF-16 encoding with ICU; stops at the first unconvertible byte.
Result<std::string> convert_with_icu(std::string_view bytes, const char* charset,
                                     const std::string& source) {
    UErrorCode status = U_ZERO_ERROR;
    UConverter* conv = ucnv_open(charset, &status);
    if (U_FAILURE(status)) return fail(source, 0, std::string("no converter for ") + charset);
    ucnv_setToUCallBack(conv, UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
    icu::UnicodeString u;
    const int32_t cap = static_cast<int32_t>(bytes.size()) + 1;
    UChar* buf = u.getBuffer(cap);
    const int32_t len =
        ucnv_toUChars(conv, buf, cap, bytes.data(), static_cast<int32_t>(bytes.size()), &status);
    u.releaseBuffer(U_SUCCESS(status) ? len : 0);
    ucnv_close(conv);
    if (U_FAILURE(status))
        return fail(source, 0,
                    std::string("cannot be read as ") + charset + " (" + u_errorName(status) + ")");
    std::string out;
    u.toUTF8String(out);
    return out;
}

void normalize_line_ends(std::string& text) {
    if (text.find('\r') == std::string::npos) return;
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\r') {
            out += '\n';
            if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
        } else {
            out += text[i];
        }
    }
    text = std::move(out);
}

Result<void> to_nfc(std::string& text, const std::string& source) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status)) return fail(source, 0, "ICU has no NFC data");
    if (nfc->isNormalizedUTF8(text, status) && U_SUCCESS(status)) return {};
    status = U_ZERO_ERROR;
    std::string out;
    icu::StringByteSink<std::string> sink(&out, static_cast<int32_t>(text.size()));
    nfc->normalizeUTF8(0, text, sink, nullptr, status);
    if (U_FAILURE(status)) return fail(source, 0, "cannot normalize to NFC");
    text = std::move(out);
    return {};
}

std::size_t count_replacement_chars(std::string_view text) {
    std::size_t n = 0;
    for (std::size_t pos = text.find("\xEF\xBF\xBD"); pos != std::string_view::npos;
         pos = text.find("\xEF\xBF\xBD", pos + 3))
        ++n;
    return n;
}

}  // namespace

std::string_view encoding_name(Encoding e) {
    switch (e) {
        case Encoding::utf8:
            return "UTF-8";
        case Encoding::utf8_bom:
            return "UTF-8 with BOM";
        case Encoding::utf16le:
            return "UTF-16LE";
        case Encoding::utf16be:
            return "UTF-16BE";
        case Encoding::windows1252:
            return "windows-1252";
        case Encoding::utf8_double_encoded:
            return "UTF-8 decoded as Latin-1 once";
    }
    return "unknown";
}

std::vector<DecodedText::Position> DecodedText::positions_of(
    const std::vector<std::size_t>& offsets) const {
    std::vector<Position> out;
    out.reserve(offsets.size());
    std::size_t counted_to = 0;  // the column of the previous offset is known up to here
    for (const std::size_t offset : offsets) {
        const int line = line_of(offset);
        const std::size_t start = line_starts[static_cast<std::size_t>(line - 1)];
        Position p{line, 1};
        if (!out.empty() && out.back().line == line && counted_to <= offset) {
            p.column = out.back().column;
        } else {
            counted_to = start;
        }
        p.column += static_cast<int>(
            text::code_points(std::string_view(text).substr(counted_to, offset - counted_to)));
        counted_to = offset;
        out.push_back(p);
    }
    return out;
}

int DecodedText::line_of(std::size_t offset) const {
    const auto it = std::upper_bound(line_starts.begin(), line_starts.end(), offset);
    return static_cast<int>(it - line_starts.begin());
}

Result<DecodedText> decode(std::string_view bytes, const std::string& source) {
    DecodedText out;
    if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) {
        const bool le = bytes[0] == '\xFF';
        out.encoding = le ? Encoding::utf16le : Encoding::utf16be;
        if ((bytes.size() - 2) % 2 != 0)
            return fail(source, 0, "truncated UTF-16 (odd byte count)");
        auto text = convert_with_icu(bytes.substr(2), le ? "UTF-16LE" : "UTF-16BE", source);
        if (!text) return std::unexpected(text.error());
        out.text = std::move(*text);
        if (out.text.find('\0') != std::string::npos) return fail(source, 0, "not a text file");
    } else {
        if (bytes.starts_with("\xEF\xBB\xBF")) {
            bytes.remove_prefix(3);
            out.encoding = Encoding::utf8_bom;
        }
        if (looks_binary(bytes)) return fail(source, 0, "not a text file");
        const utf8::Validation v = utf8::validate(bytes);
        if (v.valid) {
            out.text.assign(bytes);
            out.repaired_sequences = undo_double_encoding(out.text);
            if (out.repaired_sequences > 0) out.encoding = Encoding::utf8_double_encoded;
        } else if (v.multibyte == 0 && out.encoding == Encoding::utf8) {
            // No well-formed multi-byte sequence at all: a legacy single-byte file.
            auto text = convert_with_icu(bytes, "windows-1252", source);
            if (!text) return std::unexpected(text.error());
            out.text = std::move(*text);
            out.encoding = Encoding::windows1252;
        } else {
            const int line = line_at(bytes, v.first_invalid);
            if (v.truncated_at_end)
                return fail(source, line, "truncated UTF-8 at the end of the file");
            char msg[64];
            std::snprintf(msg, sizeof msg, "invalid UTF-8 (byte 0x%02X)",
                          static_cast<unsigned char>(bytes[v.first_invalid]));
            return fail(source, line, msg);
        }
    }
    normalize_line_ends(out.text);
    if (auto ok = to_nfc(out.text, source); !ok) return std::unexpected(ok.error());
    out.replacement_chars = count_replacement_chars(out.text);
    out.line_starts.push_back(0);
    for (std::size_t i = 0; i < out.text.size(); ++i)
        if (out.text[i] == '\n' && i + 1 < out.text.size()) out.line_starts.push_back(i + 1);
    for (std::size_t l = 0; l < out.line_starts.size(); ++l) {
        const std::size_t end =
            l + 1 < out.line_starts.size() ? out.line_starts[l + 1] : out.text.size();
        if (end - out.line_starts[l] > kMaxLineBytes)
            return fail(source, static_cast<int>(l + 1),
                        "a line of " + std::to_string((end - out.line_starts[l]) >> 20) +
                            " MiB; protocol text has no line over " +
                            std::to_string(kMaxLineBytes >> 20) + " MiB (is this a protocol?)");
    }
    return out;
}

}  // namespace kraft
