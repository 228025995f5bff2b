# kraft search over the imported samples: accents, inflection, exact spellings, case numbers,
# filters, JSON, and the malformed-query error.
source "$(dirname "$0")/lib.sh"
"$KRAFT" -q import "$SRC/samples"
hits() { "$KRAFT" --json search "$@" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["total"])'; }

# "namnden" (an OCR leftover) and "nämnden" find the same paragraphs.
[ "$(hits namnden)" = "$(hits nämnden)" ] || fail "namnden and nämnden differ: $(hits namnden) vs $(hits nämnden)"
[ "$(hits nämnden)" -ge 3 ] || fail "nämnden should be found in 3+ entries"
# Inflection: "yttrandet" finds "yttrande".
[ "$(hits yttrandet)" -ge 2 ] || fail "inflected form not found"
# --exact keeps å/ä/ö apart: "får" is in the text, "far" is not, but folded they meet.
[ "$(hits --exact far)" = 0 ] || fail "--exact far should find nothing"
[ "$(hits --exact får)" -ge 1 ] || fail "--exact får should find the word"
[ "$(hits far)" -ge 1 ] || fail "far folds to får"
# "=word" typed as a plain word is its spelling too, as inside FTS5 syntax.
[ "$(hits =far)" = 0 ] || fail "=far should find nothing"
[ "$(hits =får)" -ge 1 ] || fail "=får should find the word"

# FTS5 syntax: prefixes with and without accents, juxtaposed terms, OR, NOT, a phrase; the bare
# words and prefixes are rewritten into the index's lists, and must match what the tokenizer's own
# expansion finds (the phrase forms on the right).
[ "$(hits 'nämnd*')" = "$(hits 'namnd*')" ] || fail "nämnd* and namnd* differ"
[ "$(hits 'nämnd*')" -ge "$(hits nämnden)" ] || fail "nämnd* finds fewer than nämnden"
[ "$(hits 'nämnd* kraftsamlande')" = "$(hits '"nämnd"* "kraftsamlande"')" ] || fail "prefix AND word"
[ "$(hits 'yttrandet OR kraftsamlande')" = "$(hits '"yttrandet" OR "kraftsamlande"')" ] || fail "OR"
[ "$(hits 'nämnden NOT kraftsamlande')" = "$(hits '"nämnden" NOT "kraftsamlande"')" ] || fail "NOT"
[ "$(hits 'nämnden NOT kraftsamlande')" -lt "$(hits nämnden)" ] || fail "NOT excludes nothing"
[ "$(hits '(särskilt yttrande) OR reservation')" -ge 3 ] || fail "parentheses"
[ "$(hits '"särskilt yttrande"')" -ge 3 ] || fail "phrase"

# A case number typed as the query, also with OCR noise: its 3 own paragraphs first, then the one
# that mentions it (§ 266, of STK-2026-580); a case that is only mentioned is found too (it was
# "0 hits"); a § reference.
[ "$(hits STK-2024-1374)" = 4 ] || fail "STK-2024-1374: its 3 paragraphs and the one citing it"
"$KRAFT" --json search STK-2024-1374 | python3 -c '
import json, sys
h = json.load(sys.stdin)["hits"]
assert [("STK-2024-1374" in x["case_numbers"]) for x in h] == [True, True, True, False], h
assert h[3]["paragraph"] == 266, h[3]' || fail "a case number's own paragraphs should come first"
[ "$(hits STK-2O24-1374)" = 4 ] || fail "STK-2O24-1374 should be the same case"
[ "$(hits 'STK-2024- 1374')" = 4 ] || fail "'STK-2024- 1374' should be the same case"
[ "$(hits STK-2023-137)" = 4 ] || fail "STK-2023-137 is mentioned in all four paragraphs"
[ "$(hits --case STK-2024-1374)" = 3 ] || fail "--case: the case's own paragraphs only"
[ "$(hits --case STK-2023-137)" = 0 ] || fail "--case: no paragraph is STK-2023-137's own"
[ "$(hits '§ 141')" -ge 1 ] || fail "§ 141 should be found"
# Search compiles the grammar's case_number rows only for a query that could be a case number: a
# broken row does not stop a search for words, and one for a case number names the row.
cp -r "$SRC/grammars" "$WORK/g"
printf 'case_number\t(?P<id>[A-Z]+-(\d+)\n' >> "$WORK/g/protocol.tsv"
KRAFT_GRAMMARS="$WORK/g" expect_status 0 "$KRAFT" search nämnden
KRAFT_GRAMMARS="$WORK/g" expect_status 1 "$KRAFT" search STK-2024-1374
expect_file_contains "$WORK/err" "kraft: $WORK/g/protocol.tsv:$(wc -l < "$WORK/g/protocol.tsv"): bad pattern: missing )"

