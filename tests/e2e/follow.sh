# Following a case: kraft follow, the import's report of what moved, kraft news (text, JSON and an
# Atom feed read by a real Atom parser), unfollow, and completion of followed cases.
source "$(dirname "$0")/lib.sh"

expect_status 0 "$KRAFT" import "$SRC/samples"
expect_status 0 "$KRAFT" news
expect_file_contains "$WORK/out" "nothing is followed"

# An OCR variant of the case number is the same case.
expect_status 0 "$KRAFT" follow STK-2O24-1374
expect_file_contains "$WORK/out" "following STK-2024-1374"
expect_status 0 "$KRAFT" follow "stk 2024-1374"
expect_file_contains "$WORK/out" "already following STK-2024-1374"
expect_status 0 "$KRAFT" follow --search "" --party V --kind reservation
expect_status 2 "$KRAFT" follow budget
expect_file_contains "$WORK/err" "'budget' is not a case number"
# A saved search that could not run is refused, not kept to fail every kraft news after it.
expect_status 2 "$KRAFT" follow --search '"budget'
expect_file_contains "$WORK/err" "malformed query"
expect_status 2 "$KRAFT" follow --search ""
expect_file_contains "$WORK/err" "nothing to search for"
expect_status 2 "$KRAFT" follow
expect_status 0 "$KRAFT" follow --list
expect_file_contains "$WORK/out" "STK-2024-1374"
expect_file_contains "$WORK/out" 'search "" --kind reservation --party V'

# A protocol that handles the case, with a reservation, and one that only cites it.
mkdir -p "$WORK/new"
cat >"$WORK/new/ks-2026-05-06.txt" <<'TXT'
Kommunstyrelsen
Protokoll 2026-05-06

§ 77 Återrapportering kring kraftsamlande insatser
STK-2024-1374

Beslut
Kommunstyrelsen beslutar

1. Återrapporteringen godkänns.

Anna Berg (V) reserverar sig mot beslutet.
TXT
cat >"$WORK/new/ksau-2026-05-20.txt" <<'TXT'
Kommunstyrelsens arbetsutskott
Protokoll 2026-05-20

§ 12 Uppföljning av trygghetsarbetet
STK-2026-0500

Beslutsunderlag
- Beslut KS 260506 § 77 med reservation (V), STK-2024-1374

Beslut
Arbetsutskottet beslutar

1. Uppföljningen noteras.
TXT
expect_status 0 "$KRAFT" import "$WORK/new"
[ "$(cat "$WORK/out")" = "STK-2024-1374: 2 new events" ] || fail "import's report: $(cat "$WORK/out")"

expect_status 0 "$KRAFT" --json news
cp "$WORK/out" "$WORK/news.json"
python3 - "$WORK/news.json" <<'PY' || fail "kraft news --json"
import json, sys
n = json.load(open(sys.argv[1]))
[case] = n["cases"]
assert case["case"] == "STK-2024-1374", case
events = [(e["change"], e["body"], e["date"], e["paragraph"]) for e in case["events"]]
assert events == [("handled", "Kommunstyrelsen", "2026-05-06", 77),
                  ("cited", "Kommunstyrelsen", "2026-05-06", 77)], events
handled, cited = case["events"]
assert handled["statements"] == [{"kind": "reservation", "parties": ["V"]}], handled
assert handled["decision"] == "Återrapporteringen godkänns.", handled
assert handled["source"].endswith("ks-2026-05-06.txt")
assert cited["origin"] == "reference" and cited["source"].endswith("ksau-2026-05-20.txt"), cited
assert cited["statements"] == [{"kind": "reservation", "parties": ["V"]}], cited
[search] = n["searches"]
assert search["search"] == '"" --kind reservation --party V' and search["total"] == 1, search
assert search["hits"][0]["paragraph"] == 77 and search["hits"][0]["kind"] == "reservation"
PY
expect_status 0 "$KRAFT" news
expect_file_contains "$WORK/out" "STK-2024-1374 — 2 new events"
expect_file_contains "$WORK/out" "Kommunstyrelsen § 77 (handled)"
expect_file_contains "$WORK/out" "Kommunstyrelsen § 77 (cited)"
expect_file_contains "$WORK/out" "[reservation V]"

