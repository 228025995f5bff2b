// The library's stages, opened the way every subcommand needs them.
#pragma once

#include <memory>
#include <string>

#include "context.hpp"
#include "decode/decode.hpp"
#include "ingest/ingest.hpp"
#include "repair/repair.hpp"
#include "segment/grammar.hpp"
#include "store/archive.hpp"
#include "util/error.hpp"

namespace kraft::cli {

// read_file + ingest (a PDF's text, OCR of scans, decode); errors name the file (and line or
// page). The repairer's lexicon judges a PDF's hyphenation and text layer. On a terminal, OCR
// shows its pages' progress on stderr.
Result<IngestedText> read_and_ingest(const std::string& path, const IngestOptions& options,
                                     Repairer& words, bool quiet);
// The options, with OCR's progress per page on stderr when it is a terminal and not quiet.
IngestOptions with_ocr_progress(const std::string& path, IngestOptions options, bool quiet);

// The ingest model from grammar_dir(); loaded once per process.
Result<std::shared_ptr<const IngestModel>> ingest_model();

// The repair model from grammar_dir() and hunspell's Swedish dictionary; loaded once per process.
Result<std::shared_ptr<const RepairModel>> repair_model();
// A repairer; when the archive exists, repair also uses the word frequencies it learned.
Result<std::unique_ptr<Repairer>> open_repairer(const std::string& archive);

// The protocol grammar from grammar_dir(); loaded once per process.
Result<std::shared_ptr<const Grammar>> protocol_grammar();

// For the commands that only read: the grammar's query_patterns(), or nullptr after reporting why
// it failed (exit 1);
// the archive opened read-only, or nullptr after reporting why it failed (exit 3).
const Grammar* grammar_or_report();
std::unique_ptr<Archive> read_archive_or_report(const GlobalOptions& g);

}  // namespace kraft::cli
