#include "query/paragraph_reader.hpp"

#include <utility>

#include "store/packing.hpp"

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

// Runs st with id bound to its one parameter, calling on_row for each row; the statement is left
// reset, holding no read snapshot.
template <class OnRow>
Result<void> each_row_of(SqlStatement& st, std::int64_t id, OnRow&& on_row) {
    st.reset();
    auto ok = st.bind(1, id).each_row(std::forward<OnRow>(on_row));
    st.reset();
    return ok;
}

}  // namespace

Result<std::unique_ptr<ParagraphReader>> ParagraphReader::open(Database& db, int schema) {
    std::unique_ptr<ParagraphReader> r(new ParagraphReader(db));
    // An archive before migration 7 records no pages.
    const std::string paragraph_sql =
        std::string(
            "SELECT pr.id, pr.date, coalesce(pr.body_name, ''), pa.number, pa.title, "
            "pr.source, pa.line_begin, pa.line_end, "
            "(SELECT kraft_decompress(body) FROM entries e "
            "WHERE e.paragraph_id = pa.id AND e.statement_id IS NULL), ") +
        (schema >= 7 ? "pa.page " : "NULL ") +
        "FROM paragraphs pa JOIN protocols pr ON pr.id = pa.protocol_id WHERE pa.id = ?";
    const std::pair<std::unique_ptr<SqlStatement>*, const char*> sql[] = {
        {&r->paragraph_, paragraph_sql.c_str()},
        {&r->cases_, "SELECT written FROM paragraph_cases WHERE paragraph_id = ? AND role = 'own'"},
        {&r->decision_, "SELECT id, by_body, kind, to_body FROM decisions WHERE paragraph_id = ?"},
        {&r->points_, "SELECT text FROM decision_points WHERE decision_id = ? ORDER BY position"},
        {&r->statements_,
         "SELECT s.id, s.kind, s.appendix, kraft_decompress(e.body) FROM statements s "
         "JOIN entries e ON e.statement_id = s.id WHERE s.paragraph_id = ? ORDER BY s.id"},
        {&r->persons_,
         "SELECT p.name, coalesce(sp.party, '') FROM statement_persons sp "
         "JOIN persons p ON p.id = sp.person_id WHERE sp.statement_id = ? ORDER BY sp.person_id"},
        {&r->parties_,
         "SELECT party FROM statement_parties WHERE statement_id = ? ORDER BY position"},
        {&r->recipients_, "SELECT name FROM recipients WHERE paragraph_id = ? ORDER BY position"},
        {&r->edits_, "SELECT packed FROM repair_edit_lists WHERE protocol_id = ?"},
        {&r->original_, "SELECT text FROM protocol_originals WHERE protocol_id = ?"},
        {&r->reason_, "SELECT text FROM repair_reasons WHERE id = ?"},
    };
    for (const auto& [target, text] : sql) {
        auto st = db.prepare(text);
        if (!st) return std::unexpected(st.error());
        *target = std::move(*st);
    }
    return r;
}

Result<std::string> ParagraphReader::reason_text(std::int64_t id) {
    if (auto it = reasons_.find(id); it != reasons_.end()) return it->second;
    std::string text;
    if (auto ok = each_row_of(*reason_, id, [&](const SqlStatement& row) { text = row.text(0); });
        !ok)
        return std::unexpected(ok.error());
    return reasons_.emplace(id, std::move(text)).first->second;
}

Result<ShownParagraph> ParagraphReader::read(std::int64_t pid, bool with_original) {
    ShownParagraph p;
    auto protocol_id = read_row(pid, p);
    if (!protocol_id) return std::unexpected(protocol_id.error());
    Result<void> ok = each_row_of(
        *cases_, pid, [&](const SqlStatement& row) { p.case_numbers.push_back(row.text(0)); });
    if (ok) ok = read_decision(pid, p);
    if (ok) ok = read_statements(pid, p);
    if (ok)
        ok = each_row_of(*recipients_, pid,
                         [&](const SqlStatement& row) { p.recipients.push_back(row.text(0)); });
    if (ok && with_original) ok = read_original(*protocol_id, p);
    if (!ok) return std::unexpected(ok.error());
    return p;
}

