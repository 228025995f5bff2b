// The filters that search and export share (--case --body --from --to --person --party), turned
// into SQL clauses over `pa` (paragraphs) and `pr` (protocols). Every value is bound, never
// spliced.
#pragma once

#include <expected>
#include <optional>
#include <string>
#include <vector>

#include "util/error.hpp"

namespace kraft {

class Grammar;

struct Filters {
    std::optional<std::string> case_number, body, from, to, kind, person, party;
};

struct QueryFailure {
    Error error;
    bool usage = false;  // the query itself is wrong (exit 2), not the archive (exit 3)
};

template <class T>
using QueryResult = std::expected<T, QueryFailure>;

struct SqlFilter {
    std::string where;  // " AND ..." clauses, or empty
    std::vector<std::string> binds;

    void add(const std::string& clause, const std::string& value) {
        where += " AND " + clause;
        binds.push_back(value);
    }
};

// The clauses for f's case, body, dates, person and party (not kind: its meaning differs between a
// search entry and an exported paragraph). `statement_scope` is the SQL condition that ties a
// statement `s` to the row being filtered. Errors (usage): a case number that is no case number.
QueryResult<SqlFilter> filter_clauses(const Filters& f, const Grammar& g,
                                      const std::string& statement_scope);

}  // namespace kraft
