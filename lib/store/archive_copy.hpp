// `kraft copy`: one archive's protocols and follows into another, SQLite or PostgreSQL either
// way, so that a clerk's own archive can be merged into a region's shared one (or a shared one
// taken home).
//
// Each protocol is read back whole (protocol_reader.hpp) and stored by Archive::store() in its
// own transaction, as an import stores it: the destination gives it its own ids, resolves its
// citations against the meetings it already has, and learns its words. A copy that stops (an
// error, Ctrl-C, a lost server) leaves every protocol copied so far complete; run again, it skips
// them and goes on.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>

#include "store/archive.hpp"
#include "util/error.hpp"

namespace kraft {

struct CopyProgress {
    std::size_t done = 0, total = 0;  // protocols
};

struct CopyResult {
    std::size_t copied = 0;       // new in the destination
    std::size_t replaced = 0;     // an older version of the same file was there
    std::size_t unchanged = 0;    // this very version was there
    std::size_t kept_newer = 0;   // the destination holds a later import of the same file
    std::size_t failed = 0;       // could not be read back (reported through on_error)
    std::size_t follows = 0;      // followed cases and saved searches the destination lacked
    std::int64_t paragraphs = 0;  // in the protocols copied or replaced
    bool interrupted = false;
};

struct CopyCallbacks {
    std::function<void(const CopyProgress&)> on_progress;
    std::function<void(const Error&)> on_error;
};

// Copies every protocol of `from` into `to`. A file the destination holds in another version is
// replaced when the source's version was imported later, and kept otherwise. Stops between two
// protocols when `stop` is set (result.interrupted).
// Errors: the two are one archive; the destination's engine (nothing half-written).
Result<CopyResult> copy_archive(Archive& from, Archive& to, const CopyCallbacks& cb,
                                const std::atomic<bool>& stop);

}  // namespace kraft