Result<std::int64_t> ParagraphReader::read_row(std::int64_t pid, ShownParagraph& p) {
    std::optional<std::int64_t> protocol_id;
    auto ok = each_row_of(*paragraph_, pid, [&](const SqlStatement& row) {
        protocol_id = row.integer(0);
        if (!row.is_null(1)) p.date = row.text(1);
        p.body = row.text(2);
        p.number = static_cast<int>(row.integer(3));
        p.title = row.text(4);
        p.source = row.text(5);
        p.line_begin = static_cast<int>(row.integer(6));
        p.line_end = static_cast<int>(row.integer(7));
        p.text = row.text(8);
        if (!row.is_null(9)) p.page = static_cast<int>(row.integer(9));
    });
    if (!ok) return std::unexpected(ok.error());
    if (!protocol_id) return fail(db_.path(), 0, "no paragraph with id " + std::to_string(pid));
    return *protocol_id;
}

Result<void> ParagraphReader::read_decision(std::int64_t pid, ShownParagraph& p) {
    std::optional<std::int64_t> decision_id;
    auto ok = each_row_of(*decision_, pid, [&](const SqlStatement& row) -> Result<void> {
        Decision d;
        d.by = row.text(1);
        const auto kind = decision_kind_from(row.text(2));
        if (!kind) return fail(db_.path(), 0, "unknown decision kind '" + row.text(2) + "'");
        d.kind = *kind;
        if (!row.is_null(3)) d.to = row.text(3);
        decision_id = row.integer(0);
        p.decision = std::move(d);
        return {};
    });
    if (!ok || !decision_id) return ok;
    return each_row_of(*points_, *decision_id,
                       [&](const SqlStatement& row) { p.decision->points.push_back(row.text(0)); });
}

Result<void> ParagraphReader::read_statements(std::int64_t pid, ShownParagraph& p) {
    std::vector<std::int64_t> ids;
    auto ok = each_row_of(*statements_, pid, [&](const SqlStatement& row) -> Result<void> {
        Statement s;
        const auto kind = statement_kind_from(row.text(1));
        if (!kind) return fail(db_.path(), 0, "unknown statement kind '" + row.text(1) + "'");
        s.kind = *kind;
        if (!row.is_null(2)) s.appendix = static_cast<int>(row.integer(2));
        s.text = row.text(3);
        ids.push_back(row.integer(0));
        p.statements.push_back(std::move(s));
        return {};
    });
    for (std::size_t i = 0; ok && i < ids.size(); ++i) {
        Statement& s = p.statements[i];
        ok = each_row_of(*persons_, ids[i], [&](const SqlStatement& row) {
            s.persons.push_back({row.text(0), row.text(1)});
        });
        if (ok)
            ok = each_row_of(*parties_, ids[i],
                             [&](const SqlStatement& row) { s.parties.push_back(row.text(0)); });
    }
    return ok;
}

// The protocol's text as received and the edits in this paragraph's lines, kept when repair
// changed any of it.
Result<void> ParagraphReader::read_original(std::int64_t protocol_id, ShownParagraph& p) {
    std::string original;
    auto ok = each_row_of(*original_, protocol_id, [&](const SqlStatement& row) -> Result<void> {
        auto text = decompress(row.blob(0));
        if (!text) return fail(db_.path(), 0, text.error().message);
        original = std::move(*text);
        p.original = lines_of(original, p.line_begin, p.line_end);
        return {};
    });
    if (!ok) return ok;
    return read_edits(protocol_id, original, p);
}

// An edit's "from" is the original text at [offset, offset + length) in bytes.
Result<void> ParagraphReader::read_edits(std::int64_t protocol_id, const std::string& original,
                                         ShownParagraph& p) {
    std::string packed;
    auto ok =
        each_row_of(*edits_, protocol_id, [&](const SqlStatement& row) { packed = row.blob(0); });
    if (!ok || packed.empty()) return ok;
    auto edits = unpack_edits(packed);
    if (!edits) return fail(db_.path(), 0, edits.error().message);
    for (const PackedEdit& e : *edits) {
        if (e.line < p.line_begin || e.line > p.line_end) continue;
        auto reason = reason_text(e.reason_id);
        if (!reason) return std::unexpected(reason.error());
        const auto offset = static_cast<std::size_t>(e.offset);
        const std::string from = offset <= original.size()
                                     ? original.substr(offset, static_cast<std::size_t>(e.length))
                                     : "";
        p.edits.push_back({e.line, e.column, from, e.to, *reason, e.confidence});
    }
    return {};
}

}  // namespace kraft
