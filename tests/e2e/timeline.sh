# kraft timeline STK-2024-1374 over the samples: the events the issue lists, in date order.
source "$(dirname "$0")/lib.sh"
"$KRAFT" -q import "$SRC/samples"
for spelling in STK-2024-1374 stk-2024-1374 "STK 2024-1374"; do
    expect_status 0 "$KRAFT" --json timeline "$spelling"
    python3 - "$WORK/out" <<'PY' || fail "timeline of '$spelling' is wrong"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["case"] == "STK-2024-1374"
ev = {(e["date"], e["body"], e["paragraph"]): e for e in d["events"]}
def st(e): return sorted((s["kind"], "+".join(s["parties"])) for s in e["statements"])
kf189 = ev[("2024-09-26", "Kommunfullmäktige", 189)]
assert kf189["origin"] == "reference" and st(kf189) == [("reservation", "SD"), ("special_statement", "M+C")], kf189
assert ev[("2025-03-24", "Kommunstyrelsens arbetsutskott", 141)]["origin"] == "imported"
ksau564 = ev[("2025-12-08", "Kommunstyrelsens arbetsutskott", 564)]
assert ksau564["origin"] == "reference" and st(ksau564) == [("special_statement", "M")]
ks16 = ev[("2026-01-07", "Kommunstyrelsen", 16)]
assert ks16["origin"] == "imported" and st(ks16) == [("special_statement", "M+C"), ("special_statement", "SD")], ks16
assert ks16["decision"].startswith("Kommunfullmäktige godkänner")
kf8 = ev[("2026-01-22", "Kommunfullmäktige", 8)]
assert kf8["origin"] == "imported" and st(kf8) == [("special_statement", "M+C")]
dates = [e["date"] for e in d["events"] if e["date"]]
assert dates == sorted(dates)
assert "STK-2026-580" in d["related_cases"]
PY
done
# Drawn for a terminal: a vertical line; readable in a pipe (no escape codes).
expect_status 0 "$KRAFT" timeline STK-2024-1374
expect_file_contains "$WORK/out" "2026-01-22  └ Kommunfullmäktige § 8"
expect_file_contains "$WORK/out" "[särskilt yttrande M+C] [särskilt yttrande SD]"
expect_file_contains "$WORK/out" "Related cases: STK-2023-137, STK-2026-580"
grep -q $'\x1b' "$WORK/out" && fail "colour codes in a pipe"
COLUMNS=50 "$KRAFT" timeline STK-2024-1374 > "$WORK/narrow"
python3 - "$WORK/narrow" <<'PY' || fail "lines wider than 50 columns"
import sys, unicodedata
for line in open(sys.argv[1], encoding="utf-8"):
    w = sum(0 if unicodedata.combining(c) else 1 for c in line.rstrip("\n"))
    assert w <= 50 or " " not in line.strip()[14:], (w, line)
PY
expect_status 2 "$KRAFT" timeline "not a case"
expect_status 0 "$KRAFT" timeline STK-1999-1
expect_file_contains "$WORK/out" "no paragraph of this case"
# A case only mentioned in another case's text has no handling, but the timeline says where it is
# mentioned, and a search for it lists that paragraph.
mkdir -p "$WORK/mention"
printf '\xc2\xa7 5 Budget 2027\n\nDnr KS 2026/77\n\nÄrendet bygger på utredningen i KS 2019/44.\n\nBeslut\nNämnden godkänner budgeten.\n' \
  > "$WORK/mention/kf-2026-11-02.txt"
"$KRAFT" -q import "$WORK/mention"
expect_status 0 "$KRAFT" timeline "KS 2019/44"
expect_file_contains "$WORK/out" "no paragraph of this case is in the archive; 1 paragraph mentions it"
expect_status 0 "$KRAFT" --json search "KS 2019/44"
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["total"] == 1 and d["hits"][0]["paragraph"] == 5, d' "$WORK/out" \
  || fail "a search for a mentioned case number lists the paragraph mentioning it"
# Related cases beyond 40: the terminal names 40 and counts the rest, --json lists them all.
{ printf '\xc2\xa7 6 Samlade remisser\n\nDnr KS 2026/78\n\nRemisserna gäller'
  for n in $(seq 101 145); do printf ' KS 2025/%s,' "$n"; done
  printf ' med flera.\n\nBeslut\nNämnden yttrar sig.\n'; } > "$WORK/mention/kf-2026-11-03.txt"
"$KRAFT" -q import "$WORK/mention"
expect_status 0 "$KRAFT" timeline "KS 2026/78"
expect_file_contains "$WORK/out" "KS-2025-140 and 5 more"
grep -q "KS-2025-141" "$WORK/out" && fail "the terminal lists more than 40 related cases"
expect_status 0 "$KRAFT" --json timeline "KS 2026/78"
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert len(d["related_cases"]) == 45, d' "$WORK/out" \
  || fail "--json lists every related case"
# kraft show: the paragraph in full, and the OCR original with its edits.
expect_status 0 "$KRAFT" show KF 2026-01-22 §8
expect_file_contains "$WORK/out" "Kommunfullmäktige godkänner återrapporteringen"
expect_status 0 "$KRAFT" show Kommunfullmäktige 2026-01-22 § 8 --original
expect_file_contains "$WORK/out" "Kommunfullmiktige beslutade den 26 september 2024 {189"
expect_file_contains "$WORK/out" "Kommunfullmiktige → Kommunfullmäktige"
expect_status 0 "$KRAFT" --json show STK-2024-1374
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert len(d["paragraphs"]) == 3' "$WORK/out" || fail "show CASE lists its 3 paragraphs"
expect_status 1 "$KRAFT" show KS 2020-01-01 §1
expect_status 2 "$KRAFT" show whatever
finish
