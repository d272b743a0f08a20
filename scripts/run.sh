#!/usr/bin/env bash
# Set up (system packages as root, .venv), initialise the demo post on first use, start the GUI.
#   scripts/run.sh [--data-dir DIR]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$here/scripts/setup.sh"
"$here/.venv/bin/consular" "$@" init --demo --existing-ok
exec "$here/.venv/bin/consular-workstation" "$@"
