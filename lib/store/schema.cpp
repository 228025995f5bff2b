#include "store/schema.hpp"

#include <array>
#include <string>

namespace kraft {

namespace {

struct Migration {
    const char* sql;
    // Readers of an archive still at the previous version can use it as it is (the migration
    // only adds indexes): read-only commands then work before the next import upgrades it.
    bool readers_may_skip;
    // It rewrites tables of an archive that has data: the file is compacted afterwards, or it
    // would keep the old tables' size as free pages.
    bool compacts = false;
};

// Never edit a migration that has shipped: add a new one.
constexpr std::array<Migration, 10> kMigrations{{
    {// 1: the first archive.
     R"sql(
CREATE TABLE protocols(
    id INTEGER PRIMARY KEY,
    source TEXT NOT NULL UNIQUE,
    content_hash TEXT NOT NULL,
    encoding TEXT NOT NULL,
    imported_at TEXT NOT NULL,
    body TEXT,
    body_name TEXT,
    body_source TEXT,
    date TEXT,
    date_source TEXT,
    place TEXT,
    justering TEXT,
    words INTEGER NOT NULL DEFAULT 0,
    damage REAL NOT NULL DEFAULT 0,
    learned INTEGER NOT NULL DEFAULT 0,  -- its words are in word_frequencies
    original_text TEXT  -- the text as received, kept only when repair changed it
);
CREATE INDEX protocols_meeting ON protocols(body_name, date);
CREATE TABLE paragraphs(
    id INTEGER PRIMARY KEY,
    protocol_id INTEGER NOT NULL REFERENCES protocols(id) ON DELETE CASCADE,
    number INTEGER NOT NULL,
    title TEXT NOT NULL,
    line_begin INTEGER NOT NULL,
    line_end INTEGER NOT NULL
);
CREATE INDEX paragraphs_protocol ON paragraphs(protocol_id, number);
CREATE TABLE decisions(
    id INTEGER PRIMARY KEY,
    paragraph_id INTEGER NOT NULL UNIQUE REFERENCES paragraphs(id) ON DELETE CASCADE,
    by_body TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('decides', 'proposes')),
    to_body TEXT
);
CREATE TABLE decision_points(
    decision_id INTEGER NOT NULL REFERENCES decisions(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    text TEXT NOT NULL,
    PRIMARY KEY (decision_id, position)
) WITHOUT ROWID;
CREATE TABLE votes(
    paragraph_id INTEGER PRIMARY KEY REFERENCES paragraphs(id) ON DELETE CASCADE,
    yes INTEGER, no INTEGER, abstain INTEGER
);
CREATE TABLE parties(abbreviation TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE TABLE persons(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
CREATE TABLE statements(
    id INTEGER PRIMARY KEY,
    paragraph_id INTEGER NOT NULL REFERENCES paragraphs(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('reservation', 'special_statement', 'protocol_note')),
    appendix INTEGER,
    line INTEGER NOT NULL
);
CREATE INDEX statements_paragraph ON statements(paragraph_id);
CREATE TABLE statement_persons(
    statement_id INTEGER NOT NULL REFERENCES statements(id) ON DELETE CASCADE,
    person_id INTEGER NOT NULL REFERENCES persons(id),
    party TEXT REFERENCES parties(abbreviation),
    PRIMARY KEY (statement_id, person_id)
) WITHOUT ROWID;
CREATE INDEX statement_persons_person ON statement_persons(person_id);
CREATE TABLE statement_parties(
    statement_id INTEGER NOT NULL REFERENCES statements(id) ON DELETE CASCADE,
    party TEXT NOT NULL REFERENCES parties(abbreviation),
    position INTEGER NOT NULL,  -- as the protocol lists them: "(M+C)"
    PRIMARY KEY (statement_id, party)
) WITHOUT ROWID;
CREATE INDEX statement_parties_party ON statement_parties(party);
CREATE TABLE vote_persons(
    paragraph_id INTEGER NOT NULL REFERENCES votes(paragraph_id) ON DELETE CASCADE,
    person_id INTEGER NOT NULL REFERENCES persons(id),
    party TEXT,
    side TEXT NOT NULL CHECK (side IN ('yes', 'no', 'abstain')),
    PRIMARY KEY (paragraph_id, person_id)
) WITHOUT ROWID;
CREATE TABLE cases(id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE);
CREATE TABLE paragraph_cases(
    paragraph_id INTEGER NOT NULL REFERENCES paragraphs(id) ON DELETE CASCADE,
    case_id INTEGER NOT NULL REFERENCES cases(id),
    role TEXT NOT NULL CHECK (role IN ('own', 'cited')),
    written TEXT NOT NULL,
    PRIMARY KEY (paragraph_id, case_id, role)
) WITHOUT ROWID;
CREATE INDEX paragraph_cases_case ON paragraph_cases(case_id, role);
CREATE TABLE citations(  -- references to decisions of other meetings
    id INTEGER PRIMARY KEY,
    paragraph_id INTEGER NOT NULL REFERENCES paragraphs(id) ON DELETE CASCADE,
    body TEXT NOT NULL,
    body_name TEXT NOT NULL,
    date TEXT,
    number INTEGER,
    case_id INTEGER REFERENCES cases(id),
    reservation_parties TEXT NOT NULL,  -- space-separated abbreviations
    statement_parties TEXT NOT NULL,
    text TEXT NOT NULL,
    line INTEGER NOT NULL,
    resolved_paragraph_id INTEGER REFERENCES paragraphs(id) ON DELETE SET NULL
);
CREATE INDEX citations_paragraph ON citations(paragraph_id);
CREATE INDEX citations_target ON citations(body_name, date, number);
CREATE INDEX citations_case ON citations(case_id);
CREATE TABLE recipients(
    paragraph_id INTEGER NOT NULL REFERENCES paragraphs(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    PRIMARY KEY (paragraph_id, position)
) WITHOUT ROWID;
CREATE TABLE attendance(
    protocol_id INTEGER NOT NULL REFERENCES protocols(id) ON DELETE CASCADE,
    person_id INTEGER NOT NULL REFERENCES persons(id),
    party TEXT,
    role TEXT NOT NULL,
    note TEXT NOT NULL,
    replaces TEXT NOT NULL
);
CREATE INDEX attendance_protocol ON attendance(protocol_id);
-- An edit's "from" is the original text at [offset, offset + length) (bytes): not stored twice.
CREATE TABLE repair_reasons(id INTEGER PRIMARY KEY, text TEXT NOT NULL UNIQUE);
CREATE TABLE repair_edits(
    protocol_id INTEGER NOT NULL REFERENCES protocols(id) ON DELETE CASCADE,
    offset INTEGER NOT NULL,
    length INTEGER NOT NULL,
    line INTEGER NOT NULL,
    col INTEGER NOT NULL,
    to_text TEXT NOT NULL,
    confidence REAL NOT NULL,
    reason_id INTEGER NOT NULL REFERENCES repair_reasons(id),
    PRIMARY KEY (protocol_id, offset)
) WITHOUT ROWID;
CREATE TABLE word_frequencies(word TEXT PRIMARY KEY, count INTEGER NOT NULL) WITHOUT ROWID;
-- What search finds: a paragraph (kind decision or paragraph) or one of its statements.
CREATE TABLE entries(
    id INTEGER PRIMARY KEY,
    paragraph_id INTEGER NOT NULL REFERENCES paragraphs(id) ON DELETE CASCADE,
    statement_id INTEGER REFERENCES statements(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    body TEXT NOT NULL
);
CREATE INDEX entries_paragraph ON entries(paragraph_id);
CREATE VIRTUAL TABLE entries_fts USING fts5(
    title, body, content='entries', content_rowid='id', tokenize='kraft');
CREATE TRIGGER entries_ai AFTER INSERT ON entries BEGIN
    INSERT INTO entries_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
END;
CREATE TRIGGER entries_ad AFTER DELETE ON entries BEGIN
    INSERT INTO entries_fts(entries_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
END;
)sql",
     false},
    // 2: search filters (kind, statement, paragraph) answered from an index instead of the wide
    // entries rows with their text: --party SD --kind special_statement at 305k paragraphs,
    // 335 -> 159 ms.
    // Also: the full-text index merges a level's segments two at a time (see merge_index()).
    {"CREATE INDEX entries_filter ON entries(paragraph_id, kind, statement_id);"
     "INSERT INTO entries_fts(entries_fts, rank) VALUES('usermerge', 2);",
     true},
    // 3: the index and the stored text, reworked for speed and size.
    // - The tokenizer indexes a word under its key instead of its folded and stemmed forms
    //   (fts_tokenizer.hpp): a query word reads two of the index's lists instead of six. Readers
    //   cannot use the old index with the new query forms: the index is rebuilt.
    // - Entry bodies, the original text of repaired protocols (now out of the protocols rows,
    //   which filters read by the thousand) and the repair edits (one packed value per protocol
    //   instead of a row per edit) are kept compressed (store/packing.hpp). The index reads the
    //   entries through the view entry_texts, and is written by the import itself (the insert
    //   trigger would have to decompress what the import has just compressed).
    // At 109,000 paragraphs (373 MB of protocols): 977 MB -> 570 MB.
    {R"sql(
CREATE TABLE protocol_originals(
    protocol_id INTEGER PRIMARY KEY REFERENCES protocols(id) ON DELETE CASCADE,
    text BLOB NOT NULL
);
INSERT INTO protocol_originals(protocol_id, text)
    SELECT id, kraft_compress(original_text) FROM protocols WHERE original_text IS NOT NULL;
ALTER TABLE protocols DROP COLUMN original_text;
CREATE TABLE repair_edit_lists(
    protocol_id INTEGER PRIMARY KEY REFERENCES protocols(id) ON DELETE CASCADE,
    edits INTEGER NOT NULL,
    packed BLOB NOT NULL  -- offset, length, line, column, replacement, confidence, reason_id
);
INSERT INTO repair_edit_lists(protocol_id, edits, packed)
    SELECT protocol_id, count(*),
           kraft_pack_edits(offset, length, line, col, to_text, confidence, reason_id)
    FROM repair_edits GROUP BY protocol_id;
DROP TABLE repair_edits;
DROP TRIGGER entries_ai;
DROP TRIGGER entries_ad;
DROP TABLE entries_fts;
CREATE TABLE entries_compressed(
    id INTEGER PRIMARY KEY,
    paragraph_id INTEGER NOT NULL REFERENCES paragraphs(id) ON DELETE CASCADE,
    statement_id INTEGER REFERENCES statements(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    body BLOB NOT NULL  -- kraft_compress(text)
);
INSERT INTO entries_compressed(id, paragraph_id, statement_id, kind, title, body)
    SELECT id, paragraph_id, statement_id, kind, title, kraft_compress(body) FROM entries;
DROP TABLE entries;
ALTER TABLE entries_compressed RENAME TO entries;
CREATE INDEX entries_paragraph ON entries(paragraph_id);
CREATE INDEX entries_filter ON entries(paragraph_id, kind, statement_id);
CREATE VIEW entry_texts(id, title, body) AS
    SELECT id, title, kraft_decompress(body) FROM entries;
CREATE VIRTUAL TABLE entries_fts USING fts5(
    title, body, content='entry_texts', content_rowid='id', tokenize='kraft');
INSERT INTO entries_fts(entries_fts, rank) VALUES('usermerge', 2);
INSERT INTO entries_fts(entries_fts) VALUES('rebuild');
CREATE TRIGGER entries_ad AFTER DELETE ON entries BEGIN
    INSERT INTO entries_fts(entries_fts, rowid, title, body)
        VALUES ('delete', old.id, old.title, kraft_decompress(old.body));
END;
)sql",
     false, true},
    // 4: every foreign key into a table whose rows an import deletes leads an index. Replacing a
    // protocol deletes its paragraphs and statements, and SQLite looks for the rows that refer to
    // each one; without an index on citations.resolved_paragraph_id and entries.statement_id, by
    // reading the whole table, once per paragraph and per statement (re-importing 7 changed
    // protocols with 46 paragraphs into 133,000 paragraphs: 2.26 s, against 0.40 s for their
    // first import). Partial: most rows hold NULL there. entries_paragraph goes: entries_filter
    // starts with the same column.
    {"CREATE INDEX entries_statement ON entries(statement_id) WHERE statement_id IS NOT NULL;"
     "CREATE INDEX citations_resolved ON citations(resolved_paragraph_id)"
     "  WHERE resolved_paragraph_id IS NOT NULL;"
     "DROP INDEX entries_paragraph;",
     true},
    // 5: a search for statements of one kind by a party or person (filters.cpp) goes from their
    // statements to the entries through entries_statement. With the entry's kind and paragraph in
    // the index it no longer reads the entries rows, which hold their text: `kraft search
    // --party SD --kind special_statement` at 133,000 paragraphs, 58 -> 50 ms.
    {"DROP INDEX entries_statement;"
     "CREATE INDEX entries_statement ON entries(statement_id, kind, paragraph_id)"
     "  WHERE statement_id IS NOT NULL;",
     true},
    // 6: a protocol's entries are stored together, so their ids are one run: entries_from ..
    // entries_to (0 .. -1 when it has none; NULL when they are not one run, which kraft does not
    // write). A search with words and --body/--from/--to then reads those runs from the
    // protocols index instead of seeking each paragraph's and each entry's row (`beslut --body
    // Kommunstyrelsen --from 2024-01-01` at 109,000 paragraphs: 8,106 entries in 3,268
    // protocols, 10 -> 0.3 ms).
    // Readers of a schema-5 archive do without it (search asks for the runs only from version 6).
    {R"sql(
ALTER TABLE protocols ADD COLUMN entries_from INTEGER;
ALTER TABLE protocols ADD COLUMN entries_to INTEGER;
UPDATE protocols SET (entries_from, entries_to) = (
    SELECT CASE WHEN count(*) = 0 THEN 0 WHEN max(e.id) - min(e.id) + 1 = count(*) THEN min(e.id) END,
           CASE WHEN count(*) = 0 THEN -1 WHEN max(e.id) - min(e.id) + 1 = count(*) THEN max(e.id) END
    FROM entries e JOIN paragraphs pa ON pa.id = e.paragraph_id WHERE pa.protocol_id = protocols.id);
DROP INDEX protocols_meeting;
CREATE INDEX protocols_meeting ON protocols(body_name, date, entries_from, entries_to);
)sql",
     true},
    // 7: PDF and image input. What the file was (format), a PDF's or image's pages, the PDF's
    // producer and how many pages OCR read; the page each paragraph starts on (NULL when the
    // text does not mark its pages). Readers of an older archive do without them.
    {R"sql(
ALTER TABLE protocols ADD COLUMN format TEXT NOT NULL DEFAULT 'text'
    CHECK (format IN ('text', 'pdf', 'image'));
ALTER TABLE protocols ADD COLUMN pages INTEGER;
ALTER TABLE protocols ADD COLUMN producer TEXT;
ALTER TABLE protocols ADD COLUMN ocr_pages INTEGER NOT NULL DEFAULT 0;
ALTER TABLE paragraphs ADD COLUMN page INTEGER;
)sql",
     true},
    // 8: following cases. Each `kraft import` is a run; a protocol records the run that stored
    // it, so `kraft news` can tell what the last import added. The followed cases (normalised
    // keys) and saved searches (the query and its filters) live in the archive. Readers of an
    // older archive follow nothing.
    {R"sql(
CREATE TABLE import_runs(
    id INTEGER PRIMARY KEY,
    started_at TEXT NOT NULL,
    finished_at TEXT
);
ALTER TABLE protocols ADD COLUMN import_run INTEGER;
CREATE INDEX protocols_import_run ON protocols(import_run) WHERE import_run IS NOT NULL;
CREATE INDEX protocols_imported_at ON protocols(imported_at);
CREATE TABLE follows(
    id INTEGER PRIMARY KEY,
    case_key TEXT,
    search_text TEXT,
    search_case TEXT, search_body TEXT, search_from TEXT, search_to TEXT,
    search_kind TEXT, search_person TEXT, search_party TEXT,
    search_exact INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    CHECK ((case_key IS NULL) != (search_text IS NULL))
);
CREATE UNIQUE INDEX follows_case ON follows(case_key) WHERE case_key IS NOT NULL;
CREATE UNIQUE INDEX follows_search ON follows(search_text, coalesce(search_case, ''),
    coalesce(search_body, ''), coalesce(search_from, ''), coalesce(search_to, ''),
    coalesce(search_kind, ''), coalesce(search_person, ''), coalesce(search_party, ''),
    search_exact) WHERE search_text IS NOT NULL;
)sql",
     true},
    // 9: a § typed as the query ("§ 16") finds the paragraphs with that number, and the
    // citations of a § with it, through indexes of their own instead of reading every paragraph
    // and citation (at 1.55 M paragraphs, the whole search: 371 -> 17 ms). Readers of an older
    // archive do without them.
    {"CREATE INDEX IF NOT EXISTS paragraphs_number ON paragraphs(number);"
     "CREATE INDEX IF NOT EXISTS citations_number ON citations(number);",
     true},
    // 10: a search by filters alone with many hits finds its newest by walking the meetings from
    // the newest date down (meeting_walk.hpp), each date's meetings and their runs of entries read
    // from this index, instead of joining every hit to its paragraph and meeting (`--party SD
    // --kind special_statement`, 32,000 hits at 1.55 M paragraphs). Readers of an older archive
    // do without it.
    {"CREATE INDEX IF NOT EXISTS protocols_date ON protocols(date, entries_from, entries_to);",
     true},
}};

Result<int> user_version(Database& db) {
    auto st = db.prepare("PRAGMA user_version");
    if (!st) return std::unexpected(st.error());
    auto row = (*st)->step();
    if (!row) return fail(db.path(), 0, "cannot read the schema version: " + row.error().message);
    if (!*row) return fail(db.path(), 0, "cannot read the schema version");
    return static_cast<int>((*st)->integer(0));
}

}  // namespace

int schema_version() {
    return static_cast<int>(kMigrations.size());
}

Result<int> check_version(Database& db) {
    auto v = user_version(db);
    if (!v) return std::unexpected(v.error());
    if (*v > schema_version())
        return fail(db.path(), 0,
                    "archive schema version " + std::to_string(*v) +
                        " is newer than this kraft knows (" + std::to_string(schema_version()) +
                        "); upgrade kraft");
    if (*v == 0) {
        // No tables yet: the first import has not committed its schema (or never ran).
        auto st = db.prepare("SELECT count(*) FROM sqlite_master");
        if (!st) return std::unexpected(st.error());
        auto row = (*st)->step();
        if (!row) return std::unexpected(row.error());
        if (*row && (*st)->integer(0) == 0)
            return fail(db.path(), 0, "no archive here yet (run 'kraft import' first)");
    }
    bool readable = true;
    for (int m = *v; m < schema_version(); ++m)
        readable = readable && kMigrations[static_cast<std::size_t>(m)].readers_may_skip;
    if (*v < schema_version() && !(*v > 0 && readable))
        return fail(
            db.path(), 0,
            *v == 0
                ? "not a kraft archive (run 'kraft import' to create one)"
                : "archive schema is older than this kraft; run 'kraft import' once to upgrade it");
    return *v;
}

Result<void> migrate(Database& db) {
    // Nothing to do in the common case, without taking the write lock.
    if (auto v = user_version(db); v && *v == schema_version()) return {};
    // The version is read again inside the write transaction: two imports started together
    // must not both migrate from the same version. All pending migrations go in that one
    // transaction, so a reader (a search while the first import runs) sees no archive or the
    // whole current one, never a schema half-way through its versions.
    Transaction t(db);
    if (auto ok = t.begin(); !ok) return ok;
    auto v = user_version(db);
    if (!v) return std::unexpected(v.error());
    if (*v > schema_version()) return std::unexpected(check_version(db).error());
    if (*v == schema_version()) return t.commit();
    if (*v == 0) {
        // A file with tables but no version is some other program's database: leave it alone.
        auto st = db.prepare("SELECT count(*) FROM sqlite_master");
        if (!st) return std::unexpected(st.error());
        auto row = (*st)->step();
        if (!row) return std::unexpected(row.error());
        if (*row && (*st)->integer(0) > 0)
            return fail(db.path(), 0, "not a kraft archive (it has other tables)");
    }
    bool compact = false;
    for (int next = *v; next < schema_version(); ++next) {
        compact = compact || (next > 0 && kMigrations[static_cast<std::size_t>(next)].compacts);
        if (auto ok = db.exec(kMigrations[static_cast<std::size_t>(next)].sql); !ok)
            return fail(db.path(), 0,
                        "migration " + std::to_string(next + 1) + " failed: " + ok.error().message);
    }
    if (auto ok = db.exec("PRAGMA user_version = " + std::to_string(schema_version())); !ok)
        return ok;
    if (auto ok = t.commit(); !ok) return ok;
    // The migrated archive is whole whether or not this succeeds (VACUUM needs as much free disk
    // as the archive): a failure leaves free pages that later imports reuse.
    if (compact) (void)db.exec("VACUUM");
    return {};
}

}  // namespace kraft
