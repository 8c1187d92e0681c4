#!/usr/bin/env bash
# The browser's end-to-end test: builds the bundle (web/build.sh), plays it in Debian's headless
# Chromium (web/test.mjs: no panic or console error, the title, a real click, a whole game, the
# questionnaire, a reload that keeps the answers and the saved game), then replays the
# browser's session log on the desktop: `glassbank replay` checks the books' fingerprint after
# every month, so the browser and the desktop must have kept the same ledger. Last, web/room.mjs
# plays a month of a networked workshop: `glassbank serve` and two pages as two seats, and
# web/class.mjs a class of three tables with the facilitator's tablet.
# Usage: bash web/test.sh [OUT_DIR]   (screenshots, console, report.json, the bundle)
# Measured on 2 cores: a clean run 15-25 min (the optimised wasm build); warm about 1 min.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$(mktemp -d /tmp/glassbank-web-XXXX)}
cd "$root"
bash web/setup.sh --browser
bash web/build.sh "$out/dist"
tools="${GLASSBANK_WEB_TOOLS:-$HOME/.cache/glassbank/web-tools}"
PLAYWRIGHT_DIR="$tools/node" node web/test.mjs "$out/dist" "$out/run"
export PATH="$HOME/.cargo/bin:$PATH"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/glassbank/target}"
cargo run --quiet --no-default-features -- replay "$out/run/browser-session.json" > "$out/run/replay.txt"
echo "the browser's game replays on the desktop with the same books: $out/run/replay.txt"
# A networked workshop: the desktop's server and two browser pages, one seat each.
cargo build --quiet --no-default-features --features serve --bin glassbank
PLAYWRIGHT_DIR="$tools/node" node web/room.mjs "$CARGO_TARGET_DIR/debug/glassbank" "$out/dist" "$out/room"
# A class: three tables, two browser players and the facilitator's tablet with its projector.
PLAYWRIGHT_DIR="$tools/node" node web/class.mjs "$CARGO_TARGET_DIR/debug/glassbank" "$out/dist" "$out/class"
echo "web test passed; screenshots in $out/run"
