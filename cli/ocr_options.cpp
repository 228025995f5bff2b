#include "ocr_options.hpp"

namespace kraft::cli {

IngestOptions OcrArgs::options() const {
    IngestOptions o;
    o.ocr = mode == "always"  ? OcrMode::always
            : mode == "never" ? OcrMode::never
                              : OcrMode::automatic;
    o.ocr_language = language;
    o.ocr_threads = threads;
    return o;
}

void add_ocr_options(CLI::App* sub, OcrArgs& a) {
    sub->add_option("--ocr", a.mode,
                    "OCR of PDFs: auto (pages without a usable text layer, and images), always, "
                    "never")
        ->check(CLI::IsMember({"auto", "always", "never"}))
        ->default_str("auto");
    sub->add_option("--ocr-language", a.language,
                    "tesseract's language for OCR: swe (default), or e.g. swe+eng")
        ->type_name("LANG")
        ->default_str("swe");
    sub->add_option("--ocr-threads", a.threads, "Pages read by OCR at once (default: one per core)")
        ->check(CLI::Range(1, 64));
}

}  // namespace kraft::cli
