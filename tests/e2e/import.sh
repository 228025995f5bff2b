# kraft import: the samples land; a second run changes nothing; a changed file replaces its
# earlier version; a folder with a bad file imports the rest and exits 1; --body/--date fill gaps.
source "$(dirname "$0")/lib.sh"
count() { sqlite3 "$KRAFT_DB" "$1"; }

expect_status 0 "$KRAFT" import "$SRC/samples"
expect_file_contains "$WORK/err" "imported 4, unchanged 0, failed 0 (4 paragraphs)"
[ "$(count 'PRAGMA integrity_check')" = ok ] || fail "integrity_check"
[ "$(count 'SELECT count(*) FROM protocols')" = 4 ] || fail "4 protocols expected"
[ "$(count "SELECT date FROM protocols WHERE source LIKE '%p141.md'")" = 2025-03-24 ] || fail "header date of p141"
[ "$(count "SELECT date_source FROM protocols WHERE source LIKE '%kf-2026-01-22%'")" = filename ] || fail "date from file name"
[ "$(count "SELECT sum(edits) FROM repair_edit_lists")" -gt 600 ] || fail "the repair edits are kept"
[ "$(count "SELECT count(*) FROM protocol_originals")" = 2 ] || fail "the two OCR'd originals are kept"

expect_status 0 "$KRAFT" import "$SRC/samples"
expect_file_contains "$WORK/err" "imported 0, unchanged 4, failed 0 (0 paragraphs)"

# A changed file replaces its earlier version: same source, no duplicates.
mkdir -p "$WORK/in"
cp "$SRC/samples/malmo-ks-2026-01-07-p16.txt" "$WORK/in/ks.txt"
expect_status 0 "$KRAFT" import "$WORK/in/ks.txt" --date 2026-01-07
sed -i 's/Återrapportering kring kraftsamlande insatser $/Återrapportering kring kraftsamlande insatser (ändrad)/' "$WORK/in/ks.txt"
expect_status 0 "$KRAFT" import "$WORK/in"
expect_file_contains "$WORK/err" "imported 1, unchanged 0, failed 0 (1 paragraphs)"
[ "$(count "SELECT count(*) FROM protocols WHERE source LIKE '%/in/ks.txt'")" = 1 ] || fail "one version of ks.txt"
[ "$(count "SELECT count(*) FROM paragraphs pa JOIN protocols pr ON pr.id = pa.protocol_id WHERE pr.source LIKE '%/in/ks.txt'")" = 1 ] || fail "no duplicate paragraphs"
[ "$(count "SELECT date, date_source FROM protocols WHERE source LIKE '%/in/ks.txt'")" = "2026-01-07|text" ] || fail "date from the text"

# A folder with bad files: the good one lands, each bad one is named, exit 1.
mkdir -p "$WORK/mixed"
cp "$SRC/samples/malmo-ksau-2025-03-24-p141.md" "$WORK/mixed/good.md"
printf 'PK\003\004\000\000binary' > "$WORK/mixed/archive.txt"
printf 'Bara en anteckning utan paragrafer.\n' > "$WORK/mixed/note.txt"
: > "$WORK/mixed/empty.txt"
printf 'r\xc3\xa4tt\nfel \xe4 h\xc3\xa4r\n' > "$WORK/mixed/broken.txt"
expect_status 1 "$KRAFT" import "$WORK/mixed"
expect_file_contains "$WORK/err" "kraft: $WORK/mixed/archive.txt: not a text file"
expect_file_contains "$WORK/err" "kraft: $WORK/mixed/note.txt: no paragraph (§) found"
expect_file_contains "$WORK/err" "kraft: $WORK/mixed/empty.txt: empty file"
expect_file_contains "$WORK/err" "kraft: $WORK/mixed/broken.txt:2: invalid UTF-8 (byte 0xE4)"
expect_file_contains "$WORK/err" "imported 1, unchanged 0, failed 4"
[ "$(count "SELECT count(*) FROM protocols WHERE source LIKE '%/mixed/%'")" = 1 ] || fail "only the good file lands"
[ "$(count 'PRAGMA integrity_check')" = ok ] || fail "integrity_check after failures"

