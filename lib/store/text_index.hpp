// The archive's full-text index of entries, asked in kraft's search syntax (FTS5's: words,
// "phrases", prefix*, AND/OR/NOT, parentheses; "=word" a spelling, "=_key" a key, see
// fts_tokenizer.hpp). Each engine answers with its own index: SQLite's FTS5 table (fts5_index.cpp)
// or PostgreSQL's tsvector column under a GIN index (pg_text_index.cpp), both built from the same
// tokens, so a search finds the same entries and ranks them alike on either.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "util/error.hpp"

namespace kraft {

// Entry ids first..last (none when first > last).
struct IdSpan {
    std::int64_t first = 0, last = -1;
    bool operator==(const IdSpan&) const = default;
};

// Tests ascending ids against sorted disjoint runs, walking both once.
class IdRangeWalk {
  public:
    explicit IdRangeWalk(const std::vector<IdSpan>& ranges) : ranges_(ranges) {}
    // Whether id lies in a run. Each id must be at least the one asked before.
    bool contains(std::int64_t id) {
        while (next_ < ranges_.size() && ranges_[next_].last < id) ++next_;
        return next_ < ranges_.size() && ranges_[next_].first <= id;
    }

  private:
    const std::vector<IdSpan>& ranges_;
    std::size_t next_ = 0;
};

struct RankedEntry {
    std::int64_t id;
    double rank;  // bm25 with titles weighing 5: lower is better
};

// An entry as the index reads it.
struct IndexedEntry {
    std::int64_t id;
    std::string title, body;
};

class TextIndex {
  public:
    virtual ~TextIndex() = default;

    // The last error was in the expression (malformed, or syntax this engine lacks), a usage
    // error, not the archive's.
    bool failed_on_input() const { return failed_on_input_; }

    // How many entries match.
    virtual Result<std::int64_t> count(const std::string& expression) = 0;
    // The matching entries in id order; with `span`, only those within it.
    virtual Result<void> matching(const std::string& expression, std::optional<IdSpan> span,
                                  const std::function<void(std::int64_t)>& on_id) = 0;
    // The matches within the runs (sorted and apart), in id order. Gives how many matches the
    // index holds from the first run's start to the last one's end: what reading them costs it.
    // (By default, those read and tested against the runs.)
    virtual Result<std::int64_t> matching_within(const std::string& expression,
                                                 const std::vector<IdSpan>& runs,
                                                 const std::function<void(std::int64_t)>& on_id);
    // The best `limit` matches by rank; with `allowed` (in id order, within `span`), only those.
    virtual Result<std::vector<RankedEntry>> ranked(const std::string& expression,
                                                    const std::vector<std::int64_t>* allowed,
                                                    IdSpan span, int limit) = 0;
    // The newest (highest id) matches first, until on_id returns false or `limit` are given.
    virtual Result<void> newest(const std::string& expression, int limit,
                                const std::function<void(std::int64_t)>& on_id) = 0;

    // Indexes one protocol's new entries, inside the caller's transaction. (Deleted entries leave
    // the index with them.)
    virtual Result<void> add(const std::vector<IndexedEntry>& entries) = 0;
    // Before the stored version of `source` is deleted (its entries leave the index with them):
    // forgets what the index keeps of them besides (PostgreSQL's counts of tokens).
    virtual Result<void> forget(const std::string& source) = 0;
    // Housekeeping after a batch (FTS5 merges its segments), in steps that `stop` may end.
    virtual Result<void> tidy(const std::atomic<bool>& stop) = 0;
    // Problems found by checking the index against the entries; empty when none.
    virtual Result<std::vector<std::string>> check() = 0;

  protected:
    bool failed_on_input_ = false;
};

}  // namespace kraft
