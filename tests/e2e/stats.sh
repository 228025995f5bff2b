# kraft stats: counts per body and year, statements by party, repairs, as text and as JSON.
source "$(dirname "$0")/lib.sh"
expect_status 3 "$KRAFT" stats
expect_status 0 "$KRAFT" import "$SRC/samples"
expect_status 0 "$KRAFT" --json stats
python3 - "$WORK/out" <<'PY' || fail "stats --json"
import json, sys
s = json.load(open(sys.argv[1]))
assert s["protocols"] == 4 and s["paragraphs"] == 4 and s["decisions"] == 4, s
assert s["statements"] == 3, s
assert s["cases"] == 3, s  # STK-2024-1374, STK-2026-580 and STK-2023-137 (cited)
rows = {(r["body"], r["year"]): r for r in s["by_body_year"]}
assert rows[("Kommunfullmäktige", "2026")]["paragraphs"] == 1, rows
assert rows[("Kommunstyrelsens arbetsutskott", "2025")]["protocols"] == 1, rows
parties = {p["party"]: p for p in s["statements_by_party"]}
assert parties["M"]["special_statements"] == 2 and parties["C"]["special_statements"] == 2, parties
assert parties["SD"]["special_statements"] == 1 and parties["SD"]["reservations"] == 0, parties
# Only the two OCR'd samples were repaired; their edits are all counted by reason.
assert s["repaired_protocols"] == 2 and s["repair_edits"] > 600, s
assert sum(r["edits"] for r in s["repairs_by_reason"]) == s["repair_edits"], s
PY
expect_status 0 "$KRAFT" stats
expect_file_contains "$WORK/out" "4 protocols, 4 paragraphs"
grep -qE '^Kommunfullmäktige +2026 +1 +1 +1$' "$WORK/out" || fail "no aligned KF 2026 row: $(cat "$WORK/out")"
grep -qE '^SD +0 +1 +0$' "$WORK/out" || fail "no SD row"
finish
