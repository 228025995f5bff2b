#include "store/archive.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <map>

#include "repair/tokens.hpp"
#include "segment/case_numbers.hpp"
#include "segment/grammar.hpp"
#include "segment/segment.hpp"
#include "store/fts_tokenizer.hpp"
#include "store/packing.hpp"
#include "store/schema.hpp"
#include "store/sql_functions.hpp"
#include "util/json_writer.hpp"
#include "util/text.hpp"

namespace kraft {

namespace {

std::string now_utc() {
    const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

std::string joined(const std::vector<std::string>& xs) {
    std::string out;
    for (const auto& x : xs) out += (out.empty() ? "" : " ") + x;
    return out;
}

// Word counts as one JSON value, [["word", n], ...], for statements over json_each.
std::string words_json(const std::map<std::string, std::int64_t>& counts) {
    std::string out = "[";
    for (const auto& [w, n] : counts)
        out +=
            (out.size() > 1 ? ",[" : "[") + JsonWriter::escape(w) + "," + std::to_string(n) + "]";
    return out + "]";
}

// Whether every paragraph and statement has its compressed text (the import's workers fill them
// in).
bool compressed_texts_match(const PreparedProtocol& p) {
    if (p.compressed_paragraphs.size() != p.protocol.paragraphs.size()) return false;
    for (std::size_t i = 0; i < p.compressed_paragraphs.size(); ++i)
        if (p.compressed_paragraphs[i].statements.size() !=
            p.protocol.paragraphs[i].statements.size())
            return false;
    return true;
}

}  // namespace

void count_words(std::string_view text, std::map<std::string, std::int64_t>& counts) {
    for (const Token& t : tokenize(text))
        if (t.kind == TokenKind::word && !t.in_address) ++counts[text::lower(t.text(text))];
}

std::string content_hash(std::string_view bytes) {
    std::uint64_t h = 1469598103934665603ULL;
    for (unsigned char c : bytes) {
        h ^= c;
        h *= 1099511628211ULL;
    }
    char buf[48];
    std::snprintf(buf, sizeof buf, "%016llx-%zx", static_cast<unsigned long long>(h), bytes.size());
    return buf;
}

Result<std::unique_ptr<Archive>> Archive::open(const std::string& path, Database::Mode mode) {
    auto db = Database::open(path, mode);
    if (!db) return std::unexpected(db.error());
    if (auto ok = register_fts_tokenizer(**db); !ok) return std::unexpected(ok.error());
    if (auto ok = register_sql_functions(**db); !ok) return std::unexpected(ok.error());
    int schema = schema_version();
    if (mode == Database::Mode::read_write) {
        if (auto ok = migrate(**db); !ok) return std::unexpected(ok.error());
    } else {
        auto v = check_version(**db);
        if (!v) return std::unexpected(v.error());
        schema = *v;
    }
    return std::unique_ptr<Archive>(new Archive(std::move(*db), schema));
}

SqlStatement& Archive::st(const std::string& sql) {
    auto it = statements_.find(sql);
    if (it == statements_.end()) {
        auto p = db_->prepare(sql);
        // The SQL is ours and fixed; failing to prepare it is a programming error, reported by
        // the statement's first step() through an always-failing statement.
        if (!p) p = db_->prepare("SELECT RAISE(ABORT, 'internal SQL error')");
        it = statements_.emplace(sql, std::move(*p)).first;
    }
    it->second->reset();
    return *it->second;
}

std::optional<std::string> Archive::stored_hash(const std::string& source) {
    SqlStatement& s = st("SELECT content_hash FROM protocols WHERE source = ?");
    s.bind(1, source);
    std::optional<std::string> hash;
    if (s.step()) hash = s.text(0);
    s.reset();  // a statement left on a row holds a read snapshot: the WAL could not checkpoint
    return hash;
}

Result<std::int64_t> Archive::id_of(const char* table, const char* column,
                                    const std::string& value) {
    SqlStatement& s = st(std::string("SELECT id FROM ") + table + " WHERE " + column + " = ?");
    s.bind(1, value);
    if (s.step()) {
        const std::int64_t id = s.integer(0);
        s.reset();
        return id;
    }
    SqlStatement& ins = st(std::string("INSERT INTO ") + table + "(" + column + ") VALUES (?)");
    ins.bind(1, value);
    ins.step();
    if (!ins.ok()) return fail(db_->path(), 0, ins.error());
    return db_->last_insert_id();
}

Result<void> Archive::store(const PreparedProtocol& p, const Grammar& g) {
    if (!compressed_texts_match(p))
        return fail(p.source, 0, "internal error: the prepared texts do not match the protocol");
    Transaction t(*db_);
    if (auto ok = t.begin(); !ok) return ok;
    const auto check = [&](SqlStatement& s) -> Result<void> {
        if (!s.ok()) return fail(db_->path(), 0, s.error());
        return {};
    };
#define KRAFT_RUN(stmt)                               \
    do {                                              \
        SqlStatement& run_ = (stmt);                  \
        while (run_.step()) {                         \
        }                                             \
        if (auto ok_ = check(run_); !ok_) return ok_; \
    } while (0)

    // The earlier version: unlearn its words, then delete it (cascades to everything).
    {
        SqlStatement& old =
            st("SELECT kraft_decompress(e.body) FROM entries e "
               "JOIN paragraphs pa ON pa.id = e.paragraph_id "
               "JOIN protocols pr ON pr.id = pa.protocol_id "
               "WHERE pr.source = ? AND pr.learned = 1 AND e.statement_id IS NULL");
        old.bind(1, p.source);
        std::map<std::string, std::int64_t> unlearn;
        while (old.step()) count_words(old.text(0), unlearn);
        if (auto ok = check(old); !ok) return ok;
        if (!unlearn.empty()) {
            // Only the words just unlearned can have dropped to zero: the table is not scanned.
            const std::string words = words_json(unlearn);
            KRAFT_RUN(st("UPDATE word_frequencies SET count = count - w.value->>1 "
                         "FROM json_each(?) AS w WHERE word = w.value->>0")
                          .bind(1, words));
            KRAFT_RUN(st("DELETE FROM word_frequencies WHERE count <= 0 AND word IN "
                         "(SELECT value->>0 FROM json_each(?))")
                          .bind(1, words));
        }
        KRAFT_RUN(st("DELETE FROM protocols WHERE source = ?").bind(1, p.source));
    }

    const Meeting& m = p.protocol.meeting;
    const std::optional<std::string> body_name =
        m.body ? std::optional<std::string>(resolve_body(*m.body, g)) : std::nullopt;
    KRAFT_RUN(st("INSERT INTO protocols(source, content_hash, encoding, imported_at, body, "
                 "body_name, body_source, "
                 "date, date_source, place, justering, words, damage, learned, format, pages, "
                 "producer, ocr_pages) "
                 "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
                  .bind(1, p.source)
                  .bind(2, p.content_hash)
                  .bind(3, p.encoding)
                  .bind(4, now_utc())
                  .bind(5, m.body)
                  .bind(6, body_name)
                  .bind(7, m.body_source)
                  .bind(8, m.date)
                  .bind(9, m.date_source)
                  .bind(10, m.place)
                  .bind(11, m.justering)
                  .bind(12, static_cast<std::int64_t>(p.words))
                  .bind(13, p.damage)
                  .bind(14, p.learned_words.empty() ? 0 : 1)
                  .bind(15, std::string(to_string(p.info.format)))
                  .bind(16, p.info.pages ? std::optional<std::int64_t>(p.info.pages)
                                         : std::optional<std::int64_t>())
                  .bind(17, p.info.producer.empty() ? std::optional<std::string>()
                                                    : std::optional<std::string>(p.info.producer))
                  .bind(18, static_cast<std::int64_t>(p.info.ocr_pages)));
    const std::int64_t protocol_id = db_->last_insert_id();
    if (!p.compressed_original.empty())
        KRAFT_RUN(st("INSERT INTO protocol_originals(protocol_id, text) VALUES (?, ?)")
                      .bind(1, protocol_id)
                      .bind_blob(2, p.compressed_original));

    // A damaged protocol has hundreds of edits and a handful of reasons: each looked up once.
    // (Only within this transaction: a rolled-back insert would leave a stale id in a longer
    // cache.)
    std::map<std::string, std::int64_t> reason_ids;
    std::vector<PackedEdit> packed;
    packed.reserve(p.edits.size());
    for (const StoredEdit& e : p.edits) {
        auto reason = reason_ids.find(e.reason);
        if (reason == reason_ids.end()) {
            auto id = id_of("repair_reasons", "text", e.reason);
            if (!id) return std::unexpected(id.error());
            reason = reason_ids.emplace(e.reason, *id).first;
        }
        packed.push_back({static_cast<std::int64_t>(e.offset),
                          static_cast<std::int64_t>(e.from.size()), e.line, e.column, e.to,
                          e.confidence, reason->second});
    }
    if (!packed.empty()) {
        const auto count = static_cast<std::int64_t>(packed.size());
        KRAFT_RUN(st("INSERT INTO repair_edit_lists(protocol_id, edits, packed) VALUES (?,?,?)")
                      .bind(1, protocol_id)
                      .bind(2, count)
                      .bind_blob(3, pack_edits(std::move(packed))));
    }

    // What search finds: the entry with its body compressed; the same text, plain, goes into the
    // full-text index (which reads stored entries through the view entry_texts) at the end.
    std::string index_rows;  // JSON: [[id, title, body], ...]
    // The run of ids this protocol's entries take (see migration 6).
    std::int64_t first_entry = 0, last_entry = -1, entries = 0;
    const auto entry = [&](std::int64_t paragraph, std::optional<std::int64_t> statement,
                           const std::string& kind, const std::string& title,
                           const std::string& body,
                           const std::string& compressed_body) -> Result<void> {
        KRAFT_RUN(st("INSERT INTO entries(paragraph_id, statement_id, kind, title, body) "
                     "VALUES (?,?,?,?,?)")
                      .bind(1, paragraph)
                      .bind(2, statement)
                      .bind(3, kind)
                      .bind(4, title)
                      .bind_blob(5, compressed_body));
        const std::int64_t id = db_->last_insert_id();
        if (entries++ == 0) first_entry = id;
        last_entry = id;
        index_rows += (index_rows.empty() ? "[" : ",");
        index_rows += "[" + std::to_string(id) + "," + JsonWriter::escape(title) + "," +
                      JsonWriter::escape(body) + "]";
        return {};
    };
    const auto party = [&](const std::string& abbreviation) -> Result<void> {
        KRAFT_RUN(
            st("INSERT OR IGNORE INTO parties(abbreviation) VALUES (?)").bind(1, abbreviation));
        return {};
    };
    for (const Attendee& a : m.attendance) {
        auto person = id_of("persons", "name", a.name);
        if (!person) return std::unexpected(person.error());
        if (!a.party.empty())
            if (auto ok = party(a.party); !ok) return ok;
        KRAFT_RUN(st("INSERT INTO attendance(protocol_id, person_id, party, role, note, replaces) "
                     "VALUES (?,?,?,?,?,?)")
                      .bind(1, protocol_id)
                      .bind(2, *person)
                      .bind(3, a.party.empty() ? std::optional<std::string>()
                                               : std::optional<std::string>(a.party))
                      .bind(4, a.role)
                      .bind(5, a.note)
                      .bind(6, a.replaces));
    }

    for (std::size_t i = 0; i < p.protocol.paragraphs.size(); ++i) {
        const Paragraph& para = p.protocol.paragraphs[i];
        const PreparedProtocol::CompressedParagraph& compressed = p.compressed_paragraphs[i];
        KRAFT_RUN(st("INSERT INTO paragraphs(protocol_id, number, title, line_begin, line_end, "
                     "page) VALUES (?,?,?,?,?,?)")
                      .bind(1, protocol_id)
                      .bind(2, para.number)
                      .bind(3, para.title)
                      .bind(4, para.line_begin)
                      .bind(5, para.line_end)
                      .bind(6, para.page ? std::optional<std::int64_t>(para.page)
                                         : std::optional<std::int64_t>()));
        const std::int64_t pid = db_->last_insert_id();
        std::string decision_text;
        if (para.decision) {
            const Decision& d = *para.decision;
            KRAFT_RUN(
                st("INSERT INTO decisions(paragraph_id, by_body, kind, to_body) VALUES (?,?,?,?)")
                    .bind(1, pid)
                    .bind(2, d.by)
                    .bind(3, std::string(to_string(d.kind)))
                    .bind(4, d.to));
            const std::int64_t did = db_->last_insert_id();
            int pos = 0;
            for (const std::string& point : d.points) {
                KRAFT_RUN(
                    st("INSERT INTO decision_points(decision_id, position, text) VALUES (?,?,?)")
                        .bind(1, did)
                        .bind(2, ++pos)
                        .bind(3, point));
                decision_text += point + '\n';
            }
        }
        if (para.vote) {
            const Vote& v = *para.vote;
            KRAFT_RUN(st("INSERT INTO votes(paragraph_id, yes, no, abstain) VALUES (?,?,?,?)")
                          .bind(1, pid)
                          .bind(2, v.yes)
                          .bind(3, v.no)
                          .bind(4, v.abstain));
            const std::pair<const std::vector<Person>*, const char*> sides[] = {
                {&v.yes_names, "yes"}, {&v.no_names, "no"}, {&v.abstain_names, "abstain"}};
            for (const auto& [names, side] : sides)
                for (const Person& person : *names) {
                    auto id = id_of("persons", "name", person.name);
                    if (!id) return std::unexpected(id.error());
                    KRAFT_RUN(
                        st("INSERT OR IGNORE INTO vote_persons(paragraph_id, person_id, party, "
                           "side) VALUES (?,?,?,?)")
                            .bind(1, pid)
                            .bind(2, *id)
                            .bind(3, person.party)
                            .bind(4, side));
                }
        }
        if (auto ok = entry(pid, std::nullopt, para.decision ? "decision" : "paragraph", para.title,
                            para.text, compressed.text);
            !ok)
            return ok;
        for (std::size_t j = 0; j < para.statements.size(); ++j) {
            const Statement& s = para.statements[j];
            KRAFT_RUN(
                st("INSERT INTO statements(paragraph_id, kind, appendix, line) VALUES (?,?,?,?)")
                    .bind(1, pid)
                    .bind(2, std::string(to_string(s.kind)))
                    .bind(3, s.appendix)
                    .bind(4, s.line));
            const std::int64_t sid = db_->last_insert_id();
            for (const Person& person : s.persons) {
                auto id = id_of("persons", "name", person.name);
                if (!id) return std::unexpected(id.error());
                if (auto ok = party(person.party); !ok) return ok;
                KRAFT_RUN(st("INSERT OR IGNORE INTO statement_persons(statement_id, person_id, "
                             "party) VALUES (?,?,?)")
                              .bind(1, sid)
                              .bind(2, *id)
                              .bind(3, person.party));
            }
            int position = 0;
            for (const std::string& pa : s.parties) {
                if (auto ok = party(pa); !ok) return ok;
                KRAFT_RUN(st("INSERT OR IGNORE INTO statement_parties(statement_id, party, "
                             "position) VALUES (?,?,?)")
                              .bind(1, sid)
                              .bind(2, pa)
                              .bind(3, ++position));
            }
            if (auto ok = entry(pid, sid, std::string(to_string(s.kind)), para.title, s.text,
                                compressed.statements[j]);
                !ok)
                return ok;
        }
        const auto link_case = [&](const std::string& written, const char* role) -> Result<void> {
            const std::string key = normalize_case_number(written);
            if (key.empty()) return {};
            auto cid = id_of("cases", "key", key);
            if (!cid) return std::unexpected(cid.error());
            KRAFT_RUN(st("INSERT OR IGNORE INTO paragraph_cases(paragraph_id, case_id, role, "
                         "written) VALUES (?,?,?,?)")
                          .bind(1, pid)
                          .bind(2, *cid)
                          .bind(3, role)
                          .bind(4, written));
            return {};
        };
        for (const auto& c : para.case_numbers)
            if (auto ok = link_case(c, "own"); !ok) return ok;
        for (const auto& c : para.cited_cases)
            if (auto ok = link_case(c, "cited"); !ok) return ok;
        for (const Reference& r : para.references) {
            std::optional<std::int64_t> cid;
            if (r.case_number) {
                auto id = id_of("cases", "key", *r.case_number);
                if (!id) return std::unexpected(id.error());
                cid = *id;
            }
            KRAFT_RUN(st("INSERT INTO citations(paragraph_id, body, body_name, date, number, "
                         "case_id, reservation_parties, "
                         "statement_parties, text, line) VALUES (?,?,?,?,?,?,?,?,?,?)")
                          .bind(1, pid)
                          .bind(2, r.body)
                          .bind(3, r.body_name)
                          .bind(4, r.date)
                          .bind(5, r.paragraph)
                          .bind(6, cid)
                          .bind(7, joined(r.reservation_parties))
                          .bind(8, joined(r.statement_parties))
                          .bind(9, r.text)
                          .bind(10, r.line));
        }
        int pos = 0;
        for (const std::string& rcp : para.recipients)
            KRAFT_RUN(st("INSERT INTO recipients(paragraph_id, position, name) VALUES (?,?,?)")
                          .bind(1, pid)
                          .bind(2, ++pos)
                          .bind(3, rcp));
    }

    // One run unless something else inserted entries in between, which nothing does within this
    // transaction; recorded only when it holds, so a search never trusts a wrong run.
    const bool one_run = last_entry - first_entry + 1 == entries;
    KRAFT_RUN(st("UPDATE protocols SET entries_from = ?, entries_to = ? WHERE id = ?")
                  .bind(1, one_run ? std::optional<std::int64_t>(first_entry) : std::nullopt)
                  .bind(2, one_run ? std::optional<std::int64_t>(last_entry) : std::nullopt)
                  .bind(3, protocol_id));

    // Citations of this meeting from anywhere, and this protocol's own citations, resolved.
    KRAFT_RUN(st("UPDATE citations SET resolved_paragraph_id = ("
                 "  SELECT pa.id FROM paragraphs pa JOIN protocols pr ON pr.id = pa.protocol_id"
                 "  WHERE pr.body_name = citations.body_name AND pr.date = citations.date AND "
                 "pa.number = citations.number"
                 "  LIMIT 1) "
                 "WHERE (body_name = ? AND date = ?) OR paragraph_id IN (SELECT id FROM paragraphs "
                 "WHERE protocol_id = ?)")
                  .bind(1, body_name)
                  .bind(2, m.date)
                  .bind(3, protocol_id));

    if (!p.learned_words.empty())
        KRAFT_RUN(st("INSERT INTO word_frequencies(word, count) "
                     "SELECT value->>0, value->>1 FROM json_each(?) WHERE true "
                     "ON CONFLICT(word) DO UPDATE SET count = count + excluded.count")
                      .bind(1, words_json(p.learned_words)));
    // The full-text index last, in one statement: FTS5 writes what it holds in memory as a new
    // segment whenever a later statement of the transaction opens a savepoint, so inserting entry
    // by entry wrote a segment per entry (and merged them all again).
    if (!index_rows.empty())
        KRAFT_RUN(st("INSERT INTO entries_fts(rowid, title, body) "
                     "SELECT value->>0, value->>1, value->>2 FROM json_each(?)")
                      .bind(1, index_rows + "]"));
#undef KRAFT_RUN
    return t.commit();
}

Result<void> Archive::merge_index(const std::atomic<bool>& stop) {
    // 'merge' does a bounded amount of work per call (merging a level's segments two at a time:
    // 'usermerge' is 2 since schema migration 2) and changes nothing once done.
    while (!stop) {
        const std::int64_t before = db_->total_changes();
        if (auto ok = db_->exec("INSERT INTO entries_fts(entries_fts, rank) VALUES('merge', 2000)");
            !ok)
            return ok;
        if (db_->total_changes() - before <= 1) break;
    }
    return {};
}

Result<std::vector<std::pair<std::string, double>>> Archive::learned_frequencies() {
    std::vector<std::pair<std::string, double>> out;
    SqlStatement& s = st("SELECT word, count FROM word_frequencies");
    while (s.step()) out.emplace_back(s.text(0), static_cast<double>(s.integer(1)));
    if (!s.ok()) return fail(db_->path(), 0, s.error());
    return out;
}

}  // namespace kraft