# Filters: party, kind, body, dates, person.
[ "$(hits --party SD --kind special_statement)" = 1 ] || fail "one SD särskilt yttrande"
[ "$(hits --kind special_statement)" = 3 ] || fail "three särskilda yttranden"
[ "$(hits kraftsamlande --body KF --kind decision)" = 1 ] || fail "--body KF"
[ "$(hits kraftsamlande --from 2026-01-01)" -ge 2 ] || fail "--from"
[ "$(hits kraftsamlande --to 2025-12-31)" = 1 ] || fail "--to"
# Words with --body/--from/--to read the meetings' entries as the runs of ids their protocols
# record (schema migration 6); when a meeting it selects has no recorded run, search joins
# paragraphs and entries instead. Both give the same hits, and `kraft check` finds a run that is wrong.
[ "$(sqlite3 "$KRAFT_DB" 'SELECT count(*) FROM protocols WHERE entries_from IS NULL')" = 0 ] \
  || fail "every imported protocol records its entries' ids"
runs_queries=("nämnden --body KS" "nämnden --from 2026-01-01" "beslut --to 2025-12-31"
              "yttrande --body Kommunstyrelsen" "kraftsamlande --body KSAU --from 2025-01-01 --to 2025-12-31"
              "nämnden --body Valnämnden"
              # With a filter beyond the meeting's, which the runs do not hold: the join.
              "nämnden --body KS --party M" "yttrande --body Kommunstyrelsen --kind special_statement"
              "kraftsamlande --from 2025-01-01 --case STK-2026-580" "nämnden --from 2025-01-01 --person Olin")
for i in "${!runs_queries[@]}"; do
  # shellcheck disable=SC2086  # the words and options of one query
  "$KRAFT" --json search ${runs_queries[$i]} > "$WORK/runs-$i.json"
done
# Every run cleared (a search falls back when any meeting it selects has none).
sqlite3 "$KRAFT_DB" "CREATE TABLE saved_runs AS SELECT id, entries_from FROM protocols; UPDATE protocols SET entries_from = NULL"
for i in "${!runs_queries[@]}"; do
  # shellcheck disable=SC2086
  "$KRAFT" --json search ${runs_queries[$i]} > "$WORK/joined-$i.json"
  cmp -s "$WORK/runs-$i.json" "$WORK/joined-$i.json" || fail "${runs_queries[$i]}: runs and join differ"
done
# Their totals: the further filters narrow the meetings' hits (4 -> 1, 4 -> 2, 6 -> 0, 4 -> 2).
[ "$(for i in "${!runs_queries[@]}"; do python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["total"], end=" ")' "$WORK/runs-$i.json"; done)" = \
  "4 3 1 4 1 0 1 2 0 2 " ] || fail "the filtered searches' totals"
[ "$(hits kraftsamlande --from 2025-01-01)" = 6 ] && [ "$(hits nämnden --from 2025-01-01)" = 4 ] \
  || fail "the meetings' hits without the further filters"
