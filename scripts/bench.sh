#!/usr/bin/env bash
# Set up, then run the benchmarks (speed and memory figures; never part of the tests).
#   scripts/bench.sh [--persons N] [--skip-postgres] [--json FILE]   all of them
#   scripts/bench.sh search [...] | issue [--cards N] | portrait [--runs N]   one
#   scripts/bench.sh startup [--runs N] [--json FILE]   cold start vs a bare QMainWindow
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
bash scripts/setup.sh
exec "$here/.venv/bin/python" -m benchmarks "$@"
