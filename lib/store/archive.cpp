#include "store/archive.hpp"

#include "store/fts5_index.hpp"
#include "store/fts_tokenizer.hpp"
#include "store/pg_database.hpp"
#include "store/pg_schema.hpp"
#include "store/pg_text_index.hpp"
#include "store/protocol_writer.hpp"
#include "store/schema.hpp"
#include "store/sql_functions.hpp"
#include "store/sqlite_database.hpp"
#include "util/time.hpp"

namespace kraft {

namespace {

// Whether every paragraph and statement has its compressed text (the import's workers fill them
// in).
bool compressed_texts_match(const PreparedProtocol& p) {
    if (p.compressed_paragraphs.size() != p.protocol.paragraphs.size()) return false;
    for (std::size_t i = 0; i < p.compressed_paragraphs.size(); ++i)
        if (p.compressed_paragraphs[i].statements.size() !=
            p.protocol.paragraphs[i].statements.size())
            return false;
    return true;
}

// How often a protocol's transaction is tried when the server ends it for a deadlock or a
// serialization failure with another importer.
constexpr int kTries = 5;

}  // namespace

Result<std::unique_ptr<Archive>> Archive::open(const std::string& location, Database::Mode mode) {
    if (is_server_location(location)) {
        auto db = PgDatabase::open(location);
        if (!db) return std::unexpected(db.error());
        if (mode == Database::Mode::read_write) {
            if (auto ok = pg_migrate(**db); !ok) return std::unexpected(ok.error());
        } else if (auto v = pg_check_version(**db); !v) {
            return std::unexpected(v.error());
        }
        auto index = std::make_unique<PgTextIndex>(**db);
        // The PostgreSQL schema holds all that SQLite's schema_version() does.
        return std::unique_ptr<Archive>(
            new Archive(std::move(*db), std::move(index), schema_version()));
    }
    auto db = SqliteDatabase::open(location, mode);
    if (!db) return std::unexpected(db.error());
    if (auto ok = register_fts_tokenizer(**db); !ok) return std::unexpected(ok.error());
    if (auto ok = register_sql_functions(**db); !ok) return std::unexpected(ok.error());
    int schema = schema_version();
    if (mode == Database::Mode::read_write) {
        if (auto ok = migrate(**db); !ok) return std::unexpected(ok.error());
    } else {
        auto v = check_version(**db);
        if (!v) return std::unexpected(v.error());
        schema = *v;
    }
    auto index = std::make_unique<Fts5Index>(**db);
    return std::unique_ptr<Archive>(new Archive(std::move(*db), std::move(index), schema));
}

Result<std::optional<std::string>> Archive::stored_hash(const std::string& source) {
    auto s = statements_.get("SELECT content_hash FROM protocols WHERE source = ?");
    if (!s) return std::unexpected(s.error());
    auto row = (*s)->bind(1, source).step();
    if (!row) return std::unexpected(row.error());
    std::optional<std::string> hash;
    if (*row) hash = (*s)->text(0);
    (*s)->reset();  // a statement left on a row holds a read snapshot: the WAL could not checkpoint
    return hash;
}

Result<Stored> Archive::store(const PreparedProtocol& p) {
    if (!compressed_texts_match(p))
        return fail(p.source, 0, "internal error: the prepared texts do not match the protocol");
    for (int attempt = 1;; ++attempt) {
        auto ok = store_once(p);
        if (ok || attempt == kTries || !db_->retryable_failure()) return ok;
    }
}

Result<Stored> Archive::store_once(const PreparedProtocol& p) {
    Transaction t(*db_);
    if (auto ok = t.begin(); !ok) return std::unexpected(ok.error());
    if (db_->engine() == SqlEngine::postgresql) {
        // Another importer storing the same file waits here until this one commits, then finds
        // it stored: the same version is not written twice.
        auto lock = statements_.get("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))");
        if (!lock) return std::unexpected(lock.error());
        if (auto ok = (*lock)->bind(1, p.source).run(); !ok) return std::unexpected(ok.error());
        auto stored = stored_hash(p.source);
        if (!stored) return std::unexpected(stored.error());
        if (stored->value_or("") == p.content_hash) return Stored::already_kept;
    }
    // Writers take turns here; the pipeline before it (reading, OCR, repair, segmenting) runs on
    // every importer's cores at once.
    if (auto ok = db_->lock_writers(); !ok) return std::unexpected(ok.error());
    if (auto ok = ProtocolWriter(*db_, statements_, *index_, p, import_run_).write(); !ok)
        return std::unexpected(ok.error());
    if (auto ok = t.commit(); !ok) return std::unexpected(ok.error());
    return Stored::written;
}

Result<void> Archive::begin_batch() {
    // Each checkpoint copies pages (index interiors, the full-text segments' structure) that the
    // next protocols dirty again. A clean 8.6 MB import: 2.85 -> 2.48 s (mean of 3). SQLite
    // checkpoints it all when the last connection closes.
    if (db_->engine() == SqlEngine::sqlite)
        if (auto ok = db_->exec("PRAGMA wal_autocheckpoint = 16384"); !ok) return ok;
    auto run = statements_.get("INSERT INTO import_runs(started_at) VALUES (?) RETURNING id");
    if (!run) return std::unexpected(run.error());
    auto row = (*run)->bind(1, now_utc()).step();
    if (!row) return std::unexpected(row.error());
    if (*row) import_run_ = (*run)->integer(0);
    return (*run)->run();
}

Result<void> Archive::finish_batch(const std::atomic<bool>& stop) {
    if (auto ok = merge_index(stop); !ok) return ok;
    if (!import_run_) return {};
    auto finished = statements_.get("UPDATE import_runs SET finished_at = ? WHERE id = ?");
    if (!finished) return std::unexpected(finished.error());
    return (*finished)->bind(1, now_utc()).bind(2, *import_run_).run();
}

Result<std::vector<std::pair<std::string, double>>> Archive::learned_frequencies() {
    std::vector<std::pair<std::string, double>> out;
    auto s = statements_.get("SELECT word, count FROM word_frequencies");
    if (!s) return std::unexpected(s.error());
    if (auto ok = (*s)->each_row([&](const SqlStatement& row) {
            out.emplace_back(row.text(0), static_cast<double>(row.integer(1)));
        });
        !ok)
        return std::unexpected(ok.error());
    return out;
}

}  // namespace kraft
