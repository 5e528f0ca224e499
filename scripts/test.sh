#!/usr/bin/env bash
# `npm test`: install, start PostgreSQL and Redis, then lint, typecheck, the production build, every unit and
# integration test against the real servers, and the browser tests in Chromium.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

install_deps
say "Starting PostgreSQL and Redis"
bash scripts/services.sh up
ensure_chromium
say "Lint"
"$PNPM" lint
say "Typecheck"
"$PNPM" typecheck
say "Production build of the API, worker and CLI (the fault tests run it)"
node scripts/bundle.mjs
say "Unit and integration tests (real PostgreSQL and Redis)"
node_modules/.bin/vitest run
say "Browser tests (Chromium)"
bash scripts/e2e.sh
say "All tests passed"
