// Reading whole files into memory, with errors that name the file.
#pragma once

#include <cstddef>
#include <string>

#include "util/error.hpp"

namespace kraft {

// Files above this size are refused rather than read: protocols are kilobytes to a few megabytes,
// and the pipeline holds a file in memory about eleven times over (measured: one 62 MB file of
// 10,000 paragraphs peaks at 680 MB), so this bounds an import's memory whatever lands in the
// folder.
inline constexpr std::size_t kMaxInputBytes = std::size_t{64} << 20;

// Reads a regular file, or standard input when path is "-". Errors: cannot open/read
// (with the OS's reason), not a regular file, larger than kMaxInputBytes.
Result<std::string> read_file(const std::string& path);

}  // namespace kraft
