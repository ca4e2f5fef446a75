#!/usr/bin/env bash
# The whole test suite: formatting, unit tests, browser tests (wasm-bindgen-test
# in headless Chromium), then end-to-end tests of the release build in Chromium against
# a real Synapse on loopback. Installs what is missing first.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
. scripts/setup.sh

step() { printf '\n\033[1m== %s\033[0m\n' "$*" >&2; }

step "format"
cargo fmt --all --check

step "unit tests (Node) and browser tests (headless Chromium, real IndexedDB)"
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
CHROMEDRIVER=/usr/bin/chromedriver WASM_BINDGEN_TEST_TIMEOUT=180 \
  cargo test -p lattice --target wasm32-unknown-unknown

step "release build (trunk, wasm-opt, external loader)"
trunk build --release --offline

step "end-to-end: Synapse and chromedriver on free loopback ports"
. scripts/services.sh
# --no-fail-fast: a failure in one test file does not hide the others. cargo-nextest
# (on machines of this kind) runs the tests of all files from one queue, so a file's
# last long test does not hold the other thread idle; plain cargo test otherwise.
threads="${LATTICE_E2E_THREADS:-2}"
if cargo nextest --version >/dev/null 2>&1; then
  cargo nextest run --no-fail-fast -p lattice-e2e --test-threads="$threads" --failure-output final
else
  cargo test --no-fail-fast -p lattice-e2e -- --test-threads="$threads"
fi
