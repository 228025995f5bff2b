// OCR of page images with tesseract: the text, and how sure tesseract was of each word.
#pragma once

#include <atomic>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "ingest/pdf_document.hpp"
#include "util/error.hpp"

namespace tesseract {
class TessBaseAPI;
}

namespace kraft {

struct OcrWord {
    std::size_t offset = 0, length = 0;  // bytes, in OcrPage::text
    float confidence = 0;                // tesseract's, 0..100
};

struct OcrPage {
    std::string text;  // lines as tesseract found them, '\n' line ends, a blank line between
                       // paragraphs
    std::vector<OcrWord> words;
};

// One tesseract instance; not thread-safe: one per thread.
//
// Tesseract runs parts of its recognition on OpenMP threads (libgomp), and read_pages() reads
// pages on all cores besides: a process that OCRs should run with OMP_THREAD_LIMIT=1, as
// tesseract's documentation advises for parallel use. libgomp reads the variable once, when it
// loads, so it must be in the environment the process starts with (kraft's CLI starts itself
// again with it set). Without it one page on this project's 2-core machine took 17.5 s, 9.9 s of
// them in the kernel, against 1.9 s.
class OcrEngine {
  public:
    // language: tesseract's ("swe", "swe+eng"). Errors: its model is not installed.
    static Result<std::unique_ptr<OcrEngine>> open(const std::string& language);
    ~OcrEngine();
    OcrPage read(const GrayImage& image);

  private:
    OcrEngine();
    std::unique_ptr<tesseract::TessBaseAPI> api_;
};

// Starts the process again with OMP_THREAD_LIMIT=1 in its environment (execv of /proc/self/exe
// with argv), unless the variable is set already; returns when it is, or when the exec fails (the
// process then goes on as it is, only slower at OCR). For a program's main(), before anything else.
void restart_with_one_openmp_thread(char** argv);

struct OcrJob {
    std::size_t pages = 0;
    // The image of page i; called under a lock (a PDF renderer is not thread-safe), so that the
    // renders go one at a time while the pages already rendered are read on the other threads.
    std::function<Result<GrayImage>(std::size_t page)> image_of;
    std::string language = "swe";
    unsigned threads = 0;  // 0: one per core
    std::function<void(std::size_t done, std::size_t total)>
        on_page;  // from any thread, serialised
    const std::atomic<bool>* stop = nullptr;
};

// Reads every page of the job, pages in parallel. Errors: the first page that failed (its image),
// the model is missing, or stopped.
Result<std::vector<OcrPage>> read_pages(const OcrJob& job, const std::string& source);

// Reads a PNG, TIFF (every page), JPEG or BMP file into grey page images. Errors name source:
// unreadable image, an image too small to hold readable text.
Result<std::vector<GrayImage>> read_images(const std::string& bytes, const std::string& source);

}  // namespace kraft
