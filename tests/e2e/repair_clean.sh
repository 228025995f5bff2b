# Clean protocols come through kraft repair byte for byte; --json reports no edits; --diff is empty.
source "$(dirname "$0")/lib.sh"
for f in "$SRC/samples/malmo-ks-2026-01-07-p16.txt" "$SRC/samples/malmo-ksau-2025-03-24-p141.md"; do
    expect_status 0 "$KRAFT" repair "$f"
    cmp -s "$WORK/out" "$f" || fail "$(basename "$f") changed by repair"
    expect_status 0 "$KRAFT" --json repair "$f"
    expect_file_contains "$WORK/out" '"edits":[]'
    expect_status 0 "$KRAFT" repair --diff "$f"
    [ ! -s "$WORK/out" ] || fail "--diff printed something for a clean file"
done
# Standard input, and names, parties and case numbers in a damaged text stay as written.
printf 'Kommunfullmiktige beslutade den 26 september 2024 {189 att ge kommunstyrelsen\nsamordningsansvaret for insatser, dven 1 det fortsatta arbetet f6r barn upp till 18 ar.\nFarishta Sulaiman (M), Anton Sauer (C) och Katrin Stjernfeldt Jammeh (S) reserverar sig.\nIdrendet STK-2024-1374 ska KSAU och MKB fa yttra sig om fore 13 juni.\n' > "$WORK/damaged.txt"
expect_status 0 "$KRAFT" repair - < "$WORK/damaged.txt"
expect_file_contains "$WORK/out" "Kommunfullmäktige beslutade den 26 september 2024 §189"
expect_file_contains "$WORK/out" "samordningsansvaret för insatser, även i det fortsatta arbetet för barn upp till 18 år."
expect_file_contains "$WORK/out" "Farishta Sulaiman (M), Anton Sauer (C) och Katrin Stjernfeldt Jammeh (S) reserverar sig."
expect_file_contains "$WORK/out" "STK-2024-1374 ska KSAU och MKB få yttra sig om före 13 juni."
expect_status 0 "$KRAFT" --json repair "$WORK/damaged.txt"
expect_file_contains "$WORK/out" '"from":"{","to":"§"'
expect_file_contains "$WORK/out" '"line":2,"column":40,"from":"1","to":"i"'
expect_status 0 "$KRAFT" --color never repair --diff "$WORK/damaged.txt"
expect_file_contains "$WORK/out" "1: [-Kommunfullmiktige-]{+Kommunfullmäktige+}"
# A missing file: exit 1, named; the other files are still repaired.
expect_status 1 "$KRAFT" repair "$WORK/nope.txt" "$WORK/damaged.txt"
expect_file_contains "$WORK/err" "kraft: $WORK/nope.txt: No such file or directory"
expect_file_contains "$WORK/out" "Kommunfullmäktige"
finish
