// The archive: protocols stored in SQLite (a file) or PostgreSQL (a server shared by many
// importers and searchers), one transaction per protocol.
//
//   auto a = Archive::open(location, Database::Mode::read_write);  // creates and migrates
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
#include "store/text_index.hpp"
#include "util/error.hpp"

namespace kraft {

class Archive : public ProtocolSink {
  public:
    // `location`: a file path, or a postgresql:// URI (database.hpp). read_write creates the
    // archive and migrates its schema; read_only checks the version.
    // Errors: cannot open or connect, not a kraft archive, newer schema than this kraft.
    static Result<std::unique_ptr<Archive>> open(const std::string& location, Database::Mode mode);

    Database& db() { return *db_; }
    TextIndex& index() { return *index_; }
    // The schema version the archive was at when opened: a read-only archive may be older than
    // schema_version() by migrations that readers may skip.
    int schema() const { return schema_; }

    std::string name() const override { return db_->path(); }

    // Content hash of the stored version of `source`, if any.
    Result<std::optional<std::string>> stored_hash(const std::string& source) override;

    // Stores p in one transaction, replacing an earlier version with the same source; resolves its
    // citations and re-resolves citations elsewhere that point at this meeting. On PostgreSQL the
    // transaction holds a lock on the source, so importers of the same file wait for each other,
    // and is retried when the server ends it for a deadlock with another importer.
    // Errors: the engine's (the transaction is rolled back: nothing half-written).
    Result<Stored> store(const PreparedProtocol& p) override;

    // Starts an import run, which every protocol stored from now on records (`kraft news`). The
    // WAL is checkpointed every 64 MB instead of every 4 MB while a batch writes.
    Result<void> begin_batch() override;
    // Merges the full-text index (merge_index()) and records when the run finished.
    Result<void> finish_batch(const std::atomic<bool>& stop) override;
    // The import run begin_batch() started, if any.
    std::optional<std::int64_t> import_run() const { return import_run_; }

    // The index's housekeeping (TextIndex::tidy). Errors: the engine's (disk full...).
    Result<void> merge_index(const std::atomic<bool>& stop) { return index_->tidy(stop); }

    // Word counts learned from the clean protocols in the archive.
    Result<std::vector<std::pair<std::string, double>>> learned_frequencies() override;

  private:
    Archive(std::unique_ptr<Database> db, std::unique_ptr<TextIndex> index, int schema)
        : db_(std::move(db)), index_(std::move(index)), schema_(schema), statements_(*db_) {}
    Result<Stored> store_once(const PreparedProtocol& p);
    std::unique_ptr<Database> db_;
    std::unique_ptr<TextIndex> index_;
    int schema_;
    StatementCache statements_;
    std::optional<std::int64_t> import_run_;
};

}  // namespace kraft
