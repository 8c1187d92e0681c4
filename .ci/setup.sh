#!/usr/bin/env bash
# Installs what Glass Bank needs on a Debian/Ubuntu machine, skipping what is already there.
set -euo pipefail
packages=(pkg-config libasound2-dev libudev-dev libx11-dev libxkbcommon-dev libwayland-dev
  libxcursor-dev libxrandr-dev libxi-dev libvulkan1 mesa-vulkan-drivers xvfb xauth)
missing=()
for p in "${packages[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "installing: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
if ! command -v cargo >/dev/null 2>&1; then
  [ -x "$HOME/.cargo/bin/cargo" ] || {
    echo "installing Rust with rustup"
    curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y --profile minimal \
      --default-toolchain 1.95 --component clippy,rustfmt
  }
  export PATH="$HOME/.cargo/bin:$PATH"
fi
