// The filters that search and export share (--case --body --from --to --person --party), turned
// into SQL clauses over `pa` (paragraphs) and `pr` (protocols). Every value is bound, never
// spliced.
#pragma once

#include <cstdint>
#include <expected>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "model/protocol.hpp"
#include "model/search_filters.hpp"
#include "util/error.hpp"

namespace kraft {

class Grammar;

// The grammar patterns that search, show and export read (a case number typed as the query, a
// body named in the genitive); a grammar loaded with only these serves them
// (Grammar::load(dir, query_patterns())).
const std::set<std::string>& query_patterns();

// SQL for the ids of the paragraphs whose own case has the key bound to its one parameter (--case,
// show CASE, and the first hits of a case number typed as the query).
const std::string& own_paragraphs_of_case();
// SQL for the ids of the paragraphs whose own case it is, that mention it or cite a decision in
// it, the key bound to both its parameters (a case number typed as the query; the timeline's
// count of paragraphs that mention a case without events).
const std::string& paragraphs_of_case();

struct Filters : SearchFilters {
    // Only protocols stored by this import run, or at or after this time (UTC ISO 8601):
    // `kraft news`'s saved searches. Archives from schema 8 on.
    std::optional<std::int64_t> import_run;
    std::optional<std::string> imported_since;
};

struct QueryFailure {
    Error error;
    bool usage = false;    // the query itself is wrong (exit 2), not the archive (exit 3)
    bool grammar = false;  // grammars/ is broken (exit 1, as when it does not load)
};

template <class T>
using QueryResult = std::expected<T, QueryFailure>;

struct SqlFilter {
    std::string where;  // " AND ..." clauses, or empty
    std::vector<std::string> binds;
    bool paragraphs = false;  // a clause names pa: the entries must be joined to their paragraphs
    // When the meeting's body and dates are all it filters by: those clauses again, over the
    // protocols table's own columns (" AND ...", with their binds), which search reads the
    // meetings' runs of entry ids with.
    struct Meetings {
        std::string where;
        std::vector<std::string> binds;
    };
    std::optional<Meetings> meetings_only;

    void add(const std::string& clause, const std::string& value) {
        where += " AND " + clause;
        binds.push_back(value);
    }
};

// Which rows the clauses filter: paragraphs (`pa`), or search entries (`e`, a paragraph or one of
// its statements: --person and --party then also require an entry that is a statement to be that
// person's or party's).
enum class FilterScope { paragraphs, entries };

// The clauses for f's case, body, dates, person and party (not kind: its meaning differs between a
// search entry and an exported paragraph), as uncorrelated IN (subquery) sets, which SQLite builds
// once and can drive the query from, rather than a subquery per row. Errors (usage): a case
// number that is no case number.
QueryResult<SqlFilter> filter_clauses(const Filters& f, const Grammar& g, FilterScope scope);

}  // namespace kraft
