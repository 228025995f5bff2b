// Fuzzes decode: any bytes either decode to valid NFC UTF-8 with LF line ends, or are refused with
// an error naming the input. Never a crash, never invalid UTF-8 out.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "decode/decode.hpp"
#include "util/utf8.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    auto r = kraft::decode(bytes, "fuzz");
    if (!r) {
        if (r.error().file != "fuzz") std::abort();  // errors must name the file
        return 0;
    }
    if (!kraft::utf8::validate(r->text).valid) std::abort();
    if (r->text.find('\r') != std::string::npos) std::abort();
    return 0;
}
