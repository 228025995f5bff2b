// zstd compression of what the archive keeps but rarely reads: paragraph texts, original texts,
// packed repair edits.
//
//   std::string z = compress(text);  auto t = decompress(z);   // t == text, or an error
#pragma once

#include <string>
#include <string_view>

#include "util/error.hpp"

namespace kraft {

std::string compress(std::string_view data);
// Errors: not a zstd frame of known size, larger than kraft ever stores (256 MiB), or damaged.
Result<std::string> decompress(std::string_view blob);

}  // namespace kraft