# What repair learns from a clean protocol is unlearned when a changed version replaces it: the
# learned word counts after import + replace equal those of importing the new version alone.
mkdir -p "$WORK/learn"
cp "$SRC/samples/malmo-ks-2026-01-07-p16.txt" "$WORK/learn/ks.txt"
expect_status 0 "$KRAFT" --db "$WORK/learn1.db" import "$WORK/learn/ks.txt"
[ "$(sqlite3 "$WORK/learn1.db" 'SELECT learned FROM protocols')" = 1 ] || fail "a clean protocol is learned from"
[ "$(sqlite3 "$WORK/learn1.db" 'SELECT count(*) FROM word_frequencies')" -gt 100 ] || fail "words learned"
sed -i 's/Kommunstyrelsen föreslår/Kommunstyrelsen föreslår enhälligt/' "$WORK/learn/ks.txt"
expect_status 0 "$KRAFT" --db "$WORK/learn1.db" import "$WORK/learn/ks.txt"
expect_status 0 "$KRAFT" --db "$WORK/learn2.db" import "$WORK/learn/ks.txt"
[ "$(sqlite3 "$WORK/learn1.db" 'SELECT word, count FROM word_frequencies ORDER BY 1')" = \
  "$(sqlite3 "$WORK/learn2.db" 'SELECT word, count FROM word_frequencies ORDER BY 1')" ] \
  || fail "replacing a clean protocol leaves the learned counts of its old version"
[ "$(sqlite3 "$WORK/learn1.db" "SELECT count FROM word_frequencies WHERE word = 'enhälligt'")" -ge 1 ] \
  || fail "the new version's words are learned"

# Metadata the text lacks, and Latin-1 input.
printf '\xa7 4 Val av ombud\n\nBeslut\nN\xe4mnden utser Anna Berg (S) till ombud.\n' > "$WORK/in/latin1.txt"
expect_status 0 "$KRAFT" import "$WORK/in/latin1.txt" --body Valnämnden --date 2026-03-01
[ "$(count "SELECT body, body_source, date, date_source, encoding FROM protocols WHERE source LIKE '%latin1.txt'")" = \
  "Valnämnden|option|2026-03-01|option|windows-1252" ] || fail "--body/--date and Latin-1"
expect_status 2 "$KRAFT" import "$WORK/in" --date 2026-13-45

# A new archive is at the newest schema (lib/store/schema.cpp: the number of migrations).
NEWEST=10
[ "$(count 'PRAGMA user_version')" = $NEWEST ] || fail "a new archive is at schema $NEWEST"

# Two imports started together into a new archive: one creates the schema (every migration in one
# transaction), the other waits for it rather than migrating from the version it read first.
CONC="$WORK/concurrent.db"
"$KRAFT" --db "$CONC" import "$SRC/samples" 2>"$WORK/conc1.err" & c1=$!
"$KRAFT" --db "$CONC" import "$SRC/samples" 2>"$WORK/conc2.err" & c2=$!
wait $c1 || fail "first concurrent import: $(cat "$WORK/conc1.err")"
wait $c2 || fail "second concurrent import: $(cat "$WORK/conc2.err")"
[ "$(sqlite3 "$CONC" 'SELECT count(*) FROM protocols')" = 4 ] || fail "concurrent imports: 4 protocols expected"
[ "$(sqlite3 "$CONC" 'PRAGMA user_version')" = $NEWEST ] || fail "concurrent imports: schema $NEWEST expected"

