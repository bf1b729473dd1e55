#!/usr/bin/env bash
# End-to-end check of the ops tooling on this machine (not part of `make ci`):
# PostgreSQL start/restart/stop, a 1-node and a 3-node OpenSearch cluster
# (replica survives a stopped node), and the Chromium + axe-core smoke test.
#
#   ops/selftest.sh [postgres|opensearch|browsers]...   (default: all three)
#
# Uses its own OPS_STATE_DIR (a fresh temp dir) so it never touches services
# a developer or CI already started.
set -euo pipefail

OPS="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
OPS_STATE_DIR="$(mktemp -d /tmp/hubops-selftest.XXXXXX)"
export OPS_STATE_DIR
chmod 0755 "${OPS_STATE_DIR}"

cleanup() {
    "${OPS}/opensearch.sh" stop >/dev/null 2>&1 || true
    "${OPS}/postgres.sh" stop >/dev/null 2>&1 || true
    rm -rf "${OPS_STATE_DIR}"
}
trap cleanup EXIT

step() { printf '\n== %s\n' "$*"; }
ok() { printf '   ok: %s\n' "$*"; }
fail() { printf '   FAILED: %s\n' "$*" >&2; exit 1; }
ms_since() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }

check_postgres() {
    local t0 url psql_bin
    step "postgres"
    t0=$(date +%s%N)
    url="$("${OPS}/postgres.sh" start)"
    ok "start in $(ms_since "${t0}") ms: ${url}"
    [ "$("${OPS}/postgres.sh" start 2>/dev/null)" = "${url}" ] || fail "second start printed another URL"
    ok "second start is a no-op"
    psql_bin="$(sed -n 's/^PG_BIN=//p' "${OPS_STATE_DIR}/pg/state.env")/psql"
    [ "$(PGPASSWORD=hub "${psql_bin}" "${url}" -XAtc 'show fsync')" = off ] || fail "query failed"
    PGPASSWORD=hub "${psql_bin}" "${url}" -XAtqc 'create database selftest_db' || fail "CREATEDB missing"
    PGPASSWORD=hub "${psql_bin}" "${url}" -XAtqc 'drop database selftest_db'
    ok "connect over TCP as hub, fsync=off, CREATEDB works"
    t0=$(date +%s%N)
    "${OPS}/postgres.sh" restart >/dev/null
    [ "$(PGPASSWORD=hub "${psql_bin}" "${url}" -XAtc 'select 1')" = 1 ] || fail "no answer after restart"
    ok "restart on the same port in $(ms_since "${t0}") ms"
    "${OPS}/postgres.sh" stop
    "${OPS}/postgres.sh" stop
    [ ! -e "${OPS_STATE_DIR}/pg" ] || fail "state dir left behind"
    ok "stop (twice) removed the data directory"
}

check_opensearch() {
    local t0 url urls u0 u1 u2 count
    step "opensearch: 1 node"
    t0=$(date +%s%N)
    url="$("${OPS}/opensearch.sh" start)"
    ok "start (incl. build if needed) in $(ms_since "${t0}") ms: ${url}"
    curl -fsS -XPUT "${url}/selftest/_doc/1?refresh=true" -H 'content-type: application/json' \
        -d '{"title":"Partnership Hub selftest"}' >/dev/null || fail "index failed"
    count="$(curl -fsS "${url}/selftest/_search?q=title:selftest" | python3 -c 'import json,sys; print(json.load(sys.stdin)["hits"]["total"]["value"])')"
    [ "${count}" = 1 ] || fail "search found ${count} docs"
    ok "indexed and found a document"
    "${OPS}/opensearch.sh" stop

    step "opensearch: 3 nodes, 1 replica, one node stopped"
    t0=$(date +%s%N)
    "${OPS}/opensearch.sh" start --nodes 3 >/dev/null
    ok "start in $(ms_since "${t0}") ms"
    urls="$("${OPS}/opensearch.sh" url --all)"
    IFS=, read -r u0 u1 u2 <<<"${urls}"
    [ -n "${u2}" ] || fail "url --all gave '${urls}'"
    curl -fsS -XPUT "${u0}/hub" -H 'content-type: application/json' \
        -d '{"settings":{"number_of_shards":3,"number_of_replicas":1}}' >/dev/null || fail "create index"
    for i in 1 2 3 4 5 6; do
        curl -fsS -XPUT "${u1}/hub/_doc/${i}" -H 'content-type: application/json' -d "{\"n\":${i}}" >/dev/null
    done
    curl -fsS -XPOST "${u0}/hub/_refresh" >/dev/null
    curl -fsS "${u0}/_cluster/health/hub?wait_for_status=green&timeout=60s" | grep -q '"status":"green"' \
        || fail "index not green"
    ok "index with 3 shards x 1 replica is green"
    t0=$(date +%s%N)
    "${OPS}/opensearch.sh" stop-node 0
    ok "stop-node 0 (the first cluster manager) in $(ms_since "${t0}") ms"
    for u in "${u1}" "${u2}"; do
        count="$(curl -fsS "${u}/hub/_count" | python3 -c 'import json,sys; print(json.load(sys.stdin)["count"])')"
        [ "${count}" = 6 ] || fail "${u} counted ${count}"
    done
    ok "both remaining nodes answer with all 6 documents"
    [ "$("${OPS}/opensearch.sh" url)" = "${u1}" ] || fail "url should now be ${u1}"
    "${OPS}/opensearch.sh" stop
    ok "stopped"
}

check_browsers() {
    step "browsers"
    "${OPS}/browsers.sh" install
    "${OPS}/browsers.sh" verify
}

main() {
    local what=("$@")
    [ ${#what[@]} -gt 0 ] || what=(postgres opensearch browsers)
    for w in "${what[@]}"; do
        case "${w}" in
        postgres) check_postgres ;;
        opensearch) check_opensearch ;;
        browsers) check_browsers ;;
        *) fail "unknown check '${w}'" ;;
        esac
    done
    printf '\nselftest: all checks passed\n'
}

main "$@"
