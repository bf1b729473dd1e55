#!/usr/bin/env bash
# Throw-away PostgreSQL server for the test suite, on 127.0.0.1 only.
#
#   ops/postgres.sh start     install (apt) if needed, init + start, print DATABASE_URL
#   ops/postgres.sh url       print DATABASE_URL (exit 1 when not running)
#   ops/postgres.sh status    print state; exit 0 running, 3 not running
#   ops/postgres.sh restart   pg_ctl restart on the same port (data kept)
#   ops/postgres.sh stop      stop (fast) and delete the data directory
#
# Environment:
#   OPS_STATE_DIR        state root (default /tmp/partnershiphub-ops); ours is $OPS_STATE_DIR/pg
#   PG_PORT              fixed port (default: a free one picked at start)
#   PG_ROLE / PG_PASSWORD / PG_DATABASE   defaults hub / hub / hub
#   PG_START_TIMEOUT     seconds to wait for the server (default 60)
set -euo pipefail

# shellcheck source=ops/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

PG_STATE="${OPS_STATE_DIR}/pg"
PG_DATA="${PG_STATE}/data"
PG_SOCK="${PG_STATE}/run"
PG_LOG="${PG_STATE}/postgres.log"
PG_ENV="${PG_STATE}/state.env"
PG_ROLE="${PG_ROLE:-hub}"
PG_PASSWORD="${PG_PASSWORD:-hub}"
PG_DATABASE="${PG_DATABASE:-hub}"
PG_START_TIMEOUT="${PG_START_TIMEOUT:-60}"
PG_SERVICE_USER=postgres

usage() {
    sed -n '2,16s/^# \{0,1\}//p' "$0" >&2
    exit 2
}

# --- binaries ---------------------------------------------------------------

find_pg_bin() {
    local d
    # Newest Debian install first, then whatever is on PATH.
    for d in $(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V -r); do
        if [ -d "${d}" ] && [ -x "${d}/initdb" ] && [ -x "${d}/pg_ctl" ] && [ -x "${d}/psql" ]; then
            printf '%s\n' "${d}"
            return 0
        fi
    done
    if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1 \
        && command -v psql >/dev/null 2>&1; then
        dirname "$(readlink -f "$(command -v initdb)")"
        return 0
    fi
    return 1
}

ensure_postgres_installed() {
    if PG_BIN="$(find_pg_bin)"; then
        return 0
    fi
    log "PostgreSQL binaries not found; installing Debian's postgresql"
    # Debian's postinst would otherwise create and start a 'main' cluster on
    # port 5432, which we neither need nor want running.
    apt_install postgresql-common
    local conf=/etc/postgresql-common/createcluster.conf
    if [ -f "${conf}" ] && ! grep -q '^create_main_cluster *= *false' "${conf}"; then
        sed -i 's/^#\{0,1\} *create_main_cluster *=.*/create_main_cluster = false/' "${conf}"
        grep -q '^create_main_cluster' "${conf}" || echo 'create_main_cluster = false' >>"${conf}"
    fi
    apt_install postgresql
    PG_BIN="$(find_pg_bin)" || die "postgresql installed but initdb/pg_ctl/psql not found under /usr/lib/postgresql/*/bin"
}

# --- running as the service user ---------------------------------------------

# as_pg CMD...: run as the postgres user when we are root (initdb and the
# server refuse to run as root); as ourselves otherwise.
as_pg() {
    if is_root; then
        runuser -u "${PG_SERVICE_USER}" -- "$@"
    else
        "$@"
    fi
}

ensure_service_user() {
    is_root || return 0
    if ! id -u "${PG_SERVICE_USER}" >/dev/null 2>&1; then
        log "creating system user ${PG_SERVICE_USER}"
        useradd --system --home-dir /var/lib/postgresql --shell /bin/bash "${PG_SERVICE_USER}"
    fi
}

pgctl() { as_pg "${PG_BIN}/pg_ctl" -D "${PG_DATA}" "$@"; }

