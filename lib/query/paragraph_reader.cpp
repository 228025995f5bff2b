#include "query/paragraph_reader.hpp"

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
         "JOIN persons p ON p.id = sp.person_id WHERE sp.statement_id = ?"},
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
    reason_->reset();
    reason_->bind(1, id);
    std::string text = reason_->step() ? reason_->text(0) : "";
    if (!reason_->ok()) return fail(db_.path(), 0, reason_->error());
    reason_->reset();
    return reasons_.emplace(id, std::move(text)).first->second;
}

Result<ShownParagraph> ParagraphReader::read(std::int64_t pid, bool with_original) {
    const auto failed = [&](SqlStatement& st) -> Result<ShownParagraph> {
        return fail(db_.path(), 0, st.error());
    };
    ShownParagraph p;
    SqlStatement& pa = *paragraph_;
    pa.reset();
    pa.bind(1, pid);
    if (!pa.step()) {
        if (!pa.ok()) return failed(pa);
        return fail(db_.path(), 0, "no paragraph with id " + std::to_string(pid));
    }
    const std::int64_t protocol_id = pa.integer(0);
    if (!pa.is_null(1)) p.date = pa.text(1);
    p.body = pa.text(2);
    p.number = static_cast<int>(pa.integer(3));
    p.title = pa.text(4);
    p.source = pa.text(5);
    p.line_begin = static_cast<int>(pa.integer(6));
    p.line_end = static_cast<int>(pa.integer(7));
    p.text = pa.text(8);
    if (!pa.is_null(9)) p.page = static_cast<int>(pa.integer(9));
    pa.reset();

    cases_->reset();
    cases_->bind(1, pid);
    while (cases_->step()) p.case_numbers.push_back(cases_->text(0));
    if (!cases_->ok()) return failed(*cases_);

    decision_->reset();
    decision_->bind(1, pid);
    if (decision_->step()) {
        Decision d;
        d.by = decision_->text(1);
        d.kind = decision_->text(2) == "proposes" ? DecisionKind::proposes : DecisionKind::decides;
        if (!decision_->is_null(3)) d.to = decision_->text(3);
        points_->reset();
        points_->bind(1, decision_->integer(0));
        while (points_->step()) d.points.push_back(points_->text(0));
        if (!points_->ok()) return failed(*points_);
        p.decision = std::move(d);
    }
    if (!decision_->ok()) return failed(*decision_);
    decision_->reset();

    statements_->reset();
    statements_->bind(1, pid);
    while (statements_->step()) {
        Statement s;
        const std::int64_t sid = statements_->integer(0);
        s.kind = statement_kind_from(statements_->text(1)).value_or(StatementKind::protocol_note);
        if (!statements_->is_null(2)) s.appendix = static_cast<int>(statements_->integer(2));
        s.text = statements_->text(3);
        persons_->reset();
        persons_->bind(1, sid);
        while (persons_->step()) s.persons.push_back({persons_->text(0), persons_->text(1)});
        if (!persons_->ok()) return failed(*persons_);
        parties_->reset();
        parties_->bind(1, sid);
        while (parties_->step()) s.parties.push_back(parties_->text(0));
        if (!parties_->ok()) return failed(*parties_);
        p.statements.push_back(std::move(s));
    }
    if (!statements_->ok()) return failed(*statements_);

    recipients_->reset();
    recipients_->bind(1, pid);
    while (recipients_->step()) p.recipients.push_back(recipients_->text(0));
    if (!recipients_->ok()) return failed(*recipients_);

    if (with_original) {
        // The protocol's text as received and the edits in this paragraph's lines, kept when
        // repair changed any of it. An edit's "from" is the original text at [offset, offset +
        // length) in bytes.
        original_->reset();
        original_->bind(1, protocol_id);
        std::string original;
        if (original_->step()) {
            auto text = decompress(original_->blob(0));
            if (!text) return fail(db_.path(), 0, text.error().message);
            original = std::move(*text);
            p.original = lines_of(original, p.line_begin, p.line_end);
        }
        if (!original_->ok()) return failed(*original_);
        original_->reset();
        edits_->reset();
        edits_->bind(1, protocol_id);
        if (edits_->step()) {
            auto edits = unpack_edits(edits_->blob(0));
            if (!edits) return fail(db_.path(), 0, edits.error().message);
            for (const PackedEdit& e : *edits) {
                if (e.line < p.line_begin || e.line > p.line_end) continue;
                auto reason = reason_text(e.reason_id);
                if (!reason) return std::unexpected(reason.error());
                const auto offset = static_cast<std::size_t>(e.offset);
                const std::string from =
                    offset <= original.size()
                        ? original.substr(offset, static_cast<std::size_t>(e.length))
                        : "";
                p.edits.push_back({e.line, e.column, from, e.to, *reason, e.confidence});
            }
        }
        if (!edits_->ok()) return failed(*edits_);
        edits_->reset();
    }
    return p;
}

}  // namespace kraft
