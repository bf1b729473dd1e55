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

with_service postgres DATABASE_URL "$@"
