#!/usr/bin/env bash
# `npm start`: install, start PostgreSQL and Redis, migrate, seed the Gaizhou demo,
# build the web app, then run the API (serving the web app) and the worker until Ctrl-C.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

install_deps
# Labels print Chinese with a system CJK font; install one when we can.
if ! has_cjk_font; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-wqy-microhei >/dev/null 2>&1 || true
  else
    echo "note: no CJK font found; labels will print Latin text only (Debian: apt-get install fonts-wqy-microhei)"
  fi
fi
say "Starting PostgreSQL and Redis"
bash scripts/services.sh up
say "Migrating the database"
node scripts/xd.mjs migrate
say "Seeding the demo county (盖州市 210881)"
node scripts/xd.mjs seed
say "Building the web app"
"$PNPM" --filter @xiangda/web build

export API_PORT="${API_PORT:-4310}"
export PUBLIC_URL="${PUBLIC_URL:-http://127.0.0.1:$API_PORT}"
pids=()
cleanup() {
  trap - EXIT INT TERM
  for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  echo "Stopped API and worker. PostgreSQL and Redis keep running: 'pnpm services down' stops them."
}
trap cleanup EXIT INT TERM

node_modules/.bin/tsx apps/api/src/main.ts &
pids+=($!)
node_modules/.bin/tsx apps/worker/src/main.ts &
pids+=($!)

for _ in $(seq 1 100); do
  if curl -fsS "http://127.0.0.1:$API_PORT/ready" >/dev/null 2>&1; then break; fi
  sleep 0.2
done
cat <<MSG

  Xiangda 乡达 is running:  $PUBLIC_URL

  Demo logins (username / password):
    admin    / admin123     系统管理员 ADMIN
    manager  / manager123   县级管理 COUNTY_MANAGER (盖州市 210881)
    station  / station123   站点工作台 STATION_STAFF
    merchant / merchant123  商户中心 MERCHANT
    counter  / counter123   专柜工作台 COUNTER_OPERATOR

  Ctrl-C stops the API and the worker.
MSG
wait -n "${pids[@]}"
