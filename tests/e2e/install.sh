# cmake --install puts kraft, its grammars and its man pages under a prefix; the installed binary
# finds its grammars with no environment variable.
source "$(dirname "$0")/lib.sh"
BUILD=$(dirname "$KRAFT")
cmake --install "$BUILD" --prefix "$WORK/prefix" >/dev/null || fail "cmake --install failed"
[ -x "$WORK/prefix/bin/kraft" ] || fail "no bin/kraft"
[ -f "$WORK/prefix/share/kraft/grammars/protocol.tsv" ] || fail "no grammars"
[ ! -e "$WORK/prefix/share/kraft/grammars/corpus" ] || fail "the frequency corpus is not installed"
for page in "$SRC"/man/*.1; do
    [ -f "$WORK/prefix/share/man/man1/$(basename "$page")" ] || fail "no man page $(basename "$page")"
done
[ -f "$WORK/prefix/share/bash-completion/completions/kraft" ] || fail "no bash completion"
[ -f "$WORK/prefix/share/zsh/vendor-completions/_kraft" ] || fail "no zsh completion"
[ -f "$WORK/prefix/share/fish/vendor_completions.d/kraft.fish" ] || fail "no fish completion"
unset KRAFT_GRAMMARS
cd "$WORK"
expect_status 0 "$WORK/prefix/bin/kraft" --json parse "$SRC/samples/malmo-ks-2026-01-07-p16.txt"
expect_file_contains "$WORK/out" '"number": 16'
# A broken installed grammar is reported with its file and line (and KRAFT_GRAMMARS overrides).
cp -r "$WORK/prefix/share/kraft/grammars" "$WORK/g"
printf 'paragraph\t§ (?P<num>\\d+\n' >> "$WORK/g/protocol.tsv"
lines=$(wc -l < "$WORK/g/protocol.tsv")
KRAFT_GRAMMARS="$WORK/g" expect_status 1 "$WORK/prefix/bin/kraft" parse "$SRC/samples/malmo-ks-2026-01-07-p16.txt"
expect_file_contains "$WORK/err" "kraft: $WORK/g/protocol.tsv:$lines: bad pattern: missing )"
finish
