# kraft repair on the two OCR'd samples, scored against their hand-corrected gold:
# >= 98 % of damaged words fixed and no correct word broken; and the repair is idempotent.
source "$(dirname "$0")/lib.sh"
SCORE=$4
for name in malmo-ksau-2026-p266-ocr malmo-kf-2026-01-22-p8-ocr; do
    expect_status 0 "$KRAFT" repair "$SRC/samples/$name.txt"
    cp "$WORK/out" "$WORK/$name.repaired"
    "$SCORE" "$SRC/tests/data/$name.gold.txt" "$WORK/$name.repaired" "$SRC/samples/$name.txt" 0.98 0 \
        2>"$WORK/$name.score.err" >"$WORK/$name.score" || fail "$name: $(cat "$WORK/$name.score") $(head -5 "$WORK/$name.score.err")"
    echo "$name: $(cat "$WORK/$name.score")"
    expect_status 0 "$KRAFT" repair "$WORK/$name.repaired"
    cmp -s "$WORK/out" "$WORK/$name.repaired" || fail "$name: repairing the repaired text changed it"
done
finish
