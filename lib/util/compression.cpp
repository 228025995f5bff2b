#include "util/compression.hpp"

#include <zstd.h>

namespace kraft {

namespace {

// Level 3, zstd's default: ~3x on protocol text at well over 100 MB/s on this hardware.
constexpr int kLevel = 3;

// Nothing kraft stores is larger: imported files are at most 64 MiB, and a protocol's packed
// edits stay within a few times its text.
constexpr unsigned long long kMaxDecompressed = 256ull << 20;

}  // namespace

std::string compress(std::string_view data) {
    std::string out(ZSTD_compressBound(data.size()), '\0');
    const std::size_t n = ZSTD_compress(out.data(), out.size(), data.data(), data.size(), kLevel);
    // Compressing into a buffer of compressBound bytes cannot fail.
    out.resize(ZSTD_isError(n) ? 0 : n);
    return out;
}

Result<std::string> decompress(std::string_view blob) {
    // The size a frame claims is checked before anything is allocated for it: a damaged value
    // must not ask for gigabytes.
    const unsigned long long size = ZSTD_getFrameContentSize(blob.data(), blob.size());
    if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN)
        return fail("", 0, "a compressed value in the archive is damaged");
    if (size > kMaxDecompressed)
        return fail("", 0,
                    "a compressed value in the archive is damaged: it claims " +
                        std::to_string(size) + " bytes, more than kraft stores");
    std::string out(static_cast<std::size_t>(size), '\0');
    const std::size_t n = ZSTD_decompress(out.data(), out.size(), blob.data(), blob.size());
    if (ZSTD_isError(n) || n != out.size())
        return fail(
            "", 0,
            std::string("a compressed value in the archive is damaged: ") + ZSTD_getErrorName(n));
    return out;
}

}  // namespace kraft
