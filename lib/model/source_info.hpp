// What a protocol's file was: text, a PDF or page images, and how much of it was read by OCR.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace kraft {

enum class InputFormat { text, pdf, image };

std::string_view to_string(InputFormat f);
// The format named by to_string(), or nullopt for any other name.
std::optional<InputFormat> input_format_from(std::string_view name);

// What the file was, for the archive and `kraft stats`.
struct SourceInfo {
    InputFormat format = InputFormat::text;
    int pages = 0;         // a PDF's or image's pages; 0 for text
    std::string producer;  // the PDF's producer, as it names itself
    int ocr_pages = 0;     // the pages read by OCR
};

}  // namespace kraft
