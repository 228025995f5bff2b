// The full-text index on PostgreSQL: the table entry_index holds each entry's tokens (exactly
// those fts_tokenizer.hpp gives FTS5) as a tsvector under a GIN index, titles at weight A; the
// search syntax becomes a tsquery (tsquery.hpp). Ranking is FTS5's bm25 (titles weigh 5), computed
// here from the matches' tsvectors, so both engines order hits alike.
//
// tsvector's limits: a token keeps its first 256 positions, positions stop at 16,383, and tokens
// longer than 2,046 bytes are not indexed. Only the ranks of such entries can differ from FTS5's.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "store/pg_database.hpp"
#include "store/pg_word_pairs.hpp"
#include "store/posting_block.hpp"
#include "store/statement_cache.hpp"
#include "store/text_index.hpp"
#include "store/tsquery.hpp"

namespace kraft {

// A term whose number of entries token_counts keeps: a token (a spelling, "=word"), a word
// under its key (as_key: the tokens "k" and "_k", as a search for any form of a word reads), a
// prefix of keys (as_key, "namnd*"), or a pair of words (pg_word_pairs.hpp: two keys and a
// space).
struct CountedTerm {
    std::string token;
    bool as_key = false;
};
// The term a phrase stands for, when its count can be kept: a word's key or spelling, or two
// words' pair where that pair says all (not for a prefix, three words or more, or a word whose
// tokens are another pair).
std::optional<CountedTerm> counted_term(const TsPhrase& p);
// The term a whole query stands for: one such phrase, a word as search spells it, its key's
// two tokens or'ed (("=k" OR "=_k")), or a prefix of three letters or more as search spells
// it, (("=p" * OR "=_p" *)), kept as "p*" (a token never holds a '*').
std::optional<CountedTerm> counted_term(const TsQuery& q);

// The terms a query ands, each a counted term (one alone: that term); none when it is anything
// else (OR or NOT between terms, a prefix in a phrase, three words...).
//
//   conjunct_terms(*to_tsquery(R"(("=beslut" OR "=_beslut") AND ("=budget" OR "=_budget"))"))
//   // {{"beslut", as_key}, {"budget", as_key}}
std::optional<std::vector<CountedTerm>> conjunct_terms(const TsQuery& q);

// What selects the entries a query or a phrase matches from entry_index: SQL with a "?" for
// each parameter. A phrase of whole words is found through its words' pairs (pg_word_pairs.hpp),
// the rest through the words.
struct IndexCondition {
    std::string sql;
    std::vector<std::string> params;
};
IndexCondition index_condition(const TsPhrase& p);
IndexCondition index_condition(const TsQuery& q);

struct TokenCount {
    std::string token;
    bool as_key = false;
    std::int64_t entries = 0;
};
// The prefixes whose counts are kept, without their '*'.
using KeptPrefixes = std::set<std::string, std::less<>>;
// How many of the entries (each given by its tsvector's lexemes) hold each token, each key and
// each prefix of a key (only those in `kept`, when given): what storing them adds to
// token_counts, and deleting them takes away.
// Strings hashed, looked up by a string_view.
struct TextHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
using PrefixSet = std::unordered_set<std::string, TextHash, std::equal_to<>>;
// Each term an entry holds, given its tsvectors' lexemes (words and pairs): each token; and of a
// word, its key and each prefix of the key in `kept` (all, when none given), as "p*" (the view
// lasts for the call). A key or a prefix comes once for each of its words. With `leading`, a
// key's prefixes stop at the first not in it: where only some prefixes are wanted, `leading` holds
// every prefix of theirs, so that the rest of a key's are not looked up one by one.
void each_entry_term(const std::vector<std::string>& lexemes, const KeptPrefixes* kept,
                     const std::function<void(std::string_view, bool)>& on_term,
                     const PrefixSet* leading = nullptr);
std::vector<TokenCount> token_counts(const std::vector<std::vector<std::string>>& entries,
                                     const KeptPrefixes* kept = nullptr);

class PgPostings;

class PgTextIndex final : public TextIndex {
  public:
    explicit PgTextIndex(PgDatabase& db);
    ~PgTextIndex() override;

    Result<std::int64_t> count(const std::string& expression) override;
    Result<void> matching(const std::string& expression, std::optional<IdSpan> span,
                          const std::function<void(std::int64_t)>& on_id) override;
    // Common words from their postings, and'ed with the runs block by block.
    Result<std::int64_t> matching_within(const std::string& expression,
                                         const std::vector<IdSpan>& runs,
                                         const std::function<void(std::int64_t)>& on_id) override;
    Result<std::vector<RankedEntry>> ranked(const std::string& expression,
                                            const std::vector<std::int64_t>* allowed, IdSpan span,
                                            int limit) override;
    Result<void> newest(const std::string& expression, int limit,
                        const std::function<void(std::int64_t)>& on_id) override;
    // Indexes the entries and counts their tokens and words (token_counts).
    Result<void> add(const std::vector<IndexedEntry>& entries) override;
    Result<void> forget(const std::string& source) override;
    // Vacuums the index and refreshes the planner's statistics after a batch, which autovacuum
    // would do only later: until then searches read GIN's pending list and the planner misjudges
    // how many entries a word matches.
    Result<void> tidy(const std::atomic<bool>& stop) override;
    Result<std::vector<std::string>> check() override;

