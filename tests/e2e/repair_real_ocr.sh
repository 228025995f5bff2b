# kraft repair on real OCR engine output (tests/data/ocr: tesseract 5 -l eng and -l swe reading
# typeset, scanned protocols of Alingsås, Sölvesborg and Kungsbacka), scored word by word with
# tests/tools/ocr-score against the clean text; and kraft parse of the swe OCR against the parse
# of the clean text. Floors in tests/data/ocr/floor.
source "$(dirname "$0")/lib.sh"
D="$SRC/tests/data/ocr"
floor() { sed -n "s/^$1 //p" "$D/floor"; }
at_least() {  # NAME GOT FLOOR
    python3 -c "import sys; sys.exit(0 if float('$2') >= float('$3') else 1)" ||
        fail "$1 is $2, below the floor $3"
}
at_most() {  # NAME GOT CEILING
    python3 -c "import sys; sys.exit(0 if float('$2') <= float('$3') else 1)" ||
        fail "$1 is $2, above the ceiling $3"
}
names=$(cd "$D" && ls *.gold.txt | sed 's/\.gold\.txt$//')
[ "$(echo "$names" | wc -l)" -ge 11 ] || fail "tests/data/ocr has fewer protocols than expected"

for lang in eng swe; do
    : >"$WORK/$lang.scores"
    for name in $names; do
        expect_status 0 "$KRAFT" repair "$D/$name.$lang.txt"
        cp "$WORK/out" "$WORK/$name.$lang.repaired"
        python3 "$SRC/tests/tools/ocr-score" "$D/$name.gold.txt" "$D/$name.$lang.txt" \
            "$WORK/$name.$lang.repaired" >>"$WORK/$lang.scores" || fail "ocr-score failed on $name"
        # Repairing the repaired text changes nothing.
        expect_status 0 "$KRAFT" repair "$WORK/$name.$lang.repaired"
        cmp -s "$WORK/out" "$WORK/$name.$lang.repaired" || fail "$name.$lang: repair is not idempotent"
    done
    read -r fixed broken <<<"$(awk '{for (i = 1; i <= NF; i++) {split($i, kv, "="); t[kv[1]] += kv[2]}}
        END {printf "%.4f %.5f", t["fixed"] / t["damaged_in"], t["broken"] / (t["words"] - t["damaged_in"])}' \
        "$WORK/$lang.scores")"
    echo "$lang: fixed $fixed of the damaged words, broke $broken of the correct ones"
    at_least "$lang fixed share" "$fixed" "$(floor ${lang}_fixed)"
    at_most "$lang broken share" "$broken" "$(floor ${lang}_broken)"
done

# The clean texts come through unchanged, byte for byte.
for name in $names; do
    expect_status 0 "$KRAFT" repair "$D/$name.gold.txt"
    cmp -s "$WORK/out" "$D/$name.gold.txt" || fail "$name.gold.txt changed by repair"
done

# kraft parse of the swe OCR finds the paragraphs of the clean text and their case numbers.
python3 - "$KRAFT" "$D" $names >"$WORK/parse.out" <<'PY' || fail "parse comparison failed"
import json, subprocess, sys
kraft, d, names = sys.argv[1], sys.argv[2], sys.argv[3:]
def parse(path):
    out = subprocess.run([kraft, '--json', 'parse', path], capture_output=True, text=True, check=True)
    return {p['number']: p['case_numbers'] for p in json.loads(out.stdout)['paragraphs']}
paragraphs = found = cases = right = 0
for name in names:
    clean, ocr = parse(f'{d}/{name}.gold.txt'), parse(f'{d}/{name}.swe.txt')
    paragraphs += len(clean); found += len(set(clean) & set(ocr))
    for number, numbers in clean.items():
        if numbers:
            cases += 1; right += ocr.get(number) == numbers
    missing = sorted(set(clean) - set(ocr))
    if missing: print(f'# {name}: paragraphs not found in the swe OCR: {missing}')
print(f'{found / paragraphs:.4f} {right / cases:.4f} {found}/{paragraphs} {right}/{cases}')
PY
cat "$WORK/parse.out"
read -r paragraphs case_numbers _ <<<"$(grep -v '^#' "$WORK/parse.out")"
at_least "swe paragraphs found" "$paragraphs" "$(floor swe_paragraphs)"
at_least "swe case numbers right" "$case_numbers" "$(floor swe_case_numbers)"
finish