sqlite3 "$KRAFT_DB" "UPDATE protocols SET entries_from = (SELECT entries_from FROM saved_runs s WHERE s.id = protocols.id); DROP TABLE saved_runs"
expect_status 0 "$KRAFT" check
sqlite3 "$KRAFT_DB" "UPDATE protocols SET entries_to = entries_to + 1 WHERE id = (SELECT min(id) FROM protocols)"
expect_status 3 "$KRAFT" check
expect_file_contains "$WORK/err" "records its entries as ids"
sqlite3 "$KRAFT_DB" "UPDATE protocols SET entries_to = entries_to - 1 WHERE id = (SELECT min(id) FROM protocols)"
[ "$(hits --person Pripp)" = 1 ] || fail "--person Pripp"
# A party's or person's statements of one kind (found from their statements, not from the entries
# of their paragraphs): the statement entries of that kind whose statement is theirs, counted here
# straight from the tables.
for kind in reservation special_statement protocol_note; do
  while IFS= read -r party; do
    want=$(sqlite3 "$KRAFT_DB" "SELECT count(*) FROM entries e JOIN statement_parties sq ON sq.statement_id = e.statement_id WHERE sq.party = '$party' AND e.kind = '$kind'")
    [ "$(hits --party "$party" --kind $kind)" = "$want" ] || fail "--party $party --kind $kind: $want expected"
  done < <(sqlite3 "$KRAFT_DB" 'SELECT DISTINCT party FROM statement_parties')
  while IFS= read -r person; do
    want=$(sqlite3 "$KRAFT_DB" "SELECT count(DISTINCT e.id) FROM entries e JOIN statement_persons sp ON sp.statement_id = e.statement_id JOIN persons p ON p.id = sp.person_id WHERE p.name LIKE '%$person%' AND e.kind = '$kind'")
    [ "$(hits --person "$person" --kind $kind)" = "$want" ] || fail "--person $person --kind $kind: $want expected"
  done < <(sqlite3 "$KRAFT_DB" 'SELECT DISTINCT p.name FROM statement_persons sp JOIN persons p ON p.id = sp.person_id')
done
[ "$(hits --party SD --kind special_statement)" = 1 ] && [ "$(hits --person Olin --kind special_statement)" -ge 1 ] \
  || fail "the loop above compared nothing"
# Words with filters (the filters' entries intersected with the index's matches): the statement
# entries of a party's särskilt yttrande, and the paragraphs that hold one.
[ "$(hits yttrande --party SD --kind special_statement)" = 1 ] || fail "yttrande --party SD"
[ "$(hits yttrande --party sd)" = "$(hits yttrande --party SD)" ] || fail "--party is case-insensitive"
[ "$(hits nämnden --party M --body KS)" -ge 1 ] || fail "nämnden --party M --body KS"
[ "$(hits nämnden --party M --body KF --to 2025-12-31)" = 0 ] || fail "no KF meeting before 2026"
expect_status 0 "$KRAFT" --json search yttrande --party SD --kind special_statement
expect_file_contains "$WORK/out" '"paragraph":16'
# The snippet marks the inflected, accented word (in JSON the marks are removed; on a terminal
# they are bold): "nämnden" finds and shows "nämnder".
expect_status 0 "$KRAFT" --color always search nämnden --body KF --limit 1
grep -q $'\x1b\[1;33mnämnd' "$WORK/out" || fail "the snippet does not mark the match: $(head -3 "$WORK/out")"

# JSON has the contract's fields; a pipe gets no colour codes.
expect_status 0 "$KRAFT" --json search kraftsamlande --limit 2
python3 - "$WORK/out" <<'PY' || fail "search --json does not follow the contract"
import json, sys
d = json.load(open(sys.argv[1]))
assert set(d) == {"query", "total", "hits"} and d["query"] == "kraftsamlande" and len(d["hits"]) == 2
for h in d["hits"]:
    assert set(h) == {"date", "body", "paragraph", "title", "case_numbers", "kind", "snippet", "source"}, h
PY
expect_status 0 "$KRAFT" search kraftsamlande
grep -q $'\x1b' "$WORK/out" && fail "colour codes in a pipe"
expect_status 0 "$KRAFT" --color always search kraftsamlande
grep -q $'\x1b' "$WORK/out" || fail "--color always should colour"

# Malformed queries and options: exit 2, a clear message, no crash.
expect_status 2 "$KRAFT" search '"unterminated'
expect_file_contains "$WORK/err" "kraft: malformed query"
expect_status 2 "$KRAFT" search 'AND OR'
# Found by fuzz_search: FTS5's "unknown special query" for a leading '*' was reported as an
# archive error (exit 3).
expect_status 2 "$KRAFT" search '*x'
expect_file_contains "$WORK/err" "kraft: malformed query '*x'"
expect_status 2 "$KRAFT" search $'*\xc2'
expect_status 2 "$KRAFT" search kraft --limit -1
expect_status 2 "$KRAFT" search kraft --from 2026-13-45
expect_status 2 "$KRAFT" search
expect_status 3 "$KRAFT" --db "$WORK/none.db" search kraft

