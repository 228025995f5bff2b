// The options that say how PDFs and page images are read (`import`, `parse`, `repair`), declared
// once so that the commands and their completions accept the same spellings.
#pragma once

#include <CLI/CLI.hpp>
#include <string>

#include "ingest/ingest.hpp"

namespace kraft::cli {

struct OcrArgs {
    std::string mode = "auto";
    std::string language = "swe";
    unsigned threads = 0;
    IngestOptions options() const;
};

void add_ocr_options(CLI::App* sub, OcrArgs& a);

}  // namespace kraft::cli
