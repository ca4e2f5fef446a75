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

# The release build is the longest step, and for most of it (LTO over one codegen
# unit, wasm-opt, brotli) it keeps one core busy: it runs in the background while the
# unit tests and the end-to-end test crate build beside it. It locks only its own
# profile's build directories (target/release, target/wasm32-unknown-unknown/release),
# so the debug builds are not held up.
step "release build (trunk, wasm-opt, external loader), in the background"
# In its own process group (setsid), so that a failure here, or Ctrl-C, takes down the
# cargo, rustc and wasm-opt under trunk too, not only trunk.
release_log="$(mktemp)"
setsid --wait trunk build --release --offline >"$release_log" 2>&1 &
release_pid=$!
trap 'kill -- -"$release_pid" 2>/dev/null || true; rm -f "$release_log"' EXIT

step "unit tests (Node) and browser tests (headless Chromium, real IndexedDB)"
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
CHROMEDRIVER=/usr/bin/chromedriver WASM_BINDGEN_TEST_TIMEOUT=180 \
  cargo test -p lattice --target wasm32-unknown-unknown

# --no-fail-fast: a failure in one test file does not hide the others. cargo-nextest
# (on machines of this kind) runs the tests of all files from one queue, so a file's
# last long test does not hold the other thread idle; plain cargo test otherwise.
threads="${LATTICE_E2E_THREADS:-2}"
if cargo nextest --version >/dev/null 2>&1; then
  e2e_build() { cargo nextest run -p lattice-e2e --no-run; }
  e2e_run() { cargo nextest run --no-fail-fast -p lattice-e2e --test-threads="$threads" --failure-output final; }
else
  e2e_build() { cargo test -p lattice-e2e --no-run; }
  e2e_run() { cargo test --no-fail-fast -p lattice-e2e -- --test-threads="$threads"; }
fi
step "end-to-end test crate (native build)"
e2e_build

step "release build: waiting for it to finish"
release_rc=0
wait "$release_pid" || release_rc=$?
trap - EXIT
if [ "$release_rc" -ne 0 ]; then
  cat "$release_log" >&2
  rm -f "$release_log"
  echo "release build failed" >&2
  exit 1
fi
grep -E 'Finished|success|error|warning' "$release_log" >&2 || true
rm -f "$release_log"

step "end-to-end: Synapse and chromedriver on free loopback ports"
. scripts/services.sh
e2e_run
