// The three ways a search finds the entries to show, each for the case it is fast in:
//   words_search            words alone: the full-text index, ranked or newest first;
//   filtered_words_search   words and filters: the filters' entries meet the index's matches;
//   filters_search          filters alone (a case number or § typed as the query is a filter).
// Each fills a Choice: the total and the entry ids to show, in order.
#pragma once

#include <cstdint>
#include <unordered_set>
#include <vector>

#include "query/search_plan.hpp"
#include "store/archive.hpp"

namespace kraft {

// The entries chosen to show, in order, each once, at most `limit`; and how many matched in all.
class Choice {
  public:
    explicit Choice(int limit) : limit_(static_cast<std::size_t>(limit)) {}
    void add(std::int64_t id) {
        if (!full() && seen_.insert(id).second) ids_.push_back(id);
    }
    bool full() const { return ids_.size() >= limit_; }
    void clear() {
        ids_.clear();
        seen_.clear();
    }
    const std::vector<std::int64_t>& ids() const { return ids_; }
    std::int64_t total = 0;

  private:
    std::size_t limit_;
    std::vector<std::int64_t> ids_;
    std::unordered_set<std::int64_t> seen_;
};

// Beyond this many matches, hits are ordered by date rather than bm25.
inline constexpr std::int64_t kRankedMatches = 2000;

QueryResult<Choice> words_search(Archive& a, const SearchPlan& plan);
QueryResult<Choice> filtered_words_search(Archive& a, const SearchPlan& plan);
QueryResult<Choice> filters_search(Archive& a, const SearchPlan& plan);

}  // namespace kraft
