#!/usr/bin/env bash
# Throw-away Redis server for the test suite, on 127.0.0.1 only.
#
#   ops/redis.sh start     install (apt) if needed, start, print CACHE_URL
#   ops/redis.sh url       print CACHE_URL (exit 1 when not running)
#   ops/redis.sh status    print state; exit 0 running, 3 not running
#   ops/redis.sh stop      stop and delete the state directory
#
# Environment:
#   OPS_STATE_DIR        state root (default /tmp/partnershiphub-ops); ours is $OPS_STATE_DIR/redis
#   REDIS_PORT           fixed port (default: a free one picked at start)
#   REDIS_MAXMEMORY      memory cap (default 128mb; keys with a timeout are evicted first)
#   REDIS_START_TIMEOUT  seconds to wait for the server (default 30)
set -euo pipefail

# shellcheck source=ops/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

REDIS_STATE="${OPS_STATE_DIR}/redis"
REDIS_DATA="${REDIS_STATE}/data"
REDIS_LOG="${REDIS_STATE}/redis.log"
REDIS_PIDFILE="${REDIS_STATE}/redis.pid"
REDIS_CONF="${REDIS_STATE}/redis.conf"
REDIS_ENV="${REDIS_STATE}/state.env"
REDIS_MAXMEMORY="${REDIS_MAXMEMORY:-128mb}"
REDIS_START_TIMEOUT="${REDIS_START_TIMEOUT:-30}"

usage() {
    sed -n '2,14s/^# \{0,1\}//p' "$0" >&2
    exit 2
}

# --- binaries ---------------------------------------------------------------

ensure_redis_installed() {
    if command -v redis-server >/dev/null 2>&1 && command -v redis-cli >/dev/null 2>&1; then
        return 0
    fi
    log "redis-server not found; installing Debian's redis-server"
    # Debian's postinst may try to start its own service on port 6379; policy-rc.d
    # usually stops that in containers, and we never use that instance anyway.
    apt_install redis-server
    command -v redis-server >/dev/null 2>&1 || die "redis-server installed but not on PATH"
}

cli() {
    local port
    port="$(read_state "${REDIS_ENV}" REDIS_PORT)" || return 1
    redis-cli -h 127.0.0.1 -p "${port}" "$@"
}

# --- state --------------------------------------------------------------------

is_running() {
    [ -f "${REDIS_PIDFILE}" ] || return 1
    pid_alive "$(cat "${REDIS_PIDFILE}" 2>/dev/null || true)" || return 1
    [ "$(cli ping 2>/dev/null)" = "PONG" ]
}

cache_url() {
    local port
    port="$(read_state "${REDIS_ENV}" REDIS_PORT)" || return 1
    [ -n "${port}" ] || return 1
    printf 'redis://127.0.0.1:%s/0\n' "${port}"
}

write_state() {
    local port="$1" tmp
    tmp="$(mktemp "${REDIS_STATE}/.state.XXXXXX")"
    {
        printf 'REDIS_PORT=%s\n' "${port}"
        printf 'REDIS_PIDFILE=%s\n' "${REDIS_PIDFILE}"
        printf 'CACHE_URL=redis://127.0.0.1:%s/0\n' "${port}"
    } >"${tmp}"
    chmod 0644 "${tmp}"
    mv -f "${tmp}" "${REDIS_ENV}"
}

wait_ready() {
    local deadline=$((SECONDS + REDIS_START_TIMEOUT))
    while ((SECONDS < deadline)); do
        if [ "$(cli ping 2>/dev/null)" = "PONG" ]; then
            return 0
        fi
        sleep 0.2
    done
    return 1
}

fail_with_log() {
    show_log_tail "${REDIS_LOG}" 40
    die "$*"
}

# --- commands -------------------------------------------------------------------

cmd_start() {
    ensure_state_root
    if is_running; then
        log "already running"
        cache_url
        return 0
    fi
    ensure_redis_installed
    need_cmd redis-cli

    # Leftovers of a server that died (crash, reboot, kill -9): start afresh.
    if [ -e "${REDIS_STATE}" ]; then
        log "removing stale state in ${REDIS_STATE}"
        local stale
        stale="$(cat "${REDIS_PIDFILE}" 2>/dev/null || true)"
        if [ -n "${stale}" ] && pid_alive "${stale}" \
            && grep -q redis "/proc/${stale}/comm" 2>/dev/null; then
            terminate_pid "${stale}" 10
        fi
        rm -rf "${REDIS_STATE}"
    fi
    mkdir -p "${REDIS_DATA}"

    local port="${REDIS_PORT:-$(free_port)}"
    cat >"${REDIS_CONF}" <<CONF
# --- Partnership Hub test server (ops/redis.sh) ---
bind 127.0.0.1
protected-mode yes
port ${port}
daemonize yes
pidfile ${REDIS_PIDFILE}
logfile ${REDIS_LOG}
dir ${REDIS_DATA}
databases 16
# Throw-away data: nothing is written to disk.
save ""
appendonly no
# As in production: a memory cap, and only keys with a timeout (pages, fragments) are
# evicted; the content version has none and is never pushed out by cached pages.
maxmemory ${REDIS_MAXMEMORY}
maxmemory-policy volatile-lru
CONF
    write_state "${port}"

    log "starting on 127.0.0.1:${port} ($(redis-server --version | cut -d' ' -f1-3))"
    redis-server "${REDIS_CONF}" >/dev/null 2>&1 || fail_with_log "redis-server failed to start (port ${port})"
    wait_ready || fail_with_log "server not answering on 127.0.0.1:${port} after ${REDIS_START_TIMEOUT}s"
    log "ready"
    cache_url
}

cmd_stop() {
    if [ ! -e "${REDIS_STATE}" ]; then
        log "not running (no state in ${REDIS_STATE})"
        return 0
    fi
    local pid
    pid="$(cat "${REDIS_PIDFILE}" 2>/dev/null || true)"
    if [ -n "${pid}" ] && pid_alive "${pid}"; then
        log "stopping"
        cli shutdown nosave >/dev/null 2>&1 || true
        if ! wait_pid_exit "${pid}" 10 && grep -q redis "/proc/${pid}/comm" 2>/dev/null; then
            terminate_pid "${pid}" 10
        fi
    fi
    rm -rf "${REDIS_STATE}"
    log "stopped and removed ${REDIS_STATE}"
}

cmd_url() {
    is_running || die "Redis is not running; run: $0 start"
    cache_url
}

cmd_status() {
    if is_running; then
        printf 'running: %s (log %s)\n' "$(cache_url)" "${REDIS_LOG}"
        return 0
    fi
    printf 'not running\n'
    return 3
}

service_main redis "$@"
