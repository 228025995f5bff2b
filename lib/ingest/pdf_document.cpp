#include "ingest/pdf_document.hpp"

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-image.h>
#include <poppler/cpp/poppler-page-renderer.h>
#include <poppler/cpp/poppler-page.h>

#include <climits>
#include <cmath>
#include <mutex>

#if defined(__SANITIZE_ADDRESS__)
// fontconfig, which poppler asks for a standard font's file when it renders a page, keeps its
// configuration for the process's life on purpose; LeakSanitizer would report it at exit of every
// sanitized program that renders such a page.
extern "C" const char* __lsan_default_suppressions() {
    return "leak:libfontconfig.so\n";
}
extern "C" const char* __lsan_default_options() {
    return "print_suppressions=0";
}
#endif

namespace kraft {

namespace {

// poppler writes its syntax warnings to stderr; a broken PDF is reported by kraft, once.
void silence_poppler() {
    static std::once_flag once;
    std::call_once(
        once, [] { poppler::set_debug_error_function([](const std::string&, void*) {}, nullptr); });
}

std::string utf8_of(const poppler::ustring& s) {
    const poppler::byte_array bytes = s.to_utf8();
    return std::string(bytes.begin(), bytes.end());
}

}  // namespace

PdfDocument::PdfDocument(std::unique_ptr<std::string> bytes, std::unique_ptr<poppler::document> doc,
                         std::string source)
    : bytes_(std::move(bytes)), doc_(std::move(doc)), source_(std::move(source)) {}
PdfDocument::PdfDocument(PdfDocument&&) noexcept = default;
PdfDocument& PdfDocument::operator=(PdfDocument&&) noexcept = default;
PdfDocument::~PdfDocument() = default;

Result<PdfDocument> PdfDocument::open(std::string bytes, const std::string& source) {
    silence_poppler();
    if (bytes.size() > static_cast<std::size_t>(INT_MAX))
        return fail(source, 0, "PDF too large (over 2 GB)");
    auto owned = std::make_unique<std::string>(std::move(bytes));
    std::unique_ptr<poppler::document> doc(
        poppler::document::load_from_raw_data(owned->data(), static_cast<int>(owned->size())));
    if (!doc) {
        // poppler refuses an encrypted PDF it cannot open without a password the same way as a
        // broken one; its trailer says which.
        if (owned->find("/Encrypt") != std::string::npos)
            return fail(source, 0,
                        "encrypted PDF: kraft reads only PDFs that open without a password");
        return fail(source, 0, "not a readable PDF (broken or truncated)");
    }
    if (doc->is_locked())
        return fail(source, 0, "encrypted PDF: kraft reads only PDFs that open without a password");
    if (doc->pages() <= 0) return fail(source, 0, "PDF has no pages");
    return PdfDocument(std::move(owned), std::move(doc), source);
}

int PdfDocument::pages() const {
    return doc_->pages();
}

std::string PdfDocument::producer() const {
    return utf8_of(doc_->get_producer());
}

std::string PdfDocument::page_text(int i) const {
    std::unique_ptr<poppler::page> page(doc_->create_page(i));
    if (!page) return {};
    std::string text = utf8_of(page->text(poppler::rectf(), poppler::page::physical_layout));
    for (char& c : text) {
        const auto u = static_cast<unsigned char>(c);
        if ((u < 0x20 && c != '\n') || u == 0x7f) c = ' ';
    }
    if (!text.empty() && text.back() != '\n') text += '\n';
    return text;
}

Result<GrayImage> PdfDocument::render(int i, int dpi) const {
    std::unique_ptr<poppler::page> page(doc_->create_page(i));
    if (!page) return fail(source_, 0, "page " + std::to_string(i + 1) + ": cannot be read");
    poppler::page_renderer renderer;
    renderer.set_image_format(poppler::image::format_gray8);
    renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
    renderer.set_render_hint(poppler::page_renderer::text_antialiasing, true);
    const poppler::rectf box = page->page_rect();
    const double pixels = box.width() / 72.0 * dpi * box.height() / 72.0 * dpi;
    const double scaled = pixels > kMaxPagePixels ? dpi * std::sqrt(kMaxPagePixels / pixels) : dpi;
    const poppler::image img = renderer.render_page(page.get(), scaled, scaled);
    if (!img.is_valid() || img.width() <= 0 || img.height() <= 0)
        return fail(source_, 0, "page " + std::to_string(i + 1) + ": cannot be rendered");
    GrayImage out;
    out.width = img.width();
    out.height = img.height();
    out.dpi = static_cast<int>(scaled);
    out.pixels.resize(static_cast<std::size_t>(out.width) * static_cast<std::size_t>(out.height));
    const int stride = img.bytes_per_row();
    const char* data = img.const_data();
    for (int y = 0; y < out.height; ++y)
        for (int x = 0; x < out.width; ++x)
            out.pixels[static_cast<std::size_t>(y) * static_cast<std::size_t>(out.width) +
                       static_cast<std::size_t>(x)] =
                static_cast<unsigned char>(data[static_cast<std::ptrdiff_t>(y) * stride + x]);
    return out;
}

}  // namespace kraft
