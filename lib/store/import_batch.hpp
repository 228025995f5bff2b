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

#include "repair/repair.hpp"
#include "segment/grammar.hpp"
#include "store/archive.hpp"
#include "util/error.hpp"

namespace kraft {

struct ImportOptions {
    std::optional<std::string> body;
    std::optional<std::string> date;
    unsigned threads = 0;  // 0: one per core but the writer's, at least 1, at most 4
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
};

// Expands folders (recursively: *.txt and *.md except README*, sorted; symlinked folders are not
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
