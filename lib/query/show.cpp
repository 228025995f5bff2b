#include "query/show.hpp"

#include <re2/re2.h>

#include <sstream>

#include "segment/case_numbers.hpp"
#include "segment/dates.hpp"
#include "segment/grammar.hpp"
#include "segment/segment.hpp"

namespace kraft {

namespace {

std::string lines_of(const std::string& text, int first, int last) {
    std::string out;
    int line = 1;
    std::size_t pos = 0;
    while (pos <= text.size() && line <= last) {
        std::size_t end = text.find('\n', pos);
        if (end == std::string::npos) end = text.size();
        if (line >= first) out += text.substr(pos, end - pos) + '\n';
        pos = end + 1;
        ++line;
        if (end == text.size()) break;
    }
    return out;
}

}  // namespace

QueryResult<std::vector<ShownParagraph>> show(Archive& a, const std::string& what,
                                              const Grammar& g) {
    Database& db = a.db();
    const auto fail_db = [&](const std::string& m) {
        return std::unexpected(QueryFailure{Error{db.path(), 0, 0, m}, false});
    };
    std::string body, date, number;
    std::string where;
    std::vector<std::string> binds;
    if (RE2::FullMatch(what, R"(\s*(.+?)\s+(\d{4}-\d{2}-\d{2})\s*§?\s*(\d{1,5})\s*)", &body, &date,
                       &number)) {
        if (!iso_date(date))
            return std::unexpected(
                QueryFailure{Error{"", 0, 0, "'" + date + "' is not a date"}, true});
        where = "pr.body_name = ? AND pr.date = ? AND pa.number = ?";
        binds = {resolve_body(body, g), date, number};
    } else if (const std::string key = normalize_case_number(what); !key.empty()) {
        where =
            "pa.id IN (SELECT pc.paragraph_id FROM paragraph_cases pc JOIN cases c ON c.id = "
            "pc.case_id "
            "WHERE c.key = ? AND pc.role = 'own')";
        binds = {key};
    } else {
        return std::unexpected(QueryFailure{
            Error{"", 0, 0,
                  "'" + what +
                      "' is neither a case number nor BODY DATE §N (e.g. 'KF 2026-01-22 §8')"},
            true});
    }
    auto st = db.prepare(
        "SELECT pa.id, pr.id, pr.date, coalesce(pr.body_name, ''), pa.number, pa.title, pr.source, "
        "pa.line_begin, pa.line_end, pr.original_text, "
        "(SELECT body FROM entries e WHERE e.paragraph_id = pa.id AND e.statement_id IS NULL) "
        "FROM paragraphs pa JOIN protocols pr ON pr.id = pa.protocol_id WHERE " +
        where + " ORDER BY pr.date, pa.number");
    if (!st) return fail_db(st.error().message);
    for (std::size_t i = 0; i < binds.size(); ++i) (*st)->bind(static_cast<int>(i + 1), binds[i]);
    std::vector<ShownParagraph> out;
    while ((*st)->step()) {
        ShownParagraph p;
        const std::int64_t pid = (*st)->integer(0), prid = (*st)->integer(1);
        if (!(*st)->is_null(2)) p.date = (*st)->text(2);
        p.body = (*st)->text(3);
        p.number = static_cast<int>((*st)->integer(4));
        p.title = (*st)->text(5);
        p.source = (*st)->text(6);
        p.line_begin = static_cast<int>((*st)->integer(7));
        p.line_end = static_cast<int>((*st)->integer(8));
        if (!(*st)->is_null(9)) p.original = lines_of((*st)->text(9), p.line_begin, p.line_end);
        p.text = (*st)->text(10);

        auto q = db.prepare(
            "SELECT written FROM paragraph_cases WHERE paragraph_id = ? AND role = 'own'");
        if (!q) return fail_db(q.error().message);
        (*q)->bind(1, pid);
        while ((*q)->step()) p.case_numbers.push_back((*q)->text(0));

        auto d = db.prepare(
            "SELECT d.id, d.by_body, d.kind, d.to_body FROM decisions d WHERE d.paragraph_id = ?");
        if (!d) return fail_db(d.error().message);
        (*d)->bind(1, pid);
        if ((*d)->step()) {
            Decision dec;
            dec.by = (*d)->text(1);
            dec.kind = (*d)->text(2) == "proposes" ? DecisionKind::proposes : DecisionKind::decides;
            if (!(*d)->is_null(3)) dec.to = (*d)->text(3);
            auto pts = db.prepare(
                "SELECT text FROM decision_points WHERE decision_id = ? ORDER BY position");
            if (!pts) return fail_db(pts.error().message);
            (*pts)->bind(1, (*d)->integer(0));
            while ((*pts)->step()) dec.points.push_back((*pts)->text(0));
            p.decision = std::move(dec);
        }

        auto s = db.prepare(
            "SELECT s.id, s.kind, s.appendix, e.body FROM statements s "
            "JOIN entries e ON e.statement_id = s.id WHERE s.paragraph_id = ? ORDER BY s.id");
        if (!s) return fail_db(s.error().message);
        (*s)->bind(1, pid);
        while ((*s)->step()) {
            Statement stmt;
            const std::string kind = (*s)->text(1);
            stmt.kind = kind == "reservation"         ? StatementKind::reservation
                        : kind == "special_statement" ? StatementKind::special_statement
                                                      : StatementKind::protocol_note;
            if (!(*s)->is_null(2)) stmt.appendix = static_cast<int>((*s)->integer(2));
            stmt.text = (*s)->text(3);
            auto who = db.prepare(
                "SELECT p.name, coalesce(sp.party, '') FROM statement_persons sp "
                "JOIN persons p ON p.id = sp.person_id WHERE sp.statement_id = ?");
            if (!who) return fail_db(who.error().message);
            (*who)->bind(1, (*s)->integer(0));
            while ((*who)->step()) stmt.persons.push_back({(*who)->text(0), (*who)->text(1)});
            auto parties = db.prepare(
                "SELECT party FROM statement_parties WHERE statement_id = ? ORDER BY position");
            if (!parties) return fail_db(parties.error().message);
            (*parties)->bind(1, (*s)->integer(0));
            while ((*parties)->step()) stmt.parties.push_back((*parties)->text(0));
            p.statements.push_back(std::move(stmt));
        }

        auto r = db.prepare("SELECT name FROM recipients WHERE paragraph_id = ? ORDER BY position");
        if (!r) return fail_db(r.error().message);
        (*r)->bind(1, pid);
        while ((*r)->step()) p.recipients.push_back((*r)->text(0));

        auto e = db.prepare(
            "SELECT e.line, e.col, CAST(substr(CAST(pr.original_text AS BLOB), e.offset + 1, "
            "e.length) AS TEXT), "
            "e.to_text, e.confidence, r.text FROM repair_edits e JOIN protocols pr ON pr.id = "
            "e.protocol_id "
            "JOIN repair_reasons r ON r.id = e.reason_id "
            "WHERE e.protocol_id = ? AND e.line BETWEEN ? AND ? ORDER BY e.offset");
        if (!e) return fail_db(e.error().message);
        (*e)->bind(1, prid).bind(2, p.line_begin).bind(3, p.line_end);
        while ((*e)->step())
            p.edits.push_back({static_cast<int>((*e)->integer(0)),
                               static_cast<int>((*e)->integer(1)), (*e)->text(2), (*e)->text(3),
                               (*e)->text(5), (*e)->real(4)});
        out.push_back(std::move(p));
    }
    if (!(*st)->ok()) return fail_db((*st)->error());
    return out;
}

}  // namespace kraft
