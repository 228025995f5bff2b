# cpack -G DEB: a package with the binary, grammars, man pages and completions, the right runtime
# dependencies, and a binary that works from where the package puts it.
source "$(dirname "$0")/lib.sh"
BUILD=$(dirname "$KRAFT")
if ! command -v dpkg-shlibdeps >/dev/null; then
    echo "dpkg-dev is not installed (scripts/setup --test installs it)" >&2
    exit 1
fi
(cd "$BUILD" && cpack -G DEB -B "$WORK/pkg" >"$WORK/cpack.log" 2>&1) || fail "cpack: $(tail -5 "$WORK/cpack.log")"
deb=$(ls "$WORK"/pkg/kraft_*_amd64.deb 2>/dev/null | head -1)
[ -n "$deb" ] || { fail "no .deb"; finish; }
dpkg-deb --info "$deb" >"$WORK/info"
for dep in hunspell-sv tesseract-ocr-swe libicu72 libre2-9 libsqlite3-0 libhunspell-1.7-0 libstemmer0d \
    libpoppler-cpp0v5 libtesseract5; do
    grep -q "^ Depends:.*\b$dep\b" "$WORK/info" || fail "Depends lacks $dep: $(grep Depends "$WORK/info")"
done
dpkg-deb --contents "$deb" >"$WORK/contents"
for f in ./usr/bin/kraft ./usr/share/kraft/grammars/protocol.tsv ./usr/share/man/man1/kraft.1 \
         ./usr/share/man/man1/kraft-export.1 ./usr/share/bash-completion/completions/kraft \
         ./usr/share/zsh/vendor-completions/_kraft ./usr/share/fish/vendor_completions.d/kraft.fish; do
    grep -q " $f\$" "$WORK/contents" || fail "the package lacks $f"
done
! grep -q "grammars/corpus" "$WORK/contents" || fail "the frequency corpus is packaged"
# Unpacked into a scratch root, the binary finds its grammars beside it.
dpkg-deb -x "$deb" "$WORK/root"
unset KRAFT_GRAMMARS
expect_status 0 "$WORK/root/usr/bin/kraft" import "$SRC/samples"
expect_status 0 "$WORK/root/usr/bin/kraft" timeline STK-2024-1374
expect_file_contains "$WORK/out" "2026-01-22"
finish
