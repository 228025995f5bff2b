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
floor=$(grep -v '^#' "$T/floor" | head -1)
[ -n "$got" ] || fail "no total in parse-score's output"
python3 -c "import sys; sys.exit(0 if float('$got') >= float('$floor') else 1)" ||
    fail "parse score $got % is below the floor $floor %"
# Every truth file was scored (a missing text would silently shrink the total).
[ "$(grep -c '\.txt: ' "$WORK/score.out")" = "$(ls "$T"/*.truth.json | wc -l)" ] ||
    fail "not every truth file was scored"
finish
