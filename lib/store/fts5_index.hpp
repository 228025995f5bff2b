// The full-text index on SQLite: the FTS5 table entries_fts over the view entry_texts, with the
// tokenizer "kraft" (fts_tokenizer.hpp).
#pragma once

#include "store/sqlite_database.hpp"
#include "store/statement_cache.hpp"
#include "store/text_index.hpp"

namespace kraft {

class Fts5Index final : public TextIndex {
  public:
    explicit Fts5Index(SqliteDatabase& db) : db_(db), statements_(db) {}

    Result<std::int64_t> count(const std::string& expression) override;
    Result<void> matching(const std::string& expression, std::optional<IdSpan> span,
                          const std::function<void(std::int64_t)>& on_id) override;
    Result<std::vector<RankedEntry>> ranked(const std::string& expression,
                                            const std::vector<std::int64_t>* allowed, IdSpan span,
                                            int limit) override;
    Result<void> newest(const std::string& expression, int limit,
                        const std::function<void(std::int64_t)>& on_id) override;
    Result<void> add(const std::vector<IndexedEntry>& entries) override;
    // The delete trigger takes deleted entries out of the index.
    Result<void> forget(const std::string&) override { return {}; }
    // Merges the index's segments. Every stored protocol adds a segment, and a query reads every
    // segment: an archive imported file by file is left with dozens, which makes searches several
    // times slower. Merges a level's segments two at a time until none is left to merge
    // (geometric: a batch costs about the index's size once), each step its own transaction, so
    // stopping (`stop`, Ctrl-C) between steps loses nothing.
    Result<void> tidy(const std::atomic<bool>& stop) override;
    Result<std::vector<std::string>> check() override;

  private:
    // Runs the statement's rows through on_row, noting whether an error was the expression's,
    // and resets it: a statement left on a row holds a read snapshot the WAL cannot pass.
    template <class OnRow>
    Result<void> rows(SqlStatement& st, OnRow&& on_row) {
        auto ok = st.each_row(on_row);
        failed_on_input_ = !ok && st.failed_on_input();
        st.reset();
        return ok;
    }
    SqliteDatabase& db_;
    StatementCache statements_;
};

}  // namespace kraft
