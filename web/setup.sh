#!/usr/bin/env bash
# Installs what the browser build needs, once per machine (idempotent), and prints the
# environment to use. rustup cannot add the wasm32 target here, so the build uses Debian's
# rustc-web, which compiles the standard library from source (-Zbuild-std):
#  - apt: rustc-web cargo-web rust-web-src rust-web-llvm lld-22 (the wasm linker), brotli;
#  - wasm-bindgen-cli at exactly the version of the wasm-bindgen crate in Cargo.lock;
#  - with --browser: Debian's chromium and playwright-core from npm, for web/test.sh;
#  - with --check: only the apt packages, enough for `cargo check` (CI).
# Tools go under $GLASSBANK_WEB_TOOLS (default ~/.cache/glassbank/web-tools).
# Measured on 2 cores: apt about 1 min; the wasm-bindgen-cli build 3.5-10 min, once.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/web/env.sh"
packages="rustc-web cargo-web rust-web-src rust-web-llvm lld-22 brotli"
[ "${1:-}" = --browser ] && packages="$packages chromium"
# shellcheck disable=SC2086
if ! dpkg -s $packages >/dev/null 2>&1; then
  sudo_=""; [ "$(id -u)" -eq 0 ] || sudo_=sudo
  $sudo_ apt-get update -qq
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive $sudo_ apt-get install -y -qq --no-install-recommends $packages >/dev/null
fi
/usr/bin/rustc --print target-list | grep -qx wasm32-unknown-unknown
[ "${1:-}" = --check ] && exit 0
want=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/[^0-9.]/,""); print; exit}' "$root/Cargo.lock")
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$want" ]; then
  /usr/bin/cargo install --root "$GLASSBANK_WEB_TOOLS" wasm-bindgen-cli --version "$want"
fi
if [ "${1:-}" = --browser ] && [ ! -d "$GLASSBANK_WEB_TOOLS/node/node_modules/playwright-core" ]; then
  command -v npm >/dev/null || { sudo_=""; [ "$(id -u)" -eq 0 ] || sudo_=sudo;
    DEBIAN_FRONTEND=noninteractive $sudo_ apt-get install -y -qq --no-install-recommends npm >/dev/null; }
  mkdir -p "$GLASSBANK_WEB_TOOLS/node"
  npm install --prefix "$GLASSBANK_WEB_TOOLS/node" --no-audit --no-fund playwright-core@1 >/dev/null
fi
echo "web toolchain ready: $(/usr/bin/rustc --version); wasm-bindgen $want"
