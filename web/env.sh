# Sourced by the web scripts: Debian's rustc-web toolchain first (rustup's rustc has no wasm32
# standard library here), the web tools, and a target directory of the web build's own.
export GLASSBANK_WEB_TOOLS="${GLASSBANK_WEB_TOOLS:-$HOME/.cache/glassbank/web-tools}"
export PATH="/usr/bin:$GLASSBANK_WEB_TOOLS/bin:$PATH"
export RUSTC=/usr/bin/rustc RUSTDOC=/usr/bin/rustdoc CARGO=/usr/bin/cargo
unset RUSTUP_TOOLCHAIN
export GLASSBANK_WEB_TARGET="${GLASSBANK_WEB_TARGET:-$HOME/.cache/glassbank/web-target}"
