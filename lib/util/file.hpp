// Reading whole files into memory, with errors that name the file.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "util/error.hpp"

namespace kraft {

// Files above this size are refused rather than read: protocols are kilobytes to a few megabytes,
// and the pipeline holds a file in memory about eleven times over (measured: one 62 MB file of
// 10,000 paragraphs peaks at 680 MB), so this bounds an import's memory whatever lands in the
// folder.
inline constexpr std::size_t kMaxInputBytes = std::size_t{64} << 20;
// A scanned protocol's PDF or TIFF holds its pages as images: hundreds of pages are hundreds of
// megabytes, of which kraft keeps only the text. Text files are still held to kMaxInputBytes,
// once ingest knows what the bytes are.
inline constexpr std::size_t kMaxDocumentBytes = std::size_t{512} << 20;

// Reads a regular file, or standard input when path is "-". Errors: cannot open/read
// (with the OS's reason), not a regular file, larger than max_bytes.
Result<std::string> read_file(const std::string& path, std::size_t max_bytes = kMaxInputBytes);

// FNV-1a 64 of the bytes and their length, as hex: cheap change detection for re-imports.
std::string content_hash(std::string_view bytes);

}  // namespace kraft
