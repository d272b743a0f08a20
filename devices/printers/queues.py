"""Discover print queues through the CUPS command-line client (``lpstat``).

Why ``lpstat`` and not QPrinterInfo or pycups: ``devices`` must not depend on Qt,
pycups is an extra C extension that is awkward on macOS, and ``lpstat`` is
present wherever CUPS is (Linux and macOS) and talks to whichever scheduler the
user's CUPS configuration points at (local, ``CUPS_SERVER``, ``client.conf``).
Printing and job states need more than lpstat gives: they go through pycups, imported
lazily, in :mod:`devices.printers.cups_backend`.

Robustness rules, learnt from CUPS' behaviour:

* ``LC_ALL=C`` so the output we parse is not translated.
* ``lpstat -e`` and ``lpstat -d`` exit 0 with no output when the scheduler is
  down, which would look like "no queues"; ``lpstat -r`` is therefore asked first
  and anything but ``scheduler is running`` means the spooler is unavailable.
* Every call has a short timeout: against an unreachable remote ``CUPS_SERVER``
  lpstat can hang for tens of seconds, and the probe runs on the status worker.

On Windows, print queues would come from ``Get-Printer`` (PowerShell) or the
win32 spooler API; that backend does not exist yet and the code says so with
``printer.platform_unsupported`` instead of pretending.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from enum import StrEnum

from devices.errors import DeviceError
from devices.status import DeviceKind, DeviceState, DeviceStatus

__all__ = ["LPSTAT_TIMEOUT_S", "PrintQueue", "QueueState", "list_queues", "probe_printer"]

#: Seconds allowed to each ``lpstat`` call (the brief for device probes: 3 s).
LPSTAT_TIMEOUT_S = 3.0

_PRINTER_KINDS = frozenset({DeviceKind.CARD_PRINTER, DeviceKind.A4_PRINTER})

# "printer NAME is idle.  enabled since ..." / "printer NAME now printing JOB.  enabled since"
# / "printer NAME disabled since DATE -" ; a printer's message follows on tab-indented lines.
_PRINTER_LINE = re.compile(r"^printer (?P<name>\S+) (?P<rest>.*)$")
_DEFAULT_LINE = re.compile(r"^system default destination: (?P<name>\S+)\s*$")
_NO_DESTINATIONS = "No destinations added"


class QueueState(StrEnum):
    """The scheduler's state of a queue (IPP ``printer-state``: idle, processing, stopped)."""

    IDLE = "idle"
    PRINTING = "printing"
    STOPPED = "stopped"


@dataclass(frozen=True, slots=True)
class PrintQueue:
    """One spooler destination.

    ``state`` is ``stopped`` when the queue is paused by an admin or by the backend after
    an error such as an empty ribbon: jobs pile up in it. ``message`` is the scheduler's
    message for the queue (e.g. ``"Paused"``, ``"Ribbon empty - replace ribbon"``), empty
    if none; English technical text for the log and for display beside a translated
    condition. ``state_reasons`` are the IPP ``printer-state-reasons`` keywords
    (``paused``, ``media-empty-error``), ``accepting_jobs`` whether the queue takes new
    jobs (``None`` when the discovery path does not tell: lpstat), ``description`` the
    queue's human-readable info and ``device_uri`` its backend URI, when known.
    """

    name: str
    state: QueueState
    is_default: bool = False
    message: str = ""
    state_reasons: tuple[str, ...] = ()
    accepting_jobs: bool | None = None
    description: str = ""
    device_uri: str | None = None

    @property
    def enabled(self) -> bool:
        """False when the queue is stopped: a job sent to it waits."""
        return self.state is not QueueState.STOPPED


def _lpstat_executable() -> str:
    if sys.platform == "win32":
        raise DeviceError(
            "printer.platform_unsupported",
            "print queue discovery on Windows (Get-Printer) is not implemented yet",
        )
    lpstat = shutil.which("lpstat")
    if lpstat is None:
        raise DeviceError(
            "printer.spooler_unavailable", "lpstat not found on PATH (CUPS client not installed)"
        )
    return lpstat


