#include "ingest/input_format.hpp"

#include <array>
#include <string>

#include "util/text.hpp"

namespace kraft {

InputFormat format_of(std::string_view bytes) {
    if (bytes.substr(0, 1024).find("%PDF-") != std::string_view::npos) return InputFormat::pdf;
    constexpr std::array<std::string_view, 5> kImageMagic{
        std::string_view("\x89PNG\r\n\x1a\n", 8),  // PNG
        std::string_view("II*\0", 4),              // TIFF, little-endian
        std::string_view("MM\0*", 4),              // TIFF, big-endian
        std::string_view("\xff\xd8\xff", 3),       // JPEG
        std::string_view("BM", 2),                 // BMP
    };
    for (std::string_view magic : kImageMagic) {
        // "BM" alone is too weak a sign for text that starts with those letters: a BMP header
        // also holds the file size and a header size of 12..124 at byte 14.
        if (magic == "BM" && (bytes.size() < 18 || static_cast<unsigned char>(bytes[14]) < 12 ||
                              static_cast<unsigned char>(bytes[14]) > 124 || bytes[15] != 0))
            continue;
        if (bytes.starts_with(magic)) return InputFormat::image;
    }
    return InputFormat::text;
}

bool protocol_file_name(const std::filesystem::path& p) {
    static constexpr std::array<std::string_view, 8> kExtensions{".txt", ".md",   ".pdf", ".png",
                                                                 ".tif", ".tiff", ".jpg", ".jpeg"};
    const std::string ext = text::lower(p.extension().string());
    bool known = false;
    for (std::string_view e : kExtensions) known = known || ext == e;
    return known && !text::lower(p.filename().string()).starts_with("readme");
}

}  // namespace kraft
