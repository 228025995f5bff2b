# Searches by filters alone with thousands of hits find their newest by walking the meetings from
# the newest date down (meeting_walk.hpp): the same hits, in the same order, as sorting every hit,
# which an archive without the date index (schema 9) still does. Meetings share dates, some have
# none, and hits come from paragraphs and from statements.
source "$(dirname "$0")/lib.sh"
mkdir -p "$WORK/in"
for m in $(seq 1 50); do
    {
        printf 'Kommunstyrelsen\n'
        # Meetings 1-12 on one day, 13-45 a day each, 46-50 undated.
        if [ "$m" -le 12 ]; then
            printf 'Protokoll 2025-06-01\n\n'
        elif [ "$m" -le 45 ]; then
            printf 'Protokoll 2024-%02d-%02d\n\n' $(((m - 13) / 28 + 1)) $(((m - 13) % 28 + 1))
        else
            printf 'Protokoll\n\n'
        fi
        for n in $(seq 1 60); do
            printf '§ %d Ärende %d\nKommunstyrelsen beslutar att bifalla förslaget.\n\n' "$n" "$n"
            if [ $(((m + n) % 4)) != 0 ]; then
                printf 'Reservationer och särskilda yttranden\n'
                printf 'Magnus Olsson (SD) avser lämna in ett särskilt yttrande.\n\n'
            fi
        done
    } >"$WORK/in/meeting-$m.txt"
done
expect_status 0 "$KRAFT" --db "$WORK/walk.db" import -q "$WORK/in"
cp "$WORK/walk.db" "$WORK/sort.db"
sqlite3 "$WORK/sort.db" "DROP INDEX protocols_date; PRAGMA user_version = 9"

searches=(
    "--body Kommunstyrelsen"
    "--party SD --kind special_statement"
    "--party SD"
    "--body Kommunstyrelsen --from 2024-01-01"
    "--party SD --kind special_statement --to 2025-12-31"
)
for s in "${searches[@]}"; do
    for limit in 1 20 700; do
        # shellcheck disable=SC2086
        "$KRAFT" --db "$WORK/walk.db" search $s --limit "$limit" --json >"$WORK/walk.out" 2>&1 ||
            fail "search $s failed: $(head -2 "$WORK/walk.out")"
        # shellcheck disable=SC2086
        "$KRAFT" --db "$WORK/sort.db" search $s --limit "$limit" --json >"$WORK/sort.out" 2>&1
        cmp -s "$WORK/walk.out" "$WORK/sort.out" || fail "search $s --limit $limit: the walk differs"
    done
    # Each of these has enough hits to be walked.
    total=$(grep -o '"total":[0-9]*' "$WORK/walk.out" | cut -d: -f2)
    [ "${total:-0}" -ge 2000 ] || fail "search $s: $total hits, too few to walk the meetings"
done
# Enough hits to be walked (2,000 or more), and undated meetings' hits after the dated ones.
"$KRAFT" --db "$WORK/walk.db" search --body Kommunstyrelsen --limit 3000 --json | python3 -c '
import json, sys
d = json.load(sys.stdin)
assert d["total"] == 3000, d["total"]
dates = [h["date"] for h in d["hits"]]
assert dates[0] == "2025-06-01" and dates[-1] is None, (dates[0], dates[-1])
assert dates.index(None) == 2700, dates.index(None)' || fail "the walk's order of dates"
finish
