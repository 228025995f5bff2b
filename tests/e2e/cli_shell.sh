# The CLI shell: --version, --help, usage errors with exit 2.
source "$(dirname "$0")/lib.sh"

expect_status 0 "$KRAFT" --version
expect_file_contains "$WORK/out" "kraft 0."

expect_status 0 "$KRAFT" --help
expect_file_contains "$WORK/out" "--db"
expect_file_contains "$WORK/out" "--color"

expect_status 2 "$KRAFT" --no-such-option
expect_file_contains "$WORK/err" "kraft: "

expect_status 2 "$KRAFT" --color sometimes
expect_file_contains "$WORK/err" "kraft: "

expect_status 2 "$KRAFT"
finish
