"""DeviceError / DeviceStatus contracts and the package's import boundaries.

The status bar and the log rely on stable codes and immutable values; the
import test guards the architectural rule that ``devices`` never pulls in the
application, Qt, or (at import time) pyscard.
"""

from __future__ import annotations

import dataclasses
import json
import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from devices.errors import DeviceError
from devices.status import DeviceKind, DeviceState, DeviceStatus

REPO_ROOT = Path(__file__).resolve().parents[2]


def test_device_error_carries_stable_code_and_log_detail() -> None:
    error = DeviceError("printer.queue_missing", "no queue named 'Evolis'")
    assert error.code == "printer.queue_missing"
    assert error.detail == "no queue named 'Evolis'"
    assert str(error) == "printer.queue_missing: no queue named 'Evolis'"
    assert str(DeviceError("camera.none")) == "camera.none"
    assert isinstance(error, Exception)


def test_device_error_survives_pickling() -> None:
    # Errors may cross worker boundaries; losing the code would break the UI mapping.
    error = pickle.loads(pickle.dumps(DeviceError("pcsc.service_unavailable", "0x8010001D")))
    assert isinstance(error, DeviceError)
    assert (error.code, error.detail) == ("pcsc.service_unavailable", "0x8010001D")


def test_enums_are_plain_strings_for_settings_and_logs() -> None:
    assert [k.value for k in DeviceKind] == ["reader", "card_printer", "a4_printer", "camera"]
    assert [s.value for s in DeviceState] == ["ready", "not_configured", "unavailable", "absent"]
    assert DeviceKind("a4_printer") is DeviceKind.A4_PRINTER
    assert f"{DeviceState.ABSENT}" == "absent"


def test_device_status_is_immutable_value() -> None:
    status = DeviceStatus(DeviceKind.READER, DeviceState.ABSENT, None, "pcsc.no_reader")
    assert status.detail == ""
    assert status == DeviceStatus(DeviceKind.READER, DeviceState.ABSENT, None, "pcsc.no_reader")
    with pytest.raises(dataclasses.FrozenInstanceError):
        status.state = DeviceState.READY  # type: ignore[misc]
    assert not hasattr(status, "__dict__")  # slots: cheap to send across threads


def test_importing_devices_pulls_in_no_application_qt_or_pyscard() -> None:
    code = (
        "import json, sys\n"
        "import devices, devices.errors, devices.status, devices.registry\n"
        "import devices.smartcard, devices.printers, devices.camera\n"
        "bad = {'workstation', 'forms', 'templates', 'PySide6', 'shiboken6', 'smartcard'}\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in bad)))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT)}
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO_ROOT,
        timeout=60,
        check=True,
    )
    # 'smartcard' here is pyscard's top-level package (ours is devices.smartcard):
    # it must only be imported when a reader is actually probed.
    assert json.loads(result.stdout) == []
