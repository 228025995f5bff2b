// The full-text index on PostgreSQL: the table entry_index holds each entry's tokens (exactly
// those fts_tokenizer.hpp gives FTS5) as a tsvector under a GIN index, titles at weight A; the
// search syntax becomes a tsquery (tsquery.hpp). Ranking is FTS5's bm25 (titles weigh 5), computed
// here from the matches' tsvectors, so both engines order hits alike.
//
// tsvector's limits: a token keeps its first 256 positions, positions stop at 16,383, and tokens
// longer than 2,046 bytes are not indexed. Only the ranks of such entries can differ from FTS5's.
#pragma once

#include "store/pg_database.hpp"
#include "store/text_index.hpp"
#include "store/tsquery.hpp"

namespace kraft {

class PgTextIndex final : public TextIndex {
  public:
    explicit PgTextIndex(PgDatabase& db) : db_(db) {}

    Result<std::int64_t> count(const std::string& expression) override;
    Result<void> matching(const std::string& expression, std::optional<IdSpan> span,
                          const std::function<void(std::int64_t)>& on_id) override;
    Result<std::vector<RankedEntry>> ranked(const std::string& expression,
                                            const std::vector<std::int64_t>* allowed, IdSpan span,
                                            int limit) override;
    Result<void> newest(const std::string& expression, int limit,
                        const std::function<void(std::int64_t)>& on_id) override;
    Result<void> add(const std::vector<IndexedEntry>& entries) override;
    Result<void> tidy(const std::atomic<bool>&) override { return {}; }  // autovacuum's job
    Result<std::vector<std::string>> check() override;

  private:
    Result<TsQuery> query(const std::string& expression);
    // Rows of sql with params bound in order, noting whether an error was the expression's.
    Result<void> rows(const std::string& sql, const std::vector<std::string>& params,
                      const std::function<void(const SqlStatement&)>& on_row);
    PgDatabase& db_;
};

// The tsvector literal of an entry: title words at weight A, then the body's; and how many words
// it has (bm25's length).
struct EntryVector {
    std::string literal;
    std::int64_t words = 0;
};
EntryVector entry_vector(const std::string& title, const std::string& body);

// FTS5's bm25 of one entry (its tsvector as PostgreSQL prints it) for the phrases, given each
// phrase's number of matching entries, the number of entries and their mean length.
double bm25(std::string_view tsvector, std::int64_t length, const std::vector<TsPhrase>& phrases,
            const std::vector<std::int64_t>& hits, double entries, double mean_length);

}  // namespace kraft
