#!/usr/bin/env bash
# Benchmark command (not a test): release sizes, warm start-up figures, and Lattice
# against matrix-js-sdk on a 1,000-room account, written to BENCHMARKS.md with the host
# and the date.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
. scripts/setup.sh

trunk build --release --offline
bench/baseline/build.sh
cargo build -q -p lattice-e2e --bin lattice-bench
. scripts/services.sh
# One user in 1,000 rooms: seeded once into a template (~13 minutes), copied per run.
. scripts/bench_synapse.sh
export LATTICE_BENCH_BASELINE="$PWD/bench/baseline/dist"
timings="$("$CARGO_TARGET_DIR/debug/lattice-bench")"

python3 scripts/write_benchmarks.py dist "$timings" bench/baseline/dist/baseline.js > BENCHMARKS.md
cat BENCHMARKS.md
