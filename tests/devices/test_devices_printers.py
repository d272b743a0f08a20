"""Print queue discovery through the CUPS client ``lpstat``.

Two kinds of tests:

* against the real ``lpstat`` pointed at a scheduler that does not exist
  (``CUPS_SERVER`` = an unused socket), i.e. a station where cupsd is down;
* against ``lpstat`` *stand-ins*: tiny shell scripts put first on ``PATH`` that
  replay output recorded from a real CUPS 2.4.2 scheduler (Debian 12, LC_ALL=C)
  with three queues: an enabled default A4 printer, a card printer stopped by
  its backend with a message, an A4 queue paused by an admin, and a class.
  They are not CUPS; they only let the parser meet real output without a
  running scheduler.
"""

from __future__ import annotations

import os
import shutil
import sys
import time
from pathlib import Path

import pytest

from devices.errors import DeviceError
from devices.printers import PrintQueue, list_queues, probe_printer
from devices.printers.queues import LPSTAT_TIMEOUT_S, QueueState
from devices.status import DeviceKind, DeviceState

pytestmark = pytest.mark.skipif(
    sys.platform == "win32", reason="CUPS lpstat backend; Windows reports platform_unsupported"
)

# --- Output recorded from real `lpstat` (CUPS 2.4.2, LC_ALL=C) -------------------------
RECORDED_RUNNING = "scheduler is running\n"
RECORDED_NOT_RUNNING = "scheduler is not running\n"
RECORDED_E = "CardPrinters\nEvolis_Primacy_2\nHP_LaserJet_M404\nOffice_A4\n"
RECORDED_P = (
    "printer CardPrinters is idle.  enabled since Wed Nov 25 00:48:57 2026\n"
    "printer Evolis_Primacy_2 disabled since Wed Nov 25 00:48:41 2026 -\n"
    "\tRibbon empty - replace ribbon\n"
    "printer HP_LaserJet_M404 now printing HP_LaserJet_M404-1.  "
    "enabled since Wed Nov 25 00:48:52 2026\n"
    "printer Office_A4 disabled since Wed Nov 25 00:48:41 2026 -\n"
    "\tPaused\n"
)
RECORDED_D = "system default destination: HP_LaserJet_M404\n"
RECORDED_NO_DEFAULT = "no system default destination\n"
RECORDED_NO_DESTINATIONS_ERR = "lpstat: No destinations added.\n"

# args -> (stdout, stderr, exit status)
Recording = dict[str, tuple[str, str, int]]

FOUR_QUEUES: Recording = {
    "-r": (RECORDED_RUNNING, "", 0),
    "-e": (RECORDED_E, "", 0),
    "-p": (RECORDED_P, "", 0),
    "-d": (RECORDED_D, "", 0),
}


def install_lpstat_stand_in(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, recording: Recording
) -> Path:
    """Put a fake `lpstat` (replaying ``recording``) first on PATH; return its directory.

    The stand-in refuses to answer unless LC_ALL=C, because the parser depends
    on untranslated output and the probe must enforce that.
    """
    bin_dir = tmp_path / "lpstat-stand-in"
    data_dir = bin_dir / "recorded"
    data_dir.mkdir(parents=True)
    for index, (args, (stdout, stderr, status)) in enumerate(recording.items()):
        (data_dir / f"{index}.args").write_text(args, encoding="utf-8")
        (data_dir / f"{index}.stdout").write_text(stdout, encoding="utf-8")
        (data_dir / f"{index}.stderr").write_text(stderr, encoding="utf-8")
        (data_dir / f"{index}.status").write_text(str(status), encoding="utf-8")
    script = bin_dir / "lpstat"
    script.write_text(
        "#!/bin/sh\n"
        "# Stand-in for the CUPS client lpstat: replays recorded real output. Not CUPS.\n"
        'if [ "$LC_ALL" != "C" ]; then echo "stand-in: LC_ALL=C expected" >&2; exit 97; fi\n'
        f'data="{data_dir}"\n'
        'for f in "$data"/*.args; do\n'
        '  if [ "$(cat "$f")" = "$*" ]; then\n'
        '    base="${f%.args}"\n'
        '    cat "$base.stdout"; cat "$base.stderr" >&2; exit "$(cat "$base.status")"\n'
        "  fi\n"
        "done\n"
        'echo "stand-in: no recording for lpstat $*" >&2\n'
        "exit 98\n",
        encoding="utf-8",
    )
    script.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}")
    monkeypatch.setenv("LC_ALL", "fr_FR.UTF-8")  # the probe must override it
    return bin_dir


