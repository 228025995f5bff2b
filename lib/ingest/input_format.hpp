// What a file holds, read from its first bytes: protocol text, a PDF, or a page image.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace kraft {

enum class InputFormat { text, pdf, image };

std::string_view to_string(InputFormat f);

// What the file was, for the archive and `kraft stats`.
struct SourceInfo {
    InputFormat format = InputFormat::text;
    int pages = 0;         // a PDF's or image's pages; 0 for text
    std::string producer;  // the PDF's producer, as it names itself
    int ocr_pages = 0;     // the pages read by OCR
};

// From the content, never the name: a scan saved as "protokoll.txt" is still an image. A PDF may
// start with up to 1 KB of junk before "%PDF-", as readers accept.
InputFormat format_of(std::string_view bytes);

// The files a folder's walk imports: *.txt, *.md, *.pdf, *.png, *.tif, *.tiff, *.jpg, *.jpeg,
// except README* (which describes a folder).
bool protocol_file_name(const std::filesystem::path& p);

}  // namespace kraft
