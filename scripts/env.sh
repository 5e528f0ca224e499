# Sourced by the project's scripts: where PostgreSQL and Redis are.
# An existing DATABASE_URL / REDIS_URL wins; otherwise the project-local servers.
# Decided once per process tree: scripts that call each other keep the first answer.
if [ -n "${XD_ENV_LOADED:-}" ] && [ -n "${DATABASE_URL:-}" ] && [ -n "${REDIS_URL:-}" ]; then return 0; fi
export XD_ENV_LOADED=1
export XD_PG_PORT="${XD_PG_PORT:-55432}"
export XD_REDIS_PORT="${XD_REDIS_PORT:-56379}"
if [ -n "${DATABASE_URL:-}" ]; then
  export XD_LOCAL_PG=0
else
  export XD_LOCAL_PG=1
  export DATABASE_URL="postgresql://postgres@127.0.0.1:${XD_PG_PORT}/xiangda"
fi
if [ -n "${REDIS_URL:-}" ]; then
  export XD_LOCAL_REDIS=0
else
  export XD_LOCAL_REDIS=1
  export REDIS_URL="redis://127.0.0.1:${XD_REDIS_PORT}"
fi
# For messages: never print a password.
case "$DATABASE_URL" in *://*:*@*) XD_DATABASE_URL_SAFE=$(printf '%s' "$DATABASE_URL" | sed -E 's#(://[^:/@]+):[^@]*@#\1:***@#') ;; *) XD_DATABASE_URL_SAFE="$DATABASE_URL" ;; esac
export XD_DATABASE_URL_SAFE
export TURBO_TELEMETRY_DISABLED=1
export CHECKPOINT_DISABLE=1
export PRISMA_HIDE_UPDATE_MESSAGE=1
