#include "store/protocol_reader.hpp"

#include <utility>

#include "store/packing.hpp"
#include "util/compression.hpp"
#include "util/text.hpp"
#include "util/tokens.hpp"

namespace kraft {

namespace {

// The rows of one table that belong to the protocol's paragraphs (`alias`.paragraph_id), with
// further joins.
std::string of_protocol(const std::string& table, const std::string& alias,
                        const std::string& joins = "") {
    return " FROM " + table + " " + alias + " JOIN paragraphs pa ON pa.id = " + alias +
           ".paragraph_id " + joins + " WHERE pa.protocol_id = ?1 ";
}

std::optional<int> optional_int(const SqlStatement& row, int col) {
    if (row.is_null(col)) return std::nullopt;
    return static_cast<int>(row.integer(col));
}

std::optional<std::string> optional_text(const SqlStatement& row, int col) {
    if (row.is_null(col)) return std::nullopt;
    return row.text(col);
}

}  // namespace

template <class OnRow>
Result<void> StoredProtocolReader::each_row(const std::string& sql, std::int64_t id,
                                            OnRow&& on_row) {
    auto st = statements_.get(sql);
    if (!st) return std::unexpected(st.error());
    auto ok = (*st)->bind(1, id).each_row(std::forward<OnRow>(on_row));
    (*st)->reset();
    return ok;
}

Error StoredProtocolReader::damaged(const std::string& what) const {
    return Error{archive_.name(), 0, 0, "cannot read a stored protocol back: " + what};
}

Result<std::vector<StoredVersion>> StoredProtocolReader::versions() {
    std::vector<StoredVersion> out;
    auto st =
        statements_.get("SELECT id, source, content_hash, imported_at FROM protocols ORDER BY id");
    if (!st) return std::unexpected(st.error());
    auto ok = (*st)->each_row([&](const SqlStatement& row) {
        out.push_back({row.integer(0), row.text(1), row.text(2), row.text(3)});
    });
    (*st)->reset();
    if (!ok) return std::unexpected(ok.error());
    return out;
}

Result<std::optional<PreparedProtocol>> StoredProtocolReader::read(std::int64_t id,
                                                                   bool compress_texts) {
    Transaction snapshot(archive_.db());
    if (auto ok = snapshot.begin_read(); !ok) return std::unexpected(ok.error());
    PreparedProtocol p;
    bool learned = false;
    auto found = read_protocol(id, p, learned);
    if (!found) return std::unexpected(found.error());
    if (!*found) return std::nullopt;
    Places at;
    Result<void> ok = read_edits(id, p);
    if (ok) ok = read_attendance(id, p);
    if (ok) ok = read_paragraphs(id, p, at);
    if (ok) ok = read_decisions(id, p, at);
    if (ok) ok = read_votes(id, p, at);
    if (ok) ok = read_statements(id, p, at);
    if (ok) ok = read_statement_people(id, p, at);
    if (ok) ok = read_cases(id, p, at);
    if (ok) ok = read_citations(id, p, at);
    if (ok) ok = read_texts(id, p, at);
    if (!ok) return std::unexpected(ok.error());
    if (auto done = snapshot.commit(); !done) return std::unexpected(done.error());
    // The words a clean protocol taught repair, counted again as the import counted them.
    if (learned)
        for (const Paragraph& para : p.protocol.paragraphs) count_words(para.text, p.learned_words);

    p.compressed_paragraphs.resize(p.protocol.paragraphs.size());
    for (std::size_t i = 0; i < p.protocol.paragraphs.size(); ++i) {
        const Paragraph& para = p.protocol.paragraphs[i];
        auto& c = p.compressed_paragraphs[i];
        c.statements.resize(para.statements.size());
        if (!compress_texts) continue;
        c.text = compress(para.text);
        for (std::size_t j = 0; j < para.statements.size(); ++j)
            c.statements[j] = compress(para.statements[j].text);
    }
    return p;
}

// The protocols row and the original text. Returns false when there is no such protocol.
Result<bool> StoredProtocolReader::read_protocol(std::int64_t id, PreparedProtocol& p,
                                                 bool& learned) {
    // An archive before migration 7 records no file formats.
    const std::string sql =
        std::string(
            "SELECT source, content_hash, encoding, imported_at, body, body_name, "
            "body_source, date, date_source, place, justering, words, damage, learned, ") +
        (archive_.schema() >= 7 ? "format, pages, producer, ocr_pages "
                                : "'text', NULL, NULL, 0 ") +
        "FROM protocols WHERE id = ?1";
    bool found = false;
    std::string format;
    auto ok = each_row(sql, id, [&](const SqlStatement& row) {
        found = true;
        p.source = row.text(0);
        p.content_hash = row.text(1);
        p.encoding = row.text(2);
        p.imported_at = row.text(3);
        Meeting& m = p.protocol.meeting;
        m.body = optional_text(row, 4);
        p.body_name = optional_text(row, 5);
        m.body_source = optional_text(row, 6);
        m.date = optional_text(row, 7);
        m.date_source = optional_text(row, 8);
        m.place = optional_text(row, 9);
        m.justering = optional_text(row, 10);
        p.words = static_cast<std::size_t>(row.integer(11));
        p.damage = row.real(12);
        learned = row.integer(13) != 0;
        format = row.text(14);
        p.info.pages = optional_int(row, 15).value_or(0);
        p.info.producer = optional_text(row, 16).value_or("");
        p.info.ocr_pages = static_cast<int>(row.integer(17));
    });
    if (!ok) return std::unexpected(ok.error());
    if (!found) return false;
    p.protocol.source = p.source;
    auto f = input_format_from(format);
    if (!f) return std::unexpected(damaged("unknown file format \"" + format + "\""));
    p.info.format = *f;
    ok = each_row("SELECT text FROM protocol_originals WHERE protocol_id = ?1", id,
                  [&](const SqlStatement& row) { p.compressed_original = row.blob(0); });
    if (!ok) return std::unexpected(ok.error());
    return true;
}

// The repair edits, with the original text each one replaced.
Result<void> StoredProtocolReader::read_edits(std::int64_t id, PreparedProtocol& p) {
    std::string packed;
    bool any = false;
    auto ok = each_row("SELECT packed FROM repair_edit_lists WHERE protocol_id = ?1", id,
                       [&](const SqlStatement& row) {
                           packed = row.blob(0);
                           any = true;
                       });
    if (!ok || !any) return ok;
    auto edits = unpack_edits(packed);
    if (!edits) return std::unexpected(edits.error());
    auto original = decompress(p.compressed_original);
    if (!original) return std::unexpected(damaged(p.source + ": its original text is damaged"));
    for (const PackedEdit& e : *edits) {
        const auto offset = static_cast<std::size_t>(e.offset);
        const auto length = static_cast<std::size_t>(e.length);
        if (offset > original->size() || length > original->size() - offset)
            return std::unexpected(damaged(p.source + ": a repair edit lies outside its text"));
        auto why = reason(e.reason_id);
        if (!why) return std::unexpected(why.error());
        p.edits.push_back(
            {offset, e.line, e.column, original->substr(offset, length), e.to, e.confidence, *why});
    }
    return {};
}

Result<std::string> StoredProtocolReader::reason(std::int64_t id) {
    if (auto it = reasons_.find(id); it != reasons_.end()) return it->second;
    std::optional<std::string> text;
    auto ok = each_row("SELECT text FROM repair_reasons WHERE id = ?1", id,
                       [&](const SqlStatement& row) { text = row.text(0); });
    if (!ok) return std::unexpected(ok.error());
    if (!text) return std::unexpected(damaged("no repair reason " + std::to_string(id)));
    return reasons_.emplace(id, *text).first->second;
}

Result<void> StoredProtocolReader::read_attendance(std::int64_t id, PreparedProtocol& p) {
    // The person by a subquery: a join could return the rows in another order than stored.
    return each_row(
        "SELECT (SELECT name FROM persons WHERE id = a.person_id), coalesce(a.party, ''), "
        "a.role, a.note, a.replaces FROM attendance a WHERE a.protocol_id = ?1",
        id, [&](const SqlStatement& row) {
            p.protocol.meeting.attendance.push_back(
                {row.text(0), row.text(1), row.text(2), row.text(3), row.text(4)});
        });
}

Result<void> StoredProtocolReader::read_paragraphs(std::int64_t id, PreparedProtocol& p,
                                                   Places& at) {
    const std::string sql = std::string("SELECT id, number, title, line_begin, line_end, ") +
                            (archive_.schema() >= 7 ? "page" : "NULL") +
                            " FROM paragraphs WHERE protocol_id = ?1 ORDER BY id";
    return each_row(sql, id, [&](const SqlStatement& row) {
        at.paragraphs[row.integer(0)] = p.protocol.paragraphs.size();
        Paragraph& para = p.protocol.paragraphs.emplace_back();
        para.number = static_cast<int>(row.integer(1));
        para.title = row.text(2);
        para.line_begin = static_cast<int>(row.integer(3));
        para.line_end = static_cast<int>(row.integer(4));
        para.page = optional_int(row, 5).value_or(0);
    });
}

Result<void> StoredProtocolReader::read_decisions(std::int64_t id, PreparedProtocol& p,
                                                  const Places& at) {
    return each_row(
        "SELECT d.paragraph_id, d.by_body, d.kind, d.to_body, dp.text" +
            of_protocol("decisions", "d", "LEFT JOIN decision_points dp ON dp.decision_id = d.id") +
            "ORDER BY d.paragraph_id, dp.position",
        id, [&](const SqlStatement& row) -> Result<void> {
            Paragraph& para = p.protocol.paragraphs[at.paragraphs.at(row.integer(0))];
            if (!para.decision) {
                auto kind = decision_kind_from(row.text(2));
                if (!kind) return std::unexpected(damaged("unknown decision kind " + row.text(2)));
                para.decision = Decision{row.text(1), *kind, optional_text(row, 3), {}};
            }
            if (!row.is_null(4)) para.decision->points.push_back(row.text(4));
            return {};
        });
}

Result<void> StoredProtocolReader::read_votes(std::int64_t id, PreparedProtocol& p,
                                              const Places& at) {
    auto ok = each_row(
        "SELECT v.paragraph_id, v.yes, v.no, v.abstain" + of_protocol("votes", "v"), id,
        [&](const SqlStatement& row) {
            Paragraph& para = p.protocol.paragraphs[at.paragraphs.at(row.integer(0))];
            para.vote =
                Vote{optional_int(row, 1), optional_int(row, 2), optional_int(row, 3), {}, {}, {}};
        });
    if (!ok) return ok;
    return each_row("SELECT vp.paragraph_id, p.name, coalesce(vp.party, ''), vp.side" +
                        of_protocol("vote_persons", "vp", "JOIN persons p ON p.id = vp.person_id") +
                        "ORDER BY vp.paragraph_id, vp.person_id",
                    id, [&](const SqlStatement& row) -> Result<void> {
                        Paragraph& para = p.protocol.paragraphs[at.paragraphs.at(row.integer(0))];
                        if (!para.vote)
                            return std::unexpected(damaged("names of a vote that is not there"));
                        const std::string side = row.text(3);
                        std::vector<Person>* names = side == "yes"       ? &para.vote->yes_names
                                                     : side == "no"      ? &para.vote->no_names
                                                     : side == "abstain" ? &para.vote->abstain_names
                                                                         : nullptr;
                        if (!names)
                            return std::unexpected(damaged("unknown side of a vote " + side));
                        names->push_back({row.text(1), row.text(2)});
                        return {};
                    });
}

Result<void> StoredProtocolReader::read_statements(std::int64_t id, PreparedProtocol& p,
                                                   Places& at) {
    return each_row(
        "SELECT s.id, s.paragraph_id, s.kind, s.appendix, s.line" + of_protocol("statements", "s") +
            "ORDER BY s.id",
        id, [&](const SqlStatement& row) -> Result<void> {
            const std::size_t index = at.paragraphs.at(row.integer(1));
            auto kind = statement_kind_from(row.text(2));
            if (!kind) return std::unexpected(damaged("unknown statement kind " + row.text(2)));
            auto& statements = p.protocol.paragraphs[index].statements;
            at.statements[row.integer(0)] = {index, statements.size()};
            Statement& s = statements.emplace_back();
            s.kind = *kind;
            s.appendix = optional_int(row, 3);
            s.line = static_cast<int>(row.integer(4));
            return {};
        });
}

// The persons and parties each statement names.
Result<void> StoredProtocolReader::read_statement_people(std::int64_t id, PreparedProtocol& p,
                                                         const Places& at) {
    const auto statement = [&](std::int64_t sid) -> Statement& {
        const auto [paragraph, index] = at.statements.at(sid);
        return p.protocol.paragraphs[paragraph].statements[index];
    };
    const std::string of_statements =
        " JOIN statements s ON s.id = sp.statement_id JOIN paragraphs pa ON pa.id = "
        "s.paragraph_id ";
    auto ok = each_row(
        "SELECT sp.statement_id, p.name, coalesce(sp.party, '') FROM statement_persons sp" +
            of_statements +
            "JOIN persons p ON p.id = sp.person_id WHERE pa.protocol_id = ?1 "
            "ORDER BY sp.statement_id, sp.person_id",
        id, [&](const SqlStatement& row) {
            statement(row.integer(0)).persons.push_back({row.text(1), row.text(2)});
        });
    if (!ok) return ok;
    return each_row("SELECT sp.statement_id, sp.party FROM statement_parties sp" + of_statements +
                        "WHERE pa.protocol_id = ?1 ORDER BY sp.statement_id, sp.position",
                    id, [&](const SqlStatement& row) {
                        statement(row.integer(0)).parties.push_back(row.text(1));
                    });
}

// The paragraphs' own case numbers and those their texts cite, as written, and their recipients.
Result<void> StoredProtocolReader::read_cases(std::int64_t id, PreparedProtocol& p,
                                              const Places& at) {
    auto ok =
        each_row("SELECT pc.paragraph_id, pc.role, pc.written" +
                     of_protocol("paragraph_cases", "pc") + "ORDER BY pc.paragraph_id, pc.case_id",
                 id, [&](const SqlStatement& row) -> Result<void> {
                     Paragraph& para = p.protocol.paragraphs[at.paragraphs.at(row.integer(0))];
                     const std::string role = row.text(1);
                     if (role != "own" && role != "cited")
                         return std::unexpected(damaged("unknown role of a case " + role));
                     (role == "own" ? para.case_numbers : para.cited_cases).push_back(row.text(2));
                     return {};
                 });
    if (!ok) return ok;
    return each_row(
        "SELECT r.paragraph_id, r.name" + of_protocol("recipients", "r") +
            "ORDER BY r.paragraph_id, r.position",
        id, [&](const SqlStatement& row) {
            p.protocol.paragraphs[at.paragraphs.at(row.integer(0))].recipients.push_back(
                row.text(1));
        });
}

Result<void> StoredProtocolReader::read_citations(std::int64_t id, PreparedProtocol& p,
                                                  const Places& at) {
    return each_row(
        "SELECT c.paragraph_id, c.body, c.body_name, c.date, c.number, "
        "(SELECT key FROM cases WHERE id = c.case_id), c.reservation_parties, "
        "c.statement_parties, c.text, c.line" +
            of_protocol("citations", "c") + "ORDER BY c.id",
        id, [&](const SqlStatement& row) {
            Reference r;
            r.body = row.text(1);
            r.body_name = row.text(2);
            r.date = optional_text(row, 3);
            r.paragraph = optional_int(row, 4);
            r.case_number = optional_text(row, 5);
            r.reservation_parties = text::split(row.text(6), ' ');
            r.statement_parties = text::split(row.text(7), ' ');
            r.text = row.text(8);
            r.line = static_cast<int>(row.integer(9));
            p.protocol.paragraphs[at.paragraphs.at(row.integer(0))].references.push_back(
                std::move(r));
        });
}

// The paragraphs' and statements' texts, which the entries keep.
Result<void> StoredProtocolReader::read_texts(std::int64_t id, PreparedProtocol& p,
                                              const Places& at) {
    return each_row(
        "SELECT e.paragraph_id, e.statement_id, kraft_decompress(e.body)" +
            of_protocol("entries", "e"),
        id, [&](const SqlStatement& row) -> Result<void> {
            if (row.is_null(1)) {
                p.protocol.paragraphs[at.paragraphs.at(row.integer(0))].text = row.text(2);
                return {};
            }
            auto s = at.statements.find(row.integer(1));
            if (s == at.statements.end())
                return std::unexpected(damaged("an entry of a statement that is not there"));
            p.protocol.paragraphs[s->second.first].statements[s->second.second].text = row.text(2);
            return {};
        });
}

}  // namespace kraft
