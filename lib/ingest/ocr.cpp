#include "ingest/ocr.hpp"

#include <leptonica/allheaders.h>
#include <tesseract/baseapi.h>
#include <tesseract/resultiterator.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <mutex>
#include <optional>
#include <thread>

namespace kraft {

namespace {

// Tesseract reads best at about 300 dpi; an image without a resolution is taken for an A4 page
// as wide as the image.
constexpr double kA4WidthInches = 8.27;
// Below this many pixels on the short side no text is legible (an A4 page at 50 dpi).
constexpr int kMinSide = 400;

const char* tessdata_dir() {
    if (std::getenv("TESSDATA_PREFIX")) return nullptr;  // tesseract reads it itself
#ifdef KRAFT_TESSDATA_DIR
    return KRAFT_TESSDATA_DIR[0] ? KRAFT_TESSDATA_DIR : nullptr;
#else
    return nullptr;
#endif
}

}  // namespace

void restart_with_one_openmp_thread(char** argv) {
    if (std::getenv("OMP_THREAD_LIMIT") || ::setenv("OMP_THREAD_LIMIT", "1", 1) != 0) return;
    ::execv("/proc/self/exe", argv);
}

OcrEngine::OcrEngine() : api_(std::make_unique<tesseract::TessBaseAPI>()) {}
OcrEngine::~OcrEngine() {
    if (api_) api_->End();
}

Result<std::unique_ptr<OcrEngine>> OcrEngine::open(const std::string& language) {
    std::unique_ptr<OcrEngine> e(new OcrEngine());
    if (e->api_->Init(tessdata_dir(), language.c_str(), tesseract::OEM_LSTM_ONLY) != 0)
        return fail("tesseract", 0,
                    "cannot load the OCR model for '" + language +
                        "' (install tesseract-ocr-swe, or set TESSDATA_PREFIX)");
    // One block of lines, top to bottom: a protocol page is one column, and reading it as one
    // block keeps a label beside its value ("Plats och tid   Stadshuset") and a right-aligned
    // case number on its heading's line, as a PDF's text layer does.
    e->api_->SetPageSegMode(tesseract::PSM_SINGLE_BLOCK);
    e->api_->SetVariable("debug_file", "/dev/null");  // no "Estimating resolution" chatter
    return e;
}

OcrPage OcrEngine::read(const GrayImage& image) {
    OcrPage page;
    api_->SetImage(image.pixels.data(), image.width, image.height, 1, image.width);
    api_->SetSourceResolution(image.dpi);
    if (api_->Recognize(nullptr) != 0) return page;
    std::unique_ptr<tesseract::ResultIterator> it(api_->GetIterator());
    if (!it || it->Empty(tesseract::RIL_WORD)) return page;
    bool line_start = true;
    // A blank line where the page has one: where the gap above a line is more than half a line's
    // height. (Tesseract's own paragraphs put one between most lines of a single-block page.)
    int previous_bottom = -1;
    do {
        if (it->IsAtBeginningOf(tesseract::RIL_TEXTLINE)) {
            int left = 0, top = 0, right = 0, bottom = 0;
            if (it->BoundingBox(tesseract::RIL_TEXTLINE, &left, &top, &right, &bottom)) {
                const int height = std::max(1, bottom - top);
                if (previous_bottom >= 0 && !page.text.empty() &&
                    top - previous_bottom > height / 2)
                    page.text += '\n';
                previous_bottom = bottom;
            }
        }
        std::unique_ptr<char[]> word(it->GetUTF8Text(tesseract::RIL_WORD));
        if (word && word[0]) {
            if (!line_start) page.text += ' ';
            const std::string w(word.get());
            page.words.push_back({page.text.size(), w.size(), it->Confidence(tesseract::RIL_WORD)});
            page.text += w;
            line_start = false;
        }
        if (it->IsAtFinalElement(tesseract::RIL_TEXTLINE, tesseract::RIL_WORD)) {
            page.text += '\n';
            line_start = true;
        }
    } while (it->Next(tesseract::RIL_WORD));
    if (!page.text.empty() && page.text.back() != '\n') page.text += '\n';
    api_->Clear();
    return page;
}

Result<std::vector<OcrPage>> read_pages(const OcrJob& job, const std::string& source) {
    std::vector<OcrPage> pages(job.pages);
    if (job.pages == 0) return pages;
    const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    const unsigned n =
        std::min<unsigned>(job.threads ? job.threads : cores, static_cast<unsigned>(job.pages));
    std::mutex render_mu, state_mu;
    std::size_t next = 0, done = 0;
    std::optional<Error> error;
    const auto work = [&] {
        auto engine = OcrEngine::open(job.language);
        if (!engine) {
            std::lock_guard lock(state_mu);
            if (!error) error = engine.error();
            return;
        }
        while (true) {
            std::size_t i;
            Result<GrayImage> image = GrayImage{};
            {
                std::lock_guard lock(render_mu);
                {
                    std::lock_guard state(state_mu);
                    if (error || next >= job.pages || (job.stop && *job.stop)) return;
                    i = next++;
                }
                image = job.image_of(i);
            }
            if (!image) {
                std::lock_guard lock(state_mu);
                if (!error) error = image.error();
                return;
            }
            OcrPage page = (*engine)->read(*image);
            std::lock_guard lock(state_mu);
            pages[i] = std::move(page);
            ++done;
            if (job.on_page) job.on_page(done, job.pages);
        }
    };
    std::vector<std::thread> threads;
    for (unsigned t = 1; t < n; ++t) threads.emplace_back(work);
    work();
    for (auto& t : threads) t.join();
    if (error) return std::unexpected(*error);
    if (job.stop && *job.stop) return fail(source, 0, "interrupted during OCR");
    return pages;
}

namespace {

Result<GrayImage> gray_of(PIX* pix, const std::string& source, std::size_t page, bool several) {
    const std::string where = several ? source + ": page " + std::to_string(page + 1) : source;
    const int w = static_cast<int>(pixGetWidth(pix)), h = static_cast<int>(pixGetHeight(pix));
    if (static_cast<double>(w) * static_cast<double>(h) > kMaxPagePixels)
        return fail(where, 0,
                    "image too large to read (" + std::to_string(w) + "x" + std::to_string(h) +
                        " pixels; a page at 600 dpi is 35 million)");
    if (std::min(w, h) < kMinSide)
        return fail(where, 0,
                    "image too small to read (" + std::to_string(w) + "x" + std::to_string(h) +
                        " pixels; a page scanned at 150 dpi or more is needed)");
    PIX* gray = pixConvertTo8(pix, 0);
    if (!gray) return fail(where, 0, "cannot convert the image to grey");
    GrayImage out;
    out.width = w;
    out.height = h;
    const int res = static_cast<int>(pixGetXRes(pix));
    out.dpi =
        res >= 70 && res <= 1200 ? res : std::clamp(static_cast<int>(w / kA4WidthInches), 70, 1200);
    out.pixels.resize(static_cast<std::size_t>(w) * static_cast<std::size_t>(h));
    const l_uint32* data = pixGetData(gray);
    const int wpl = static_cast<int>(pixGetWpl(gray));
    for (int y = 0; y < h; ++y) {
        const l_uint32* row = data + static_cast<std::ptrdiff_t>(y) * wpl;
        for (int x = 0; x < w; ++x)
            out.pixels[static_cast<std::size_t>(y) * static_cast<std::size_t>(w) +
                       static_cast<std::size_t>(x)] =
                static_cast<unsigned char>(GET_DATA_BYTE(row, x));
    }
    pixDestroy(&gray);
    return out;
}

}  // namespace

Result<std::vector<GrayImage>> read_images(const std::string& bytes, const std::string& source) {
    // leptonica prints its complaints about a broken image to stderr; kraft reports it once.
    setMsgSeverity(L_SEVERITY_NONE);
    const auto* data = reinterpret_cast<const l_uint8*>(bytes.data());
    std::vector<GrayImage> out;
    l_int32 format = IFF_UNKNOWN;
    findFileFormatBuffer(data, &format);
    if (format == IFF_TIFF || format == IFF_TIFF_G4 || format == IFF_TIFF_G3 ||
        format == IFF_TIFF_LZW || format == IFF_TIFF_ZIP || format == IFF_TIFF_PACKBITS ||
        format == IFF_TIFF_RLE || format == IFF_TIFF_JPEG) {
        PIXA* pixa = pixaReadMemMultipageTiff(data, bytes.size());
        if (!pixa) return fail(source, 0, "not a readable TIFF image");
        const int n = pixaGetCount(pixa);
        for (int i = 0; i < n; ++i) {
            PIX* pix = pixaGetPix(pixa, i, L_CLONE);
            auto g = gray_of(pix, source, static_cast<std::size_t>(i), n > 1);
            pixDestroy(&pix);
            if (!g) {
                pixaDestroy(&pixa);
                return std::unexpected(g.error());
            }
            out.push_back(std::move(*g));
        }
        pixaDestroy(&pixa);
        if (out.empty()) return fail(source, 0, "TIFF image has no pages");
        return out;
    }
    PIX* pix = pixReadMem(data, bytes.size());
    if (!pix) return fail(source, 0, "not a readable image (broken or truncated)");
    auto g = gray_of(pix, source, 0, false);
    pixDestroy(&pix);
    if (!g) return std::unexpected(g.error());
    out.push_back(std::move(*g));
    return out;
}

}  // namespace kraft
