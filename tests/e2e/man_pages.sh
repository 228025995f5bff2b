# Every subcommand in `kraft --help` has its man page, and each page names its command.
source "$(dirname "$0")/lib.sh"
"$KRAFT" --help > "$WORK/help"
cmds=$(awk '/^Subcommands:/ {on=1; next} on && NF {print $1}' "$WORK/help")
[ -n "$cmds" ] || fail "no subcommands in --help"
for c in $cmds; do
    page="$SRC/man/kraft-$c.1"
    [ -f "$page" ] || { fail "no man page for '$c'"; continue; }
    grep -q "^\.B kraft $c" "$page" || fail "man/kraft-$c.1 does not show 'kraft $c' in its synopsis"
    grep -q "^\.BR kraft-$c (1)" "$SRC/man/kraft.1" || fail "kraft.1 does not refer to kraft-$c(1)"
done
finish