# Ranking: exact spellings first, then bm25, newer meetings on ties. Three one-paragraph protocols:
# the newest has only the inflected "Nämnder"; two have "Nämnden" in the same text (a bm25 tie).
RANK_DB="$WORK/rank.db"
mkdir -p "$WORK/rank"
printf '§ 1 Ombud\n\nBeslut\nNämnder utser ombud.\n' > "$WORK/rank/inflected.txt"
printf '§ 1 Ombud\n\nBeslut\nNämnden utser ombud.\n' > "$WORK/rank/old.txt"
printf '§ 2 Ombud\n\nBeslut\nNämnden utser ombud.\n' > "$WORK/rank/new.txt"
"$KRAFT" -q --db "$RANK_DB" import "$WORK/rank/inflected.txt" --body Valnämnden --date 2026-05-01
"$KRAFT" -q --db "$RANK_DB" import "$WORK/rank/old.txt" --body Valnämnden --date 2026-01-01
"$KRAFT" -q --db "$RANK_DB" import "$WORK/rank/new.txt" --body Valnämnden --date 2026-03-01
expect_status 0 "$KRAFT" --db "$RANK_DB" --json search nämnden
python3 - "$WORK/out" <<'PY' || fail "ranking: exact spelling, then newer on a tie, then the inflected form"
import json, sys
d = json.load(open(sys.argv[1]))
assert [h["date"] for h in d["hits"]] == ["2026-03-01", "2026-01-01", "2026-05-01"], d["hits"]
PY
# More than 2,000 matches: the newest are shown, and for a prefix they are read from the newest
# entries' text (nämnd*, in two of every three paragraphs), or from the index when the newest 400
# entries hold fewer than the limit (budg*, only in the first 2,100 of 3,200 paragraphs). Either
# way the hits equal those of the same query in a form that always goes through the index. With
# a filter, the exact spellings among the newest matches ("Nämnden", not "Nämnder") are read from
# the text too; "nämnden," (the comma means nothing to the index) always asks the index.
MANY_DB="$WORK/many.db"
python3 - "$WORK/many.txt" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    for i in range(1, 3201):
        who = ["Styrelsen", "Nämnden", "Nämnder"][i % 3]
        money = f" om budgeten för {i}" if i <= 2100 else ""
        f.write(f"§ {i} Ärende {i}\n\nBeslut\n{who} beslutar{money}.\n\n")
PY
"$KRAFT" -q --db "$MANY_DB" import "$WORK/many.txt" --body Valnämnden --date 2026-05-01
for q in 'nämnd*' 'budg*' 'nämnd* beslut*'; do
    expect_status 0 "$KRAFT" --db "$MANY_DB" --json search "$q"
    cp "$WORK/out" "$WORK/many-text.json"
    expect_status 0 "$KRAFT" --db "$MANY_DB" --json search "$q OR $q"
    python3 - "$WORK/many-text.json" "$WORK/out" "$q" <<'PY' || fail "newest hits of '$q' differ from the index's"
import json, sys
a, b = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
assert a["total"] > 2000 and a["total"] == b["total"], (a["total"], b["total"])
assert len(a["hits"]) == 20 and a["hits"] == b["hits"], sys.argv[3]
PY
done
expect_status 0 "$KRAFT" --db "$MANY_DB" --json search nämnden --body Valnämnden
cp "$WORK/out" "$WORK/many-text.json"
expect_status 0 "$KRAFT" --db "$MANY_DB" --json search 'nämnden,' --body Valnämnden
python3 - "$WORK/many-text.json" "$WORK/out" <<'PY' || fail "filtered newest exact hits differ from the index's"
import json, sys
a, b = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
assert a["total"] > 2000 and a["total"] == b["total"], (a["total"], b["total"])
assert len(a["hits"]) == 20 and a["hits"] == b["hits"], (a["hits"][:2], b["hits"][:2])
assert all("Nämnden" in h["snippet"] for h in a["hits"]), a["hits"]
PY
finish
