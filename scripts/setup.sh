#!/usr/bin/env bash
# Installs what building and serving need, at the versions pinned in versions.env. Idempotent:
# anything already present at the right version is skipped.
#   scripts/setup.sh          build tools (wasm32 target, trunk, wasm-bindgen-cli, wasm-opt via npm)
#   scripts/setup.sh test     also Chromium + chromedriver (apt) and the npm test packages
#   scripts/setup.sh screenshots   as test, and a CJK font for this machine (`make screenshots`)
#   scripts/setup.sh fuzz     only cargo-fuzz (for `make fuzz`; builds on the stable toolchain)
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=../versions.env
. ./versions.env
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

# `make fuzz` needs cargo-fuzz and nothing else here: it drives libFuzzer through the stable
# toolchain (RUSTC_BOOTSTRAP=1 lets it take the sanitizer flags), so no nightly is installed.
if [ "${1:-}" = fuzz ]; then
  if ! cargo fuzz --version 2>/dev/null | grep -qx "cargo-fuzz $CARGO_FUZZ_VERSION"; then
    say "installing cargo-fuzz $CARGO_FUZZ_VERSION (about 2 minutes, once)"
    cargo install --locked "cargo-fuzz@$CARGO_FUZZ_VERSION"
  fi
  say "tools ready: $(cargo fuzz --version)"
  exit 0
fi

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

if ! trunk --version 2>/dev/null | grep -q "trunk $TRUNK_VERSION"; then
  say "installing trunk $TRUNK_VERSION (about 11 minutes, once)"
  cargo install --locked "trunk@$TRUNK_VERSION"
fi

if ! wasm-bindgen --version 2>/dev/null | grep -q "wasm-bindgen $WASM_BINDGEN_VERSION"; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  # Not --locked: the CLI's lockfile names a dependency version that is no longer on crates.io.
  cargo install "wasm-bindgen-cli@$WASM_BINDGEN_VERSION"
fi

# As root (containers) apt-get runs directly; otherwise through sudo (GitHub runners, laptops).
sudo=()
if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null; then sudo=(sudo); fi

if [ "${1:-}" = test ] || [ "${1:-}" = screenshots ]; then
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    say "installing chromium and chromedriver (apt)"
    "${sudo[@]}" apt-get update -qq
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
  fi
fi

# `make screenshots` pictures Chinese articles too: a CJK font for this machine's Chromium. The
# site itself never depends on one (readers' phones have their own).
if [ "${1:-}" = screenshots ] && ! fc-list 2>/dev/null | grep -qi "Noto Sans CJK"; then
  say "installing a CJK font for the screenshots (apt: fonts-noto-cjk)"
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends fonts-noto-cjk >/dev/null
fi

# npm packages (wasm-opt from binaryen, playwright-core, axe-core; the bench peers minisearch, flexsearch, pagefind): pinned by package-lock.json.
if [ ! -x node_modules/.bin/wasm-opt ] || ! cmp -s package-lock.json node_modules/.package-lock.stamp 2>/dev/null; then
  say "installing npm packages (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json node_modules/.package-lock.stamp
fi
say "tools ready: $(trunk --version), $(wasm-bindgen --version), wasm-opt $(wasm-opt --version | awk '{print $3}')"
