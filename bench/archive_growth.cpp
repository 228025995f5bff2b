#include "archive_growth.hpp"

#include <vector>

namespace kraft::bench {

namespace {

Result<std::int64_t> scalar(Database& db, const std::string& sql) {
    auto st = db.prepare(sql);
    if (!st) return std::unexpected(st.error());
    std::int64_t v = 0;
    if (auto ok = (*st)->each_row([&](const SqlStatement& r) { v = r.integer(0); }); !ok)
        return std::unexpected(ok.error());
    return v;
}

// Each copy statement with its offsets: ?1 protocols, ?2 paragraphs, ?3 entries, ?4 statements,
// ?5 decisions, ?6 citations; ?7 the source suffix. Only rows below the offsets are read. (They
// are written into the SQL: a statement uses some of them, and PostgreSQL cannot type the
// parameters a statement leaves out.)
std::vector<std::string> copy_statements(bool postgresql) {
    std::vector<std::string> sql = {
        "INSERT INTO protocols(id, source, content_hash, encoding, imported_at, body, body_name, "
        "body_source, date, date_source, place, justering, words, damage, learned, entries_from, "
        "entries_to, format, pages, producer, ocr_pages, import_run) SELECT id + ?1, source || ?7, "
        "content_hash, encoding, imported_at, body, "
        "body_name, body_source, date, date_source, place, justering, words, damage, 0, "
        "entries_from + ?3, entries_to + ?3, format, pages, producer, ocr_pages, import_run "
        "FROM protocols WHERE id <= ?1",
        "INSERT INTO paragraphs(id, protocol_id, number, title, line_begin, line_end, page) "
        "SELECT id + ?2, protocol_id + ?1, number, title, line_begin, line_end, page FROM "
        "paragraphs WHERE id <= ?2",
        "INSERT INTO statements(id, paragraph_id, kind, appendix, line) SELECT id + ?4, "
        "paragraph_id + ?2, kind, appendix, line FROM statements WHERE id <= ?4",
        "INSERT INTO statement_parties(statement_id, party, position) SELECT statement_id + ?4, "
        "party, position FROM statement_parties WHERE statement_id <= ?4",
        "INSERT INTO statement_persons(statement_id, person_id, party) SELECT statement_id + ?4, "
        "person_id, party FROM statement_persons WHERE statement_id <= ?4",
        "INSERT INTO decisions(id, paragraph_id, by_body, kind, to_body) SELECT id + ?5, "
        "paragraph_id + ?2, by_body, kind, to_body FROM decisions WHERE id <= ?5",
        "INSERT INTO decision_points(decision_id, position, text) SELECT decision_id + ?5, "
        "position, text FROM decision_points WHERE decision_id <= ?5",
        "INSERT INTO paragraph_cases(paragraph_id, case_id, role, written) SELECT paragraph_id + "
        "?2, case_id, role, written FROM paragraph_cases WHERE paragraph_id <= ?2",
        "INSERT INTO citations(id, paragraph_id, body, body_name, date, number, case_id, "
        "reservation_parties, statement_parties, text, line, resolved_paragraph_id) SELECT id + "
        "?6, paragraph_id + ?2, body, body_name, date, number, case_id, reservation_parties, "
        "statement_parties, text, line, resolved_paragraph_id + ?2 FROM citations WHERE id <= ?6",
        "INSERT INTO entries(id, paragraph_id, statement_id, kind, title, body) SELECT id + ?3, "
        "paragraph_id + ?2, statement_id + ?4, kind, title, body FROM entries WHERE id <= ?3",
    };
    sql.push_back(postgresql
                      ? "INSERT INTO entry_index(id, words, pairs, length, title_length) SELECT "
                        "id + ?3, words, pairs, length, title_length FROM entry_index WHERE id <= "
                        "?3"
                      : "INSERT INTO entries_fts(rowid, title, body) SELECT id, title, body FROM "
                        "entry_texts WHERE id > ?3");
    // Every entry is there twice now: so is every token.
    if (postgresql) {
        sql.push_back("UPDATE token_counts SET entries = entries * 2");
        sql.push_back("UPDATE index_totals SET entries = entries * 2, words = words * 2");
        // Rows copied with their ids leave the sequences behind: the next import would take
        // ids that are taken.
        for (const char* table :
             {"protocols", "paragraphs", "decisions", "statements", "citations", "entries"})
            sql.push_back(std::string("SELECT setval('") + table +
                          "_id_seq', (SELECT max(id) FROM " + table + "))");
    }
    return sql;
}

}  // namespace

Result<std::int64_t> double_archive(Archive& a, int round) {
    Database& db = a.db();
    std::vector<std::int64_t> offsets;
    for (const char* table :
         {"protocols", "paragraphs", "entries", "statements", "decisions", "citations"}) {
        auto max = scalar(db, std::string("SELECT coalesce(max(id), 0) FROM ") + table);
        if (!max) return std::unexpected(max.error());
        offsets.push_back(*max);
    }
    Transaction t(db);
    if (auto ok = t.begin(); !ok) return std::unexpected(ok.error());
    std::vector<std::string> values;
    for (std::int64_t o : offsets) values.push_back(std::to_string(o));
    values.push_back("'#" + std::to_string(round) + "'");
    for (std::string sql : copy_statements(db.engine() == SqlEngine::postgresql)) {
        for (std::size_t k = values.size(); k-- > 0;)
            for (std::size_t at; (at = sql.find("?" + std::to_string(k + 1))) != std::string::npos;)
                sql.replace(at, 2, values[k]);
        if (auto ok = db.exec(sql); !ok) return std::unexpected(ok.error());
    }
    if (auto ok = t.commit(); !ok) return std::unexpected(ok.error());
    return scalar(db, "SELECT count(*) FROM paragraphs");
}

}  // namespace kraft::bench
