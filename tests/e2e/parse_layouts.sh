# kraft parse on layouts other than Malmö's: two protocols written for these tests in the styles of
# other municipalities (tests/data/layouts), and real Kungsbacka protocols (grammars/corpus).
source "$(dirname "$0")/lib.sh"
check() {  # FILE PYTHON-ASSERTIONS (d is the parsed JSON, p[N] the paragraph with § N)
    expect_status 0 "$KRAFT" --json parse "$1"
    python3 - "$WORK/out" "$2" <<'PY' || fail "$(basename "$1"): structure is wrong"
import json, sys
d = json.load(open(sys.argv[1]))
p = {x["number"]: x for x in d["paragraphs"]}
def kinds(n): return sorted((s["kind"], "+".join(s["parties"]), s["appendix"]) for s in p[n]["statements"])
try:
    exec(sys.argv[2])
except AssertionError:
    import traceback; traceback.print_exc(); sys.exit(1)
PY
}
L="$SRC/tests/data/layouts"
check "$L/ostersund-ks-2024-11-04.txt" '
assert d["meeting"]["body"] == "Kommunstyrelsen" and d["meeting"]["date"] == "2024-11-04"
assert sorted(p) == [210, 211, 212]
assert p[210]["title"] == "Budget 2025 och flerårsplan 2026–2027" and p[210]["case_numbers"] == ["KS 2024-000412"]
dec = p[210]["decision"]
assert dec["kind"] == "proposes" and dec["to"] == "Kommunfullmäktige" and len(dec["points"]) == 2, dec
assert kinds(210) == [("protocol_note", "C", 3), ("reservation", "M+SD", None)], kinds(210)
assert "Centerpartiet vill" in [s for s in p[210]["statements"] if s["kind"] == "protocol_note"][0]["text"]
assert len(p[210]["motions"]) == 2
assert p[210]["vote"]["yes"] == 8 and p[210]["vote"]["no"] == 5, p[210]["vote"]
assert p[211]["vote"] is None
assert p[211]["decision"]["points"] == ["Medborgarförslaget besvaras med hänvisning till tekniska nämndens yttrande."]
assert p[211]["statements"] == [] and p[212]["statements"] == []
assert p[211]["recipients"] == ["Förslagsställaren", "Tekniska nämnden"]
refs = {(r["body"], r["paragraph"]) for r in p[210]["references"]}
assert ("KF", 101) in refs and ("kommunfullmäktige", 261) in refs, refs
'
check "$L/lund-bun-2025-02-13.md" '
assert d["meeting"]["body"] == "Barn- och utbildningsnämnden" and d["meeting"]["date"] == "2025-02-13"
assert d["meeting"]["date_source"] == "header"
assert sorted(p) == [1, 2, 3]
assert p[1]["case_numbers"] == ["00012/2025"] and p[2]["case_numbers"] == ["Bun/2024:391"]
assert p[2]["decision"]["points"] == ["att anta riktlinjer för skolskjuts enligt bilaga 1,", "att riktlinjerna gäller från och med den 1 juli 2025."]
assert kinds(2) == [("reservation", "KD", 2)] and "landsbygden" in p[2]["statements"][0]["text"]
assert p[3]["statements"] == [] and len(p[3]["decision"]["points"]) == 1
assert [r["date"] for r in p[2]["references"]] == ["2024-06-12"] and p[2]["references"][0]["reservation_parties"] == ["KD"]
assert p[3]["recipients"] == ["Förvaltningsrätten i Malmö"]
'
K="$SRC/grammars/corpus"
check "$K/kungsbacka-forskola-grundskola-2024-06-12.txt" '
assert d["meeting"]["body"] == "Nämnden för Förskola & Grundskola" and d["meeting"]["date"] == "2024-06-12"
assert sorted(p) == list(range(59, 70))
assert p[62]["case_numbers"] == ["FG-2024-00129"]
assert p[62]["decision"]["kind"] == "proposes" and p[62]["decision"]["to"] == "Kommunfullmäktige"
assert kinds(62) == [("reservation", "S+V+L+C", None)], kinds(62)
v = p[62]["vote"]
assert (v["yes"], v["no"], len(v["yes_names"]), len(v["no_names"])) == (8, 5, 8, 5), v
assert {"name": "Elin Hysén", "party": "L"} in v["no_names"]
assert p[63]["decision"]["points"] == ["Nämnden för Förskola & Grundskola godkänner handlingsplanen med åtgärder för att uppnå budget i balans för år 2024."]
assert all("Justerandes" not in x["title"] and "SAMMANTRÄDESPROTOKOLL" not in x["title"] for x in d["paragraphs"])
'
check "$K/kungsbacka-byggnadsnamndens-au-2024-05-23.txt" '
assert d["meeting"]["body"] == "Byggnadsnämndens arbetsutskott"
assert sorted(p) == [131, 132, 133, 134, 135], sorted(p)
assert p[133]["decision"] is None
assert p[134]["decision"]["kind"] == "proposes" and len(p[134]["decision"]["points"]) == 2
assert kinds(135) == [("reservation", "SD", None)]
'
check "$K/kungsbacka-byggnadsnamndens-au-2025-09-30.txt" '
assert sorted(p) == [201, 202, 203, 204, 205]
assert all(x["statements"] == [] for x in d["paragraphs"])
assert p[204]["case_numbers"] == ["BN-2019-00016"] and len(p[204]["decision"]["points"]) == 2
'
finish
