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
    if (f.kind == EntryKind::decision)
        filters->where += " AND EXISTS (SELECT 1 FROM decisions d WHERE d.paragraph_id = pa.id)";
    else if (f.kind == EntryKind::paragraph)
        filters->where +=
            " AND NOT EXISTS (SELECT 1 FROM decisions d WHERE d.paragraph_id = pa.id)";
    else if (f.kind)
        filters->add(
            "EXISTS (SELECT 1 FROM statements s WHERE s.paragraph_id = pa.id AND s.kind = ?)",
            std::string(to_string(*f.kind)));
    auto ids = a.db().prepare(
        "SELECT pa.id FROM paragraphs pa JOIN protocols pr ON pr.id = pa.protocol_id WHERE true" +
        filters->where + " ORDER BY pr.date IS NOT NULL, pr.date, pr.body_name, pa.number, pa.id");
    if (!ids) return archive_error(ids.error().message);
    for (std::size_t i = 0; i < filters->binds.size(); ++i)
        (*ids)->bind(static_cast<int>(i + 1), filters->binds[i]);
    auto reader = ParagraphReader::open(a.db(), a.schema());
    if (!reader) return archive_error(reader.error().message);
    // The ids first: the reader's statements then read while no other statement is stepping.
    std::vector<std::int64_t> paragraph_ids;
    if (auto ok = (*ids)->each_row(
            [&](const SqlStatement& row) { paragraph_ids.push_back(row.integer(0)); });
        !ok)
        return archive_error(ok.error().message);
    std::int64_t n = 0;
    for (const std::int64_t id : paragraph_ids) {
        auto p = (*reader)->read(id, false);
        if (!p) return archive_error(p.error().message);
        ++n;
        if (!sink(*p)) break;
    }
    return n;
}

}  // namespace kraft
