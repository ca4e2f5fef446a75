#!/usr/bin/env bash
# Benchmark command (not a test): release sizes and warm start-up figures, written to
# BENCHMARKS.md with the host and the date.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
. scripts/setup.sh

trunk build --release --offline
cargo build -q -p lattice-e2e --bin lattice-bench
. scripts/services.sh
timings="$("$CARGO_TARGET_DIR/debug/lattice-bench")"

python3 scripts/write_benchmarks.py dist "$timings" > BENCHMARKS.md
cat BENCHMARKS.md
