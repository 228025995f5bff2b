#include "query/export.hpp"

namespace kraft {

QueryResult<std::int64_t> export_paragraphs(
    Archive& a, const Filters& f, const Grammar& g,
    const std::function<bool(const ShownParagraph&)>& sink) {
    const auto archive_error = [&](const std::string& m) {
        return std::unexpected(QueryFailure{Error{a.db().path(), 0, 0, m}, false});
    };
    auto filters = filter_clauses(f, g, FilterScope::paragraphs);
    if (!filters) return std::unexpected(filters.error());
    if (f.kind && *f.kind == "decision")
        filters->where += " AND EXISTS (SELECT 1 FROM decisions d WHERE d.paragraph_id = pa.id)";
    else if (f.kind && *f.kind == "paragraph")
        filters->where +=
            " AND NOT EXISTS (SELECT 1 FROM decisions d WHERE d.paragraph_id = pa.id)";
    else if (f.kind && *f.kind != "any")
        filters->add(
            "EXISTS (SELECT 1 FROM statements s WHERE s.paragraph_id = pa.id AND s.kind = ?)",
            *f.kind);
    auto ids = a.db().prepare(
        "SELECT pa.id FROM paragraphs pa JOIN protocols pr ON pr.id = pa.protocol_id WHERE 1" +
        filters->where + " ORDER BY pr.date, pr.body_name, pa.number, pa.id");
    if (!ids) return archive_error(ids.error().message);
    for (std::size_t i = 0; i < filters->binds.size(); ++i)
        (*ids)->bind(static_cast<int>(i + 1), filters->binds[i]);
    auto reader = ParagraphReader::open(a.db(), a.schema());
    if (!reader) return archive_error(reader.error().message);
    std::int64_t n = 0;
    while ((*ids)->step()) {
        auto p = (*reader)->read((*ids)->integer(0), false);
        if (!p) return archive_error(p.error().message);
        ++n;
        if (!sink(*p)) break;
    }
    if (!(*ids)->ok()) return archive_error((*ids)->error());
    return n;
}

}  // namespace kraft