# An archive from schema 2 (tests/data/archive-schema2.db: the samples, imported by kraft before
# the index held one key per word): read-only commands ask for the upgrade, the next import
# rebuilds the index, and then its entries are found by the new query forms and pass the full-text
# integrity check.
OLD="$WORK/schema2.db"
cp "$SRC/tests/data/archive-schema2.db" "$OLD"
[ "$(sqlite3 "$OLD" 'PRAGMA user_version')" = 2 ] || fail "the fixture is at schema 2"
expect_status 3 "$KRAFT" --db "$OLD" search nämnden
expect_file_contains "$WORK/err" "run 'kraft import' once to upgrade it"
old_edits=$(sqlite3 "$OLD" 'SELECT count(*) FROM repair_edits')
sqlite3 -json "$OLD" 'SELECT r.text AS reason, count(*) AS edits FROM repair_edits e JOIN repair_reasons r ON r.id = e.reason_id GROUP BY 1' > "$WORK/old_reasons.json"
expect_status 0 "$KRAFT" --db "$OLD" import "$WORK/in/latin1.txt"
[ "$(sqlite3 "$OLD" 'PRAGMA user_version')" = $NEWEST ] || fail "import did not upgrade schema 2"
# Migration 9: "§ 16" reads the paragraphs' and citations' numbers from their indexes.
sqlite3 "$OLD" "EXPLAIN QUERY PLAN SELECT id FROM paragraphs WHERE number = 16 UNION SELECT paragraph_id FROM citations WHERE number = 16" >"$WORK/plan"
[ "$(grep -c 'USING \(COVERING \)\?INDEX \(paragraphs\|citations\)_number' "$WORK/plan")" = 2 ] ||
    fail "migration 9: § numbers not read from their indexes: $(cat "$WORK/plan")"
# Migration 3 packs the edits and compresses the originals: every edit and original carried over.
[ "$(sqlite3 "$OLD" 'SELECT sum(edits) FROM repair_edit_lists')" = "$old_edits" ] || fail "edits lost in migration 3"
[ "$(sqlite3 "$OLD" 'SELECT count(*) FROM protocol_originals')" = 2 ] || fail "originals lost in migration 3"
expect_status 0 "$KRAFT" --db "$OLD" --json stats
python3 - "$WORK/out" "$old_edits" "$WORK/old_reasons.json" <<'PY' || fail "stats after migration 3"
import json, sys
s = json.load(open(sys.argv[1]))
assert s["repair_edits"] == int(sys.argv[2]), s
old = {r["reason"]: r["edits"] for r in json.load(open(sys.argv[3]))}
assert {r["reason"]: r["edits"] for r in s["repairs_by_reason"]} == old, (s["repairs_by_reason"], old)
PY
expect_status 0 "$KRAFT" --db "$OLD" check
expect_status 0 "$KRAFT" --db "$OLD" --json search namnden --kind decision
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["total"] >= 3, d' "$WORK/out" \
  || fail "the upgraded archive's old entries are not found"

# Schema 1 (the fixture without migration 2's index and merge setting) upgrades through every
# migration.
cp "$SRC/tests/data/archive-schema2.db" "$WORK/schema1.db"
sqlite3 "$WORK/schema1.db" "DROP INDEX entries_filter; DELETE FROM entries_fts_config WHERE k = 'usermerge'; PRAGMA user_version = 1"
expect_status 0 "$KRAFT" --db "$WORK/schema1.db" import "$WORK/in/latin1.txt"
[ "$(sqlite3 "$WORK/schema1.db" 'PRAGMA user_version')" = $NEWEST ] || fail "import did not upgrade schema 1"
[ "$(sqlite3 "$WORK/schema1.db" "SELECT count(*) FROM sqlite_master WHERE name = 'entries_filter'")" = 1 ] || fail "no entries_filter index"
expect_status 0 "$KRAFT" --db "$WORK/schema1.db" check

