#!/usr/bin/env bash
# Run a command against a throw-away Redis server, then stop the server whatever happens.
#
#   ops/with-redis.sh CMD [ARGS...]
#
# Starts ops/redis.sh (installing Debian's redis-server when missing), exports CACHE_URL for
# CMD, and stops the server and deletes its state on exit, failure or interruption.
# Uses OPS_STATE_DIR like the other ops scripts (default /tmp/partnershiphub-ops).
set -euo pipefail

# shellcheck source=ops/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

[ $# -ge 1 ] || { sed -n '2,8s/^# \{0,1\}//p' "$0" >&2; exit 2; }

with_service redis CACHE_URL "$@"
