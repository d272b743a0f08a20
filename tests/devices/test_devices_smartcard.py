"""PC/SC reader probing against the real pyscard and pcsc-lite client library."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from devices.smartcard import probe_reader, select_reader
from devices.status import DeviceKind, DeviceState

REPO_ROOT = Path(__file__).resolve().parents[2]

READERS = [
    "HID Global OMNIKEY 5422 Smartcard Reader [OMNIKEY 5422 Smartcard Reader] 00 00",
    "HID Global OMNIKEY 5422 Smartcard Reader [OMNIKEY 5422CL Smartcard Reader] 01 00",
    "ACS ACR1281 1S Dual Reader [ACR1281U PICC] 02 00",
]


def _pyscard_importable() -> bool:
    try:
        return importlib.util.find_spec("smartcard.System") is not None
    except ImportError:
        return False


def test_select_reader_defaults_to_first_reader() -> None:
    assert select_reader(READERS, None) == READERS[0]
    assert select_reader(READERS, "   ") == READERS[0]
    assert select_reader([], None) is None


def test_select_reader_prefers_exact_name_then_case_insensitive_fragment() -> None:
    assert select_reader(READERS, READERS[1]) == READERS[1]
    # The slot suffix ("02 00") changes with the USB port; a fragment is stable.
    assert select_reader(READERS, "acr1281u picc") == READERS[2]
    assert select_reader(READERS, "5422CL") == READERS[1]
    assert select_reader(READERS, "Identiv uTrust") is None


@pytest.mark.skipif(
    not _pyscard_importable(),
    reason="pyscard not installed: see the "
    "library_missing test; this one needs the real pcsc-lite client",
)
@pytest.mark.skipif(
    not sys.platform.startswith("linux"),
    reason="forcing 'no PC/SC service' relies on pcsc-lite's PCSCLITE_CSOCK_NAME",
)
def test_no_pcsc_service_is_reported_as_unavailable(tmp_path: Path) -> None:
    # A fresh interpreter pointed at a socket nobody listens on behaves exactly
    # like a station where pcscd is not running, whatever this host runs.
    # (pcsc-lite caches the socket name per process, hence the subprocess.)
    code = (
        "import json\n"
        "from devices.smartcard import probe_reader\n"
        "s = probe_reader(None)\n"
        "print(json.dumps([s.kind, s.state, s.name, s.code, s.detail]))\n"
    )
    env = {
        **os.environ,
        "PYTHONPATH": str(REPO_ROOT),
        "PCSCLITE_CSOCK_NAME": str(tmp_path / "no-pcscd.comm"),
    }
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO_ROOT,
        timeout=60,
        check=True,
    )
    kind, state, name, code_, detail = json.loads(result.stdout)
    assert (kind, state, name, code_) == ("reader", "unavailable", None, "pcsc.service_unavailable")
    assert "EstablishContextException" in detail


def test_missing_pyscard_is_reported_as_library_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    # None in sys.modules is how the import system spells "cannot be imported":
    # this is what a station without pyscard (or without libpcsclite) sees.
    monkeypatch.setitem(sys.modules, "smartcard", None)
    monkeypatch.setitem(sys.modules, "smartcard.System", None)
    status = probe_reader("OMNIKEY")
    assert status.kind is DeviceKind.READER
    assert status.state is DeviceState.UNAVAILABLE
    assert status.code == "pcsc.library_missing"
    assert status.name == "OMNIKEY"
    assert "smartcard" in status.detail
