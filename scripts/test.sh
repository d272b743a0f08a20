#!/usr/bin/env bash
# Set up, then run every check CI runs: ruff, mypy, import-linter, pytest (no screen needed).
#   scripts/test.sh [pytest arguments]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
bash scripts/setup.sh
venv="$here/.venv/bin"
export QT_QPA_PLATFORM=offscreen
# Keep a developer's own data folder out of the tests.
unset CONSULAR_DATA_DIR CONSULAR_PASSWORD
echo "== ruff";          "$venv/ruff" check . && "$venv/ruff" format --check .
echo "== mypy";          "$venv/mypy"
echo "== import-linter"; "$venv/lint-imports"
echo "== pytest";        "$venv/python" -m pytest -q "$@"
