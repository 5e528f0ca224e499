#!/usr/bin/env bash
# Browser tests: a fresh seeded database, the built web app served by the real API and a
# worker on their own port, then the Playwright (playwright-core) tests in Chromium (arguments, e.g. a file
# name filter like `journeys`, go to vitest).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
PNPM="$ROOT/node_modules/.bin/pnpm"
ensure_chromium

E2E_DB="${XD_E2E_DB:-xiangda_e2e}"
PGADMIN_URL=$(node -e 'const u=new URL(process.env.DATABASE_URL);u.pathname="/postgres";console.log(u.toString())')
psql "$PGADMIN_URL" -qc "DROP DATABASE IF EXISTS $E2E_DB WITH (FORCE)" >/dev/null
psql "$PGADMIN_URL" -qc "CREATE DATABASE $E2E_DB" >/dev/null
export DATABASE_URL=$(node -e 'const u=new URL(process.env.DATABASE_URL);u.pathname="/'"$E2E_DB"'";console.log(u.toString())')
export REDIS_PREFIX="xde2e$RANDOM"
export API_PORT="${XD_E2E_PORT:-4390}"
export PUBLIC_URL="http://127.0.0.1:$API_PORT"
export LOG_LEVEL=warn
# Webhook receivers of the tests listen on the loopback address (#19: refused unless allowed).
export XD_WEBHOOK_ALLOW_PRIVATE=1

node scripts/xd.mjs migrate --json >/dev/null
node scripts/xd.mjs seed --json >/dev/null
# The web app is built into a folder of this run's own (the API serves it): two runs side by side, on other
# databases and ports, do not rebuild each other's files.
export XD_WEB_DIST="${XD_E2E_WEB_DIST:-$ROOT/artifacts/web-$E2E_DB}"
"$PNPM" --filter @xiangda/web exec vite build --outDir "$XD_WEB_DIST" --emptyOutDir >/dev/null

E2E_LOGS="$ROOT/artifacts/e2e-$E2E_DB"
mkdir -p "$E2E_LOGS"
node_modules/.bin/tsx apps/api/src/main.ts >"$E2E_LOGS/api.log" 2>&1 &
api=$!
node_modules/.bin/tsx apps/worker/src/main.ts >"$E2E_LOGS/worker.log" 2>&1 &
worker=$!
stop() { kill -TERM "$api" "$worker" 2>/dev/null || true; wait "$api" "$worker" 2>/dev/null || true; }
trap stop EXIT
for _ in $(seq 1 150); do
  curl -fsS "$PUBLIC_URL/ready" >/dev/null 2>&1 && break
  sleep 0.2
done
curl -fsS "$PUBLIC_URL/ready" >/dev/null || { echo "API did not become ready"; cat "$E2E_LOGS/api.log"; exit 1; }

XD_E2E_BASE_URL="$PUBLIC_URL" "$PNPM" --filter @xiangda/web e2e "$@"
