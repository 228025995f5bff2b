# kraft copy: an SQLite archive copied to PostgreSQL and back gives what it gave; two clerks'
# archives merged into one shared archive give what one archive of all their protocols gives (a
# case's timeline joins meetings from both); a re-run copies nothing; a file's later version wins
# whichever side holds it; a server restart mid-copy loses nothing and the next copy finishes.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/pg_server.sh"
start_pg_server

mkdir -p "$WORK/in"
cp "$SRC"/samples/*.txt "$SRC"/samples/malmo-*.md "$SRC"/tests/data/layouts/*.txt "$WORK/in/"
ALL="$WORK/all.db"
expect_status 0 "$KRAFT" --db "$ALL" import -q "$WORK/in"
expect_status 0 "$KRAFT" --db "$ALL" follow STK-2024-1374
protocols=$(ls "$WORK/in" | wc -l)

# same_output A B ARGS...: stdout and exit status equal on archives A and B.
same_output() {
    local a=$1 b=$2 s=0 p=0
    shift 2
    "$KRAFT" --db "$a" "$@" >"$WORK/a.out" 2>"$WORK/a.err" || s=$?
    "$KRAFT" --db "$b" "$@" >"$WORK/b.out" 2>"$WORK/b.err" || p=$?
    # The merged archives hold the same files from the folders they were split into.
    sed -i -E 's#/(in|first|second)/#/#g' "$WORK/a.out" "$WORK/b.out"
    if [ "$s" != "$p" ] || ! cmp -s "$WORK/a.out" "$WORK/b.out"; then
        fail "differs between $(basename "$a") and $b (exit $s vs $p): $*"
        diff "$WORK/a.out" "$WORK/b.out" | head -6 >&2
        head -3 "$WORK/b.err" >&2
    fi
}

# every_command A B: the commands' output equal on both.
every_command() {
    for q in nämnden namnden budget beslut "särskilt yttrande" STK-2024-1374 "§ 189" "nämnd*"; do
        same_output "$1" "$2" search "$q" --json --limit 50
    done
    same_output "$1" "$2" search --party SD --json
    same_output "$1" "$2" search --kind reservation --json --limit 100
    same_output "$1" "$2" timeline STK-2024-1374
    same_output "$1" "$2" timeline STK-2024-1374 --json
    same_output "$1" "$2" show "KF 2026-01-22 §8" --json
    same_output "$1" "$2" stats --json
    same_output "$1" "$2" export --json
    same_output "$1" "$2" follow --list
    same_output "$1" "$2" news --since 2000-01-01 --json
}

# SQLite to PostgreSQL, and back into a new file.
expect_status 0 "$KRAFT" --db "$ALL" copy --to "$PG_URL"
expect_file_contains "$WORK/err" "copied $protocols, replaced 0, unchanged 0"
expect_file_contains "$WORK/err" "1 follow added"
every_command "$ALL" "$PG_URL"
expect_status 0 "$KRAFT" --db "$WORK/back.db" copy --from "$PG_URL"
every_command "$ALL" "$WORK/back.db"
expect_status 0 "$KRAFT" --db "$WORK/back.db" check
expect_status 0 "$KRAFT" --db "$PG_URL" check

# A second copy copies nothing.
expect_status 0 "$KRAFT" --db "$ALL" copy --to "$PG_URL" --json
expect_file_contains "$WORK/out" "\"copied\":0,\"replaced\":0,\"unchanged\":$protocols"

# Two clerks' archives merged into an empty shared one: the timeline of a case joins the meetings
# of both, as an archive of all the files does.
mkdir -p "$WORK/first" "$WORK/second"
mv "$WORK"/in/malmo-kf-* "$WORK/first/"
mv "$WORK"/in/* "$WORK/second/"
expect_status 0 "$KRAFT" --db "$WORK/first.db" import -q "$WORK/first"
expect_status 0 "$KRAFT" --db "$WORK/second.db" import -q "$WORK/second"
pg_sql "DROP SCHEMA kraft CASCADE"
expect_status 0 "$KRAFT" --db "$WORK/first.db" copy -q --to "$PG_URL"
expect_status 0 "$KRAFT" --db "$PG_URL" copy -q --from "$WORK/second.db"
[ "$(pg_sql 'SELECT count(*) FROM kraft.protocols')" = "$protocols" ] ||
    fail "the merged archive holds $(pg_sql 'SELECT count(*) FROM kraft.protocols') protocols"
same_output "$ALL" "$PG_URL" timeline STK-2024-1374 --json
same_output "$ALL" "$PG_URL" timeline STK-2023-137 --json
same_output "$ALL" "$PG_URL" stats --json
same_output "$ALL" "$PG_URL" search --kind reservation --json --limit 100

# A later version of a file replaces the shared archive's; an earlier one does not.
expect_status 0 "$KRAFT" --db "$WORK/earlier.db" copy -q --from "$WORK/first.db"
printf '\nTillägg om budget.\n' >>"$WORK"/first/malmo-kf-*.txt
# Import times are kept to the second and a tie keeps the destination's version: the later
# version must be imported in a later second than the one the shared archive holds.
sleep 1.1
expect_status 0 "$KRAFT" --db "$WORK/first.db" import -q "$WORK/first"
expect_status 0 "$KRAFT" --db "$WORK/first.db" copy --to "$PG_URL"
expect_file_contains "$WORK/err" "copied 0, replaced 1,"
expect_status 0 "$KRAFT" --db "$WORK/earlier.db" copy --to "$PG_URL"
expect_file_contains "$WORK/err" "copied 0, replaced 0, unchanged 0, kept (newer in the destination) 1,"
same_output "$WORK/first.db" "$PG_URL" search tillägg --json

# Refusals: no direction (usage), an archive into itself, a source that is not there.
expect_status 2 "$KRAFT" --db "$ALL" copy
expect_status 2 "$KRAFT" --db "$ALL" copy --to "$WORK/x.db" --from "$WORK/y.db"
expect_status 3 "$KRAFT" --db "$ALL" copy --to "$ALL"
expect_file_contains "$WORK/err" "into itself"
expect_status 3 "$KRAFT" --db "$ALL" copy --from "$WORK/none.db"
[ -e "$WORK/none.db" ] && fail "copy --from created the archive it reads"

# A server restart in the middle of a copy: exit 3, every protocol whole or not at all, and the
# next copy finishes it.
many_protocols
expect_status 0 "$KRAFT" --db "$WORK/many.db" import -q "$WORK/many"
pg_sql "DROP SCHEMA kraft CASCADE"
"$KRAFT" --db "$WORK/many.db" copy -q --to "$PG_URL" >"$WORK/out" 2>"$WORK/err" &
copier=$!
restart_pg_server_after 5
got=0
wait "$copier" || got=$?
stored=$(pg_sql "SELECT count(*) FROM kraft.protocols")
many=$(ls "$WORK/many" | wc -l)
echo "the server restarted with $stored of $many protocols copied (exit $got)"
if [ "$stored" -lt "$many" ]; then
    [ "$got" = 3 ] || fail "a copy that lost its server exited $got, wanted 3"
    expect_file_contains "$WORK/err" "run the copy again to finish"
fi
half=$(pg_sql "SELECT count(*) FROM kraft.protocols pr WHERE NOT EXISTS (SELECT 1 FROM kraft.paragraphs pa WHERE pa.protocol_id = pr.id)")
[ "$half" = 0 ] || fail "$half protocols half-written after the restart"
expect_status 0 "$KRAFT" --db "$WORK/many.db" copy --to "$PG_URL"
expect_file_contains "$WORK/err" "copied $((many - stored)), replaced 0, unchanged $stored"
[ "$(pg_sql 'SELECT count(*) FROM kraft.protocols')" = "$many" ] ||
    fail "the resumed copy holds $(pg_sql 'SELECT count(*) FROM kraft.protocols') protocols"
same_output "$WORK/many.db" "$PG_URL" stats --json
finish
