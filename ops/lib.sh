#!/usr/bin/env bash
# Shared helpers for the ops/*.sh scripts. Source it; do not run it.
# shellcheck shell=bash

# Directory holding this file (ops/), wherever the repo is checked out.
OPS_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# Root for all runtime state (data dirs, pid files, logs). Never in the repo.
OPS_STATE_DIR="${OPS_STATE_DIR:-/tmp/partnershiphub-ops}"
export OPS_DIR OPS_STATE_DIR

_ops_name="$(basename "${0}" .sh)"

log() { printf '[%s %s] %s\n' "${_ops_name}" "$(date +%H:%M:%S)" "$*" >&2; }
die() { printf '[%s] ERROR: %s\n' "${_ops_name}" "$*" >&2; exit 1; }

need_cmd() {
    command -v "$1" >/dev/null 2>&1 || die "'$1' is required but not installed${2:+ ($2)}"
}

is_root() { [ "$(id -u)" -eq 0 ]; }

# Make the shared state root; world-traversable so a service user can reach
# its own subdirectory (postgres runs as the postgres user).
ensure_state_root() {
    mkdir -p "${OPS_STATE_DIR}" || die "cannot create OPS_STATE_DIR=${OPS_STATE_DIR}"
    if is_root; then chmod 0755 "${OPS_STATE_DIR}" 2>/dev/null || true; fi
}

# with_lock NAME CMD...: run CMD holding an exclusive lock (bounded wait), so
# two concurrent start/stop calls cannot trample each other's state.
with_lock() {
    local name="$1"; shift
    ensure_state_root
    local lockfile="${OPS_STATE_DIR}/.${name}.lock"
    local fd
    exec {fd}>"${lockfile}" || die "cannot open lock file ${lockfile}"
    if ! flock -w "${OPS_LOCK_TIMEOUT:-600}" "${fd}"; then
        die "timed out waiting for lock ${lockfile} (another ${name} command running?)"
    fi
    local rc=0
    "$@" || rc=$?
    flock -u "${fd}" || true
    exec {fd}>&-
    return "${rc}"
}

# apt_install PKG...: install Debian packages non-interactively. Runs
# 'apt-get update' once per invocation of the calling script. Bounded.
_apt_updated=0
apt_install() {
    is_root || die "need root to apt-get install $* (install it yourself, or run as root)"
    need_cmd apt-get "this tooling expects Debian"
    export DEBIAN_FRONTEND=noninteractive
    if [ "${_apt_updated}" -eq 0 ]; then
        log "apt-get update"
        timeout "${OPS_APT_TIMEOUT:-900}" apt-get update -q >&2 || die "apt-get update failed"
        _apt_updated=1
    fi
    log "apt-get install $*"
    timeout "${OPS_APT_TIMEOUT:-900}" apt-get install -y -q --no-install-recommends \
        -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold "$@" >&2 \
        || die "apt-get install $* failed"
}

# free_port: print a TCP port that is currently free on 127.0.0.1 (the
# kernel picks it: bind to port 0).
free_port() {
    need_cmd python3
    python3 -c 'import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])
s.close()'
}

# free_port_range COUNT: print BASE such that BASE..BASE+COUNT-1 are all free
# on 127.0.0.1. Chosen below the kernel's ephemeral range so outgoing
# connections are unlikely to grab them between the check and the bind.
free_port_range() {
    need_cmd python3
    python3 - "$1" <<'PY'
import random, socket, sys
count = int(sys.argv[1])
try:
    lo_eph = int(open("/proc/sys/net/ipv4/ip_local_port_range").read().split()[0])
except Exception:
    lo_eph = 32768
lo, hi = 20000, max(21000, lo_eph) - count
for _ in range(500):
    base = random.randint(lo, hi)
    socks = []
    try:
        for p in range(base, base + count):
            s = socket.socket()
            socks.append(s)
            s.bind(("127.0.0.1", p))
        print(base)
        sys.exit(0)
    except OSError:
        pass
    finally:
        for s in socks:
            s.close()
sys.exit("no free range of %d ports found" % count)
PY
}

# pid_alive PID: true when PID is a live process (not a zombie).
pid_alive() {
    local pid="$1"
    [ -n "${pid}" ] && kill -0 "${pid}" 2>/dev/null || return 1
    local st
    st="$(awk '{print $3}' "/proc/${pid}/stat" 2>/dev/null || true)"
    [ "${st}" != "Z" ]
}

# wait_pid_exit PID SECONDS: wait (bounded) for PID to go away.
wait_pid_exit() {
    local pid="$1" secs="$2" i
    for ((i = 0; i < secs * 5; i++)); do
        pid_alive "${pid}" || return 0
        sleep 0.2
    done
    ! pid_alive "${pid}"
}

# terminate_pid PID SECONDS: TERM, wait up to SECONDS, then KILL (bounded).
terminate_pid() {
    local pid="$1" secs="$2"
    pid_alive "${pid}" || return 0
    kill -TERM "${pid}" 2>/dev/null || true
    if ! wait_pid_exit "${pid}" "${secs}"; then
        log "pid ${pid} still running after ${secs}s; sending KILL"
        kill -KILL "${pid}" 2>/dev/null || true
        wait_pid_exit "${pid}" 10 || die "pid ${pid} survived SIGKILL"
    fi
}

# show_log_tail FILE [LINES]: print the end of a log to stderr.
show_log_tail() {
    local f="$1" n="${2:-60}"
    if [ -f "${f}" ]; then
        printf -- '----- last %s lines of %s -----\n' "${n}" "${f}" >&2
        tail -n "${n}" "${f}" >&2 || true
        printf -- '----- end of %s -----\n' "${f}" >&2
    else
        printf 'no log file at %s\n' "${f}" >&2
    fi
}

# read_state FILE KEY: print the value of KEY=VALUE from a state file.
read_state() {
    local file="$1" key="$2"
    [ -f "${file}" ] || return 1
    sed -n "s/^${key}=//p" "${file}" | tail -n 1
}

# service_main LOCK ARGS...: the commands of a single-server script (postgres.sh, redis.sh):
# start / stop (and restart, when the script defines cmd_restart) under the lock LOCK; url and
# status without it. The script defines usage and the cmd_* functions.
service_main() {
    local lock="$1"; shift
    [ $# -eq 1 ] || usage
    case "$1" in
    start | stop) with_lock "${lock}" "cmd_$1" ;;
    restart)
        declare -F cmd_restart >/dev/null || usage
        with_lock "${lock}" cmd_restart
        ;;
    url | status) "cmd_$1" ;;
    *) usage ;;
    esac
}

# with_service NAME VARIABLE CMD...: start ops/NAME.sh, export the address it prints as
# VARIABLE for CMD, and stop the server (deleting its state) on exit, failure or interruption.
with_service() {
    local name="$1" variable="$2" address; shift 2
    # shellcheck disable=SC2064  # expand NAME now: the trap runs after this function returns
    trap "\"${OPS_DIR}/${name}.sh\" stop || log 'stopping ${name} failed'" EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM
    address="$("${OPS_DIR}/${name}.sh" start)"
    export "${variable}=${address}"
    log "${variable}=${address}"
    "$@"
}