# psql_admin ARGS...: psql as the bootstrap superuser over the unix socket.
psql_admin() {
    local port
    port="$(read_state "${PG_ENV}" PG_PORT)"
    as_pg "${PG_BIN}/psql" -X -q -v ON_ERROR_STOP=1 -h "${PG_SOCK}" -p "${port}" \
        -U "${PG_SERVICE_USER}" "$@"
}

# --- state --------------------------------------------------------------------

is_running() {
    [ -f "${PG_DATA}/PG_VERSION" ] || return 1
    PG_BIN="${PG_BIN:-$(find_pg_bin)}" || return 1
    pgctl status >/dev/null 2>&1 || return 1
    # pg_ctl only does kill(pid, 0), which a dying (zombie) postmaster passes.
    pid_alive "$(head -n 1 "${PG_DATA}/postmaster.pid" 2>/dev/null || true)"
}

database_url() {
    local port
    port="$(read_state "${PG_ENV}" PG_PORT)" || return 1
    [ -n "${port}" ] || return 1
    printf 'postgres://%s:%s@127.0.0.1:%s/%s\n' "${PG_ROLE}" "${PG_PASSWORD}" "${port}" "${PG_DATABASE}"
}

write_state() {
    local port="$1" tmp
    tmp="$(mktemp "${PG_STATE}/.state.XXXXXX")"
    {
        printf 'PG_PORT=%s\n' "${port}"
        printf 'PG_BIN=%s\n' "${PG_BIN}"
        printf 'PG_DATA=%s\n' "${PG_DATA}"
        printf 'PG_SOCKET_DIR=%s\n' "${PG_SOCK}"
        printf 'DATABASE_URL=postgres://%s:%s@127.0.0.1:%s/%s\n' "${PG_ROLE}" "${PG_PASSWORD}" "${port}" "${PG_DATABASE}"
    } >"${tmp}"
    chmod 0644 "${tmp}"
    mv -f "${tmp}" "${PG_ENV}"
}

# wait_ready PORT: bounded wait until the server accepts TCP connections on
# 127.0.0.1 (what Django will use), not just the unix socket.
wait_ready() {
    local port="$1" deadline=$((SECONDS + PG_START_TIMEOUT))
    while ((SECONDS < deadline)); do
        if as_pg "${PG_BIN}/pg_isready" -q -h 127.0.0.1 -p "${port}" -d postgres -t 2; then
            return 0
        fi
        sleep 0.5
    done
    return 1
}

fail_with_log() {
    show_log_tail "${PG_LOG}" 40
    die "$*"
}

# --- commands -------------------------------------------------------------------