# --- Real lpstat, no scheduler ---------------------------------------------------------


@pytest.mark.skipif(shutil.which("lpstat") is None, reason="CUPS client (lpstat) not installed")
def test_no_cups_scheduler_is_reported_as_spooler_unavailable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CUPS_SERVER", str(tmp_path / "no-cupsd.sock"))
    status = probe_printer(DeviceKind.A4_PRINTER, "HP_LaserJet_M404")
    assert status.kind is DeviceKind.A4_PRINTER
    assert status.state is DeviceState.UNAVAILABLE
    assert status.code == "printer.spooler_unavailable"
    assert "scheduler is not running" in status.detail


def test_missing_lpstat_is_reported_as_spooler_unavailable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    empty = tmp_path / "empty-bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    with pytest.raises(DeviceError) as raised:
        list_queues()
    assert raised.value.code == "printer.spooler_unavailable"
    assert "lpstat not found" in raised.value.detail
    status = probe_printer(DeviceKind.CARD_PRINTER, "Evolis_Primacy_2")
    assert (status.state, status.code) == (DeviceState.UNAVAILABLE, "printer.spooler_unavailable")


# --- Recorded output through the stand-in ----------------------------------------------


def test_list_queues_parses_enabled_disabled_and_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    install_lpstat_stand_in(tmp_path, monkeypatch, FOUR_QUEUES)
    assert list_queues() == [
        PrintQueue("CardPrinters", QueueState.IDLE, is_default=False, message=""),
        PrintQueue("Evolis_Primacy_2", QueueState.STOPPED, False, "Ribbon empty - replace ribbon"),
        PrintQueue("HP_LaserJet_M404", QueueState.PRINTING, is_default=True, message=""),
        PrintQueue("Office_A4", QueueState.STOPPED, is_default=False, message="Paused"),
    ]
    assert [q.enabled for q in list_queues()] == [True, False, True, False]


