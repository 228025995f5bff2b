// Importing many files: decode, repair and parse on worker threads, one writer, one transaction
// per protocol. A failing file is reported and skipped; the batch goes on.
#pragma once

#include <atomic>
#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "ingest/ingest.hpp"
#include "repair/repair.hpp"
#include "segment/grammar.hpp"
#include "store/archive.hpp"
#include "util/error.hpp"

namespace kraft {

struct ImportOptions {
    std::optional<std::string> body;
    std::optional<std::string> date;
    unsigned threads = 0;  // 0: one per core but the writer's, at least 1, at most 4
    // How PDFs and images are read (OCR mode, language, threads); its callbacks and stop are
    // the batch's own.
    IngestOptions ingest;
    std::shared_ptr<const IngestModel> ingest_model;  // null: hyphenation without rules
};

struct ImportProgress {
    std::size_t files_done = 0, files_total = 0;
    std::size_t bytes_done = 0, bytes_total = 0;
};

struct ImportReport {
    std::size_t imported = 0, unchanged = 0, failed = 0, paragraphs = 0;
    bool interrupted = false;
    bool archive_failed =
        false;  // a store failed (disk full, read-only archive): the batch stopped
};

struct ImportCallbacks {
    std::function<void(const Error&)> on_error;
    std::function<void(const ImportProgress&)> on_progress;
    // A page of a scanned file read by OCR: called from the worker threads, one call at a time.
    std::function<void(const std::string& file, std::size_t done, std::size_t total)> on_ocr_page;
};

// Expands folders (recursively: protocol_file_name()'s files, sorted; symlinked folders are not
// followed, so a loop cannot trap the walk) and keeps files and "-" as given. Unreadable folders
// are reported.
std::vector<std::string> collect_inputs(const std::vector<std::string>& paths,
                                        const ImportCallbacks& cb, std::size_t& failures);

// Imports every input. Stops between files when `stop` becomes true (report.interrupted).
// Errors: only archive-level failures (the archive cannot be written at all).
Result<ImportReport> import_inputs(Archive& archive, const std::vector<std::string>& inputs,
                                   std::shared_ptr<const RepairModel> repair_model,
                                   const std::string& dictionary, const Grammar& grammar,
                                   const ImportOptions& options, const ImportCallbacks& cb,
                                   const std::atomic<bool>& stop);

}  // namespace kraft