cmd_start() {
    ensure_state_root
    if is_running; then
        log "already running"
        database_url
        return 0
    fi
    ensure_postgres_installed
    ensure_service_user
    need_cmd python3
    # Unix socket paths are limited to 107 bytes.
    if [ "${#PG_SOCK}" -gt 90 ]; then
        die "socket dir path too long (${#PG_SOCK} chars): ${PG_SOCK}; use a shorter OPS_STATE_DIR"
    fi

    # Leftovers of a server that died (crash, reboot, kill -9): start afresh.
    if [ -e "${PG_STATE}" ]; then
        log "removing stale state in ${PG_STATE}"
        rm -rf "${PG_STATE}"
    fi
    mkdir -p "${PG_DATA}" "${PG_SOCK}"
    chmod 0700 "${PG_DATA}"
    chmod 0755 "${PG_STATE}"
    if is_root; then
        chown -R "${PG_SERVICE_USER}:" "${PG_STATE}"
        as_pg test -w "${PG_DATA}" \
            || die "user ${PG_SERVICE_USER} cannot write ${PG_DATA}; is a parent of OPS_STATE_DIR=${OPS_STATE_DIR} private (e.g. under /root)? Use a path under /tmp."
    fi

    local locale_opt=(--no-locale) locales
    locales="$(locale -a 2>/dev/null || true)"
    if grep -qix 'c\.utf-\{0,1\}8' <<<"${locales}"; then
        locale_opt=(--locale=C.UTF-8)
    fi
    log "initdb ${PG_DATA} ($("${PG_BIN}/postgres" --version))"
    as_pg "${PG_BIN}/initdb" -D "${PG_DATA}" -U "${PG_SERVICE_USER}" -E UTF8 "${locale_opt[@]}" \
        --auth-local=trust --auth-host=scram-sha-256 --no-sync >"${PG_STATE}/initdb.log" 2>&1 \
        || { show_log_tail "${PG_STATE}/initdb.log" 40; die "initdb failed"; }

    local port="${PG_PORT:-$(free_port)}"
    # Written by root, read by the server: keep it readable for postgres.
    cat >>"${PG_DATA}/postgresql.conf" <<EOF

# --- Partnership Hub test server (ops/postgres.sh) ---
listen_addresses = '127.0.0.1'
port = ${port}
unix_socket_directories = '${PG_SOCK}'
max_connections = 100
shared_buffers = 128MB
# Throw-away data: trade durability for speed.
fsync = off
synchronous_commit = off
full_page_writes = off
wal_level = minimal
max_wal_senders = 0
logging_collector = off
log_min_messages = warning
log_line_prefix = '%m [%p] %u@%d '
EOF
    write_state "${port}"

    log "starting on 127.0.0.1:${port}"
    pgctl -l "${PG_LOG}" -w -t "${PG_START_TIMEOUT}" start >/dev/null \
        || fail_with_log "pg_ctl start failed (port ${port})"
    wait_ready "${port}" || fail_with_log "server not accepting connections on 127.0.0.1:${port} after ${PG_START_TIMEOUT}s"

    # Role and database, idempotently. The password goes through a psql
    # variable so it is quoted correctly.
    psql_admin -d postgres -v role="${PG_ROLE}" -v pw="${PG_PASSWORD}" -v db="${PG_DATABASE}" <<'SQL' \
        || fail_with_log "creating role/database failed"
SELECT format('CREATE ROLE %I LOGIN CREATEDB PASSWORD %L', :'role', :'pw')
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'role') \gexec
SELECT format('ALTER ROLE %I LOGIN CREATEDB PASSWORD %L', :'role', :'pw') \gexec
SELECT format('CREATE DATABASE %I OWNER %I', :'db', :'role')
 WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'db') \gexec
SQL
    log "ready"
    database_url
}

cmd_stop() {
    if [ ! -e "${PG_STATE}" ]; then
        log "not running (no state in ${PG_STATE})"
        return 0
    fi
    if [ -f "${PG_DATA}/PG_VERSION" ] && PG_BIN="$(find_pg_bin)"; then
        if pgctl status >/dev/null 2>&1; then
            log "stopping"
            if ! pgctl -w -t 30 -m fast stop >/dev/null 2>&1; then
                log "fast stop timed out; trying immediate"
                pgctl -w -t 15 -m immediate stop >/dev/null 2>&1 || true
            fi
        fi
        # Last resort: the postmaster pid from its own pid file.
        local pid
        pid="$(head -n 1 "${PG_DATA}/postmaster.pid" 2>/dev/null || true)"
        if [ -n "${pid}" ] && pid_alive "${pid}" \
            && grep -q postgres "/proc/${pid}/comm" 2>/dev/null; then
            terminate_pid "${pid}" 10
        fi
    fi
    rm -rf "${PG_STATE}"
    log "stopped and removed ${PG_STATE}"
}

cmd_restart() {
    is_running || die "not running; use 'start'"
    local port
    port="$(read_state "${PG_ENV}" PG_PORT)"
    log "restarting on 127.0.0.1:${port}"
    pgctl -l "${PG_LOG}" -w -t "${PG_START_TIMEOUT}" -m fast restart >/dev/null \
        || fail_with_log "pg_ctl restart failed"
    wait_ready "${port}" || fail_with_log "server not accepting connections after restart"
    database_url
}

cmd_url() {
    is_running || die "PostgreSQL is not running; run: $0 start"
    database_url
}

cmd_status() {
    if is_running; then
        printf 'running: %s (data %s, log %s)\n' "$(database_url)" "${PG_DATA}" "${PG_LOG}"
        return 0
    fi
    printf 'not running\n'
    return 3
}

service_main pg "$@"