def test_instances_inherit_state_and_missing_default_is_fine(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Hand-extended -e list: an lpoptions instance (real lpstat lists those with
    # -e) and a DNS-SD discovered printer that has no local queue yet.
    recording = dict(FOUR_QUEUES)
    recording["-e"] = ("Office_A4\nOffice_A4/duplex\nipp_discovered_mfp\n", "", 0)
    recording["-d"] = (RECORDED_NO_DEFAULT, "", 0)
    install_lpstat_stand_in(tmp_path, monkeypatch, recording)
    queues = {q.name: q for q in list_queues()}
    assert queues["Office_A4/duplex"] == PrintQueue(
        "Office_A4/duplex", QueueState.STOPPED, False, "Paused"
    )
    assert queues["ipp_discovered_mfp"].enabled
    assert "no state reported" in queues["ipp_discovered_mfp"].message
    assert not any(q.is_default for q in queues.values())


def test_scheduler_down_is_not_mistaken_for_no_queues(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Real CUPS: with cupsd down, `lpstat -e` exits 0 and prints nothing.
    install_lpstat_stand_in(
        tmp_path,
        monkeypatch,
        {
            "-r": (RECORDED_NOT_RUNNING, "", 0),
            "-e": ("", "", 0),
            "-d": (RECORDED_NO_DEFAULT, "", 0),
        },
    )
    with pytest.raises(DeviceError) as raised:
        list_queues()
    assert raised.value.code == "printer.spooler_unavailable"


def test_no_destinations(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    install_lpstat_stand_in(
        tmp_path,
        monkeypatch,
        {
            "-r": (RECORDED_RUNNING, "", 0),
            "-e": ("", "", 0),
            "-p": ("", RECORDED_NO_DESTINATIONS_ERR, 1),
            "-d": (RECORDED_NO_DEFAULT, "", 0),
        },
    )
    assert list_queues() == []
    status = probe_printer(DeviceKind.CARD_PRINTER, "Evolis_Primacy_2")
    assert (status.state, status.code) == (DeviceState.ABSENT, "printer.queue_missing")
    assert "known queues: none" in status.detail


CARD, A4 = DeviceKind.CARD_PRINTER, DeviceKind.A4_PRINTER
READY, UNAVAILABLE, ABSENT = DeviceState.READY, DeviceState.UNAVAILABLE, DeviceState.ABSENT
UNSET = DeviceState.NOT_CONFIGURED


@pytest.mark.parametrize(
    ("kind", "configured", "state", "name", "code", "detail"),
    [
        (A4, "HP_LaserJet_M404", READY, "HP_LaserJet_M404", None, ""),
        # CUPS destination names are case-insensitive.
        (A4, "hp_laserjet_m404", READY, "HP_LaserJet_M404", None, ""),
        (CARD, "Evolis_Primacy_2", UNAVAILABLE, "Evolis_Primacy_2", "printer.queue_disabled",
         "Ribbon empty - replace ribbon"),
        (A4, "Office_A4", UNAVAILABLE, "Office_A4", "printer.queue_disabled", "Paused"),
        (CARD, "Zebra_ZC300", ABSENT, "Zebra_ZC300", "printer.queue_missing", None),
        (CARD, None, UNSET, None, "printer.not_configured", ""),
        (A4, "  ", UNSET, None, "printer.not_configured", ""),
    ],
)  # fmt: skip
def test_probe_printer(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    kind: DeviceKind,
    configured: str | None,
    state: DeviceState,
    name: str | None,
    code: str | None,
    detail: str | None,
) -> None:
    install_lpstat_stand_in(tmp_path, monkeypatch, FOUR_QUEUES)
    status = probe_printer(kind, configured)
    assert (status.kind, status.state, status.name, status.code) == (kind, state, name, code)
    if detail is not None:
        assert status.detail == detail


def test_probe_printer_rejects_non_printer_kind() -> None:
    with pytest.raises(ValueError, match="printer kind"):
        probe_printer(DeviceKind.CAMERA, "HP_LaserJet_M404")


def test_locale_is_forced_to_c(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The stand-in exits 97 unless LC_ALL=C; the fixture sets LC_ALL=fr_FR.UTF-8.
    install_lpstat_stand_in(tmp_path, monkeypatch, FOUR_QUEUES)
    assert os.environ["LC_ALL"] == "fr_FR.UTF-8"
    assert len(list_queues()) == 4


def test_hanging_lpstat_is_cut_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Like lpstat waiting on an unreachable remote CUPS_SERVER.
    bin_dir = tmp_path / "hanging-lpstat-stand-in"
    bin_dir.mkdir()
    script = bin_dir / "lpstat"
    script.write_text("#!/bin/sh\n# Stand-in for an lpstat that never answers.\nexec sleep 60\n")
    script.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}")
    started = time.monotonic()
    status = probe_printer(DeviceKind.A4_PRINTER, "HP_LaserJet_M404")
    elapsed = time.monotonic() - started
    assert (status.state, status.code) == (DeviceState.UNAVAILABLE, "printer.spooler_unavailable")
    assert "timed out" in status.detail
    assert LPSTAT_TIMEOUT_S <= elapsed < LPSTAT_TIMEOUT_S + 2
