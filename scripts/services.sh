#!/usr/bin/env bash
# Project-local PostgreSQL 15 and Redis on loopback, data under .xiangda/ (git-ignored).
# usage: pnpm services up|down|status
# If DATABASE_URL / REDIS_URL are set, those servers are used and nothing local is started.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=scripts/env.sh
source "$ROOT/scripts/env.sh"

# XD_STATE_DIR moves the data folder (tests run a second pair of servers this way).
STATE="${XD_STATE_DIR:-$ROOT/.xiangda}"
PGDATA_DIR="$STATE/pg"
REDIS_DIR="$STATE/redis"

log() { printf '[services] %s\n' "$*"; }
die() { printf '[services] error: %s\n' "$*" >&2; exit 1; }

pg_bin() {
  local v
  for v in 15 16 17 14; do
    if [ -x "/usr/lib/postgresql/$v/bin/pg_ctl" ]; then echo "/usr/lib/postgresql/$v/bin"; return; fi
  done
  if command -v pg_ctl >/dev/null 2>&1; then dirname "$(command -v pg_ctl)"; return; fi
  return 1
}

is_root() { [ "$(id -u)" = 0 ]; }

# Run a PostgreSQL server tool: as the postgres user when we are root (initdb refuses root).
as_pg() {
  if is_root; then
    local cmd=""
    local a
    for a in "$@"; do cmd+=" $(printf '%q' "$a")"; done
    su postgres -s /bin/bash -c "$cmd"
  else
    "$@"
  fi
}

# As root the postgres user must be able to reach the data folder: give every ancestor
# search permission (o+x, not read) where it lacks it, e.g. a mktemp -d folder (mode 700).
open_path_for_postgres() {
  local d="$STATE"
  while [ "$d" != "/" ]; do
    if ! su postgres -s /bin/sh -c "test -x '$d'" 2>/dev/null; then
      chmod o+x "$d"
    fi
    d=$(dirname "$d")
  done
}

pg_env_given() { [ "${XD_LOCAL_PG:-1}" = 0 ]; }
redis_env_given() { [ "${XD_LOCAL_REDIS:-1}" = 0 ]; }

pg_running() {
  [ -f "$PGDATA_DIR/postmaster.pid" ] || return 1
  local bin; bin=$(pg_bin) || return 1
  as_pg "$bin/pg_ctl" -D "$PGDATA_DIR" status >/dev/null 2>&1
}

