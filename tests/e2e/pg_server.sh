# A throwaway PostgreSQL server for the end-to-end tests, sourced after lib.sh:
#   start_pg_server  -> $PG_URL (superuser kraft, trust on the Unix socket), $PG_HOST, $PG_PORT
#   restart_pg_server_after N, many_protocols: for the tests of a server lost mid-run
# It listens on a Unix socket in a temporary folder and on 127.0.0.1 (password logins there), runs
# as an unprivileged user when the tests run as root (CI), and is stopped when the test exits.
# Without PostgreSQL's server programs (Debian's postgresql-15) the test is skipped (exit 77).

PG_BIN=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}

pg_as_owner() {
    if [ "$(id -u)" = 0 ]; then runuser -u nobody -- "$@"; else "$@"; fi
}

stop_pg_server() {
    [ -n "${PG_DATA:-}" ] && pg_as_owner "$PG_BIN/pg_ctl" -D "$PG_DATA" -m immediate stop >/dev/null 2>&1 || true
    [ -n "${PG_DIR:-}" ] && rm -rf "$PG_DIR"
}

pg_server_options() {
    echo "-k $PG_DIR -p $PG_PORT -c listen_addresses=127.0.0.1 -c fsync=off"
}

start_pg_server() {
    if [ -z "$PG_BIN" ] || [ ! -x "$PG_BIN/initdb" ]; then
        echo "skipped: no PostgreSQL server programs (apt-get install postgresql-15)"
        exit 77
    fi
    # A short path: a Unix socket's must fit in 107 bytes.
    PG_DIR=$(mktemp -d /tmp/kraft-pg.XXXXXX)
    PG_DATA=$PG_DIR/data
    PG_HOST=$PG_DIR
    chmod 755 "$PG_DIR"
    [ "$(id -u)" = 0 ] && chown nobody "$PG_DIR"
    trap stop_pg_server EXIT
    pg_as_owner "$PG_BIN/initdb" -D "$PG_DATA" -U kraft -A trust -E UTF8 --locale=C.UTF-8 \
        >"$PG_DIR/initdb.log" 2>&1 || { cat "$PG_DIR/initdb.log" >&2; return 1; }
    cat >"$PG_DATA/pg_hba.conf" <<'HBA'
local all all trust
host all all 127.0.0.1/32 scram-sha-256
HBA
    for _ in 1 2 3 4 5; do
        PG_PORT=$((20000 + RANDOM % 20000))
        if pg_as_owner "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_DIR/server.log" -w -t 30 \
            -o "$(pg_server_options)" start >/dev/null; then
            break
        fi
        PG_PORT=
    done
    [ -n "$PG_PORT" ] || { cat "$PG_DIR/server.log" >&2; return 1; }
    PG_URL="postgresql://kraft@/kraft?host=$PG_HOST&port=$PG_PORT"
    psql -q "postgresql://kraft@/postgres?host=$PG_HOST&port=$PG_PORT" -c "CREATE DATABASE kraft" >/dev/null
}

# psql on the test database as the superuser.
pg_sql() {
    PGOPTIONS="-c client_min_messages=warning" psql -qAtX "$PG_URL" -c "$1"
}

# restart_pg_server_after N: once the archive holds N protocols (waiting up to 10 s), the server
# stops at once (as if it crashed) and starts again: what runs against it loses its connection.
restart_pg_server_after() {
    for _ in $(seq 1 200); do
        n=$(pg_sql "SELECT count(*) FROM kraft.protocols" 2>/dev/null || echo 0)
        [ "$n" -ge "$1" ] && break
        sleep 0.05
    done
    pg_as_owner "$PG_BIN/pg_ctl" -D "$PG_DATA" -m immediate -w restart -o "$(pg_server_options)" \
        >/dev/null 2>&1
}

# many_protocols: $WORK/many, 60 copies of each sample text (180 small protocols), for a run long
# enough to be interrupted.
many_protocols() {
    mkdir -p "$WORK/many"
    for i in $(seq 1 60); do
        for f in "$SRC"/samples/*.txt; do cp "$f" "$WORK/many/$i-$(basename "$f")"; done
    done
}
