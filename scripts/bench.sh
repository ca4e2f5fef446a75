#!/usr/bin/env bash
# Benchmark command (not a test): release sizes, start-up steps, and Lattice against
# matrix-js-sdk on a 1,000-room account, then Lattice alone on a 3,000-room one, written
# to BENCHMARKS.md with the host and the date.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
. scripts/setup.sh

trunk build --release --offline
bench/baseline/build.sh
cargo build -q -p lattice-e2e --bin lattice-bench
. scripts/services.sh
export LATTICE_BENCH_BASELINE="$PWD/bench/baseline/dist"

# Each account is seeded once per host into a template (~13 minutes per 1,000 rooms) and
# copied per run.
export LATTICE_BENCH_ROOMS=1000
. scripts/bench_synapse.sh
timings="$("$CARGO_TARGET_DIR/debug/lattice-bench")"
stop_bench_synapse

export LATTICE_BENCH_ROOMS=3000
. scripts/bench_synapse.sh
large="$("$CARGO_TARGET_DIR/debug/lattice-bench" --lattice-only)"
stop_bench_synapse

# The figures are kept beside the cache too: a failing write must not lose a 25-minute run.
printf '%s\n%s\n' "$timings" "$large" > "${LATTICE_CACHE:-/var/cache/lattice}/bench-last-run.json"
python3 scripts/write_benchmarks.py dist "$timings" bench/baseline/dist/baseline.js "$large" > BENCHMARKS.md.new
mv BENCHMARKS.md.new BENCHMARKS.md
cat BENCHMARKS.md
