#!/usr/bin/env bash
# Throughput and memory benchmark (see bench/throughput.py): builds the release binary,
# the ~60 MB corpus from ../shared/corpora (FIGTRACE_SHARED to move it), and prints
# end-to-end MB/s, peak RSS, thread scaling, sharding and the quantulum3 comparison.
#   bench/run.sh            # RUNS=3 by default
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target}"
cargo build --release --quiet
python3 bench/throughput.py
echo
echo "== per-stage benches (one thread)"
cargo bench --bench throughput -q 2>/dev/null | grep -v '^$'
