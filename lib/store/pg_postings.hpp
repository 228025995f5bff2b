// The postings of the archive's common terms on PostgreSQL: for each term kept in token_counts
// with postings_from (20,000) entries or more, its entries' ids as bitmaps of 65,536 ids
// (posting_block.hpp), a row per term and block in term_postings. Words together, or a word
// within filters, are then answered by and'ing bitmaps, where the GIN index visits one row of the
// table per match: `beslut budget` at 1.8 million entries counts 223,232 matches in 240 ms that
// way, two bitmaps of 28 blocks each in a few.
//
// They are made after each import (tidy), under the writers' lock, up to the newest entry then
// (index_totals.postings_upto); entries stored since are found by walking them (a few, or none).
// A replaced protocol's entries leave them in its transaction (forget). A term gets postings once
// it has enough entries: read from its GIN list where few do, else from every entry read once.
#pragma once

#include <atomic>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "store/pg_database.hpp"
#include "store/pg_text_index.hpp"
#include "store/posting_block.hpp"
#include "store/statement_cache.hpp"

namespace kraft {

// Entries by block, each block's bitmap.
using PostingBlocks = std::map<std::int64_t, PostingBlock>;

class PgPostings {
  public:
    PgPostings(PgDatabase& db, StatementCache& statements) : db_(db), statements_(statements) {}

    // The term's entries from first to last, by block (none where it has none), as far as its
    // postings go (see upto()). The term must have postings (token_counts.postings).
    Result<PostingBlocks> blocks(const CountedTerm& term, std::int64_t first, std::int64_t last);
    // Makes the postings of the terms that have enough entries, up to the newest entry. The
    // caller holds the writers' lock.
    Result<void> keep(const std::atomic<bool>& stop);
    // Takes the entries out of the postings, before they are deleted: `lexemes[k]` are the words
    // and pairs of the entry `ids[k]`.
    Result<void> forget(const std::vector<std::int64_t>& ids,
                        const std::vector<std::vector<std::string>>& lexemes,
                        const KeptPrefixes& kept);
    // Problems found by counting each term's postings against its kept count.
    Result<std::vector<std::string>> check();

  private:
    struct Term {
        std::string token;
        bool as_key = false;
    };
    Result<void> rows(const std::string& sql, const std::vector<std::string>& params,
                      const std::function<void(const SqlStatement&)>& on_row);
    // The fresh terms' entries up to `upto`, each from its GIN list.
    Result<void> keep_listed(const std::vector<Term>& fresh, std::int64_t upto,
                             const std::atomic<bool>& stop);
    // Every entry from `from` to `last` read once: of the entries up to `upto`, the terms from
    // `fresh_from` on in `terms` (the fresh ones); of the later ones, all the terms.
    Result<void> keep_read(const std::vector<Term>& terms, std::size_t fresh_from,
                           std::int64_t from, std::int64_t upto, std::int64_t last,
                           const std::atomic<bool>& stop);
    // Adds the bits to the terms' stored blocks (`clear`: takes them away).
    Result<void> merge(std::int64_t block, const std::vector<Term>& terms,
                       const std::vector<PostingBlock>& bits, bool clear = false);
    PgDatabase& db_;
    StatementCache& statements_;
};

}  // namespace kraft
