#!/usr/bin/env bash
# Browser-test prerequisites: Debian's Chromium, axe-core and Lighthouse (from npm).
# Never downloads a Playwright-managed browser.
#
#   ops/browsers.sh install   apt-get install chromium (if /usr/bin/chromium is missing);
#                             npm ci in ops/node (axe-core and lighthouse, pinned in
#                             ops/node/package-lock.json); openssl if missing
#   ops/browsers.sh env       print CHROMIUM_PATH=... and AXE_CORE_JS=... (for eval/.env)
#   ops/browsers.sh verify    smoke test: Playwright (Python) drives Chromium headless against a
#                             local page on 127.0.0.1 and runs axe-core's WCAG 2.x A/AA rules
#
# Environment:
#   CHROMIUM_PATH   browser binary (default /usr/bin/chromium)
#   PYTHON          interpreter with the playwright package for 'verify'
#                   (default: <repo>/.venv/bin/python, else python3)
set -euo pipefail

# shellcheck source=ops/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
NODE_DIR="${OPS_DIR}/node"
AXE_CORE_JS="${NODE_DIR}/node_modules/axe-core/axe.min.js"

usage() {
    sed -n '2,16s/^# \{0,1\}//p' "$0" >&2
    exit 2
}

install_chromium() {
    if [ -x "${CHROMIUM_PATH}" ]; then
        log "chromium present: $("${CHROMIUM_PATH}" --version 2>/dev/null || echo "${CHROMIUM_PATH}")"
        return 0
    fi
    [ "${CHROMIUM_PATH}" = /usr/bin/chromium ] \
        || die "CHROMIUM_PATH=${CHROMIUM_PATH} does not exist (only /usr/bin/chromium is installed automatically)"
    apt_install chromium fonts-liberation
    [ -x /usr/bin/chromium ] || die "chromium installed but /usr/bin/chromium is missing"
    log "installed $(/usr/bin/chromium --version 2>/dev/null || echo chromium)"
}

# Installed axe-core version, or empty.
installed_axe_version() {
    local pkg="${NODE_DIR}/node_modules/axe-core/package.json"
    [ -f "${pkg}" ] || return 0
    node -p "require(process.argv[1]).version" "${pkg}" 2>/dev/null || true
}

# Version pinned in the lock file.
locked_axe_version() {
    node -p "require(process.argv[1]).packages['node_modules/axe-core'].version" \
        "${NODE_DIR}/package-lock.json" 2>/dev/null || true
}

install_node_deps() {
    need_cmd node "Node.js 18+"
    need_cmd npm
    local npm_flags=(--no-audit --no-fund --ignore-scripts --loglevel=warn)
    if [ -f "${NODE_DIR}/package-lock.json" ]; then
        local want have
        want="$(locked_axe_version)"
        have="$(installed_axe_version)"
        if [ -n "${want}" ] && [ "${want}" = "${have}" ] && [ -f "${AXE_CORE_JS}" ]; then
            log "axe-core ${have} already installed"
            return 0
        fi
        log "npm ci in ${NODE_DIR}"
        (cd "${NODE_DIR}" && timeout "${OPS_NPM_TIMEOUT:-600}" npm ci "${npm_flags[@]}") >&2 \
            || die "npm ci failed in ${NODE_DIR}"
    else
        log "no package-lock.json yet: npm install (commit ops/node/package-lock.json)"
        (cd "${NODE_DIR}" && timeout "${OPS_NPM_TIMEOUT:-600}" npm install "${npm_flags[@]}") >&2 \
            || die "npm install failed in ${NODE_DIR}"
    fi
    [ -f "${AXE_CORE_JS}" ] || die "npm finished but ${AXE_CORE_JS} is missing"
    log "axe-core $(installed_axe_version) installed"
}

cmd_install() {
    install_chromium
    install_node_deps
    # bench/lighthouse.py serves HTTPS with a throw-away certificate made by openssl
    command -v openssl >/dev/null 2>&1 || apt_install openssl
}

cmd_env() {
    printf 'CHROMIUM_PATH=%s\n' "${CHROMIUM_PATH}"
    printf 'AXE_CORE_JS=%s\n' "${AXE_CORE_JS}"
}

cmd_verify() {
    [ -x "${CHROMIUM_PATH}" ] || die "${CHROMIUM_PATH} missing; run: $0 install"
    [ -f "${AXE_CORE_JS}" ] || die "${AXE_CORE_JS} missing; run: $0 install"
    local py="${PYTHON:-}"
    if [ -z "${py}" ]; then
        if [ -x "${OPS_DIR}/../.venv/bin/python" ]; then
            py="${OPS_DIR}/../.venv/bin/python"
        else
            py=python3
        fi
    fi
    "${py}" -c 'import playwright' 2>/dev/null \
        || die "${py} has no 'playwright' package (pip install playwright; no browser download needed)"
    CHROMIUM_PATH="${CHROMIUM_PATH}" AXE_CORE_JS="${AXE_CORE_JS}" \
        timeout "${OPS_VERIFY_TIMEOUT:-180}" "${py}" "${OPS_DIR}/axe_smoke.py"
}

main() {
    [ $# -eq 1 ] || usage
    case "$1" in
    install) cmd_install ;;
    env) cmd_env ;;
    verify) cmd_verify ;;
    *) usage ;;
    esac
}

main "$@"
