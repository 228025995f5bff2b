# kraft --json parse over the four samples, compared with tests/golden/*.parse.json (read by eye
# before they were committed). UPDATE_GOLDEN=1 rewrites them instead.
source "$(dirname "$0")/lib.sh"
cd "$SRC/samples"
for f in malmo-ksau-2026-p266-ocr.txt malmo-ksau-2025-03-24-p141.md malmo-ks-2026-01-07-p16.txt malmo-kf-2026-01-22-p8-ocr.txt; do
    golden="$SRC/tests/golden/${f%.*}.parse.json"
    expect_status 0 "$KRAFT" --json parse "$f"
    python3 -m json.tool "$WORK/out" >/dev/null || fail "$f: output is not valid JSON"
    if [ "${UPDATE_GOLDEN:-}" = 1 ]; then
        cp "$WORK/out" "$golden"
    elif ! diff -u "$golden" "$WORK/out" >"$WORK/$f.diff"; then
        fail "$f differs from its golden file:"
        head -40 "$WORK/$f.diff" >&2
    fi
done
finish
