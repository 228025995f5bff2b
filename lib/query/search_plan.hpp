// A search as the strategies answer it: what the user typed, understood (words for the index, a
// case number or § looked up) and the filters as SQL clauses.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "query/filters.hpp"
#include "query/match_expression.hpp"
#include "query/search.hpp"
#include "store/text_index.hpp"

namespace kraft {

class Grammar;
class SqlStatement;

struct SearchPlan {
    SearchQuery query;           // as given; its text cleared when it was a case number or a §
    bool words = false;          // there are words to match in the full-text index
    MatchExpression expression;  // those words, when there are
    std::string case_key;        // a case number typed as the query
    // Every filter as " AND ..." clauses over e (entries), pa (paragraphs) and pr (protocols),
    // with the values bound in order. Everything the user typed is bound, never spliced.
    std::string where;
    std::vector<std::string> binds;
    bool paragraphs = false;  // a clause of `where` names pa
    // When the meeting's body and dates are all the filters: those clauses over the protocols
    // table alone (the strategies then read the meetings' runs of entry ids).
    std::optional<SqlFilter::Meetings> meetings_only;

    bool words_only() const { return words && where.empty(); }
    // A failed step of a statement that read the index: a malformed FTS5 expression is the
    // user's (usage), any other failure the archive's.
    QueryFailure failure(const SqlStatement& statement, const Error& error) const;
    QueryFailure failure(const TextIndex& index, const Error& error) const;
};

// Errors: usage (a limit below 1, a NUL, nothing to search for, a bad --case), grammar.
QueryResult<SearchPlan> plan_search(const SearchQuery& q, const Grammar& g);

// The values bound from parameter `first` on, in order.
void bind_all(SqlStatement& statement, const std::vector<std::string>& values, int first = 1);

QueryFailure usage_failure(std::string message);
QueryFailure archive_failure(const Error& error);

}  // namespace kraft
