# kill -9 during an import leaves a consistent archive holding only whole protocols; a re-run
# completes the batch without duplicates; search works while an import runs (WAL).
source "$(dirname "$0")/lib.sh"
mkdir -p "$WORK/batch"
# 360 distinct protocols: the samples with a word varied.
n=0
for i in $(seq 1 90); do
    for f in "$SRC"/samples/malmo-*; do
        n=$((n + 1))
        sed "s/kraftsamlande/kraftsamlande$i/" "$f" > "$WORK/batch/p$n.txt"
    done
done
check_archive() {
    # Killed before the first transaction committed the schema: an empty archive is consistent too.
    [ "$(sqlite3 "$KRAFT_DB" 'SELECT count(*) FROM sqlite_master' 2>/dev/null || echo 0)" = 0 ] && return 0
    [ "$(sqlite3 "$KRAFT_DB" 'PRAGMA integrity_check')" = ok ] || fail "integrity_check after $1"
    [ "$(sqlite3 "$KRAFT_DB" 'PRAGMA foreign_key_check' | wc -l)" = 0 ] || fail "foreign keys after $1"
    # Every stored protocol is whole: it has its paragraph and its search entries.
    [ "$(sqlite3 "$KRAFT_DB" 'SELECT count(*) FROM protocols pr WHERE NOT EXISTS (SELECT 1 FROM paragraphs pa WHERE pa.protocol_id = pr.id)')" = 0 ] \
        || fail "a protocol without paragraphs after $1"
    "$KRAFT" check >/dev/null 2>&1 || fail "kraft check (with the full-text index) after $1"
}
# How long a whole first import takes here: the kill points below are fractions of it, so they
# land inside the import on a fast machine and a slow one alike.
# A re-run that replaces a few changed files is timed too (with a copy of the batch, so the
# rounds below change the same files as before).
cp -r "$WORK/batch" "$WORK/timing"
start_ns=$(date +%s%N)
"$KRAFT" import --threads 2 "$WORK/timing" 2>/dev/null
first_ms=$(( ($(date +%s%N) - start_ns) / 1000000 ))
for k in $(seq 1 40); do echo "Ändrad rad." >> "$WORK/timing/p$((k * 9)).txt"; done
start_ns=$(date +%s%N)
"$KRAFT" import --threads 2 "$WORK/timing" 2>/dev/null
rerun_ms=$(( ($(date +%s%N) - start_ns) / 1000000 ))
rm -rf "$WORK/timing" "$KRAFT_DB" "$KRAFT_DB"-wal "$KRAFT_DB"-shm
echo "a first import takes $first_ms ms, a re-run replacing 40 files $rerun_ms ms"
# kill -9 at 50 random points (seeded: the same fractions every run), between 15 % and 85 % of
# the import's time. Between rounds a few files change, so kills also land in replacements; every
# fifth round starts from an empty archive, so kills keep landing in first imports too.
RANDOM=20261123
killed=0
for round in $(seq 1 50); do
    if [ $((round % 5)) = 1 ]; then rm -f "$KRAFT_DB" "$KRAFT_DB"-wal "$KRAFT_DB"-shm; fi
    for k in $(seq 1 40); do echo "Ändrad rad $round." >> "$WORK/batch/p$((RANDOM % n + 1)).txt"; done
    "$KRAFT" import --threads 2 "$WORK/batch" 2>/dev/null &
    pid=$!
    import_ms=$rerun_ms
    [ $((round % 5)) = 1 ] && import_ms=$first_ms
    delay_ms=$(( import_ms * (15 + RANDOM % 71) / 100 ))
    sleep "$((delay_ms / 1000)).$(printf %03d $((delay_ms % 1000)))"
    if [ $((round % 5)) = 0 ]; then
        # Search while the import runs.
        rc=0
        "$KRAFT" search kraftsamlande1 --limit 1 >/dev/null 2>"$WORK/search.err" || rc=$?
        # Before the first import commits its schema there is no archive yet: the only failure allowed.
        [ $rc = 0 ] || { [ $rc = 3 ] && grep -q "no archive here yet" "$WORK/search.err"; } ||
            fail "search during import exited $rc: $(cat "$WORK/search.err")"
    fi
    if kill -9 $pid 2>/dev/null; then killed=$((killed + 1)); fi
    wait $pid 2>/dev/null || true
    check_archive "kill -9 in round $round"
    [ "$(sqlite3 "$KRAFT_DB" 'SELECT count(*) FROM (SELECT source FROM protocols GROUP BY source HAVING count(*) > 1)' 2>/dev/null || echo 0)" = 0 ] ||
        fail "duplicates after round $round"
done
echo "killed $killed of 50 imports mid-way"
[ "$killed" -ge 40 ] || fail "only $killed of 50 kills landed while the import ran"
expect_status 0 "$KRAFT" import "$WORK/batch"
check_archive "the completing run"
[ "$(sqlite3 "$KRAFT_DB" 'SELECT count(*) FROM protocols')" = 360 ] || fail "360 protocols after the re-run"
[ "$(sqlite3 "$KRAFT_DB" 'SELECT count(*) FROM (SELECT source FROM protocols GROUP BY source HAVING count(*) > 1)')" = 0 ] || fail "duplicates"
[ "$(sqlite3 "$KRAFT_DB" 'SELECT count(*) FROM paragraphs')" = 360 ] || fail "360 paragraphs"
expect_status 0 "$KRAFT" import "$WORK/batch"
expect_file_contains "$WORK/err" "imported 0, unchanged 360, failed 0"
# SIGINT: stops between files, says so, exit 1, archive whole.
rm -f "$KRAFT_DB"*
"$KRAFT" import --threads 1 "$WORK/batch" 2>"$WORK/int.err" &
pid=$!
sleep 0.5
kill -INT $pid 2>/dev/null || true
rc=0
wait $pid || rc=$?
if grep -q "interrupted" "$WORK/int.err"; then
    [ $rc = 1 ] || fail "interrupted import should exit 1, got $rc"
fi
check_archive "SIGINT"
finish
