#!/usr/bin/env bash
# Run a command against a throw-away PostgreSQL server, then stop the server whatever happens.
#
#   ops/with-postgres.sh CMD [ARGS...]
#
# Starts ops/postgres.sh (installing Debian's postgresql when missing), exports DATABASE_URL
# for CMD, and stops the server and deletes its data on exit, failure or interruption.
# Uses OPS_STATE_DIR like the other ops scripts (default /tmp/partnershiphub-ops).
set -euo pipefail

# shellcheck source=ops/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

[ $# -ge 1 ] || { sed -n '2,8s/^# \{0,1\}//p' "$0" >&2; exit 2; }

cleanup() { "${OPS_DIR}/postgres.sh" stop || log "stopping PostgreSQL failed"; }
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

DATABASE_URL="$("${OPS_DIR}/postgres.sh" start)"
export DATABASE_URL
log "DATABASE_URL=${DATABASE_URL}"
"$@"
