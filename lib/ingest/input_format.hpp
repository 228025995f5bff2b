// What a file holds, read from its first bytes: protocol text, a PDF, or a page image.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "model/source_info.hpp"

namespace kraft {

// From the content, never the name: a scan saved as "protokoll.txt" is still an image. A PDF may
// start with up to 1 KB of junk before "%PDF-", as readers accept.
InputFormat format_of(std::string_view bytes);

// The files a folder's walk imports: *.txt, *.md, *.pdf, *.png, *.tif, *.tiff, *.jpg, *.jpeg,
// except README* (which describes a folder).
bool protocol_file_name(const std::filesystem::path& p);

}  // namespace kraft