# Schema 3 (before migration 4's indexes for deleting rows): read-only commands use it as it is,
# and the next import adds the indexes.
S3="$WORK/schema3.db"
cp "$WORK/schema1.db" "$S3"
# (Without migration 6's to 10's columns, tables and indexes too; SQLite re-reads the schema to drop a column, and this shell
# lacks kraft's tokenizer, so the trigger that names the full-text index steps aside meanwhile.)
trigger=$(sqlite3 "$S3" "SELECT sql FROM sqlite_master WHERE name = 'entries_ad'")
sqlite3 "$S3" "DROP INDEX entries_statement; DROP INDEX citations_resolved; CREATE INDEX entries_paragraph ON entries(paragraph_id);
  DROP TRIGGER entries_ad; DROP INDEX protocols_meeting; DROP INDEX protocols_date;
  ALTER TABLE protocols DROP COLUMN entries_from;
  ALTER TABLE protocols DROP COLUMN entries_to; CREATE INDEX protocols_meeting ON protocols(body_name, date);
  ALTER TABLE protocols DROP COLUMN format; ALTER TABLE protocols DROP COLUMN pages;
  ALTER TABLE protocols DROP COLUMN producer; ALTER TABLE protocols DROP COLUMN ocr_pages;
  ALTER TABLE paragraphs DROP COLUMN page; DROP TABLE follows; DROP TABLE import_runs;
  DROP INDEX protocols_import_run; DROP INDEX protocols_imported_at;
  ALTER TABLE protocols DROP COLUMN import_run; $trigger;
  PRAGMA user_version = 3"
expect_status 0 "$KRAFT" --db "$S3" search nämnden
# Before migration 7 an archive records no pages: export and stats do without them.
expect_status 0 "$KRAFT" --db "$S3" export
grep -q "\"page\":null" "$WORK/out" || fail "schema 3: export without pages"
expect_status 0 "$KRAFT" --db "$S3" stats
# Before migration 6 recorded the protocols' runs of entry ids, a search with --body reads the
# entries as it did.
expect_status 0 "$KRAFT" --db "$S3" --json search nämnden --body KS --from 2025-01-01
cp "$WORK/out" "$WORK/s3-filtered.json"
python3 -c 'import json,sys; assert json.load(open(sys.argv[1]))["total"] >= 2' "$WORK/s3-filtered.json" \
  || fail "schema 3: nämnden --body KS"
# Upgraded with nothing imported (kraft check opens it for writing, then checks the runs), a
# copy gives the same hits through the runs.
cp "$S3" "$WORK/s3-upgraded.db"
expect_status 0 "$KRAFT" --db "$WORK/s3-upgraded.db" check
[ "$(sqlite3 "$WORK/s3-upgraded.db" 'PRAGMA user_version')" = $NEWEST ] || fail "check did not upgrade schema 3"
expect_status 0 "$KRAFT" --db "$WORK/s3-upgraded.db" --json search nämnden --body KS --from 2025-01-01
cmp -s "$WORK/out" "$WORK/s3-filtered.json" || fail "migration 6 changed a filtered search's hits"
expect_status 0 "$KRAFT" --db "$S3" import "$SRC/samples"
[ "$(sqlite3 "$S3" 'PRAGMA user_version')" = $NEWEST ] || fail "import did not upgrade schema 3"
[ "$(sqlite3 "$S3" "SELECT group_concat(name, ' ') FROM (SELECT name FROM sqlite_master WHERE name IN ('entries_statement', 'citations_resolved', 'entries_paragraph') ORDER BY name)")" = \
  "citations_resolved entries_statement" ] || fail "migration 4's indexes"
expect_status 0 "$KRAFT" --db "$S3" check

# Migration 5: the statements' index covers the entry's kind and paragraph.
[ "$(sqlite3 "$S3" "SELECT group_concat(name, ' ') FROM pragma_index_info('entries_statement')")" = \
  "statement_id kind paragraph_id" ] || fail "migration 5's entries_statement"
# Migration 6: every protocol the archive held records its entries' ids (kraft check above
# verified them).
[ "$(sqlite3 "$S3" 'SELECT count(*) FROM protocols WHERE entries_from IS NULL OR entries_to IS NULL')" = 0 ] \
  || fail "migration 6: a protocol without its entries' ids"
[ "$(sqlite3 "$S3" "SELECT group_concat(name, ' ') FROM pragma_index_info('protocols_meeting')")" = \
  "body_name date entries_from entries_to" ] || fail "migration 6's protocols_meeting"
# Migration 7: the protocols imported as text files say so.
[ "$(sqlite3 "$S3" "SELECT count(*) FROM protocols WHERE format <> 'text' OR ocr_pages <> 0")" = 0 ] \
  || fail "migration 7: text files recorded as something else"
finish
