#include "query/filters.hpp"

#include <cctype>

#include "model/case_numbers.hpp"
#include "model/protocol.hpp"
#include "segment/segment.hpp"

namespace kraft {

const std::set<std::string>& query_patterns() {
    static const std::set<std::string> names{"case_number", "body_genitive"};
    return names;
}

const std::string& own_paragraphs_of_case() {
    static const std::string sql =
        "SELECT pc.paragraph_id FROM paragraph_cases pc JOIN cases c ON c.id = pc.case_id "
        "WHERE c.key = ? AND pc.role = 'own'";
    return sql;
}

const std::string& paragraphs_of_case() {
    static const std::string sql =
        "SELECT paragraph_id FROM paragraph_cases WHERE case_id = (SELECT id FROM cases WHERE key "
        "= ?) UNION SELECT paragraph_id FROM citations WHERE case_id = (SELECT id FROM cases "
        "WHERE key = ?)";
    return sql;
}

namespace {

// The clauses over the protocols table's own columns for f's body and dates (empty when it has
// neither). Errors: grammars/ lacks what names a body.
QueryResult<SqlFilter> protocol_clauses(const Filters& f, const Grammar& g) {
    SqlFilter out;
    if (f.body) {
        if (auto ok = g.prepare("body_genitive"); !ok)
            return std::unexpected(QueryFailure{ok.error(), false, true});
        // The archive names few bodies, so they are tested one name at a time, each found by
        // a seek in protocols_meeting, and then its meetings' dates are one range of that index;
        // testing the name of every protocol scanned the whole index (27,000 protocols: 1.8-3.6
        // against 0.3 ms).
        out.add(
            "body_name IN (WITH RECURSIVE names(name) AS (SELECT min(body_name) FROM "
            "protocols UNION ALL SELECT (SELECT min(body_name) FROM protocols WHERE "
            "body_name > name) FROM names WHERE name IS NOT NULL) "
            "SELECT name FROM names WHERE name LIKE '%' || ? || '%')",
            resolve_body(*f.body, g));
    }
    if (f.from) out.add("date >= ?", *f.from);
    if (f.to) out.add("date <= ?", *f.to);
    if (f.import_run) out.add("import_run = ?", std::to_string(*f.import_run));
    if (f.imported_since) out.add("imported_at >= ?", *f.imported_since);
    return out;
}

}  // namespace

QueryResult<SqlFilter> filter_clauses(const Filters& f, const Grammar& g, FilterScope scope) {
    SqlFilter out;
    if (f.case_number) {
        const std::string key = normalize_case_number(*f.case_number);
        if (key.empty())
            return std::unexpected(QueryFailure{
                Error{"", 0, 0, "'" + *f.case_number + "' is not a case number"}, true});
        out.add("pa.id IN (" + own_paragraphs_of_case() + ")", key);
        out.paragraphs = true;
    }
    auto protocols = protocol_clauses(f, g);
    if (!protocols) return std::unexpected(protocols.error());
    const std::string meetings =
        protocols->where.empty() ? ""
                                 : " AND pa.protocol_id IN (SELECT id FROM protocols WHERE true" +
                                       protocols->where + ")";
    out.where += meetings;
    out.paragraphs = out.paragraphs || !meetings.empty();
    out.binds.insert(out.binds.end(), protocols->binds.begin(), protocols->binds.end());
    // Whether the search asks for statements of one kind: its entries are then statements.
    const bool statements_of_kind =
        scope == FilterScope::entries && f.kind && statement_kind(*f.kind);
    // The statements by a person or a party: the paragraph must have one, and an entry that is a
    // statement must be one of them.
    // `their_statements`: the ids of those statements, from the table that names them alone.
    const auto statements_by = [&](const std::string& statements_where,
                                   const std::string& their_statements, const std::string& value) {
        const std::string ids = "SELECT s.id FROM statements s " + statements_where;
        if (statements_of_kind) {
            // Only their statements, found from the statements rather than from every entry of
            // the paragraphs they spoke in: `kraft search --party SD --kind special_statement` at
            // 133,000 paragraphs (8,155 SD statements, 2,681 of them särskilda yttranden), 64 ->
            // 50 ms for the whole command. The search asks for entries of the kind (e.kind,
            // search_plan.cpp), and a statement's entries are of its kind, so the statements'
            // kinds need not be read (at 1.55 M paragraphs, 93,000 rows fewer to merge).
            out.add("e.statement_id IN (" + their_statements + ")", value);
            return;
        }
        out.add("pa.id IN (SELECT s.paragraph_id FROM statements s " + statements_where + ")",
                value);
        out.paragraphs = true;
        if (scope == FilterScope::entries)
            out.add("(e.statement_id IS NULL OR e.statement_id IN (" + ids + "))", value);
    };
    if (f.person)
        statements_by(
            "JOIN statement_persons sp ON sp.statement_id = s.id JOIN persons p ON p.id = "
            "sp.person_id WHERE p.name LIKE '%' || ? || '%'",
            "SELECT sp.statement_id FROM statement_persons sp JOIN persons p ON p.id = "
            "sp.person_id WHERE p.name LIKE '%' || ? || '%'",
            *f.person);
    if (f.party) {
        // Stored abbreviations are upper case ("SD"); comparing as such keeps the party index
        // usable.
        std::string party = *f.party;
        for (char& c : party) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        statements_by("JOIN statement_parties sq ON sq.statement_id = s.id WHERE sq.party = ?",
                      "SELECT sq.statement_id FROM statement_parties sq WHERE sq.party = ?", party);
    }
    if (!meetings.empty() && out.where == meetings)
        out.meetings_only = SqlFilter::Meetings{protocols->where, protocols->binds};
    return out;
}

}  // namespace kraft
