#!/usr/bin/env bash
# Installs what is missing, then builds and starts the game; arguments go to the game
# (e.g. `--lang fr`, a scenario file, or `simulate scenarios/one_town.ron`).
set -euo pipefail
cd "$(dirname "$0")/.."
bash .ci/setup.sh
export PATH="$HOME/.cargo/bin:$PATH"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/glassbank/target}"
exec cargo run -- "$@"
