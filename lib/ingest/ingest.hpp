// ingest: a file as clerks have it -> protocol text. The first stage: protocol text files are
// decoded; a born-digital PDF's text layer is read in reading order without the template's
// page furniture and with its line-end hyphenation joined; scanned PDFs and page images are
// read by OCR.
//
//   auto model = IngestModel::load(grammar_dir);   // once
//   auto in = kraft::ingest(bytes, "protokoll.pdf", *model, options, is_word);
//   if (!in) report(in.error());   // "protokoll.pdf: encrypted PDF: ...", "scan.png: image too
//   small" in->text.text                  // NFC UTF-8; a PDF's pages separated by '\f'
#pragma once

#include <atomic>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "decode/decode.hpp"
#include "ingest/hyphenation.hpp"
#include "ingest/input_format.hpp"
#include "model/word_confidence.hpp"
#include "util/error.hpp"

namespace kraft {

enum class OcrMode {
    automatic,  // the pages of a PDF without a usable text layer, and images
    always,     // every page, whatever its text layer says
    never,      // no OCR: a PDF without text is an error, an image too
};
std::string_view to_string(OcrMode m);

struct IngestModel {
    HyphenationRules hyphenation;
    // Reads hyphenation.txt from dir. Errors: "FILE:LINE: message".
    static Result<std::shared_ptr<IngestModel>> load(const std::string& dir);
};

struct IngestOptions {
    OcrMode ocr = OcrMode::automatic;
    std::string ocr_language = "swe";  // tesseract's; "swe+eng" reads English passages too
    unsigned ocr_threads = 0;          // 0: one per core
    int ocr_dpi = 300;                 // a PDF page's rendering for OCR
    std::function<void(std::size_t done, std::size_t total)> on_ocr_page;
    const std::atomic<bool>* stop = nullptr;
};

struct IngestedText {
    DecodedText text;
    SourceInfo info;
    // The words OCR read, where they stand in text and how sure tesseract was; in text order,
    // empty without OCR. Repair leaves a confident word alone and doubts a doubtful one.
    std::vector<WordConfidence> ocr_words;
};

// bytes: as read_file(path, kMaxDocumentBytes) gives them; protocol text over kMaxInputBytes is
// refused here.
// Errors name the source and, where one applies, the page or line: what decode() refuses; a
// broken, encrypted or empty PDF; a PDF without text under OcrMode::never; an unreadable or too
// small image; the OCR model missing.
Result<IngestedText> ingest(std::string bytes, const std::string& source, const IngestModel& model,
                            const IngestOptions& options, const WordCheck& is_word);

}  // namespace kraft
