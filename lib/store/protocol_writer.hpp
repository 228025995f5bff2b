// Writes one prepared protocol into the archive's tables, inside the caller's transaction: one
// short method per group of tables. Archive::store() owns the transaction; nothing here commits.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/prepared_protocol.hpp"
#include "store/database.hpp"
#include "store/statement_cache.hpp"
#include "store/text_index.hpp"

namespace kraft {

class ProtocolWriter {
  public:
    // import_run: the import that stores it (Archive::begin_batch), if any.
    ProtocolWriter(Database& db, StatementCache& statements, TextIndex& index,
                   const PreparedProtocol& p, std::optional<std::int64_t> import_run)
        : db_(db), statements_(statements), index_(index), p_(p), import_run_(import_run) {}
    // Replaces the earlier version of p's source (if any) with p. Errors: SQLite's; the caller
    // rolls back.
    Result<void> write();

  private:
    Result<void> remove_earlier_version();
    Result<void> insert_protocol();
    Result<void> insert_edits();
    Result<void> insert_attendance();
    Result<void> insert_paragraph(std::size_t index);
    Result<void> insert_decision(std::int64_t paragraph, const Decision& d);
    Result<void> insert_vote(std::int64_t paragraph, const Vote& v);
    Result<void> insert_statement(std::int64_t paragraph, const Paragraph& para, const Statement& s,
                                  const std::string& compressed);
    Result<void> link_cases(std::int64_t paragraph, const Paragraph& para);
    Result<void> insert_citations(std::int64_t paragraph, const Paragraph& para);
    Result<void> insert_recipients(std::int64_t paragraph, const Paragraph& para);
    Result<void> insert_entry(std::int64_t paragraph, std::optional<std::int64_t> statement,
                              std::string_view kind, const std::string& title,
                              const std::string& body, const std::string& compressed_body);
    Result<void> finish_protocol();

    // The id of the row of `table` whose `column` is value, inserted when missing.
    Result<std::int64_t> id_of(const char* table, const char* column, const std::string& value);
    Result<void> add_party(const std::string& abbreviation);

    // Runs sql with the values bound in order.
    template <class... Values>
    Result<void> run(std::string_view sql, const Values&... values) {
        auto s = statements_.get(sql);
        if (!s) return std::unexpected(s.error());
        return (*s)->bind_all(values...).run();
    }
    // Runs an INSERT with the values bound in order; returns the new row's id.
    template <class... Values>
    Result<std::int64_t> insert(std::string_view sql, const Values&... values) {
        auto s = statements_.get(std::string(sql) + " RETURNING id");
        if (!s) return std::unexpected(s.error());
        auto row = (*s)->bind_all(values...).step();
        if (!row) return std::unexpected(row.error());
        if (!*row) return fail(db_.path(), 0, "internal error: an insert gave no row");
        const std::int64_t id = (*s)->integer(0);
        if (auto ok = (*s)->run(); !ok) return std::unexpected(ok.error());
        return id;
    }

    Database& db_;
    StatementCache& statements_;
    TextIndex& index_;
    const PreparedProtocol& p_;
    std::optional<std::int64_t> import_run_;
    std::int64_t protocol_id_ = 0;
    // A damaged protocol has hundreds of edits and a handful of reasons: each looked up once.
    std::map<std::string, std::int64_t> reason_ids_;
    // What search finds: each entry's id, title and body, indexed at the end.
    std::vector<IndexedEntry> index_rows_;
    // The run of ids this protocol's entries take (see migration 6).
    std::int64_t first_entry_ = 0, last_entry_ = -1, entries_ = 0;
};

}  // namespace kraft
