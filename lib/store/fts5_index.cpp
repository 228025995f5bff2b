#include "store/fts5_index.hpp"

#include "util/json_writer.hpp"

namespace kraft {

Result<std::int64_t> Fts5Index::count(const std::string& expression) {
    auto st = statements_.get("SELECT count(*) FROM entries_fts WHERE entries_fts MATCH ?");
    if (!st) return std::unexpected(st.error());
    std::int64_t n = 0;
    (*st)->bind(1, expression);
    if (auto ok = rows(**st, [&](const SqlStatement& row) { n = row.integer(0); }); !ok)
        return std::unexpected(ok.error());
    return n;
}

// In id order: FTS5 walks its lists backwards at half the speed. With a span FTS5 reads only
// between its ends (an archive imported as the meetings came holds recent dates in its last ids).
Result<void> Fts5Index::matching(const std::string& expression, std::optional<IdSpan> span,
                                 const std::function<void(std::int64_t)>& on_id) {
    auto st = statements_.get("SELECT rowid FROM entries_fts WHERE entries_fts MATCH ?" +
                              std::string(span ? " AND rowid >= ? AND rowid <= ?" : ""));
    if (!st) return std::unexpected(st.error());
    (*st)->bind(1, expression);
    if (span) (*st)->bind(2, span->first).bind(3, span->last);
    return rows(**st, [&](const SqlStatement& row) { on_id(row.integer(0)); });
}

// FTS5 sorts by its `rank` column itself, three times faster than an ORDER BY bm25() joined to
// anything. With `allowed`, "+rowid": walk the index's matches and test each, where a rowid
// constraint would run the whole MATCH once per listed id.
Result<std::vector<RankedEntry>> Fts5Index::ranked(const std::string& expression,
                                                   const std::vector<std::int64_t>* allowed,
                                                   IdSpan span, int limit) {
    auto st = statements_.get(
        "SELECT rowid, rank FROM entries_fts WHERE entries_fts MATCH ? AND rank MATCH "
        "'bm25(5.0, 1.0)'" +
        (allowed ? " AND +rowid IN " + db_.in_ids() + " AND rowid >= ? AND rowid <= ?" : "") +
        " ORDER BY rank LIMIT ?");
    if (!st) return std::unexpected(st.error());
    (*st)->bind(1, expression);
    int k = 2;
    if (allowed) {
        (*st)->bind(2, db_.ids_value(*allowed)).bind(3, span.first).bind(4, span.last);
        k = 5;
    }
    (*st)->bind(k, limit);
    std::vector<RankedEntry> out;
    if (auto ok = rows(**st,
                       [&](const SqlStatement& row) {
                           out.push_back({row.integer(0), row.real(1)});
                       });
        !ok)
        return std::unexpected(ok.error());
    return out;
}

// FTS5 stops after LIMIT rows.
Result<void> Fts5Index::newest(const std::string& expression, int limit,
                               const std::function<void(std::int64_t)>& on_id) {
    auto st = statements_.get(
        "SELECT rowid FROM entries_fts WHERE entries_fts MATCH ? ORDER BY rowid DESC LIMIT ?");
    if (!st) return std::unexpected(st.error());
    (*st)->bind(1, expression).bind(2, limit);
    return rows(**st, [&](const SqlStatement& row) { on_id(row.integer(0)); });
}

// In one statement: FTS5 writes what it holds in memory as a new segment whenever a later
// statement of the transaction opens a savepoint, so inserting entry by entry wrote a segment per
// entry (and merged them all again).
Result<void> Fts5Index::add(const std::vector<IndexedEntry>& entries) {
    if (entries.empty()) return {};
    std::string json = "[";
    for (const IndexedEntry& e : entries)
        json += (json.size() > 1 ? ",[" : "[") + std::to_string(e.id) + "," +
                JsonWriter::escape(e.title) + "," + JsonWriter::escape(e.body) + "]";
    json += "]";
    auto st = statements_.get(
        "INSERT INTO entries_fts(rowid, title, body) "
        "SELECT value->>0, value->>1, value->>2 FROM json_each(?)");
    if (!st) return std::unexpected(st.error());
    return (*st)->bind(1, json).run();
}

Result<void> Fts5Index::tidy(const std::atomic<bool>& stop) {
    // 'merge' does a bounded amount of work per call (merging a level's segments two at a time:
    // 'usermerge' is 2 since schema migration 2) and changes nothing once done.
    while (!stop) {
        const std::int64_t before = db_.total_changes();
        if (auto ok = db_.exec("INSERT INTO entries_fts(entries_fts, rank) VALUES('merge', 2000)");
            !ok)
            return ok;
        if (db_.total_changes() - before <= 1) break;
    }
    return {};
}

Result<std::vector<std::string>> Fts5Index::check() {
    std::vector<std::string> problems;
    if (auto ok =
            db_.exec("INSERT INTO entries_fts(entries_fts, rank) VALUES ('integrity-check', 1)");
        !ok)
        problems.push_back("full-text index: " + ok.error().message);
    return problems;
}

}  // namespace kraft
