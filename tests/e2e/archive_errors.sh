# A damaged or locked archive: every command that meets it says so, names the archive, exits 3,
# and nothing reads an SQLite error as "no rows".
source "$(dirname "$0")/lib.sh"

expect_status 0 "$KRAFT" import "$SRC/samples"
CASE=$("$KRAFT" search --json STK-2024-1374 | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["hits"]))')
[ "$CASE" -gt 0 ] || fail "the case has no hits before the damage"

# A copy whose tables' and indexes' first pages are garbage; its schema still reads.
DAMAGED="$WORK/damaged.db"
sqlite3 "$KRAFT_DB" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
cp "$KRAFT_DB" "$DAMAGED"
python3 - "$DAMAGED" <<'PY'
import sqlite3, sys
path = sys.argv[1]
db = sqlite3.connect(path)
size = db.execute("PRAGMA page_size").fetchone()[0]
roots = [r for (r,) in db.execute("SELECT rootpage FROM sqlite_master WHERE rootpage > 1")]
db.close()
with open(path, "r+b") as f:
    for page in roots:
        f.seek((page - 1) * size)
        f.write(b"\x5a" * size)
PY

for cmd in "search budget" "search STK-2024-1374" "timeline STK-2024-1374" "stats" \
           "export --format jsonl" "show STK-2024-1374" "check"; do
    # shellcheck disable=SC2086
    expect_status 3 "$KRAFT" --db "$DAMAGED" $cmd
    expect_file_contains "$WORK/err" "$DAMAGED"
done
# An import into it fails on the archive, not on the files.
expect_status 3 "$KRAFT" --db "$DAMAGED" import "$SRC/samples/malmo-ks-2026-01-07-p16.txt"

# A locked archive: another program holds a write lock longer than kraft waits (10 s).
python3 - "$KRAFT_DB" "$WORK/locked" <<'PY' &
import pathlib, sqlite3, sys, time
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("BEGIN IMMEDIATE")
pathlib.Path(sys.argv[2]).touch()
time.sleep(14)
db.execute("ROLLBACK")
PY
LOCKER=$!
for _ in $(seq 50); do [ -e "$WORK/locked" ] && break; sleep 0.1; done
printf '§ 1 Ny\n\nBeslut\nKommunstyrelsen beslutar att godkänna.\n' >"$WORK/ks-2026-05-01.txt"
expect_status 3 "$KRAFT" import "$WORK/ks-2026-05-01.txt"
expect_file_contains "$WORK/err" "locked"
kill "$LOCKER" 2>/dev/null || true
wait "$LOCKER" 2>/dev/null || true
# Nothing was half-written: the archive is whole and the file can be imported now.
expect_status 0 "$KRAFT" check
expect_status 0 "$KRAFT" import "$WORK/ks-2026-05-01.txt"

finish
