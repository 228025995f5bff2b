#include "query/show.hpp"

#include <re2/re2.h>

#include <sstream>

#include "model/case_numbers.hpp"
#include "segment/dates.hpp"
#include "segment/grammar.hpp"
#include "segment/segment.hpp"

namespace kraft {

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
        if (auto ok = g.prepare("body_genitive"); !ok)
            return std::unexpected(QueryFailure{ok.error(), false, true});
        where = "pr.body_name = ? AND pr.date = ? AND pa.number = ?";
        binds = {resolve_body(body, g), date, number};
    } else if (const std::string key = normalize_case_number(what); !key.empty()) {
        where = "pa.id IN (" + own_paragraphs_of_case() + ")";
        binds = {key};
    } else {
        return std::unexpected(QueryFailure{
            Error{"", 0, 0,
                  "'" + what +
                      "' is neither a case number nor BODY DATE §N (e.g. 'KF 2026-01-22 §8')"},
            true});
    }
    auto st = db.prepare(
        "SELECT pa.id FROM paragraphs pa JOIN protocols pr ON pr.id = pa.protocol_id WHERE " +
        where + " ORDER BY pr.date IS NOT NULL, pr.date, pa.number");
    if (!st) return fail_db(st.error().message);
    for (std::size_t i = 0; i < binds.size(); ++i) (*st)->bind(static_cast<int>(i + 1), binds[i]);
    auto reader = ParagraphReader::open(db, a.schema());
    if (!reader) return fail_db(reader.error().message);
    std::vector<std::int64_t> ids;
    if (auto ok = (*st)->each_row([&](const SqlStatement& row) { ids.push_back(row.integer(0)); });
        !ok)
        return fail_db(ok.error().message);
    std::vector<ShownParagraph> out;
    for (const std::int64_t id : ids) {
        auto p = (*reader)->read(id, true);
        if (!p) return fail_db(p.error().message);
        out.push_back(std::move(*p));
    }
    return out;
}

}  // namespace kraft
