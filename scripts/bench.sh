#!/usr/bin/env bash
# `npm run bench` / `pnpm bench [name…]`: install when needed, start PostgreSQL and Redis, then every benchmark (or
# the ones named); each rewrites its section of docs/benchmarks.md.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

install_deps
bash scripts/services.sh up >/dev/null
node scripts/bench.mjs "$@"
