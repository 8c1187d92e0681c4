#!/usr/bin/env bash
# Runs every check CI runs: format, lints with and without the game, all tests, a smoke run
# of the game window under Xvfb, and a check of the browser build. Installs what is missing first.
set -euo pipefail
cd "$(dirname "$0")/.."
bash .ci/setup.sh
export PATH="$HOME/.cargo/bin:$PATH"
# One target directory outside the clone, so later runs (and CI) reuse the build.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/glassbank/target}"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"
start=$SECONDS
step() {
  local t=$SECONDS
  echo "== $*"
  "$@"
  echo "== done in $((SECONDS - t)) s: $*"
}
step cargo fmt --check
step cargo clippy --all-targets --no-default-features -- -D warnings
step cargo clippy --all-targets -- -D warnings
step cargo test --no-default-features
# With the game: its unit tests and the windowless game tests (a networked player's screens
# too), and the networked workshop over real WebSockets (30 players, drops, a restart; a class
# of three tables with its quiz and report); the core's other integration tests above do not
# touch the game or the server.
step cargo test --lib --bins --test game_ui --test remote_ui --test net_loopback --test class_loopback --test hostile --test hostile_flood
# The game window opens and walks through every screen, one PNG each (software Vulkan under
# Xvfb): in English at 100%, and in French at 200%. Set GLASSBANK_TOUR_DIR to keep them.
tour="${GLASSBANK_TOUR_DIR:-$(mktemp -d)}"
tour_in() {
  local dir="$tour/$1"; shift
  xvfb-run -a -s "-screen 0 1280x720x24" "$CARGO_TARGET_DIR/debug/glassbank" --tour "$dir" "$@"
  local shots
  shots=$(find "$dir" -name '*.png' -size +1k | wc -l)
  test "$shots" -eq 27 || { echo "the tour saved $shots of 27 screenshots in $dir" >&2; exit 1; }
}
step tour_in en-100 --lang en
step tour_in fr-200 --lang fr --scale 2
# The browser build compiles (Debian's rustc-web for wasm32): the core alone and the whole game,
# with nothing optimised (7 min on a clean machine, 17 with the dev profile). web/test.sh builds
# the bundle and plays it in headless Chromium (12 min warm, 25-30 clean): run it by hand.
wasm_check() {
  bash web/setup.sh --check
  (
    . web/env.sh
    check() {
      RUSTC_BOOTSTRAP=1 CARGO_TARGET_DIR="$GLASSBANK_WEB_TARGET" cargo check --profile wasm-check \
        --target wasm32-unknown-unknown -Zbuild-std=std,panic_abort "$@"
    }
    check --lib --no-default-features
    check --bin glassbank
  )
}
step wasm_check
echo "all checks passed in $((SECONDS - start)) s"
