// The archive: protocols stored in SQLite, one transaction per protocol.
//
//   auto a = Archive::open(path, Database::Mode::read_write);  // creates and migrates
//   if (a->stored_hash(source) == hash) ...                    // unchanged: nothing to do
//   a->store(prepared);                                        // replaces an earlier version
#pragma once

#include <atomic>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "model/prepared_protocol.hpp"
#include "model/protocol_sink.hpp"
#include "store/database.hpp"
#include "store/statement_cache.hpp"
#include "util/error.hpp"

namespace kraft {

class Archive : public ProtocolSink {
  public:
    // read_write creates the file and migrates the schema; read_only checks the version.
    // Errors: cannot open, not a kraft archive, newer schema than this kraft.
    static Result<std::unique_ptr<Archive>> open(const std::string& path, Database::Mode mode);

    Database& db() { return *db_; }
    // The schema version the archive was at when opened: a read-only archive may be older than
    // schema_version() by migrations that readers may skip.
    int schema() const { return schema_; }

    std::string name() const override { return db_->path(); }

    // Content hash of the stored version of `source`, if any.
    Result<std::optional<std::string>> stored_hash(const std::string& source) override;

    // Stores p in one transaction, replacing an earlier version with the same source; resolves its
    // citations and re-resolves citations elsewhere that point at this meeting.
    // Errors: any SQLite error (the transaction is rolled back: nothing half-written).
    Result<void> store(const PreparedProtocol& p) override;

    // Starts an import run, which every protocol stored from now on records (`kraft news`). The
    // WAL is checkpointed every 64 MB instead of every 4 MB while a batch writes.
    Result<void> begin_batch() override;
    // Merges the full-text index (merge_index()) and records when the run finished.
    Result<void> finish_batch(const std::atomic<bool>& stop) override;
    // The import run begin_batch() started, if any.
    std::optional<std::int64_t> import_run() const { return import_run_; }

    // Merges the full-text index's segments. Every stored protocol adds a segment, and a query
    // reads every segment: an archive imported file by file is left with dozens, which makes
    // searches several times slower. Merges a level's segments two at a time until none is
    // left to merge (geometric: a batch costs about the index's size once), each step its own
    // transaction, so stopping (`stop`, Ctrl-C) between steps loses nothing.
    // Errors: SQLite (disk full...).
    Result<void> merge_index(const std::atomic<bool>& stop);

    // Word counts learned from the clean protocols in the archive.
    Result<std::vector<std::pair<std::string, double>>> learned_frequencies() override;

  private:
    Archive(std::unique_ptr<Database> db, int schema)
        : db_(std::move(db)), schema_(schema), statements_(*db_) {}
    std::unique_ptr<Database> db_;
    int schema_;
    StatementCache statements_;
    std::optional<std::int64_t> import_run_;
};

}  // namespace kraft
