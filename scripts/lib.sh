# Shared by start.sh, test.sh and e2e.sh: installs dependencies with only Node and npm present.
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
# shellcheck source=scripts/env.sh
source "$ROOT/scripts/env.sh"
PNPM_VERSION=10.34.9

say() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

ensure_node() {
  local major
  major=$(node -p 'process.versions.node.split(".")[0]')
  if [ "$major" -lt 20 ]; then
    echo "Node.js 20.19 or newer is needed (found $(node --version))." >&2
    exit 1
  fi
}

# pnpm comes from the npm registry through npx the first time; afterwards from node_modules/.bin.
install_deps() {
  ensure_node
  local frozen="--frozen-lockfile"
  say "Installing dependencies (pnpm $PNPM_VERSION)"
  if [ -x "$ROOT/node_modules/.bin/pnpm" ]; then
    "$ROOT/node_modules/.bin/pnpm" install $frozen --reporter=append-only
  else
    npx -y "pnpm@$PNPM_VERSION" install $frozen --reporter=append-only
  fi
  PNPM="$ROOT/node_modules/.bin/pnpm"
  export PATH="$ROOT/node_modules/.bin:$PATH"
}

# Whether a Chinese font is installed. Not `fc-list | grep -q`: under pipefail that fails whenever grep stops at the
# first match and fc-list, still writing, dies of SIGPIPE — which sent busy test runs to apt-get for nothing.
has_cjk_font() {
  local fonts
  fonts=$(fc-list 2>/dev/null) || return 1
  grep -qi "wenquanyi\|noto.*cjk" <<<"$fonts"
}

ensure_chromium() {
  if [ -n "${CHROMIUM_PATH:-}" ] && [ -x "$CHROMIUM_PATH" ] && command -v pdftoppm >/dev/null && command -v zbarimg >/dev/null; then return; fi
  if [ -x /usr/bin/chromium ] && command -v pdftoppm >/dev/null && command -v zbarimg >/dev/null && has_cjk_font; then
    export CHROMIUM_PATH=/usr/bin/chromium
    return
  fi
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    say "Installing Chromium, a Chinese font, poppler-utils and zbar-tools for browser and label tests (apt-get)"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-wqy-microhei poppler-utils zbar-tools >/dev/null
    export CHROMIUM_PATH=/usr/bin/chromium
    return
  fi
  if [ -x /usr/bin/chromium ]; then export CHROMIUM_PATH=/usr/bin/chromium; return; fi
  echo "Chromium, a CJK font, pdftoppm and zbarimg are needed for the tests (Debian: apt-get install chromium fonts-wqy-microhei poppler-utils zbar-tools) or set CHROMIUM_PATH." >&2
  exit 1
}
