#!/usr/bin/env bash
# Installs what building and testing need and is missing; a few seconds when all is there.
# Needs only the Rust toolchain (rustup), node with npm, and apt. Tools that are not system
# packages go under .tools/ (git-ignored).
set -euo pipefail
cd "$(dirname "$0")/.."
TOOLS="$PWD/.tools"
TRUNK_VERSION=0.21.14
mkdir -p "$TOOLS"

say() { printf 'setup: %s\n' "$*"; }

# Cargo builds under $TMPDIR; a small /tmp cannot hold trunk's build.
export CARGO_TARGET_DIR="$TOOLS/cargo-build"

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32 target"
  rustup target add wasm32-unknown-unknown
fi

if [ "$("$TOOLS/cargo/bin/trunk" --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (about 6 minutes, once)"
  cargo install --locked --quiet trunk --version "$TRUNK_VERSION" --root "$TOOLS/cargo"
fi

# wasm-bindgen's CLI must be exactly the library version in Cargo.lock.
BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [ -z "$BINDGEN_VERSION" ]; then
  cargo generate-lockfile --quiet
  BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
fi
if [ "$("$TOOLS/cargo/bin/wasm-bindgen" --version 2>/dev/null)" != "wasm-bindgen $BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $BINDGEN_VERSION (about 2 minutes, once)"
  # Not --locked: its lock file asks for a crate version the registry does not serve.
  cargo install --quiet --force wasm-bindgen-cli --version "$BINDGEN_VERSION" --root "$TOOLS/cargo"
fi
if ! grep -q "wasm_bindgen = \"$BINDGEN_VERSION\"" Trunk.toml; then
  echo "setup: Trunk.toml pins a wasm_bindgen version other than Cargo.lock's $BINDGEN_VERSION" >&2
  exit 1
fi

# wasm-opt (binaryen 132), the browser driver and the accessibility checker, from npm.
if ! cmp -s tools/package-lock.json "$TOOLS/node/package-lock.json" || [ ! -d "$TOOLS/node/node_modules" ]; then
  say "installing node packages (binaryen 132, playwright-core, axe-core)"
  mkdir -p "$TOOLS/node"
  cp tools/package.json tools/package-lock.json "$TOOLS/node/"
  npm ci --prefix "$TOOLS/node" --no-audit --no-fund --loglevel=error
fi

# Debian's Chromium and its driver: test tools cannot download a browser here.
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  say "installing Debian's chromium and chromium-driver"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver >/dev/null
fi

# The screenshots the tests leave are for a person to read: without these fonts the Chinese,
# Japanese and Korean in them are empty boxes.
if ! fc-list 2>/dev/null | grep -qi "Noto Sans CJK"; then
  say "installing Debian's fonts-noto-cjk (for readable screenshots)"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq fonts-noto-cjk >/dev/null
fi
