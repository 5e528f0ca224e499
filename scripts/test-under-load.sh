#!/usr/bin/env bash
# Runs the unit and integration suite (and, with --e2e, the browser tests) while CPU burners keep every core busy, as
# on a shared CI machine, and prints the time and the outcome. Services must be up (`pnpm services up`).
#
#   bash scripts/test-under-load.sh [--burners N] [--e2e] [vitest filters…]
#
# Burners: stress-ng when installed, else busy node loops; N defaults to the number of cores. Time limits in the tests
# grow by XD_TEST_SLOWDOWN, set here to (cores + burners) / cores unless given.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

cores=$(nproc)
burners=$cores
e2e=0
args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --burners) burners=$2; shift 2 ;;
    --e2e) e2e=1; shift ;;
    *) args+=("$1"); shift ;;
  esac
done

pids=()
stop_burners() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap stop_burners EXIT INT TERM

if command -v stress-ng >/dev/null 2>&1; then
  stress-ng --cpu "$burners" --quiet &
  pids+=($!)
  how="stress-ng --cpu $burners"
else
  for _ in $(seq 1 "$burners"); do
    node -e 'for (;;) {}' &
    pids+=($!)
  done
  how="$burners busy node loops"
fi
export XD_TEST_SLOWDOWN="${XD_TEST_SLOWDOWN:-$(node -e "console.log(($cores + $burners) / $cores)")}"
say "Suite under load: $how on $cores cores, XD_TEST_SLOWDOWN=$XD_TEST_SLOWDOWN"

start=$(date +%s)
status=0
node_modules/.bin/vitest run "${args[@]}" || status=$?
if [ "$e2e" = 1 ] && [ "$status" = 0 ]; then bash scripts/e2e.sh || status=$?; fi
end=$(date +%s)
load=$(cut -d' ' -f1-3 /proc/loadavg)
say "Under load ($how): exit $status after $((end - start)) s; load average at the end $load"
exit "$status"
