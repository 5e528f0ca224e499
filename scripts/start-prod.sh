#!/usr/bin/env bash
# `pnpm start:prod`: the production build (`pnpm build` first) under plain node with NODE_ENV=production.
# `pnpm start:prod api` or `pnpm start:prod worker` runs one role (one per machine or per systemd unit); with no
# argument both run here until SIGTERM/SIGINT, which each finishes its work on. Refuses to start on the
# development defaults (README "Production").
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export NODE_ENV=production

roles=("$@")
[ ${#roles[@]} -eq 0 ] && roles=(api worker)
entries=()
for role in "${roles[@]}"; do
  case "$role" in
    api) entries+=(apps/api/dist/main.js) ;;
    worker) entries+=(apps/worker/dist/main.js) ;;
    *) echo "unknown role '$role': api or worker" >&2; exit 2 ;;
  esac
done
for e in "${entries[@]}"; do
  [ -f "$e" ] || { echo "$e is missing: run 'pnpm build' first" >&2; exit 1; }
done
# One role: become that process, so the service manager signals it directly.
if [ ${#entries[@]} -eq 1 ]; then exec node --enable-source-maps "${entries[0]}"; fi

pids=()
stop() {
  trap - INT TERM
  for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done
}
trap stop INT TERM
for e in "${entries[@]}"; do
  node --enable-source-maps "$e" &
  pids+=($!)
done
# When one exits (or is signalled), stop the other and exit with the first one's code.
set +e
wait -n "${pids[@]}"
code=$?
stop
wait
exit "$code"
