#!/usr/bin/env bash
# Development: services up, then API and worker with reload, and Vite with hot reload on :5173.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
PNPM="$ROOT/node_modules/.bin/pnpm"
bash scripts/services.sh up
node scripts/xd.mjs migrate
pids=()
trap 'for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done' EXIT INT TERM
node_modules/.bin/tsx watch apps/api/src/main.ts & pids+=($!)
node_modules/.bin/tsx watch apps/worker/src/main.ts & pids+=($!)
"$PNPM" --filter @xiangda/web dev & pids+=($!)
wait -n "${pids[@]}"