def _run_lpstat(lpstat: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env["LC_ALL"] = "C"
    env["LANG"] = "C"
    env.pop("LANGUAGE", None)
    command = " ".join(["lpstat", *args])
    try:
        return subprocess.run(
            [lpstat, *args],
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            env=env,
            timeout=LPSTAT_TIMEOUT_S,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        raise DeviceError(
            "printer.spooler_unavailable", f"{command} timed out after {LPSTAT_TIMEOUT_S:g} s"
        ) from exc
    except OSError as exc:
        raise DeviceError("printer.spooler_unavailable", f"cannot run {lpstat}: {exc}") from exc


def _failure_detail(command: str, result: subprocess.CompletedProcess[str]) -> str:
    output = (result.stderr.strip() or result.stdout.strip() or "no output").replace("\n", " | ")
    return f"{command} exited {result.returncode}: {output}"


def _check_scheduler(lpstat: str) -> None:
    result = _run_lpstat(lpstat, "-r")
    lines = [line.strip() for line in result.stdout.splitlines()]
    if result.returncode != 0 or "scheduler is running" not in lines:
        raise DeviceError("printer.spooler_unavailable", _failure_detail("lpstat -r", result))


def _state_from_lpstat(rest: str) -> QueueState:
    if rest.startswith("disabled"):
        return QueueState.STOPPED
    if rest.startswith("now printing"):
        return QueueState.PRINTING
    return QueueState.IDLE


def _parse_printer_states(output: str) -> dict[str, tuple[QueueState, str]]:
    """Parse ``lpstat -p`` output into ``{name: (state, message)}``."""
    states: dict[str, tuple[QueueState, str]] = {}
    current: str | None = None
    for line in output.splitlines():
        match = _PRINTER_LINE.match(line)
        if match is not None:
            current = match["name"]
            states[current] = (_state_from_lpstat(match["rest"]), "")
        elif current is not None and line[:1].isspace() and line.strip():
            state, message = states[current]
            states[current] = (state, f"{message} {line.strip()}".strip())
    return states


def _parse_default(output: str) -> str | None:
    for line in output.splitlines():
        match = _DEFAULT_LINE.match(line.strip())
        if match is not None:
            return match["name"]
    return None


def list_queues() -> list[PrintQueue]:
    """List the destinations known to the system spooler, in ``lpstat -e`` order.

    Includes classes and ``lpoptions`` instances (``Queue/instance``), which are
    valid destinations for printing. A destination that the scheduler lists but
    reports no state for (a network printer discovered by CUPS, whose queue is
    created on first use) is reported enabled with an explanatory reason.

    Raises:
        DeviceError: ``printer.spooler_unavailable`` (no lpstat, scheduler not
            running or not answering in time), ``printer.platform_unsupported``
            (Windows).
    """
    lpstat = _lpstat_executable()
    _check_scheduler(lpstat)

    names_result = _run_lpstat(lpstat, "-e")
    if names_result.returncode != 0:
        raise DeviceError("printer.spooler_unavailable", _failure_detail("lpstat -e", names_result))
    names = [line.strip() for line in names_result.stdout.splitlines() if line.strip()]
    if not names:
        return []

    states_result = _run_lpstat(lpstat, "-p")
    if states_result.returncode != 0 and _NO_DESTINATIONS not in states_result.stderr:
        raise DeviceError(
            "printer.spooler_unavailable", _failure_detail("lpstat -p", states_result)
        )
    states = _parse_printer_states(states_result.stdout)

    default_result = _run_lpstat(lpstat, "-d")
    default = _parse_default(default_result.stdout) if default_result.returncode == 0 else None

    queues: list[PrintQueue] = []
    for name in names:
        # Instances ("Queue/duplex") share their base queue's state when the
        # scheduler does not list them separately.
        state = states.get(name) or states.get(name.split("/", 1)[0])
        if state is None:
            state = (QueueState.IDLE, "no state reported by the scheduler (discovered destination)")
        queue_state, message = state
        queues.append(PrintQueue(name, queue_state, is_default=name == default, message=message))
    return queues


def _find_queue(queues: list[PrintQueue], configured: str) -> PrintQueue | None:
    # CUPS destination names are case-insensitive.
    wanted = configured.strip().casefold()
    for queue in queues:
        if queue.name.casefold() == wanted:
            return queue
    return None


def probe_printer(kind: DeviceKind, configured: str | None) -> DeviceStatus:
    """Report whether the queue configured for ``kind`` can print now.

    Unlike the reader, a printer is never guessed: printing an ID card on the
    office A4 printer (or the reverse) wastes blank stock, so ``None`` means
    ``not_configured``. Expected failures become statuses; only programming
    errors (a non-printer ``kind``) raise.
    """
    if kind not in _PRINTER_KINDS:
        raise ValueError(f"probe_printer() needs a printer kind, got {kind!r}")
    if configured is None or not configured.strip():
        return DeviceStatus(kind, DeviceState.NOT_CONFIGURED, None, "printer.not_configured")
    try:
        queues = list_queues()
    except DeviceError as exc:
        return DeviceStatus(kind, DeviceState.UNAVAILABLE, configured, exc.code, exc.detail)
    queue = _find_queue(queues, configured)
    if queue is None:
        known = ", ".join(q.name for q in queues) or "none"
        return DeviceStatus(
            kind,
            DeviceState.ABSENT,
            configured,
            "printer.queue_missing",
            f"no print queue named {configured!r}; known queues: {known}",
        )
    if not queue.enabled:
        return DeviceStatus(
            kind, DeviceState.UNAVAILABLE, queue.name, "printer.queue_disabled", queue.message
        )
    return DeviceStatus(kind, DeviceState.READY, queue.name, None, queue.message)
