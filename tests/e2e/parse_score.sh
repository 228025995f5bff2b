# kraft parse against hand-made truth files (tests/data/truth: protocols of Alingsås, Sölvesborg and
# Kungsbacka, see tests/data/truth/README.md), scored fact by fact with tests/tools/parse-score.
# The floor in tests/data/truth/floor only ever rises: raise it when kraft reads more.
source "$(dirname "$0")/lib.sh"
T="$SRC/tests/data/truth"
mkdir -p "$WORK/score"
cp "$T"/*.txt "$T"/*.truth.json "$WORK/score/"
# The Kungsbacka texts are the grammar's corpus already; their truth files are here.
for truth in "$T"/kungsbacka-*.truth.json; do
    name=$(basename "$truth" .truth.json)
    [ -f "$WORK/score/$name.txt" ] || cp "$SRC/grammars/corpus/$name.txt" "$WORK/score/" ||
        fail "no text for $name"
done
python3 "$SRC/tests/tools/parse-score" "$KRAFT" "$WORK/score" --verbose >"$WORK/score.out" 2>&1 ||
    fail "parse-score failed: $(tail -3 "$WORK/score.out")"
cat "$WORK/score.out"
got=$(sed -n 's/^structure: .* = \([0-9.]*\)% .*/\1/p' "$WORK/score.out")
floor=$(grep -v '^#' "$T/floor" | sed -n 1p)
lost_floor=$(grep -v '^#' "$T/floor" | sed -n 2p)
[ -n "$got" ] || fail "no total in parse-score's output"
python3 -c "import sys; sys.exit(0 if float('$got') >= float('$floor') else 1)" ||
    fail "parse score $got % is below the floor $floor %"
# Every truth file was scored (a missing text would silently shrink the total).
[ "$(grep -c '\.txt: ' "$WORK/score.out")" = "$(ls "$T"/*.truth.json | wc -l)" ] ||
    fail "not every truth file was scored"

# The same protocols after a wrong encoding conversion turned every non-ASCII character, § and
# å/ä/ö included, into U+FFFD: kraft restores § at the headings and letters by lexicon.
mkdir -p "$WORK/lost"
for f in "$T"/0*.txt; do
    name=$(basename "$f" .txt)
    python3 -c 'import re, sys; sys.stdout.write(re.sub(r"[^\x00-\x7f]", "\ufffd", open(sys.argv[1], encoding="utf-8").read()))' \
        "$f" >"$WORK/lost/$name.txt"
    cp "$T/$name.truth.json" "$WORK/lost/"
done
grep -q $'\xEF\xBF\xBD 81' "$WORK/lost/02_solvesborg-vard-och-omsorgsnamnden-2024-10-31.txt" ||
    fail "the damaged copy has no U+FFFD where § was"
python3 "$SRC/tests/tools/parse-score" "$KRAFT" "$WORK/lost" >"$WORK/lost.out" 2>&1 ||
    fail "parse-score on lost bytes failed"
cat "$WORK/lost.out"
got=$(sed -n 's/^structure: .* = \([0-9.]*\)% .*/\1/p' "$WORK/lost.out")
python3 -c "import sys; sys.exit(0 if float('${got:-0}') >= float('$lost_floor') else 1)" ||
    fail "parse score on lost bytes $got % is below the floor $lost_floor %"
expect_status 0 "$KRAFT" --json repair "$WORK/lost/02_solvesborg-vard-och-omsorgsnamnden-2024-10-31.txt"
expect_file_contains "$WORK/out" '"to":"Sammanträdesdatum"'
expect_file_contains "$WORK/out" '"reason":"lost byte: U+FFFD before a number is §"'
finish
