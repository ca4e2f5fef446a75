#!/usr/bin/env bash
# Installs everything Lattice needs on a fresh Debian 12 x86-64 host, as root, from the
# package registries only; quick when it is all there. Source it (`. scripts/setup.sh`)
# so that PATH and the cache locations below carry over to the caller.
set -euo pipefail

LATTICE_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# Kept outside the clone so that a second run on the same host is quick.
export LATTICE_CACHE="${LATTICE_CACHE:-/var/cache/lattice}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$LATTICE_CACHE/target}"
export LATTICE_SYNAPSE_VENV="$LATTICE_CACHE/synapse-venv"
export npm_config_cache="$LATTICE_CACHE/npm"
export PATH="$HOME/.cargo/bin:$LATTICE_ROOT/node_modules/.bin:$PATH"
mkdir -p "$LATTICE_CACHE"

TOOLCHAIN="$(sed -n 's/^channel = "\(.*\)"/\1/p' "$LATTICE_ROOT/rust-toolchain.toml")"
TRUNK_VERSION="0.22.1"
SYNAPSE_VERSION="1.163.*"

log() { printf '\033[1m[setup]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31m[setup] %s\033[0m\n' "$*" >&2; exit 1; }

# 1. Debian packages: the browser and its driver for tests, brotli for sizes and the
#    precompressed build, nginx with brotli_static to serve it as production does.
need_apt=()
command -v chromium >/dev/null || need_apt+=(chromium)
command -v chromedriver >/dev/null || need_apt+=(chromium-driver)
command -v brotli >/dev/null || need_apt+=(brotli)
# nginx lives in /usr/sbin, which a non-login root shell may lack on PATH.
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || need_apt+=(nginx)
[ -f /usr/lib/nginx/modules/ngx_http_brotli_static_module.so ] || need_apt+=(libnginx-mod-http-brotli-static)
command -v python3 >/dev/null || need_apt+=(python3 python3-venv)
command -v npm >/dev/null || need_apt+=(nodejs npm)
if ((${#need_apt[@]})); then
  log "apt-get install ${need_apt[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

# 2. The pinned Rust toolchain with the wasm target (rust-toolchain.toml).
command -v rustup >/dev/null || die "rustup is missing: this host needs rustup to install Rust $TOOLCHAIN"
if ! rustup run "$TOOLCHAIN" rustc --print target-libdir --target wasm32-unknown-unknown >/dev/null 2>&1 \
   || [ ! -d "$(rustup run "$TOOLCHAIN" rustc --print target-libdir --target wasm32-unknown-unknown)" ]; then
  log "rustup toolchain install $TOOLCHAIN (+ wasm32-unknown-unknown)"
  rustup toolchain install "$TOOLCHAIN" --profile minimal --target wasm32-unknown-unknown -c clippy -c rustfmt
fi

# 3. wasm-bindgen-cli at exactly the version of the wasm-bindgen crate in Cargo.lock.
WASM_BINDGEN_VERSION="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print }' "$LATTICE_ROOT/Cargo.lock")"
[ -n "$WASM_BINDGEN_VERSION" ] || die "Cargo.lock names no wasm-bindgen version"
installed_bindgen() { wasm-bindgen --version 2>/dev/null | awk '{print $2}'; }
if [ "$(installed_bindgen)" != "$WASM_BINDGEN_VERSION" ]; then
  log "cargo install wasm-bindgen-cli@$WASM_BINDGEN_VERSION (about 3 minutes)"
  # Not --locked: its lock file wants a webpki-roots release the registry lacks.
  cargo "+$TOOLCHAIN" install --force "wasm-bindgen-cli@=$WASM_BINDGEN_VERSION"
fi
if [ "$(installed_bindgen)" != "$WASM_BINDGEN_VERSION" ]; then
  die "wasm-bindgen-cli is $(installed_bindgen || echo missing) but Cargo.lock pins the wasm-bindgen crate at $WASM_BINDGEN_VERSION. They must be the same version: install wasm-bindgen-cli $WASM_BINDGEN_VERSION, or change the '=' pin in Cargo.toml and Trunk.toml's [tools] together."
fi
grep -q "wasm_bindgen = \"$WASM_BINDGEN_VERSION\"" "$LATTICE_ROOT/Trunk.toml" \
  || die "Trunk.toml's [tools] wasm_bindgen is not $WASM_BINDGEN_VERSION, the version in Cargo.lock: make them agree."

# 4. Trunk.
if [ "$(trunk --version 2>/dev/null | awk '{print $2}')" != "$TRUNK_VERSION" ]; then
  log "cargo install trunk@$TRUNK_VERSION (about 8 minutes)"
  cargo "+$TOOLCHAIN" install --locked --force "trunk@=$TRUNK_VERSION"
fi

# 5. JavaScript tools (wasm-opt from npm binaryen; esbuild and matrix-js-sdk for the
#    benchmark baseline), exactly as package-lock.json says.
# Reinstalled whenever the lock file changes (a stamp of its hash sits in node_modules).
lock_hash="$(sha256sum "$LATTICE_ROOT/package-lock.json" | cut -d' ' -f1)"
if [ "$(cat "$LATTICE_ROOT/node_modules/.lattice-lock" 2>/dev/null)" != "$lock_hash" ]; then
  log "npm ci"
  (cd "$LATTICE_ROOT" && npm ci --no-audit --no-fund --loglevel=error)
  echo "$lock_hash" > "$LATTICE_ROOT/node_modules/.lattice-lock"
fi

# 6. Synapse in a virtualenv, with its OpenID Connect support (authlib) for the single
#    sign-on tests.
if ! "$LATTICE_SYNAPSE_VENV/bin/python" -c 'import synapse, authlib' 2>/dev/null; then
  log "pip install matrix-synapse[oidc]==$SYNAPSE_VERSION"
  [ -x "$LATTICE_SYNAPSE_VENV/bin/pip" ] || python3 -m venv "$LATTICE_SYNAPSE_VENV"
  "$LATTICE_SYNAPSE_VENV/bin/pip" install -q --upgrade pip
  "$LATTICE_SYNAPSE_VENV/bin/pip" install -q "matrix-synapse[oidc]==$SYNAPSE_VERSION"
fi

# 7. The project's crates, downloaded as Cargo.lock says: the release builds run with
#    --offline (trunk passes it to cargo), and may start before any other build has
#    downloaded them. Only missing crates are fetched (~2 s when all are there).
(cd "$LATTICE_ROOT" && cargo fetch --locked)

log "ready: rust $TOOLCHAIN, wasm-bindgen $WASM_BINDGEN_VERSION, trunk $TRUNK_VERSION, $(wasm-opt --version | cut -d' ' -f1-3), synapse $("$LATTICE_SYNAPSE_VENV/bin/python" -c 'import synapse; print(synapse.__version__)')"
