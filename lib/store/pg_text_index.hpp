// The full-text index on PostgreSQL: the table entry_index holds each entry's tokens (exactly
// those fts_tokenizer.hpp gives FTS5) as a tsvector under a GIN index, titles at weight A; the
// search syntax becomes a tsquery (tsquery.hpp). Ranking is FTS5's bm25 (titles weigh 5), computed
// here from the matches' tsvectors, so both engines order hits alike.
//
// tsvector's limits: a token keeps its first 256 positions, positions stop at 16,383, and tokens
// longer than 2,046 bytes are not indexed. Only the ranks of such entries can differ from FTS5's.
#pragma once

#include "store/pg_database.hpp"
#include "store/statement_cache.hpp"
#include "store/text_index.hpp"
#include "store/tsquery.hpp"

namespace kraft {

class PgTextIndex final : public TextIndex {
  public:
    explicit PgTextIndex(PgDatabase& db) : db_(db), statements_(db) {}

    Result<std::int64_t> count(const std::string& expression) override;
    Result<void> matching(const std::string& expression, std::optional<IdSpan> span,
                          const std::function<void(std::int64_t)>& on_id) override;
    Result<std::vector<RankedEntry>> ranked(const std::string& expression,
                                            const std::vector<std::int64_t>* allowed, IdSpan span,
                                            int limit) override;
    Result<void> newest(const std::string& expression, int limit,
                        const std::function<void(std::int64_t)>& on_id) override;
    Result<void> add(const std::vector<IndexedEntry>& entries) override;
    // Vacuums the index and refreshes the planner's statistics after a batch, which autovacuum
    // would do only later: until then searches read GIN's pending list and the planner misjudges
    // how many entries a word matches.
    Result<void> tidy(const std::atomic<bool>& stop) override;
    Result<std::vector<std::string>> check() override;

  private:
    Result<TsQuery> query(const std::string& expression);
    Result<void> vacuum_and_analyze(const std::atomic<bool>& stop);
    // How many entries each phrase matches (bm25's n), counted, or for a one-word phrase read from
    // the counts kept in index_terms while the archive is unchanged (`generation`).
    Result<std::vector<std::int64_t>> phrase_hits(const std::vector<TsPhrase>& phrases,
                                                  std::int64_t generation);
    // Whether this connection may keep counts: a reader role, or a read replica, may not.
    Result<bool> may_keep_counts();
    // Rows of sql with params bound in order, noting whether an error was the expression's.
    Result<void> rows(const std::string& sql, const std::vector<std::string>& params,
                      const std::function<void(const SqlStatement&)>& on_row);
    // The same for a question to the GIN index (`words @@`), planned without sequential scans.
    Result<void> index_rows(const std::string& sql, const std::vector<std::string>& params,
                            const std::function<void(const SqlStatement&)>& on_row);
    PgDatabase& db_;
    StatementCache statements_;  // each statement prepared on the server once per connection
    std::optional<bool> may_keep_counts_;
};

// The tsvector literal of an entry: title words at weight A, then the body's from a position
// after the title's last; how many words it has (bm25's length), and its title.
struct EntryVector {
    std::string literal;
    std::int64_t words = 0;
    std::int64_t title_words = 0;
};
EntryVector entry_vector(const std::string& title, const std::string& body);

// FTS5's bm25 of one entry for the phrases: its tsvectors as PostgreSQL prints them (parts of
// one, together holding the phrases' lexemes), its length in words and its title's, each
// phrase's number of matching entries, the number of entries and their mean length.
double bm25(const std::vector<std::string_view>& tsvectors, std::int64_t length,
            std::int64_t title_length, const std::vector<TsPhrase>& phrases,
            const std::vector<std::int64_t>& hits, double entries, double mean_length);

}  // namespace kraft
