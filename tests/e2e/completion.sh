# Shell completion: the generated scripts parse in bash, zsh and fish (where installed), and the
# answers come from the CLI definition and the archive.
source "$(dirname "$0")/lib.sh"
for shell in bash zsh fish; do
    expect_status 0 "$KRAFT" completion "$shell"
    cp "$WORK/out" "$WORK/script.$shell"
    [ -s "$WORK/script.$shell" ] || fail "empty $shell script"
    if command -v "$shell" >/dev/null; then
        "$shell" -n "$WORK/script.$shell" || fail "$shell rejects its script"
    else
        echo "($shell not installed: syntax not checked)"
    fi
done
expect_status 2 "$KRAFT" completion tcsh

# The candidates, straight from the definition.
expect_status 0 "$KRAFT" __complete se
[ "$(cut -f1 "$WORK/out")" = search ] || fail "se -> $(cat "$WORK/out")"
expect_status 0 "$KRAFT" __complete search --kind ""
[ "$(cut -f1 "$WORK/out" | tr '\n' ' ')" = "decision paragraph reservation special_statement protocol_note any " ] ||
    fail "--kind values: $(cat "$WORK/out")"
expect_status 0 "$KRAFT" __complete search --ex
expect_file_contains "$WORK/out" "--exact"
expect_status 0 "$KRAFT" __complete search --d
expect_file_contains "$WORK/out" "--db"  # a global option after the subcommand
expect_status 0 "$KRAFT" __complete export --body KS
expect_file_contains "$WORK/out" "KSAU"
[ "$(grep -c '^KSAU' "$WORK/out")" = 1 ] || fail "KSAU offered twice"
expect_status 0 "$KRAFT" __complete search --party S
[ "$(cut -f1 "$WORK/out" | tr '\n' ' ')" = "S SD " ] || fail "--party S: $(cat "$WORK/out")"
expect_status 0 "$KRAFT" __complete import ""
[ "$(cat "$WORK/out")" = "::files" ] || fail "import does not complete files"
expect_status 0 "$KRAFT" __complete copy --to ""
[ "$(cat "$WORK/out")" = "::files" ] || fail "copy --to does not complete files"
expect_status 0 "$KRAFT" __complete timeline STK  # no archive yet: nothing, no error
[ ! -s "$WORK/out" ] && [ ! -s "$WORK/err" ] || fail "timeline without archive: $(cat "$WORK/out" "$WORK/err")"
expect_status 0 "$KRAFT" import "$SRC/samples"
expect_status 0 "$KRAFT" __complete timeline stk-2024
[ "$(cat "$WORK/out")" = "STK-2024-1374" ] || fail "timeline case: $(cat "$WORK/out")"

# The scripts themselves, driven as the shells drive them.
mkdir -p "$WORK/bin" && ln -sf "$KRAFT" "$WORK/bin/kraft"
PATH="$WORK/bin:$PATH" bash -c '
    source "$1"
    COMP_WORDS=(kraft search --kind sp); COMP_CWORD=3; _kraft
    [ "${COMPREPLY[*]}" = special_statement ] || { echo "bash --kind: ${COMPREPLY[*]}"; exit 1; }
    COMP_WORDS=(kraft timeline STK-2026); COMP_CWORD=2; _kraft
    [ "${COMPREPLY[*]}" = STK-2026-580 ] || { echo "bash timeline: ${COMPREPLY[*]}"; exit 1; }
' bash "$WORK/script.bash" || fail "bash completion"
if command -v fish >/dev/null; then
    got=$(PATH="$WORK/bin:$PATH" fish -c "source $WORK/script.fish; complete -C 'kraft export --f'" | cut -f1 | tr '\n' ' ')
    [ "$got" = "--format --from " ] || fail "fish: $got"
fi
finish
