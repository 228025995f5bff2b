# The same archive on PostgreSQL: every command gives what it gives on SQLite, over the same
# protocols; a re-import changes nothing; the errors of a server (refused, wrong password, missing
# privilege, a restart mid-import) are exit 3 with nothing half-written, and the import resumes.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/pg_server.sh"
start_pg_server
# Every word's count is kept (not only those of words in 1,000 entries): the counts are read, kept
# up to date by re-imports and checked wherever the output is compared. So are the postings of
# every term in two entries or more (pg_postings.hpp): words together are counted from them.
export PGOPTIONS="-c kraft.counts_from=2 -c kraft.postings_from=2"

SQLITE="$WORK/archive.db"
mkdir -p "$WORK/in"
cp "$SRC"/samples/*.txt "$SRC"/samples/malmo-*.md "$SRC"/tests/data/layouts/*.txt "$WORK/in/"
for f in "$SRC"/tests/data/ocr/*.swe.txt; do cp "$f" "$WORK/in/"; done
# Words spelled as another word's key, which stems further ("kommunfullmakt", the key of
# "kommunfullmäktige"; "abonner", of "abonnera"): phrases of those words find them as FTS5 does.
cat >"$WORK/in/keys-as-words.txt" <<'TEXT'
Kommunstyrelsen
Protokoll 2026-02-03

§ 1 Abonnemang
Kommunfullmakt beslutade att abonner tjänsten nu. Kommunfullmäktige beslutade det också.

§ 2 Kommunfullmakt
Ärendet bordläggs.
TEXT
# Two adjacent words too long to pair (a pair is at most 2,046 bytes, as a lexeme).
printf '\n§ 3 Bilaga\n%s %s slut\n' "$(printf 'a%.0s' $(seq 1100))" "$(printf 'b%.0s' $(seq 1100))" \
    >>"$WORK/in/keys-as-words.txt"

expect_status 0 "$KRAFT" --db "$SQLITE" import -q "$WORK/in"
expect_status 0 "$KRAFT" --db "$PG_URL" import -q "$WORK/in"
[ "$(pg_sql 'SELECT count(*) FROM kraft.protocols')" = "$(ls "$WORK/in" | wc -l)" ] ||
    fail "PostgreSQL holds $(pg_sql 'SELECT count(*) FROM kraft.protocols') protocols"
[ "$(pg_sql 'SELECT count(*) FROM kraft.token_counts')" -gt 500 ] ||
    fail "only $(pg_sql 'SELECT count(*) FROM kraft.token_counts') counts are kept"
# Beyond the thousand most common elements ANALYZE keeps a column: the survey of a sample of the
# entries (all of them in an archive this small) finds every word and pair in two entries or more.
for column in words pairs; do
    unkept=$(pg_sql "SELECT count(*) FROM ts_stat('SELECT $column FROM kraft.entry_index') s
        WHERE s.ndoc >= 2 AND NOT EXISTS (SELECT 1 FROM kraft.token_counts k
        WHERE k.token = s.word AND NOT k.as_key)")
    [ "$unkept" = 0 ] || fail "$unkept tokens of $column in two entries or more are not kept"
done
[ "$(pg_sql 'SELECT surveyed_entries = entries FROM kraft.index_totals')" = t ] ||
    fail "the survey is not noted as done"
# The postings of every term kept, made up to the newest entry at the end of the import.
[ "$(pg_sql 'SELECT count(*) FROM kraft.token_counts WHERE NOT postings')" = 0 ] ||
    fail "$(pg_sql 'SELECT count(*) FROM kraft.token_counts WHERE NOT postings') terms have no postings"
[ "$(pg_sql 'SELECT postings_upto = (SELECT max(id) FROM kraft.entry_index) FROM kraft.index_totals')" = t ] ||
    fail "the postings stop before the newest entry"
# Pairs of words too: a two-word phrase's total is read there.
[ "$(pg_sql "SELECT count(*) FROM kraft.token_counts WHERE token = 'sarskilt yttr' AND NOT as_key")" = 1 ] ||
    fail "the count of the pair 'sarskilt yttr' is not kept"

# same_output ARGS...: stdout and exit status equal on both archives.
same_output() {
    local s=0 p=0
    "$KRAFT" --db "$SQLITE" "$@" >"$WORK/sqlite.out" 2>"$WORK/sqlite.err" || s=$?
    "$KRAFT" --db "$PG_URL" "$@" >"$WORK/pg.out" 2>"$WORK/pg.err" || p=$?
    # When each archive imported a protocol, or began to follow a case, differs (by a second when
    # the clock turns between the two), and nothing else may.
    sed -i -E 's/"(imported_at|since)":"[^"]*"//g; s/\(since [^)]*\)//g' "$WORK/sqlite.out" "$WORK/pg.out"
    if [ "$s" != "$p" ] || ! cmp -s "$WORK/sqlite.out" "$WORK/pg.out"; then
        fail "differs on PostgreSQL (exit $s vs $p): $*"
        diff "$WORK/sqlite.out" "$WORK/pg.out" | head -6 >&2
        head -3 "$WORK/pg.err" >&2
    fi
}

for q in nämnden namnden nämnd budget beslut "beslut budget" kommunstyrelsen "nämnd*" "kraft*" \
    reservation "särskilt yttrande" yttrande återrapportering "barn och unga" STK-2024-1374 \
    "STK 2024 1374" "§ 189" "§ 16" '"kommunstyrelsen beslutar"' "budget OR skola" \
    "beslut NOT budget" "(nämnden OR styrelsen) AND beslut" "e-post" "2026" "för" "pa" \
    "Kommunfullmäktige godkänner" '"särskilt yttrande"' '"barn och unga"' \
    '"reserverar sig mot beslutet"' '"kommunfullmäktige beslutade"' '"abonnera tjänsten"' \
    '"abonnera tjänsten nu"' '"kommunfullmakt beslutade"'; do
    same_output search "$q" --json --limit 50
    same_output search "$q"
    same_output search "$q" --exact --json
done
same_output search beslut --body Kommunstyrelsen --json --limit 100
same_output search '"reserverar sig"' --body Kommunstyrelsen --json --limit 100
same_output search '"särskilt yttrande"' --from 2025-01-01 --json
same_output search beslut --from 2025-01-01 --to 2026-12-31 --json
same_output search --party SD --json
same_output search --party M --kind special_statement --json
same_output search --kind reservation --json --limit 100
same_output search --person Olsson --json
same_output search nämnden --case STK-2024-1374 --json
same_output search --body KF --json
same_output search budget --limit 3
for bad in '"unclosed' 'budget AND' '(budget' 'a:b'; do
    same_output search "$bad"
done
same_output timeline STK-2024-1374
same_output timeline STK-2024-1374 --json
same_output timeline STK-2023-137 --json
same_output timeline STK-9999-1
same_output show "KF 2026-01-22 §8"
same_output show "KS 2026-01-07 §16" --json
same_output stats
same_output stats --json
same_output export
same_output export --format csv
same_output check
same_output completion --list-cases
same_output follow STK-2024-1374
same_output follow --list
same_output news --since 2000-01-01 --json

# An archive of schema version 1 is refused to readers and migrated by the next import, with the
# same results: the migrations fill in what version 1 lacks (titles' lengths, words' counts, the
# pairs of adjacent words, derived from the words' positions).
current=$(pg_sql 'SELECT version FROM kraft.schema_version')
# (Not where a token's positions were cut at 256: "och" in a long bilaga.)
whole="NOT EXISTS (SELECT 1 FROM unnest(words) u WHERE array_length(u.positions, 1) >= 256)"
pairs_of_whole="SELECT md5(string_agg(CAST(pairs AS text), chr(10) ORDER BY id)) FROM kraft.entry_index WHERE $whole"
pairs=$(pg_sql "$pairs_of_whole")
# (Version 1 kept each protocol's entries and words for bm25, which migration 7 sums.)
pg_sql "ALTER TABLE kraft.protocols ADD COLUMN index_entries bigint NOT NULL DEFAULT 0,
            ADD COLUMN index_words bigint NOT NULL DEFAULT 0;
        UPDATE kraft.protocols pr SET index_entries = s.n, index_words = s.w FROM (
            SELECT pa.protocol_id, count(*) AS n, sum(i.length) AS w FROM kraft.entry_index i
            JOIN kraft.entries e ON e.id = i.id JOIN kraft.paragraphs pa ON pa.id = e.paragraph_id
            GROUP BY pa.protocol_id) s WHERE s.protocol_id = pr.id;
        ALTER TABLE kraft.entry_index DROP COLUMN title_length, DROP COLUMN pairs;
        DROP TABLE kraft.token_counts, kraft.index_totals, kraft.term_postings;
        UPDATE kraft.schema_version SET version = 1"
expect_status 3 "$KRAFT" --db "$PG_URL" search budget
expect_file_contains "$WORK/err" "run 'kraft import' once to upgrade it"
expect_status 0 "$KRAFT" --db "$PG_URL" import -q "$WORK/in"
[ "$(pg_sql 'SELECT version FROM kraft.schema_version')" = "$current" ] ||
    fail "not migrated to version $current"
expect_status 0 "$KRAFT" --db "$PG_URL" check
for q in budget "särskilt yttrande" "barn och unga" "nämnd*" '"särskilt yttrande"' \
    '"kommunstyrelsen beslutar"' '"barn och unga"' '"särskilt yttrande" budget'; do
    same_output search "$q" --json --limit 50
done
[ "$(pg_sql "$pairs_of_whole")" = "$pairs" ] ||
    fail "the pairs derived from the words' positions differ from those the import made"

# A second import of the same files changes nothing.
expect_status 0 "$KRAFT" --db "$PG_URL" import "$WORK/in"
expect_file_contains "$WORK/err" "unchanged $(ls "$WORK/in" | wc -l)"

# Prefixes that are not counted yet (as in an archive of an earlier kraft) are counted at the end
# of the next import, each through the index when they are few.
pg_sql "DELETE FROM kraft.token_counts WHERE token LIKE 'budg%*'"
# A changed file replaces its earlier version on both, with what the index keeps of it.
printf '\nTillägg om budget och kraftsamlande nämnden.\n' >>"$WORK/in/malmo-kf-2026-01-22-p8-ocr.txt"
expect_status 0 "$KRAFT" --db "$SQLITE" import -q "$WORK/in"
expect_status 0 "$KRAFT" --db "$PG_URL" import -q "$WORK/in"
[ "$(pg_sql "SELECT count(*) FROM kraft.token_counts WHERE token IN ('budg*', 'budget*') AND as_key")" = 2 ] ||
    fail "the prefixes of budget were not counted again"
for q in budget "kraftsamlande nämnden" tillägg "budg*" "nämnd*"; do
    same_output search "$q" --json --limit 50
done
expect_status 0 "$KRAFT" --db "$PG_URL" check
# A kept count that is wrong is found.
[ "$(pg_sql "SELECT count(*) FROM kraft.token_counts WHERE token = 'budget' AND as_key")" = 1 ] ||
    fail "the count of budget is not kept"
pg_sql "UPDATE kraft.token_counts SET entries = entries + 1 WHERE token = 'budget' AND as_key"
expect_status 3 "$KRAFT" --db "$PG_URL" check
expect_file_contains "$WORK/err" "1 tokens' counts of entries are wrong"
pg_sql "UPDATE kraft.token_counts SET entries = entries - 1 WHERE token = 'budget' AND as_key"
# So is a prefix's count, which a search for the prefix reads instead of counting.
prefix_count="SELECT count(*) FROM kraft.entry_index WHERE words @@ CAST('''namnd'':* | ''_namnd'':*' AS tsquery)"
[ "$(pg_sql "SELECT entries FROM kraft.token_counts WHERE token = 'namnd*' AND as_key")" = "$(pg_sql "$prefix_count")" ] ||
    fail "the count of nämnd* is not kept, or not the index's"
pg_sql "UPDATE kraft.token_counts SET entries = entries + 1 WHERE token = 'namnd*' AND as_key"
expect_status 0 "$KRAFT" --db "$PG_URL" search "nämnd*" --json
expect_file_contains "$WORK/out" "\"total\":$(( $(pg_sql "$prefix_count") + 1 ))"
expect_status 3 "$KRAFT" --db "$PG_URL" check
expect_file_contains "$WORK/err" "1 tokens' counts of entries are wrong"
pg_sql "UPDATE kraft.token_counts SET entries = entries - 1 WHERE token = 'namnd*' AND as_key"
expect_status 0 "$KRAFT" --db "$PG_URL" check
# And the index's totals of entries and words, which bm25 weighs by (a replacement above took the
# earlier version's away; check agreed).
pg_sql "UPDATE kraft.index_totals SET words = words + 1"
expect_status 3 "$KRAFT" --db "$PG_URL" check
expect_file_contains "$WORK/err" "its totals of entries and words are wrong"
pg_sql "UPDATE kraft.index_totals SET words = words - 1"
expect_status 0 "$KRAFT" --db "$PG_URL" check

# Words together are counted from the postings, and so is a word within filters. Entries stored
# after the postings were made (an import before its end) are walked instead; many, and the GIN
# index answers as before. Either way the same hits.
postings_upto=$(pg_sql 'SELECT postings_upto FROM kraft.index_totals')
for upto in "$((postings_upto - 40))" 0 "$postings_upto"; do
    pg_sql "UPDATE kraft.index_totals SET postings_upto = $upto"
    for q in "beslut budget" "kraftsamlande nämnden" '"särskilt yttrande" budget' \
        "kommunstyrelsen beslutar"; do
        same_output search "$q" --json --limit 50
    done
    same_output search beslut --body Kommunstyrelsen --json --limit 100
    same_output search beslut --from 2025-01-01 --to 2026-12-31 --json
done
# Postings that lost an entry are found by check; a term without postings gets them at the end of
# the next import, from its GIN list; damaged ones are an error, not wrong hits.
budget="token = 'budget' AND as_key"
[ "$(pg_sql "SELECT count(*) FROM kraft.term_postings WHERE $budget")" -gt 0 ] || fail "budget has no postings"
pg_sql "UPDATE kraft.term_postings SET ids = substr(ids, 3) WHERE $budget AND length(ids) < 8192"
expect_status 3 "$KRAFT" --db "$PG_URL" check
expect_file_contains "$WORK/err" "the postings of 1 terms do not hold their entries"
pg_sql "DELETE FROM kraft.term_postings WHERE $budget; UPDATE kraft.token_counts SET postings = false WHERE $budget"
# (An import that stores something: one that stores nothing leaves the index as it is.)
printf 'Kommunstyrelsen\nProtokoll 2026-05-05\n\n§ 1 Rättelse\nEtt skrivfel rättas.\n' >"$WORK/correction.txt"
expect_status 0 "$KRAFT" --db "$PG_URL" import -q "$WORK/correction.txt"
[ "$(pg_sql "SELECT postings FROM kraft.token_counts WHERE $budget")" = t ] ||
    fail "budget did not get its postings again"
expect_status 0 "$KRAFT" --db "$PG_URL" check
same_output search "beslut budget" --json --limit 50
pg_sql "UPDATE kraft.term_postings SET ids = '\\x01' WHERE $budget"
expect_status 3 "$KRAFT" --db "$PG_URL" search "beslut budget"
expect_file_contains "$WORK/err" "postings of \"budget\" are damaged"
pg_sql "DELETE FROM kraft.term_postings WHERE $budget; UPDATE kraft.token_counts SET postings = false WHERE $budget"
printf 'Kommunstyrelsen\nProtokoll 2026-05-05\n\n§ 1 Rättelse\nTvå skrivfel rättas.\n' >"$WORK/correction.txt"
expect_status 0 "$KRAFT" --db "$PG_URL" import -q "$WORK/correction.txt"
expect_status 0 "$KRAFT" --db "$PG_URL" check
same_output search "beslut budget" --json --limit 50

# Errors of the server: exit 3, and messages that never show a password.
expect_status 3 "$KRAFT" --db "postgresql://kraft@/kraft?host=$PG_HOST&port=1" search budget
expect_file_contains "$WORK/err" "cannot connect"
pg_sql "CREATE ROLE clerk LOGIN PASSWORD 'right'"
expect_status 3 "$KRAFT" --db "postgresql://clerk:wrong@127.0.0.1:$PG_PORT/kraft" search budget
expect_file_contains "$WORK/err" "password authentication failed"
grep -q wrong "$WORK/err" && fail "the password is in the message"
# A reader may search and may not import.
pg_sql "GRANT USAGE ON SCHEMA kraft TO clerk; GRANT SELECT ON ALL TABLES IN SCHEMA kraft TO clerk"
READER="postgresql://clerk:right@127.0.0.1:$PG_PORT/kraft"
expect_status 0 "$KRAFT" --db "$READER" search budget
expect_status 0 "$KRAFT" --db "$READER" timeline STK-2024-1374
touch "$WORK/in/malmo-ks-2026-01-07-p16.txt"
printf '\n' >>"$WORK/in/malmo-ks-2026-01-07-p16.txt"
expect_status 3 "$KRAFT" --db "$READER" import "$WORK/in/malmo-ks-2026-01-07-p16.txt"
expect_file_contains "$WORK/err" "permission denied"

# A server restart in the middle of an import: exit 3, every protocol stored whole or not at all,
# and the next import stores the rest.
many_protocols
pg_sql "DROP SCHEMA kraft CASCADE"
"$KRAFT" --db "$PG_URL" import -q --threads 1 "$WORK/many" >"$WORK/out" 2>"$WORK/err" &
importer=$!
restart_pg_server_after 5
got=0
wait "$importer" || got=$?
stored=$(pg_sql "SELECT count(*) FROM kraft.protocols")
if [ "$stored" -lt "$(ls "$WORK/many" | wc -l)" ]; then
    [ "$got" = 3 ] || fail "an import that lost its server exited $got, wanted 3"
    expect_file_contains "$WORK/err" "lost the connection to the server"
fi
half=$(pg_sql "SELECT count(*) FROM kraft.protocols pr WHERE NOT EXISTS (SELECT 1 FROM kraft.paragraphs pa WHERE pa.protocol_id = pr.id) OR EXISTS (SELECT 1 FROM kraft.entries e JOIN kraft.paragraphs pa ON pa.id = e.paragraph_id LEFT JOIN kraft.entry_index i ON i.id = e.id WHERE pa.protocol_id = pr.id AND i.id IS NULL)")
[ "$half" = 0 ] || fail "$half protocols half-written after the restart"
expect_status 0 "$KRAFT" --db "$PG_URL" import -q "$WORK/many"
[ "$(pg_sql 'SELECT count(*) FROM kraft.protocols')" = "$(ls "$WORK/many" | wc -l)" ] ||
    fail "the resumed import holds $(pg_sql 'SELECT count(*) FROM kraft.protocols') protocols"

# Four importers and eight searchers at once over loopback: every protocol exactly once, no
# search fails.
pg_sql "DROP SCHEMA kraft CASCADE"
pg_sql "ALTER ROLE clerk PASSWORD 'right'; GRANT CREATE ON DATABASE kraft TO clerk"
TCP="postgresql://clerk:right@127.0.0.1:$PG_PORT/kraft"
"$KRAFT" --db "$TCP" import -q "$WORK/in" >/dev/null 2>&1 || true
pids=()
for i in 1 2 3 4; do
    "$KRAFT" --db "$TCP" import -q "$WORK/many" >"$WORK/import.$i" 2>&1 &
    pids+=($!)
done
searchers=()
for i in 1 2 3 4 5 6 7 8; do
    (for _ in 1 2 3 4 5 6; do
        "$KRAFT" --db "$TCP" search "nämnd*" --json >/dev/null || exit 1
        "$KRAFT" --db "$TCP" timeline STK-2024-1374 >/dev/null || exit 1
    done) >"$WORK/search.$i" 2>&1 &
    searchers+=($!)
done
for i in 0 1 2 3; do wait "${pids[$i]}" || fail "importer $((i + 1)) failed: $(tail -2 "$WORK/import.$((i + 1))")"; done
for i in 0 1 2 3 4 5 6 7; do wait "${searchers[$i]}" || fail "searcher $((i + 1)) failed: $(tail -2 "$WORK/search.$((i + 1))")"; done
want=$(($(ls "$WORK/in" | wc -l) + $(ls "$WORK/many" | wc -l)))
[ "$(pg_sql 'SELECT count(*) FROM kraft.protocols')" = "$want" ] ||
    fail "$(pg_sql 'SELECT count(*) FROM kraft.protocols') protocols after 4 importers, wanted $want"
[ "$(pg_sql 'SELECT count(*) - count(DISTINCT source) FROM kraft.protocols')" = 0 ] ||
    fail "a protocol stored twice"
expect_status 0 "$KRAFT" --db "$TCP" check

# Words in more entries than search ranks (2,000) are shown newest first; PostgreSQL finds the
# newest of a word as its kept count says is cheapest (PgTextIndex::newest): walking back from the
# newest entry (a word in most entries, for a few hits), its GIN list within the newest ids, or,
# for a spelling too rare to be kept, its whole list. 60 meetings of 60 paragraphs: "beslutar" in
# every paragraph, "budget" in two of three, "budgetens" in one.
mkdir -p "$WORK/dense"
for m in $(seq 1 60); do
    {
        printf 'Kommunstyrelsen\nProtokoll 2025-%02d-%02d\n\n' $(((m - 1) / 28 + 1)) $(((m - 1) % 28 + 1))
        for n in $(seq 1 60); do
            printf '§ %d Ärende %d\nKommunstyrelsen beslutar att anta förslaget.' "$n" "$n"
            [ $((n % 3)) = 0 ] || printf ' Budget för verksamheten fastställs.'
            [ "$m$n" = 77 ] && printf ' Nämnden fördelar budgetens medel till skolan.'
            printf '\n\n'
        done
    } >"$WORK/dense/meeting-$m.txt"
done
expect_status 0 "$KRAFT" --db "$SQLITE" import -q "$WORK/in" "$WORK/many" "$WORK/dense"
expect_status 0 "$KRAFT" --db "$TCP" import -q "$WORK/dense"
PG_URL=$TCP
for q in beslutar budget budgetens; do
    for limit in 1 3 25; do
        same_output search "$q" --limit "$limit" --json
        same_output search "$q" --exact --limit "$limit" --json
    done
    # Each has more hits than search ranks, so that its newest are looked for.
    "$KRAFT" --db "$PG_URL" search "$q" --limit 1 --json >"$WORK/pg.out"
    total=$(grep -o '"total":[0-9]*' "$WORK/pg.out" | cut -d: -f2)
    [ "${total:-0}" -gt 2000 ] || fail "$q: $total hits, too few to be shown newest first"
done
[ "$(pg_sql "SELECT count(*) FROM kraft.token_counts WHERE token = 'budgetens'")" = 0 ] ||
    fail "budgetens, in one entry, is kept: its whole list is not what is read"
# Words together, and a word within filters, from their postings: the newest of thousands.
for limit in 1 25; do
    same_output search "beslutar budget" --limit "$limit" --json
    same_output search budget --body Kommunstyrelsen --from 2025-02-01 --limit "$limit" --json
done
# And the newest of thousands of hits of filters alone, by walking the meetings by date.
same_output search --body Kommunstyrelsen --limit 25 --json
same_output search --body Kommunstyrelsen --from 2025-02-01 --limit 3 --json
finish