pg_up() {
  if pg_env_given; then log "PostgreSQL: using DATABASE_URL from the environment"; return; fi
  local bin; bin=$(pg_bin) || die "PostgreSQL server binaries not found (expected /usr/lib/postgresql/15/bin). On Debian: apt-get install postgresql-15"
  mkdir -p "$STATE"
  if is_root; then open_path_for_postgres; fi
  if [ ! -f "$PGDATA_DIR/PG_VERSION" ]; then
    log "PostgreSQL: initdb in $PGDATA_DIR"
    mkdir -p "$PGDATA_DIR"
    if is_root; then chown postgres:postgres "$PGDATA_DIR"; fi
    chmod 700 "$PGDATA_DIR"
    as_pg "$bin/initdb" -D "$PGDATA_DIR" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  fi
  if pg_running; then
    log "PostgreSQL: already running on 127.0.0.1:$XD_PG_PORT"
  else
    rm -f "$PGDATA_DIR/postmaster.pid" 2>/dev/null || true
    # random_page_cost 1.1: the data sits on SSD and mostly in memory, so index look-ups of a few hundred rows
    # (a scan batch's parcels and legs) beat hashing whole tables, which the default of 4 makes the planner pick.
    log "PostgreSQL: starting on 127.0.0.1:$XD_PG_PORT"
    as_pg "$bin/pg_ctl" -D "$PGDATA_DIR" -l "$PGDATA_DIR/server.log" \
      -o "-c listen_addresses=127.0.0.1 -p $XD_PG_PORT -k $PGDATA_DIR -c max_connections=300 -c fsync=${XD_PG_FSYNC:-on} -c random_page_cost=1.1" \
      -w -t 60 start >/dev/null || { tail -n 20 "$PGDATA_DIR/server.log" >&2; die "PostgreSQL did not start"; }
  fi
  # The application database (tests make their own from a template).
  local exists
  exists=$(psql -h 127.0.0.1 -p "$XD_PG_PORT" -U postgres -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname='xiangda'")
  if [ "$exists" != 1 ]; then
    psql -h 127.0.0.1 -p "$XD_PG_PORT" -U postgres -d postgres -qc "CREATE DATABASE xiangda" >/dev/null
    log "PostgreSQL: created database xiangda"
  fi
}

pg_down() {
  pg_env_given && return 0
  local bin; bin=$(pg_bin) || return 0
  if pg_running; then
    as_pg "$bin/pg_ctl" -D "$PGDATA_DIR" -m fast -w stop >/dev/null
    log "PostgreSQL: stopped"
  else
    log "PostgreSQL: not running"
  fi
}

ensure_redis_binary() {
  command -v redis-server >/dev/null 2>&1 && return 0
  if is_root && command -v apt-get >/dev/null 2>&1; then
    log "Redis: installing redis-server with apt-get"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq redis-server >/dev/null
    # The Debian package may start a system-wide server on 6379; ours runs on its own port.
    command -v redis-server >/dev/null 2>&1 && return 0
  fi
  die "redis-server not found. Install Redis 6.2+ (Debian/Ubuntu: sudo apt-get install redis-server; macOS: brew install redis), or set REDIS_URL to a running server."
}

redis_pid() {
  [ -f "$REDIS_DIR/redis.pid" ] || return 1
  local pid; pid=$(cat "$REDIS_DIR/redis.pid")
  kill -0 "$pid" 2>/dev/null || return 1
  echo "$pid"
}

redis_up() {
  if redis_env_given; then log "Redis: using REDIS_URL from the environment"; return; fi
  ensure_redis_binary
  mkdir -p "$REDIS_DIR"
  if redis_pid >/dev/null; then
    log "Redis: already running on 127.0.0.1:$XD_REDIS_PORT"
    return
  fi
  log "Redis: starting on 127.0.0.1:$XD_REDIS_PORT"
  redis-server --bind 127.0.0.1 --port "$XD_REDIS_PORT" --dir "$REDIS_DIR" \
    --daemonize yes --pidfile "$REDIS_DIR/redis.pid" --logfile "$REDIS_DIR/redis.log" \
    --appendonly yes --maxmemory-policy noeviction --save "" >/dev/null
  local i
  for i in $(seq 1 50); do
    if redis-cli -h 127.0.0.1 -p "$XD_REDIS_PORT" ping 2>/dev/null | grep -q PONG; then return; fi
    sleep 0.1
  done
  tail -n 20 "$REDIS_DIR/redis.log" >&2 || true
  die "Redis did not start"
}

redis_down() {
  redis_env_given && return 0
  local pid
  if pid=$(redis_pid); then
    redis-cli -h 127.0.0.1 -p "$XD_REDIS_PORT" shutdown >/dev/null 2>&1 || kill "$pid"
    local i
    for i in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    log "Redis: stopped"
  else
    log "Redis: not running"
  fi
}

status() {
  local rc=0
  if pg_env_given; then
    log "PostgreSQL: external ($XD_DATABASE_URL_SAFE)"
  elif pg_running; then
    log "PostgreSQL: running on 127.0.0.1:$XD_PG_PORT (data $PGDATA_DIR)"
  else
    log "PostgreSQL: stopped"; rc=3
  fi
  if redis_env_given; then
    log "Redis: external"
  elif pid=$(redis_pid); then
    log "Redis: running on 127.0.0.1:$XD_REDIS_PORT (pid $pid, data $REDIS_DIR)"
  else
    log "Redis: stopped"; rc=3
  fi
  return $rc
}

case "${1:-status}" in
  up) pg_up; redis_up; log "DATABASE_URL=$XD_DATABASE_URL_SAFE REDIS_URL=$REDIS_URL" ;;
  down) redis_down; pg_down ;;
  status) status ;;
  *) die "usage: pnpm services up|down|status" ;;
esac
