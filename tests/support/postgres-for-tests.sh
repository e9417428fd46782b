#!/usr/bin/env bash
# A throwaway PostgreSQL server for the test suite (issue 8): the store tests
# run once on SQLite and once on a real PostgreSQL, and CTest starts and stops
# this server around them (fixture "postgres", see tests/CMakeLists.txt).
#
#   tests/support/postgres-for-tests.sh start STATE_DIR
#   tests/support/postgres-for-tests.sh stop  STATE_DIR
#
# start: initdb into a new temporary folder, start the server on 127.0.0.1 at a
#        free port (unix socket inside that folder), and write
#          STATE_DIR/url      postgresql://concord_test@127.0.0.1:PORT/postgres
#          STATE_DIR/cluster  the temporary folder (for stop)
#        Any server a previous, interrupted run left behind in STATE_DIR is
#        stopped first. Role concord_test (superuser) signs in without a
#        password; every other role needs one (scram-sha-256).
# stop:  stop the server and delete its folder and STATE_DIR/url.
#
# PostgreSQL refuses to run as root, so as root (CI) the cluster belongs to the
# unprivileged `postgres` system user (runuser), its folder owned by that user;
# as anyone else it runs as the caller. Nothing touches the system's own
# clusters (/var/lib/postgresql) or its port 5432.
#
# Exit status: 0 on success; anything else means the PostgreSQL tests cannot
# run, and CTest then reports them as not run (failed), never as skipped.
#
# Environment: CONCORD_PG_BINDIR (default: the newest /usr/lib/postgresql/*/bin),
#              CONCORD_PG_USER (default when root: postgres).
set -euo pipefail

die() {
    echo "postgres-for-tests: $*" >&2
    exit 1
}

[[ $# -eq 2 ]] || { echo "usage: $(basename "$0") start|stop STATE_DIR" >&2; exit 2; }
action=$1
state_dir=$2
mkdir -p "$state_dir"
state_dir=$(cd "$state_dir" && pwd)

bindir=${CONCORD_PG_BINDIR:-}
if [[ -z $bindir ]]; then
    bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
fi
require_binaries() {
    [[ -x $bindir/initdb && -x $bindir/pg_ctl ]] ||
        die "no PostgreSQL server binaries (initdb, pg_ctl) in '${bindir:-/usr/lib/postgresql/*/bin}': install Debian's 'postgresql' package or set CONCORD_PG_BINDIR"
}

# How to run a command as the cluster's owner.
as_owner=()
owner=$(id -un)
if [[ $(id -u) -eq 0 ]]; then
    owner=${CONCORD_PG_USER:-postgres}
    id "$owner" >/dev/null 2>&1 || die "running as root, but there is no '$owner' user to own the test cluster (set CONCORD_PG_USER)"
    as_owner=(runuser -u "$owner" --)
fi

stop_cluster() {
    local cluster=$1
    [[ -n $cluster && -d $cluster ]] || return 0
    if [[ -f $cluster/data/postmaster.pid && -x $bindir/pg_ctl ]]; then
        # immediate: the data is thrown away, so there is nothing to flush.
        (cd "$cluster" && "${as_owner[@]}" "$bindir/pg_ctl" -D "$cluster/data" -m immediate -w -t 30 stop >/dev/null 2>&1) ||
            echo "postgres-for-tests: pg_ctl stop failed for $cluster" >&2
    fi
    rm -rf -- "$cluster"
}

case $action in
stop)
    if [[ -f $state_dir/cluster ]]; then
        stop_cluster "$(cat "$state_dir/cluster")"
    fi
    rm -f -- "$state_dir/cluster" "$state_dir/url"
    echo "postgres-for-tests: stopped"
    ;;
start)
    require_binaries
    if [[ -f $state_dir/cluster ]]; then
        echo "postgres-for-tests: stopping the server a previous run left behind" >&2
        stop_cluster "$(cat "$state_dir/cluster")"
    fi
    rm -f -- "$state_dir/cluster" "$state_dir/url"

    cluster=$(mktemp -d "${TMPDIR:-/tmp}/concord-pg.XXXXXX")
    echo "$cluster" >"$state_dir/cluster"
    mkdir "$cluster/socket"
    if [[ ${#as_owner[@]} -gt 0 ]]; then
        chown -R "$owner" "$cluster"
    fi
    chmod 700 "$cluster"

    # C locale: byte-wise text order and LIKE, the same as SQLite's default
    # BINARY collation, so ORDER BY on text agrees between the two engines.
    # Loopback only: a throwaway cluster holding nothing but test data,
    # reachable only from this machine (authentication: see pg_hba.conf below).
    if ! (cd "$cluster" && "${as_owner[@]}" "$bindir/initdb" -D "$cluster/data" -U concord_test \
        --auth=trust --encoding=UTF8 --locale=C --no-sync >"$cluster/initdb.log" 2>&1); then
        cat "$cluster/initdb.log" >&2
        die "initdb failed"
    fi
    # Trust stays for concord_test alone (the suite's superuser). Every other
    # role signs in with a password (SCRAM-SHA-256), as team mode's people do
    # (tests/core/security/tst_teamroles.cpp: a wrong password is refused).
    cat >"$cluster/data/pg_hba.conf" <<'HBA'
# TYPE  DATABASE  USER          ADDRESS        METHOD
local   all       concord_test                 trust
host    all       concord_test  127.0.0.1/32   trust
local   all       all                          scram-sha-256
host    all       all           127.0.0.1/32   scram-sha-256
HBA
    if [[ ${#as_owner[@]} -gt 0 ]]; then
        chown "$owner" "$cluster/data/pg_hba.conf"
    fi
    chmod 600 "$cluster/data/pg_hba.conf"

    started=""
    for attempt in 1 2 3 4 5 6 7 8 9 10; do
        port=$((20000 + RANDOM % 40000))
        # Someone already listening there: try another port before asking
        # PostgreSQL (it would fail the same way, only slower).
        if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            continue
        fi
        # fsync/full_page_writes/synchronous_commit off: a crash of this
        # cluster loses nothing of value (it is deleted after the run), and the
        # tests create and drop hundreds of small databases.
        if (cd "$cluster" && "${as_owner[@]}" "$bindir/pg_ctl" -D "$cluster/data" -l "$cluster/server.log" -w -t 60 \
            -o "-p $port -c listen_addresses=127.0.0.1 -k $cluster/socket -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200 -c shared_buffers=32MB" \
            start >/dev/null 2>&1); then
            started=$port
            break
        fi
        if ! grep -qi 'could not bind\|address already in use' "$cluster/server.log" 2>/dev/null; then
            break # not a port clash: retrying will not help
        fi
        echo "postgres-for-tests: port $port is taken, trying another" >&2
    done
    if [[ -z $started ]]; then
        tail -n 30 "$cluster/server.log" >&2 2>/dev/null || true
        stop_cluster "$cluster"
        rm -f -- "$state_dir/cluster"
        die "the PostgreSQL test server did not start"
    fi
    url="postgresql://concord_test@127.0.0.1:$started/postgres"
    echo "$url" >"$state_dir/url.tmp"
    mv "$state_dir/url.tmp" "$state_dir/url"
    echo "postgres-for-tests: $("$bindir/postgres" --version) running as $owner at $url (data in $cluster)"
    ;;
*)
    echo "usage: $(basename "$0") start|stop STATE_DIR" >&2
    exit 2
    ;;
esac
