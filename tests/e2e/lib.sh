# Shared helpers for the end-to-end tests. Each test: bash NAME.sh KRAFT SOURCE_DIR WORK_DIR [OCR_SCORE].
set -euo pipefail
KRAFT=$1
SRC=$2
WORK=$3
rm -rf "$WORK" && mkdir -p "$WORK"
export KRAFT_DB="$WORK/archive.db"
export NO_COLOR=1
failures=0

fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

# expect_status N CMD...: runs CMD, captures stdout/stderr in $WORK/out and $WORK/err.
expect_status() {
    local want=$1; shift
    local got=0
    "$@" >"$WORK/out" 2>"$WORK/err" || got=$?
    if [ "$got" != "$want" ]; then
        fail "exit $got, wanted $want: $*"
        sed 's/^/  stderr: /' "$WORK/err" | head -5 >&2
    fi
}

expect_file_contains() {  # FILE TEXT
    grep -qF -- "$2" "$1" || fail "$(basename "$1") lacks: $2 ($(head -c 300 "$1"))"
}

finish() {
    if [ "$failures" -ne 0 ]; then echo "$failures check(s) failed" >&2; exit 1; fi
    echo "ok"
}
