#include "query/filters.hpp"

#include "segment/case_numbers.hpp"
#include "segment/segment.hpp"

namespace kraft {

QueryResult<SqlFilter> filter_clauses(const Filters& f, const Grammar& g,
                                      const std::string& statement_scope) {
    SqlFilter out;
    if (f.case_number) {
        const std::string key = normalize_case_number(*f.case_number);
        if (key.empty())
            return std::unexpected(QueryFailure{
                Error{"", 0, 0, "'" + *f.case_number + "' is not a case number"}, true});
        out.add(
            "EXISTS (SELECT 1 FROM paragraph_cases pc JOIN cases c ON c.id = pc.case_id "
            "WHERE pc.paragraph_id = pa.id AND pc.role = 'own' AND c.key = ?)",
            key);
    }
    if (f.body) out.add("pr.body_name LIKE '%' || ? || '%'", resolve_body(*f.body, g));
    if (f.from) out.add("pr.date >= ?", *f.from);
    if (f.to) out.add("pr.date <= ?", *f.to);
    if (f.person)
        out.add(
            "EXISTS (SELECT 1 FROM statements s JOIN statement_persons sp ON sp.statement_id = "
            "s.id "
            "JOIN persons p ON p.id = sp.person_id WHERE " +
                statement_scope + " AND p.name LIKE '%' || ? || '%')",
            *f.person);
    if (f.party)
        out.add(
            "EXISTS (SELECT 1 FROM statements s JOIN statement_parties sq ON sq.statement_id = "
            "s.id "
            "WHERE " +
                statement_scope + " AND sq.party = ? COLLATE NOCASE)",
            *f.party);
    return out;
}

}  // namespace kraft
