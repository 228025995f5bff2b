# kraft export: every archived paragraph exactly once, as JSON Lines or as CSV that Python's csv
# module reads back with å/ä/ö intact; filters as in search; -o never leaves half a file.
source "$(dirname "$0")/lib.sh"
expect_status 0 "$KRAFT" import "$SRC/samples"
expect_status 0 "$KRAFT" --json stats
paragraphs=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["paragraphs"])' "$WORK/out")
[ "$paragraphs" -ge 4 ] || fail "stats says $paragraphs paragraphs"

expect_status 0 "$KRAFT" export
cp "$WORK/out" "$WORK/all.jsonl"
python3 - "$WORK/all.jsonl" "$paragraphs" <<'PY' || fail "JSON Lines export"
import json, sys
rows = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]
assert len(rows) == int(sys.argv[2]), (len(rows), sys.argv[2])
keys = {(r["source"], r["paragraph"]) for r in rows}
assert len(keys) == len(rows), "a paragraph exported twice"
dates = [r["date"] for r in rows if r["date"]]
assert dates == sorted(dates), "not in meeting order"
kf = [r for r in rows if r["body"] == "Kommunfullmäktige"]
assert kf and kf[0]["paragraph"] == 8 and kf[0]["case_numbers"] == ["STK-2024-1374"], kf
assert kf[0]["decision"]["points"][0].startswith("Kommunfullmäktige godkänner"), kf[0]["decision"]
kinds = {s["kind"] for r in rows for s in r["statements"]}
assert kinds == {"special_statement"}, kinds
PY

expect_status 0 "$KRAFT" export --format csv -o "$WORK/all.csv"
[ ! -e "$WORK/all.csv.partial" ] || fail "the partial file was left behind"
expect_file_contains "$WORK/err" "exported $paragraphs paragraphs to $WORK/all.csv"
head -c 3 "$WORK/all.csv" | od -An -tx1 | grep -q "ef bb bf" || fail "CSV without UTF-8 BOM"
python3 - "$WORK/all.csv" "$WORK/all.jsonl" <<'PY' || fail "CSV export"
import csv, json, sys
with open(sys.argv[1], encoding="utf-8-sig", newline="") as f:
    rows = list(csv.DictReader(f))
jsonl = [json.loads(line) for line in open(sys.argv[2], encoding="utf-8")]
assert len(rows) == len(jsonl), (len(rows), len(jsonl))
for r, j in zip(rows, jsonl):
    assert r["title"] == j["title"] and r["source"] == j["source"], (r, j)
    points = j["decision"]["points"] if j["decision"] else []
    assert r["decision"] == "\n".join(points), (r["decision"], points)
ks = [r for r in rows if r["body"] == "Kommunstyrelsen"][0]
assert "Återrapportering" in ks["title"], ks["title"]
# Two särskilda yttranden (M+C, and SD) with the persons who filed them.
assert ks["special_statements"].count(";") == 1, ks["special_statements"]
for party in ("(M)", "(C)", "(SD)"):
    assert party in ks["special_statements"], ks["special_statements"]
PY

# Filters.
expect_status 0 "$KRAFT" export --body KF
[ "$(wc -l < "$WORK/out")" = 1 ] || fail "--body KF: $(wc -l < "$WORK/out") paragraphs"
expect_status 0 "$KRAFT" export --party SD --kind special_statement
[ "$(wc -l < "$WORK/out")" = 1 ] || fail "--party SD: $(wc -l < "$WORK/out") paragraphs"
expect_file_contains "$WORK/out" '"paragraph":16'
expect_status 0 "$KRAFT" export --kind reservation
[ ! -s "$WORK/out" ] || fail "reservations where the samples have none"
expect_status 0 "$KRAFT" export --case STK-2026-580 --format csv
[ "$(python3 -c 'import csv,sys; print(len(list(csv.reader(open(sys.argv[1], encoding="utf-8-sig")))))' "$WORK/out")" = 2 ] ||
    fail "--case: $(cat "$WORK/out")"

# Bad options and an unwritable output.
expect_status 2 "$KRAFT" export --format xml
expect_status 2 "$KRAFT" export --from 2026-13-45
expect_file_contains "$WORK/err" "2026-13-45"
expect_status 2 "$KRAFT" export --case "§§"
expect_status 1 "$KRAFT" export -o "$WORK/no/such/folder/x.csv"
expect_file_contains "$WORK/err" "kraft: $WORK/no/such/folder/x.csv: cannot write"
expect_status 3 "$KRAFT" --db "$WORK/none.db" export
finish