  private:
    Result<TsQuery> query(const std::string& expression);
    Result<void> vacuum_and_analyze(const std::atomic<bool>& stop);
    // Entries matching the condition, counted through the GIN indexes.
    Result<std::int64_t> counted(const IndexCondition& c);
    // A phrase's entries, where its count is not kept.
    Result<std::int64_t> phrase_count(const TsPhrase& p);
    // How many entries each phrase matches (bm25's n): kept for a word, a spelling or a pair,
    // counted for the rest.
    Result<std::vector<std::int64_t>> phrase_hits(const std::vector<TsPhrase>& phrases);
    // The kept counts of these terms (absent: no entry holds them).
    struct Kept {
        std::int64_t entries = 0;
        bool postings = false;  // the term has postings (pg_postings.hpp)
    };
    Result<std::map<std::pair<std::string, bool>, Kept>> kept_counts(
        const std::vector<CountedTerm>& terms);
    // Starts keeping the counts of the terms that have become common.
    Result<void> keep_common_terms(const std::atomic<bool>& stop);
    Result<void> keep_surveyed_terms(const std::atomic<bool>& stop);
    Result<void> keep_common_prefixes(const std::atomic<bool>& stop);
    Result<void> keep_prefixes_by_reading(const std::vector<std::string>& fresh,
                                          const std::atomic<bool>& stop);
    // Reads the prefixes kept anew when they have changed since last read. The caller holds the
    // writers' lock, under which alone they change.
    Result<void> read_kept_prefixes();
    // Adds ("+") or takes away ("-") entries' counts in token_counts, for the terms kept there.
    Result<void> add_counts(const std::vector<TokenCount>& counts, const char* sign);
    // The index's entries and words (index_totals), which bm25 weighs by.
    Result<void> add_totals(std::int64_t entries, std::int64_t words);
    // Rows of sql with params bound in order, noting whether an error was the expression's.
    Result<void> rows(const std::string& sql, const std::vector<std::string>& params,
                      const std::function<void(const SqlStatement&)>& on_row);
    // How a question to the GIN index is planned: never by a sequential scan; gin_only: nor by
    // walking the primary key; key_walk: only by walking it (the newest of a dense word).
    enum class Plan { any_index, gin_only, key_walk };
    Result<void> index_rows(const std::string& sql, const std::vector<std::string>& params,
                            const std::function<void(const SqlStatement&)>& on_row,
                            Plan plan = Plan::any_index);
    // The query's matches within the span from the postings of its terms (pg_postings.hpp), by
    // block, and those stored since the postings were made; none where some term has no postings
    // or too many entries came since.
    struct Posted {
        std::map<std::int64_t, PostingBlock> blocks;
        std::vector<std::int64_t> later;  // in id order
        std::int64_t count() const;
        // Ids in order, or newest first until on_id returns false.
        void each(const std::function<void(std::int64_t)>& on_id) const;
        void each_newest(const std::function<bool(std::int64_t)>& on_id) const;
    };
    Result<std::optional<Posted>> posted(const TsQuery& q, IdSpan span);
    // The index's number of entries, its greatest id, and how far its postings go.
    struct Extent {
        std::int64_t entries = 0, last_id = 0, postings_upto = 0;
    };
    Result<Extent> extent();
    PgDatabase& db_;
    KeptPrefixes kept_prefixes_;
    std::string kept_prefixes_seen_;  // their number and a sum of their hashes, when read
    StatementCache statements_;       // each statement prepared on the server once per connection
    std::unique_ptr<PgPostings> postings_;
};

// The tsvector literal of an entry: title words at weight A, then the body's from a position
// after the title's last; how many words it has (bm25's length), and its title; and its pairs of
// words (pg_word_pairs.hpp), from the same reading of its tokens.
struct EntryVector {
    std::string literal;
    std::vector<std::string> lexemes;  // in order
    std::int64_t words = 0;
    std::int64_t title_words = 0;
    EntryPairs pairs;
};
EntryVector entry_vector(const std::string& title, const std::string& body);

// FTS5's bm25 of one entry for the phrases: its tsvectors as PostgreSQL prints them (parts of
// one, together holding the phrases' lexemes), its length in words and its title's, each
// phrase's number of matching entries, the number of entries and their mean length.
double bm25(const std::vector<std::string_view>& tsvectors, std::int64_t length,
            std::int64_t title_length, const std::vector<TsPhrase>& phrases,
            const std::vector<std::int64_t>& hits, double entries, double mean_length);

}  // namespace kraft
