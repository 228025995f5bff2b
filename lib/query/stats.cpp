#include "query/stats.hpp"

#include <algorithm>
#include <map>

#include "store/packing.hpp"

namespace kraft {

namespace {

// Runs sql, handing each row to on_row.
template <class OnRow>
Result<void> each_row(Database& db, const char* sql, OnRow&& on_row) {
    auto st = db.prepare(sql);
    if (!st) return std::unexpected(st.error());
    return (*st)->each_row(std::forward<OnRow>(on_row));
}

Result<void> read_totals(Database& db, ArchiveStats& s) {
    return each_row(
        db,
        "SELECT (SELECT count(*) FROM protocols), (SELECT count(*) FROM paragraphs), "
        "(SELECT count(*) FROM decisions), (SELECT count(*) FROM statements), "
        "(SELECT count(DISTINCT case_id) FROM paragraph_cases), (SELECT count(*) FROM citations), "
        "(SELECT count(*) FROM citations WHERE resolved_paragraph_id IS NOT NULL), "
        "(SELECT count(*) FROM repair_edit_lists), "
        "(SELECT coalesce(sum(edits), 0) FROM repair_edit_lists)",
        [&](const SqlStatement& r) {
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
}

Result<void> read_formats(Database& db, ArchiveStats& s) {
    return each_row(
        db,
        "SELECT count(*) FILTER (WHERE format = 'pdf'), count(*) FILTER (WHERE format = 'image'), "
        "coalesce(sum(pages), 0), count(*) FILTER (WHERE ocr_pages > 0), "
        "coalesce(sum(ocr_pages), 0) "
        "FROM protocols",
        [&](const SqlStatement& r) {
            s.pdf_protocols = r.integer(0);
            s.image_protocols = r.integer(1);
            s.pages = r.integer(2);
            s.ocr_protocols = r.integer(3);
            s.ocr_pages = r.integer(4);
        });
}

Result<void> read_groups(Database& db, ArchiveStats& s) {
    auto ok = each_row(db,
                       "SELECT coalesce(pr.body_name, ''), coalesce(substr(pr.date, 1, 4), ''), "
                       "count(DISTINCT pr.id), count(pa.id), count(d.id) "
                       "FROM protocols pr LEFT JOIN paragraphs pa ON pa.protocol_id = pr.id "
                       "LEFT JOIN decisions d ON d.paragraph_id = pa.id "
                       "GROUP BY 1, 2 ORDER BY 1, 2",
                       [&](const SqlStatement& r) {
                           s.by_body_year.push_back(
                               {r.text(0), r.text(1), r.integer(2), r.integer(3), r.integer(4)});
                       });
    if (!ok) return ok;
    return each_row(db,
                    "SELECT sq.party, count(*) FILTER (WHERE s.kind = 'reservation'), "
                    "count(*) FILTER (WHERE s.kind = 'special_statement'), "
                    "count(*) FILTER (WHERE s.kind = 'protocol_note') "
                    "FROM statement_parties sq JOIN statements s ON s.id = sq.statement_id "
                    "GROUP BY sq.party ORDER BY count(*) DESC, sq.party",
                    [&](const SqlStatement& r) {
                        s.by_party.push_back({r.text(0), r.integer(1), r.integer(2), r.integer(3)});
                    });
}

// Repairs per reason: the packed edit lists counted here (a protocol's edits are one value).
Result<void> read_repairs(Database& db, ArchiveStats& s) {
    std::map<std::int64_t, std::int64_t> per_reason;
    auto ok = each_row(db, "SELECT packed FROM repair_edit_lists",
                       [&](const SqlStatement& r) -> Result<void> {
                           auto edits = unpack_edits(r.blob(0));
                           if (!edits) return fail(db.path(), 0, edits.error().message);
                           for (const PackedEdit& e : *edits) ++per_reason[e.reason_id];
                           return {};
                       });
    if (!ok) return ok;
    ok = each_row(db, "SELECT id, text FROM repair_reasons", [&](const SqlStatement& r) {
        if (auto it = per_reason.find(r.integer(0)); it != per_reason.end())
            s.repairs_by_reason.push_back({r.text(1), it->second});
    });
    std::sort(s.repairs_by_reason.begin(), s.repairs_by_reason.end(),
              [](const auto& x, const auto& y) {
                  return x.edits != y.edits ? x.edits > y.edits : x.reason < y.reason;
              });
    return ok;
}

}  // namespace

QueryResult<ArchiveStats> archive_stats(Archive& a) {
    Database& db = a.db();
    ArchiveStats s;
    Result<void> ok = read_totals(db, s);
    if (ok && a.schema() >= 7) ok = read_formats(db, s);  // an older archive holds text only
    if (ok) ok = read_groups(db, s);
    if (ok) ok = read_repairs(db, s);
    if (!ok) return std::unexpected(QueryFailure{ok.error(), false});
    return s;
}

}  // namespace kraft
