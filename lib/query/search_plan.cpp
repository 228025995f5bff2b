#include "query/search_plan.hpp"

#include <algorithm>

#include "model/case_numbers.hpp"
#include "segment/grammar.hpp"
#include "segment/lines.hpp"
#include "store/database.hpp"
#include "util/number.hpp"
#include "util/text.hpp"

namespace kraft {

namespace {

// "§ 189", "§189": a paragraph number.
std::optional<int> paragraph_query(const std::string& t) {
    std::size_t i = t.find("§");
    if (i == std::string::npos || t.find_first_not_of(" ") != i) return std::nullopt;
    i += std::string("§").size();
    while (i < t.size() && t[i] == ' ') ++i;
    std::size_t j = i;
    while (j < t.size() && t[j] >= '0' && t[j] <= '9') ++j;
    if (j == i || j - i > 5 || t.find_first_not_of(' ', j) != std::string::npos)
        return std::nullopt;
    return parse_int(std::string_view(t).substr(i, j - i));
}

// "STK-2024-1374", "KS 2023/123", and with OCR noise "STK-2O24-1374", "STK-2024- 1374".
// Without a key it could not be looked up, whatever the grammar says: that is asked first.
bool looks_like_case_number(const std::string& t, const std::string& key, const Grammar& g) {
    if (key.empty()) return false;
    if (auto m = g.first("case_number", t); m && trim(m->whole()) == t) return true;
    if (std::count(t.begin(), t.end(), ' ') > 2) return false;
    const std::size_t dash = key.find('-');
    return dash != std::string::npos && dash >= 1 && dash <= 6 &&
           !(key[0] >= '0' && key[0] <= '9') && t.find_first_of("-/:") != std::string::npos;
}

// A case number or a § typed as the query is a lookup, not words: moved from the text to the
// plan's clauses.
Result<void> read_lookup(SearchPlan& plan, std::optional<int>& number, const Grammar& g) {
    const std::string typed = trim(plan.query.text);
    if (typed.empty() || uses_fts_syntax(typed)) return {};
    const std::string key = normalize_case_number(typed);
    if (!key.empty())
        if (auto ok = g.prepare("case_number"); !ok) return ok;
    if (looks_like_case_number(typed, key, g)) {
        plan.case_key = key;
        plan.query.text.clear();
    } else if (auto n = paragraph_query(typed)) {
        number = n;
        plan.query.text.clear();
    }
    return {};
}

void add(SearchPlan& plan, const std::string& clause, std::initializer_list<std::string> values) {
    plan.where += " AND " + clause;
    plan.binds.insert(plan.binds.end(), values);
}

bool nothing_asked(const SearchPlan& plan, const std::optional<int>& number) {
    const SearchQuery& q = plan.query;
    return !plan.words && plan.case_key.empty() && !q.case_number && !number && !q.body &&
           !q.from && !q.to && !q.person && !q.party && !q.kind;
}

}  // namespace

QueryFailure usage_failure(std::string message) {
    return {Error{"", 0, 0, std::move(message)}, true};
}

QueryFailure archive_failure(const Error& error) {
    return {error, false};
}

QueryFailure SearchPlan::failure(const SqlStatement& statement, const Error& error) const {
    // The archive opened and its tables exist, so a plain SQL error (SQLITE_ERROR) comes from the
    // FTS5 expression the user typed; corruption, locks and I/O errors have codes of their own.
    if (words && statement.failed_on_input())
        return usage_failure("malformed query '" + query.text + "': " + error.message);
    return archive_failure(error);
}

QueryFailure SearchPlan::failure(const TextIndex& index, const Error& error) const {
    if (words && index.failed_on_input())
        return usage_failure("malformed query '" + query.text + "': " + error.message);
    return archive_failure(error);
}

void bind_all(SqlStatement& statement, const std::vector<std::string>& values, int first) {
    for (const std::string& v : values) statement.bind(first++, v);
}

QueryResult<SearchPlan> plan_search(const SearchQuery& q, const Grammar& g) {
    if (q.limit < 1) return std::unexpected(usage_failure("--limit must be at least 1"));
    // FTS5 reads an expression only up to a NUL byte; what follows would be silently ignored.
    if (q.text.find('\0') != std::string::npos)
        return std::unexpected(usage_failure("malformed query: it contains a NUL character"));
    SearchPlan plan;
    plan.query = q;
    std::optional<int> number;
    if (auto ok = read_lookup(plan, number, g); !ok)
        return std::unexpected(QueryFailure{ok.error(), false, true});
    plan.words = !trim(plan.query.text).empty();
    if (nothing_asked(plan, number))
        return std::unexpected(usage_failure("nothing to search for: give words or a filter"));
    if (plan.words) plan.expression = match_expression(plan.query.text, q.exact);
    // The paragraphs with that number, and those that cite a § with that number, as one set built
    // once (an OR with a correlated subquery was evaluated for every entry).
    if (number)
        add(plan,
            "pa.id IN (SELECT id FROM paragraphs WHERE number = ? UNION SELECT paragraph_id FROM "
            "citations WHERE number = ?)",
            {std::to_string(*number), std::to_string(*number)});
    // The case's own paragraphs and those that mention or cite it (--case: its own only).
    if (!plan.case_key.empty())
        add(plan, "pa.id IN (" + paragraphs_of_case() + ")", {plan.case_key, plan.case_key});
    plan.paragraphs = number || !plan.case_key.empty();
    auto filters = filter_clauses(q, g, FilterScope::entries);
    if (!filters) return std::unexpected(filters.error());
    const bool filters_alone = plan.where.empty();
    plan.where += filters->where;
    plan.binds.insert(plan.binds.end(), filters->binds.begin(), filters->binds.end());
    plan.paragraphs = plan.paragraphs || filters->paragraphs;
    if (q.kind)
        add(plan, "e.kind = ?", {std::string(to_string(*q.kind))});
    else if (!plan.words)
        plan.where += " AND e.statement_id IS NULL";  // a lookup lists paragraphs once
    // Only when the body and dates are all the filters: no § or case typed as the query, no kind.
    if (filters_alone && plan.where == filters->where) plan.meetings_only = filters->meetings_only;
    return plan;
}

}  // namespace kraft