# The Atom feed, through a temporary file: parsed by feedparser (Debian's python3-feedparser, so
# Debian's python3), the same entries.
expect_status 0 "$KRAFT" news --format atom -o "$WORK/feed.xml"
[ ! -e "$WORK/feed.xml.tmp" ] || fail "the feed's temporary file stayed"
/usr/bin/python3 - "$WORK/feed.xml" <<'PY' || fail "the Atom feed"
import feedparser, sys
f = feedparser.parse(sys.argv[1])
assert not f.bozo, f.bozo_exception
assert f.version == "atom10", f.version
assert f.feed.id.startswith("urn:uuid:") and f.feed.updated
titles = [e.title for e in f.entries]
assert len(titles) == 3, titles
assert titles[0] == "STK-2024-1374: Kommunstyrelsen 2026-05-06 § 77 (handled)", titles
assert titles[1] == "STK-2024-1374: Kommunstyrelsen 2026-05-06 § 77 (cited)", titles
assert titles[2].startswith('"" --kind reservation --party V: '), titles
assert len({e.id for e in f.entries}) == 3
assert all(e.updated_parsed for e in f.entries)
assert "reservation V" in f.entries[0].summary
PY
cp "$WORK/feed.xml" "$WORK/feed-first.xml"
# A feed that cannot be written: said, exit 1, nothing left behind.
expect_status 1 "$KRAFT" news --format atom -o "$WORK/no-such-folder/feed.xml"
expect_file_contains "$WORK/err" "no-such-folder/feed.xml: cannot write"
[ ! -e "$WORK/no-such-folder" ] || fail "a failed feed left files"
expect_status 2 "$KRAFT" news -o "$WORK/news.txt"

# Importing the same files again changes nothing: no report, the same news, the same feed ids.
expect_status 0 "$KRAFT" import "$WORK/new"
[ ! -s "$WORK/out" ] || fail "a re-import reported: $(cat "$WORK/out")"
expect_file_contains "$WORK/err" "imported 0, unchanged 2"
expect_status 0 "$KRAFT" --json news
cmp -s "$WORK/out" "$WORK/news.json" || fail "news changed after a re-import"
expect_status 0 "$KRAFT" news --format atom -o "$WORK/feed.xml"
[ "$(grep -o 'urn:uuid:[^<]*' "$WORK/feed.xml")" = "$(grep -o 'urn:uuid:[^<]*' "$WORK/feed-first.xml")" ] ||
    fail "the feed's ids changed"

# --since a date sees every import since; -q keeps the import's report quiet.
expect_status 0 "$KRAFT" --json news --since 2000-01-01
python3 -c 'import json,sys; n=json.load(open(sys.argv[1])); assert len(n["cases"][0]["events"]) > 2' \
    "$WORK/out" || fail "news --since 2000-01-01 lacks the samples' events"
printf '\n§ 78 Tillägg\nSTK-2024-1374\n\nBeslut\nKommunstyrelsen beslutar\n\n1. Tillägget godkänns.\n' \
    >>"$WORK/new/ks-2026-05-06.txt"
expect_status 0 "$KRAFT" -q import "$WORK/new"
[ ! -s "$WORK/out" ] || fail "-q import reported: $(cat "$WORK/out")"
expect_status 2 "$KRAFT" news --since 2026-13-01

# Completion offers the followed cases; unfollow.
expect_status 0 "$KRAFT" __complete unfollow ""
expect_file_contains "$WORK/out" "STK-2024-1374"
expect_status 0 "$KRAFT" unfollow STK-2024-1374
expect_status 1 "$KRAFT" unfollow STK-2024-1374
expect_file_contains "$WORK/err" "not following STK-2024-1374"
expect_status 0 "$KRAFT" unfollow --search "" --party V --kind reservation
expect_status 0 "$KRAFT" --json news
python3 -c 'import json,sys; n=json.load(open(sys.argv[1])); assert n["cases"] == [] and n["searches"] == []' \
    "$WORK/out" || fail "unfollowed cases still in the news"

finish
