// A PDF as poppler reads it: its pages' text in reading order, and its pages as images for OCR.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "util/error.hpp"

namespace poppler {
class document;
}

namespace kraft {

// The most pixels a page image may have: an A4 page at 600 dpi is 35 million. A page that would
// be larger (a PDF's page box can claim metres) is rendered at a lower resolution, and an image
// file that is larger is refused, rather than filling the memory.
inline constexpr double kMaxPagePixels = 100e6;

// An 8-bit grey page image, rows top to bottom.
struct GrayImage {
    int width = 0, height = 0, dpi = 0;
    std::vector<unsigned char> pixels;  // width * height
};

class PdfDocument {
  public:
    // Errors naming `source`: not a PDF or a broken one, encrypted (a password is needed to
    // read it), no pages.
    static Result<PdfDocument> open(std::string bytes, const std::string& source);
    PdfDocument(PdfDocument&&) noexcept;
    PdfDocument& operator=(PdfDocument&&) noexcept;
    ~PdfDocument();

    int pages() const;
    std::string producer() const;  // "Aspose.PDF for .NET 23.3.0"; empty when not given
    // Page i (0-based) in the layout `pdftotext -layout` prints: each text line of the page on
    // one line, columns placed by their position, so a two-column cover keeps its label beside
    // its value and a right-aligned case number stays on its heading's line. UTF-8, '\n' line
    // ends, control characters made spaces. Not safe to call from two threads at once.
    std::string page_text(int i) const;
    // Page i rendered at dpi, or lower where that would pass kMaxPagePixels. Not safe to call
    // from two threads at once.
    Result<GrayImage> render(int i, int dpi) const;

  private:
    PdfDocument(std::unique_ptr<std::string> bytes, std::unique_ptr<poppler::document> doc,
                std::string source);
    std::unique_ptr<std::string> bytes_;  // poppler reads from them; they outlive doc_
    std::unique_ptr<poppler::document> doc_;
    std::string source_;
};

}  // namespace kraft
