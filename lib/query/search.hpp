// search: what clerks ask the archive. Words (any inflection, with or without å/ä/ö; exact
// spellings first), FTS5 syntax for those who want it, a case number or "§ 189" as the query,
// and filters.
//
// A search is planned (search_plan.hpp: what was typed, as SQL clauses and an index expression),
// answered by one of three strategies (search_strategies.hpp: the entries to show, in order), and
// its hits read (search_hits.hpp).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/follow.hpp"
#include "query/filters.hpp"
#include "store/archive.hpp"

namespace kraft {

class Grammar;

struct SearchQuery : Filters {
    std::string text;  // may be empty when filters are given
    int limit = 20;
    bool exact = false;  // match å/ä/ö as typed, no folding or stemming
};

struct SearchHit {
    std::int64_t paragraph_id = 0;
    std::optional<std::string> date;
    std::string body;
    int paragraph = 0;
    std::string title;
    std::vector<std::string> case_numbers;
    EntryKind kind = EntryKind::paragraph;
    std::string snippet;  // the match between "\x02" and "\x03"
    std::string source;
};

struct SearchResult {
    std::int64_t total = 0;
    std::vector<SearchHit> hits;
};

// The search a saved search (`kraft follow --search`) runs.
SearchQuery search_query_of(const SavedSearch& s);

// Errors: usage (no words and no filter, a malformed FTS5 expression, a bad --case), grammar,
// or the archive's.
QueryResult<SearchResult> search(Archive& archive, const SearchQuery& q, const Grammar& g);

}  // namespace kraft
