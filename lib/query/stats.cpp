#include "query/stats.hpp"

#include <algorithm>
#include <map>

#include "store/packing.hpp"

namespace kraft {

QueryResult<ArchiveStats> archive_stats(Archive& a) {
    Database& db = a.db();
    std::string error;
    // Runs sql and hands each row to `row`; the first error is kept.
    const auto each = [&](const char* sql, const auto& row) {
        if (!error.empty()) return;
        auto st = db.prepare(sql);
        if (!st) {
            error = st.error().message;
            return;
        }
        while ((*st)->step()) row(**st);
        if (!(*st)->ok()) error = (*st)->error();
    };
    ArchiveStats s;
    each(
        "SELECT (SELECT count(*) FROM protocols), (SELECT count(*) FROM paragraphs), "
        "(SELECT count(*) FROM decisions), (SELECT count(*) FROM statements), "
        "(SELECT count(DISTINCT case_id) FROM paragraph_cases), (SELECT count(*) FROM citations), "
        "(SELECT count(*) FROM citations WHERE resolved_paragraph_id IS NOT NULL), "
        "(SELECT count(*) FROM repair_edit_lists), "
        "(SELECT coalesce(sum(edits), 0) FROM repair_edit_lists)",
        [&](SqlStatement& r) {
            s.protocols = r.integer(0);
            s.paragraphs = r.integer(1);
            s.decisions = r.integer(2);
            s.statements = r.integer(3);
            s.cases = r.integer(4);
            s.citations = r.integer(5);
            s.resolved_citations = r.integer(6);
            s.repaired_protocols = r.integer(7);
            s.repair_edits = r.integer(8);
        });
    if (a.schema() >= 7)  // an older archive holds text files only
        each(
            "SELECT coalesce(sum(format = 'pdf'), 0), coalesce(sum(format = 'image'), 0), "
            "coalesce(sum(pages), 0), coalesce(sum(ocr_pages > 0), 0), coalesce(sum(ocr_pages), 0) "
            "FROM protocols",
            [&](SqlStatement& r) {
                s.pdf_protocols = r.integer(0);
                s.image_protocols = r.integer(1);
                s.pages = r.integer(2);
                s.ocr_protocols = r.integer(3);
                s.ocr_pages = r.integer(4);
            });
    each(
        "SELECT coalesce(pr.body_name, ''), coalesce(substr(pr.date, 1, 4), ''), "
        "count(DISTINCT pr.id), count(pa.id), count(d.id) "
        "FROM protocols pr LEFT JOIN paragraphs pa ON pa.protocol_id = pr.id "
        "LEFT JOIN decisions d ON d.paragraph_id = pa.id "
        "GROUP BY 1, 2 ORDER BY 1, 2",
        [&](SqlStatement& r) {
            s.by_body_year.push_back(
                {r.text(0), r.text(1), r.integer(2), r.integer(3), r.integer(4)});
        });
    each(
        "SELECT sq.party, sum(s.kind = 'reservation'), sum(s.kind = 'special_statement'), "
        "sum(s.kind = 'protocol_note') FROM statement_parties sq "
        "JOIN statements s ON s.id = sq.statement_id GROUP BY sq.party "
        "ORDER BY count(*) DESC, sq.party",
        [&](SqlStatement& r) {
            s.by_party.push_back({r.text(0), r.integer(1), r.integer(2), r.integer(3)});
        });
    // Repairs per reason: the packed edit lists counted here (a protocol's edits are one value).
    std::map<std::int64_t, std::int64_t> per_reason;
    each("SELECT packed FROM repair_edit_lists", [&](SqlStatement& r) {
        auto edits = unpack_edits(r.blob(0));
        if (!edits) {
            if (error.empty()) error = edits.error().message;
            return;
        }
        for (const PackedEdit& e : *edits) ++per_reason[e.reason_id];
    });
    each("SELECT id, text FROM repair_reasons", [&](SqlStatement& r) {
        if (auto it = per_reason.find(r.integer(0)); it != per_reason.end())
            s.repairs_by_reason.push_back({r.text(1), it->second});
    });
    std::sort(s.repairs_by_reason.begin(), s.repairs_by_reason.end(),
              [](const auto& x, const auto& y) {
                  return x.edits != y.edits ? x.edits > y.edits : x.reason < y.reason;
              });
    if (!error.empty()) return std::unexpected(QueryFailure{Error{db.path(), 0, 0, error}, false});
    return s;
}

}  // namespace kraft
