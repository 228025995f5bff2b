#include "store/protocol_writer.hpp"

#include <vector>

#include "model/case_numbers.hpp"
#include "store/packing.hpp"
#include "util/json_writer.hpp"
#include "util/text.hpp"
#include "util/time.hpp"
#include "util/tokens.hpp"

namespace kraft {

namespace {

// Word counts as one JSON value, [["word", n], ...], for statements over json_each.
std::string words_json(const std::map<std::string, std::int64_t>& counts) {
    std::string out = "[";
    for (const auto& [w, n] : counts)
        out +=
            (out.size() > 1 ? ",[" : "[") + JsonWriter::escape(w) + "," + std::to_string(n) + "]";
    return out + "]";
}

template <class T>
std::optional<T> unless_zero(T v) {
    return v ? std::optional<T>(v) : std::nullopt;
}
std::optional<std::string> unless_empty(const std::string& s) {
    return s.empty() ? std::nullopt : std::optional<std::string>(s);
}

}  // namespace

Result<void> ProtocolWriter::write() {
    if (auto ok = remove_earlier_version(); !ok) return ok;
    if (auto ok = insert_protocol(); !ok) return ok;
    if (auto ok = insert_edits(); !ok) return ok;
    if (auto ok = insert_attendance(); !ok) return ok;
    for (std::size_t i = 0; i < p_.protocol.paragraphs.size(); ++i)
        if (auto ok = insert_paragraph(i); !ok) return ok;
    return finish_protocol();
}

// The earlier version: its words unlearned, then deleted (which cascades to everything).
Result<void> ProtocolWriter::remove_earlier_version() {
    auto old = statements_.get(
        "SELECT kraft_decompress(e.body) FROM entries e "
        "JOIN paragraphs pa ON pa.id = e.paragraph_id "
        "JOIN protocols pr ON pr.id = pa.protocol_id "
        "WHERE pr.source = ? AND pr.learned = 1 AND e.statement_id IS NULL");
    if (!old) return std::unexpected(old.error());
    std::map<std::string, std::int64_t> unlearn;
    if (auto ok = (*old)->bind(1, p_.source).each_row([&](const SqlStatement& row) {
            count_words(row.text(0), unlearn);
        });
        !ok)
        return ok;
    if (!unlearn.empty()) {
        // Only the words just unlearned can have dropped to zero: the table is not scanned.
        const std::string words = words_json(unlearn);
        if (auto ok = run("UPDATE word_frequencies SET count = count - CAST(w.value->>1 AS "
                          "BIGINT) FROM json_each(?) AS w WHERE word = w.value->>0",
                          words);
            !ok)
            return ok;
        if (auto ok = run("DELETE FROM word_frequencies WHERE count <= 0 AND word IN "
                          "(SELECT value->>0 FROM json_each(?))",
                          words);
            !ok)
            return ok;
    }
    if (auto ok = index_.forget(p_.source); !ok) return ok;
    return run("DELETE FROM protocols WHERE source = ?", p_.source);
}

Result<void> ProtocolWriter::insert_protocol() {
    const Meeting& m = p_.protocol.meeting;
    auto id = insert(
        "INSERT INTO protocols(source, content_hash, encoding, imported_at, body, body_name, "
        "body_source, date, date_source, place, justering, words, damage, learned, format, pages, "
        "producer, ocr_pages, import_run) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        p_.source, p_.content_hash, p_.encoding,
        p_.imported_at.empty() ? now_utc() : p_.imported_at, m.body, p_.body_name, m.body_source,
        m.date, m.date_source, m.place, m.justering, static_cast<std::int64_t>(p_.words), p_.damage,
        p_.learned_words.empty() ? 0 : 1, to_string(p_.info.format), unless_zero(p_.info.pages),
        unless_empty(p_.info.producer), p_.info.ocr_pages, import_run_);
    if (!id) return std::unexpected(id.error());
    protocol_id_ = *id;
    if (p_.compressed_original.empty()) return {};
    return run("INSERT INTO protocol_originals(protocol_id, text) VALUES (?, ?)", protocol_id_,
               Blob{p_.compressed_original});
}

Result<void> ProtocolWriter::insert_edits() {
    if (p_.edits.empty()) return {};
    std::vector<PackedEdit> packed;
    packed.reserve(p_.edits.size());
    for (const StoredEdit& e : p_.edits) {
        auto reason = reason_ids_.find(e.reason);
        if (reason == reason_ids_.end()) {
            auto id = id_of("repair_reasons", "text", e.reason);
            if (!id) return std::unexpected(id.error());
            reason = reason_ids_.emplace(e.reason, *id).first;
        }
        packed.push_back({static_cast<std::int64_t>(e.offset),
                          static_cast<std::int64_t>(e.from.size()), e.line, e.column, e.to,
                          e.confidence, reason->second});
    }
    const auto count = static_cast<std::int64_t>(packed.size());
    const std::string blob = pack_edits(std::move(packed));
    return run("INSERT INTO repair_edit_lists(protocol_id, edits, packed) VALUES (?,?,?)",
               protocol_id_, count, Blob{blob});
}

Result<void> ProtocolWriter::insert_attendance() {
    for (const Attendee& a : p_.protocol.meeting.attendance) {
        auto person = id_of("persons", "name", a.name);
        if (!person) return std::unexpected(person.error());
        if (!a.party.empty())
            if (auto ok = add_party(a.party); !ok) return ok;
        if (auto ok = run("INSERT INTO attendance(protocol_id, person_id, party, role, note, "
                          "replaces) VALUES (?,?,?,?,?,?)",
                          protocol_id_, *person, unless_empty(a.party), a.role, a.note, a.replaces);
            !ok)
            return ok;
    }
    return {};
}

Result<void> ProtocolWriter::insert_paragraph(std::size_t index) {
    const Paragraph& para = p_.protocol.paragraphs[index];
    const PreparedProtocol::CompressedParagraph& compressed = p_.compressed_paragraphs[index];
    auto pid = insert(
        "INSERT INTO paragraphs(protocol_id, number, title, line_begin, line_end, page) "
        "VALUES (?,?,?,?,?,?)",
        protocol_id_, para.number, para.title, para.line_begin, para.line_end,
        unless_zero(para.page));
    if (!pid) return std::unexpected(pid.error());
    if (para.decision)
        if (auto ok = insert_decision(*pid, *para.decision); !ok) return ok;
    if (para.vote)
        if (auto ok = insert_vote(*pid, *para.vote); !ok) return ok;
    if (auto ok =
            insert_entry(*pid, std::nullopt,
                         to_string(para.decision ? EntryKind::decision : EntryKind::paragraph),
                         para.title, para.text, compressed.text);
        !ok)
        return ok;
    for (std::size_t j = 0; j < para.statements.size(); ++j)
        if (auto ok = insert_statement(*pid, para, para.statements[j], compressed.statements[j]);
            !ok)
            return ok;
    if (auto ok = link_cases(*pid, para); !ok) return ok;
    if (auto ok = insert_citations(*pid, para); !ok) return ok;
    return insert_recipients(*pid, para);
}

Result<void> ProtocolWriter::insert_decision(std::int64_t paragraph, const Decision& d) {
    auto did =
        insert("INSERT INTO decisions(paragraph_id, by_body, kind, to_body) VALUES (?,?,?,?)",
               paragraph, d.by, to_string(d.kind), d.to);
    if (!did) return std::unexpected(did.error());
    int position = 0;
    for (const std::string& point : d.points)
        if (auto ok = run("INSERT INTO decision_points(decision_id, position, text) VALUES (?,?,?)",
                          *did, ++position, point);
            !ok)
            return ok;
    return {};
}

Result<void> ProtocolWriter::insert_vote(std::int64_t paragraph, const Vote& v) {
    if (auto ok = run("INSERT INTO votes(paragraph_id, yes, no, abstain) VALUES (?,?,?,?)",
                      paragraph, v.yes, v.no, v.abstain);
        !ok)
        return ok;
    const std::pair<const std::vector<Person>*, const char*> sides[] = {
        {&v.yes_names, "yes"}, {&v.no_names, "no"}, {&v.abstain_names, "abstain"}};
    for (const auto& [names, side] : sides)
        for (const Person& person : *names) {
            auto id = id_of("persons", "name", person.name);
            if (!id) return std::unexpected(id.error());
            if (auto ok = run("INSERT INTO vote_persons(paragraph_id, person_id, party, side) "
                              "VALUES (?,?,?,?) ON CONFLICT DO NOTHING",
                              paragraph, *id, person.party, side);
                !ok)
                return ok;
        }
    return {};
}

Result<void> ProtocolWriter::insert_statement(std::int64_t paragraph, const Paragraph& para,
                                              const Statement& s, const std::string& compressed) {
    auto sid = insert("INSERT INTO statements(paragraph_id, kind, appendix, line) VALUES (?,?,?,?)",
                      paragraph, to_string(s.kind), s.appendix, s.line);
    if (!sid) return std::unexpected(sid.error());
    for (const Person& person : s.persons) {
        auto id = id_of("persons", "name", person.name);
        if (!id) return std::unexpected(id.error());
        if (auto ok = add_party(person.party); !ok) return ok;
        if (auto ok = run("INSERT INTO statement_persons(statement_id, person_id, party) "
                          "VALUES (?,?,?) ON CONFLICT DO NOTHING",
                          *sid, *id, person.party);
            !ok)
            return ok;
    }
    int position = 0;
    for (const std::string& party : s.parties) {
        if (auto ok = add_party(party); !ok) return ok;
        if (auto ok = run("INSERT INTO statement_parties(statement_id, party, position) "
                          "VALUES (?,?,?) ON CONFLICT DO NOTHING",
                          *sid, party, ++position);
            !ok)
            return ok;
    }
    return insert_entry(paragraph, *sid, to_string(entry_kind(s.kind)), para.title, s.text,
                        compressed);
}

Result<void> ProtocolWriter::link_cases(std::int64_t paragraph, const Paragraph& para) {
    const auto link = [&](const std::string& written, const char* role) -> Result<void> {
        const std::string key = normalize_case_number(written);
        if (key.empty()) return {};
        auto cid = id_of("cases", "key", key);
        if (!cid) return std::unexpected(cid.error());
        return run(
            "INSERT INTO paragraph_cases(paragraph_id, case_id, role, written) "
            "VALUES (?,?,?,?) ON CONFLICT DO NOTHING",
            paragraph, *cid, role, written);
    };
    for (const auto& c : para.case_numbers)
        if (auto ok = link(c, "own"); !ok) return ok;
    for (const auto& c : para.cited_cases)
        if (auto ok = link(c, "cited"); !ok) return ok;
    return {};
}

Result<void> ProtocolWriter::insert_citations(std::int64_t paragraph, const Paragraph& para) {
    for (const Reference& r : para.references) {
        std::optional<std::int64_t> cid;
        if (r.case_number) {
            auto id = id_of("cases", "key", *r.case_number);
            if (!id) return std::unexpected(id.error());
            cid = *id;
        }
        if (auto ok = run("INSERT INTO citations(paragraph_id, body, body_name, date, number, "
                          "case_id, reservation_parties, statement_parties, text, line) "
                          "VALUES (?,?,?,?,?,?,?,?,?,?)",
                          paragraph, r.body, r.body_name, r.date, r.paragraph, cid,
                          text::join(r.reservation_parties, " "),
                          text::join(r.statement_parties, " "), r.text, r.line);
            !ok)
            return ok;
    }
    return {};
}

Result<void> ProtocolWriter::insert_recipients(std::int64_t paragraph, const Paragraph& para) {
    int position = 0;
    for (const std::string& name : para.recipients)
        if (auto ok = run("INSERT INTO recipients(paragraph_id, position, name) VALUES (?,?,?)",
                          paragraph, ++position, name);
            !ok)
            return ok;
    return {};
}

// The entry with its body compressed; the same text, plain, goes into the full-text index (which
// reads stored entries through the view entry_texts) in finish_protocol().
Result<void> ProtocolWriter::insert_entry(std::int64_t paragraph,
                                          std::optional<std::int64_t> statement,
                                          std::string_view kind, const std::string& title,
                                          const std::string& body,
                                          const std::string& compressed_body) {
    // SQLite keeps the body compressed (schema migration 3); PostgreSQL compresses it itself and
    // keeps it as text that SQL can read.
    const char* sql =
        "INSERT INTO entries(paragraph_id, statement_id, kind, title, body) VALUES (?,?,?,?,?)";
    auto id = db_.engine() == SqlEngine::sqlite
                  ? insert(sql, paragraph, statement, kind, title, Blob{compressed_body})
                  : insert(sql, paragraph, statement, kind, title, body);
    if (!id) return std::unexpected(id.error());
    if (entries_++ == 0) first_entry_ = *id;
    last_entry_ = *id;
    index_rows_.push_back({*id, title, body});
    return {};
}

Result<void> ProtocolWriter::finish_protocol() {
    // One run unless something else inserted entries in between, which nothing does within this
    // transaction; recorded only when it holds, so a search never trusts a wrong run.
    const bool one_run = last_entry_ - first_entry_ + 1 == entries_;
    if (auto ok =
            run("UPDATE protocols SET entries_from = ?, entries_to = ? WHERE id = ?",
                one_run ? std::optional<std::int64_t>(first_entry_) : std::nullopt,
                one_run ? std::optional<std::int64_t>(last_entry_) : std::nullopt, protocol_id_);
        !ok)
        return ok;
    // Citations of this meeting from anywhere, and this protocol's own citations, resolved.
    if (auto ok = run("UPDATE citations SET resolved_paragraph_id = ("
                      "  SELECT pa.id FROM paragraphs pa JOIN protocols pr ON pr.id = "
                      "pa.protocol_id WHERE pr.body_name = citations.body_name AND pr.date = "
                      "citations.date AND pa.number = citations.number LIMIT 1) "
                      "WHERE (body_name = ? AND date = ?) OR paragraph_id IN (SELECT id FROM "
                      "paragraphs WHERE protocol_id = ?)",
                      p_.body_name, p_.protocol.meeting.date, protocol_id_);
        !ok)
        return ok;
    if (!p_.learned_words.empty())
        if (auto ok = run("INSERT INTO word_frequencies(word, count) "
                          "SELECT value->>0, CAST(value->>1 AS BIGINT) FROM json_each(?) "
                          "WHERE true ON CONFLICT(word) DO UPDATE SET count = "
                          "word_frequencies.count + excluded.count",
                          words_json(p_.learned_words));
            !ok)
            return ok;
    // The full-text index last: FTS5 writes it in one statement (text_index.hpp).
    return index_.add(index_rows_);
}

// No other writer inserts meanwhile: SQLite has one, and PostgreSQL's take turns
// (Database::lock_writers).
Result<std::int64_t> ProtocolWriter::id_of(const char* table, const char* column,
                                           const std::string& value) {
    auto s = statements_.get(std::string("SELECT id FROM ") + table + " WHERE " + column + " = ?");
    if (!s) return std::unexpected(s.error());
    auto row = (*s)->bind(1, value).step();
    if (!row) return std::unexpected(row.error());
    if (*row) {
        const std::int64_t id = (*s)->integer(0);
        (*s)->reset();
        return id;
    }
    return insert(std::string("INSERT INTO ") + table + "(" + column + ") VALUES (?)", value);
}

Result<void> ProtocolWriter::add_party(const std::string& abbreviation) {
    return run("INSERT INTO parties(abbreviation) VALUES (?) ON CONFLICT DO NOTHING", abbreviation);
}

}  // namespace kraft
