// Importing many files: ingest, repair and segment on worker threads, one writer storing into a
// ProtocolSink (the archive), one protocol at a time. A failing file is reported and skipped; the
// batch goes on. A failing sink (disk full, read-only archive) stops it.
//
//   auto report = import_inputs(*archive, inputs, repair_model, dictionary, pipeline, options,
//                               callbacks, stop);
#pragma once

#include <atomic>
#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "model/protocol_sink.hpp"
#include "pipeline/prepare.hpp"
#include "repair/repair.hpp"
#include "util/error.hpp"

namespace kraft {

struct ImportOptions {
    std::optional<std::string> body;
    std::optional<std::string> date;
    unsigned threads = 0;  // 0: one per core but the writer's, at least 1, at most 4
    // How PDFs and images are read (OCR mode, language, threads); its callbacks and stop are
    // the batch's own.
    IngestOptions ingest;
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

// Imports every input into sink, in the inputs' order. Repair learns from the sink's learned
// frequencies first. Stops between files when `stop` becomes true (report.interrupted).
// Errors: only sink-level failures before the first file (the sink cannot be read at all), and a
// repairer that cannot be opened (the dictionary is missing).
Result<ImportReport> import_inputs(ProtocolSink& sink, const std::vector<std::string>& inputs,
                                   std::shared_ptr<const RepairModel> repair_model,
                                   const std::string& dictionary, const Pipeline& pipeline,
                                   const ImportOptions& options, const ImportCallbacks& callbacks,
                                   const std::atomic<bool>& stop);

}  // namespace kraft
