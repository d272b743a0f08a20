#!/usr/bin/env bash
# Set up everything the workstation and its tests need on this machine.
#
#   scripts/setup.sh          system packages (as root) + .venv with the PyPI packages
#
# As root on Debian/Ubuntu it installs the missing system packages with apt-get.
# As a normal user it installs nothing system-wide: it prints what is missing and goes on.
# It is idempotent and quick when everything is already there (used by `make run` and `make test`).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"

# System packages, grouped by what needs them.
debian_packages=(
    # Python build of pyscard (PC/SC) and its runtime
    libpcsclite-dev pcscd swig
    # Virtual smartcard reader and cards for the PC/SC integration tests
    vsmartcard-vpcd vsmartcard-vpicc python3-virtualsmartcard
    # Qt Multimedia loads PulseAudio's client library even for the camera
    libpulse0
    # Qt (PySide6 wheels) on a headless machine and under Xvfb
    libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 libglib2.0-0
    libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-shape0
    libxcb-xinerama0 libxcb-randr0 libxcb-xkb1 xvfb xauth
    # Fonts for the GUI and the documents (OCR-B for the MRZ)
    fonts-dejavu-core fonts-ocr-b
    # PostgreSQL for consulate networks and the storage tests
    postgresql
    # Print stack for the printer tests and PDF tools to look at output
    cups cups-client cups-bsd printer-driver-cups-pdf libcups2-dev poppler-utils
    # Building wheels that have no binary for this platform
    build-essential python3-dev
)

missing=()
if command -v dpkg-query >/dev/null 2>&1; then
    for pkg in "${debian_packages[@]}"; do
        status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
        [[ "$status" == "install ok installed" ]] || missing+=("$pkg")
    done
fi

if ((${#missing[@]})); then
    if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
        echo "setup: installing system packages: ${missing[*]}"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq
        apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    else
        echo "setup: these system packages are missing; ask an administrator to install them:"
        echo "    sudo apt-get install ${missing[*]}"
        echo "setup: continuing without them (the features that need them will say so)."
    fi
fi

# Python: 3.11 or newer, in a project-local virtual environment.
python_bin="${PYTHON:-}"
if [[ -z "$python_bin" ]]; then
    for candidate in python3.13 python3.12 python3.11 python3; do
        if command -v "$candidate" >/dev/null 2>&1 &&
            "$candidate" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' 2>/dev/null; then
            python_bin="$candidate"
            break
        fi
    done
fi
if [[ -z "$python_bin" ]]; then
    echo "setup: Python 3.11 or newer is needed (Debian: apt-get install python3 python3-venv)." >&2
    exit 1
fi

venv="$here/.venv"
if [[ ! -x "$venv/bin/python" ]]; then
    echo "setup: creating $venv with $python_bin"
    "$python_bin" -m venv "$venv"
fi

extras="dev"
if [[ -f /usr/include/PCSC/winscard.h ]] || pkg-config --exists libpcsclite 2>/dev/null ||
    [[ "$(uname -s)" == "Darwin" ]]; then
    extras="dev,smartcard"
else
    echo "setup: PC/SC headers missing (Debian: libpcsclite-dev): installing without smartcard support"
fi
if [[ -f /usr/include/cups/cups.h ]]; then
    extras="$extras,printing"
else
    echo "setup: CUPS headers missing (Debian: libcups2-dev): installing without print job tracking"
fi
stamp="$venv/.installed-$(cat pyproject.toml <(echo "$extras") | sha256sum | cut -c1-16)"
if [[ ! -f "$stamp" ]]; then
    echo "setup: installing the workstation and its Python packages into .venv ($extras)"
    "$venv/bin/python" -m pip install -q --disable-pip-version-check --upgrade pip
    "$venv/bin/python" -m pip install -q --disable-pip-version-check -e ".[$extras]"
    rm -f "$venv"/.installed-*
    touch "$stamp"
fi
