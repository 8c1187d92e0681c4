#!/usr/bin/env bash
# Builds the browser bundle into a folder any static web server can serve (default web/dist):
# index.html, pkg/glassbank.js, pkg/glassbank_bg.wasm (+ .gz and .br beside it) and
# pkg/size.json. The scenarios are inside the module. Set GLASSBANK_WASM_OPT=1 to run
# wasm-opt -Oz too (npm's binaryen; it takes 7-11 min and saved nothing once compressed).
# Usage: bash web/build.sh [OUT_DIR]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$root/web/dist}
bash "$root/web/setup.sh"
. "$root/web/env.sh"
cd "$root"
start=$SECONDS
RUSTC_BOOTSTRAP=1 CARGO_TARGET_DIR="$GLASSBANK_WEB_TARGET" cargo build --profile web \
  --target wasm32-unknown-unknown -Zbuild-std=std,panic_abort --bin glassbank
echo "== cargo build: $((SECONDS - start)) s"
rm -rf "$out/pkg"
mkdir -p "$out/pkg"
wasm-bindgen --target web --no-typescript --remove-name-section --remove-producers-section \
  --out-dir "$out/pkg" "$GLASSBANK_WEB_TARGET/wasm32-unknown-unknown/web/glassbank.wasm"
wasm="$out/pkg/glassbank_bg.wasm"
if [ "${GLASSBANK_WASM_OPT:-0}" = 1 ]; then
  [ -x "$GLASSBANK_WEB_TOOLS/npm/node_modules/.bin/wasm-opt" ] ||
    npm install --prefix "$GLASSBANK_WEB_TOOLS/npm" --no-audit --no-fund binaryen@132.0.0 >/dev/null
  "$GLASSBANK_WEB_TOOLS/npm/node_modules/.bin/wasm-opt" -Oz --all-features "$wasm" -o "$wasm.opt"
  mv "$wasm.opt" "$wasm"
fi
cp "$root/web/index.html" "$out/"
printf '{"wasm": %s}\n' "$(stat -c %s "$wasm")" > "$out/pkg/size.json"
for f in "$wasm" "$out/pkg/glassbank.js"; do
  gzip -9 -k -f "$f"
  brotli -q 11 -k -f "$f"
done
size() { stat -c %s "$1"; }
echo "== bundle in $out after $((SECONDS - start)) s"
printf '   wasm %s bytes raw, %s gzip, %s brotli; js %s bytes; page %s bytes\n' \
  "$(size "$wasm")" "$(size "$wasm.gz")" "$(size "$wasm.br")" \
  "$(size "$out/pkg/glassbank.js")" "$(size "$out/index.html")"
