// Where an import batch puts what it prepared: the archive (store/archive.hpp), or a fake in the
// batch's unit tests. The batch runs the pipeline; the sink only keeps protocols.
#pragma once

#include <atomic>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "model/prepared_protocol.hpp"
#include "util/error.hpp"

namespace kraft {

// What store() did: wrote the protocol, or found this very version already kept (another
// importer, on another machine, stored the same file meanwhile).
enum class Stored { written, already_kept };

class ProtocolSink {
  public:
    virtual ~ProtocolSink() = default;

    // The sink's name in messages (the archive's path).
    virtual std::string name() const = 0;
    // Word counts learned from the clean protocols already kept: repair uses them.
    virtual Result<std::vector<std::pair<std::string, double>>> learned_frequencies() = 0;
    // The content hash of the kept version of `source`, if any: an unchanged file is skipped.
    virtual Result<std::optional<std::string>> stored_hash(const std::string& source) = 0;
    // Before the first store() of a batch.
    virtual Result<void> begin_batch() = 0;
    // Keeps p whole or not at all, replacing an earlier version of the same source.
    virtual Result<Stored> store(const PreparedProtocol& p) = 0;
    // After a batch that stored protocols and was not stopped; may stop early when `stop` is set,
    // losing nothing.
    virtual Result<void> finish_batch(const std::atomic<bool>& stop) = 0;
};

}  // namespace kraft
