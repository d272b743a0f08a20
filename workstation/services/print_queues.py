"""The print queues an officer may choose, and one device printer per queue.

``folder:NAME`` queues print into a folder of the workstation (PDF and PNG files: the backend of
a post without a card printer); every other name is a system print queue (CUPS).
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from devices.errors import DeviceError
from devices.printers import CupsBackend, FolderBackend, PrinterBackend, PrintQueue, QueueState
from devices.printers import Printer as DevicePrinter
from workstation.domain.printing import PrintTarget

#: A queue named ``folder:NAME`` prints into the folder NAME under the workstation's print
#: folder (PDF and PNG files): the backend for a post without a card printer.
FOLDER_PREFIX = "folder:"

_log = logging.getLogger(__name__)


class QueueKind(StrEnum):
    """Where a queue prints: a folder of the workstation, or the system spooler (CUPS)."""

    FOLDER = "folder"
    SYSTEM = "system"


@dataclass(frozen=True, slots=True)
class QueueChoice:
    """A print queue the officer may choose for one kind of output.

    ``post_default``: the queue the post configured for that output (site.toml ``[devices]``);
    ``role``: the output the post configured it for, if any (the A4 printer offered for a
    card). ``state`` is the spooler's (a folder is always idle); ``None`` when nobody knows:
    a configured system queue while the spooler is unreachable, or one it does not list.
    ``reason`` is the spooler's own message for the queue (English, e.g. "Card hopper
    empty"), shown beside the state; ``problem`` a message code for the officer
    (``printer.spooler_unavailable``, ``printer.queue_missing``) when the state is unknown.
    """

    name: str
    kind: QueueKind
    post_default: bool = False
    role: PrintTarget | None = None
    state: QueueState | None = None
    reason: str = ""
    problem: str | None = None
    description: str = ""
    accepting_jobs: bool | None = None

    @property
    def stopped(self) -> bool:
        """A job sent here waits (a stopped queue, or one that rejects jobs)."""
        return self.state is QueueState.STOPPED or self.accepting_jobs is False


def _system_backend() -> PrinterBackend:
    """CUPS: ``CUPS_SERVER``'s scheduler (read now), else the local one.

    Named explicitly rather than left to libcups, which reads ``CUPS_SERVER`` once per thread
    and keeps it: a thread that asked the spooler before the setting changed would go on asking
    the old one (a post reconfigured at run time; the test session's private scheduler)."""
    server = os.environ.get("CUPS_SERVER", "").strip()
    if not server:
        return CupsBackend()
    host, _, port = server.rpartition(":")
    if not server.startswith("/") and host and port.isdigit():
        return CupsBackend(server=host, port=int(port))
    return CupsBackend(server=server)


class PrinterPool:
    """One device printer (and its worker thread) per queue name, made on first use.

    ``folder:NAME`` queues print into ``folder_root/NAME``; every other name is a system print
    queue (CUPS on Linux and macOS). ``system`` makes the system spooler's backend (CUPS; the
    scheduler of ``CUPS_SERVER`` or the local one), for printing and for listing its queues.
    """

    def __init__(
        self, folder_root: Path, system: Callable[[], PrinterBackend] = _system_backend
    ) -> None:
        self.folder_root = folder_root
        self._system = system
        self._printers: dict[str, DevicePrinter] = {}
        self._lock = threading.Lock()

    def system_queues(self) -> list[PrintQueue]:
        """The system spooler's queues with their states, asked now (a fresh connection).

        Blocking but short (a local scheduler answers in milliseconds); call it off the GUI
        thread. Raises :class:`DeviceError` (``printer.spooler_unavailable``,
        ``printer.library_missing`` ...) when there is no spooler to ask.
        """
        return self._system().list_queues()

    def folder_of(self, queue: str) -> Path:
        """The folder a ``folder:NAME`` queue prints into."""
        return self.folder_root / (queue[len(FOLDER_PREFIX) :] or "printed")

    def printer(self, queue: str) -> DevicePrinter:
        with self._lock:
            found = self._printers.get(queue)
            if found is None:
                if queue.startswith(FOLDER_PREFIX):
                    name = queue[len(FOLDER_PREFIX) :] or "printed"
                    backend = FolderBackend(self.folder_root, [name])
                    found = DevicePrinter(backend, name, name=f"folder-{name}")
                else:
                    found = DevicePrinter(self._system(), queue)
                self._printers[queue] = found
            return found

    def close(self) -> None:
        with self._lock:
            printers, self._printers = list(self._printers.values()), {}
        for printer in printers:
            printer.close()


def queue_choices(
    pool: PrinterPool, configured: Mapping[PrintTarget, str], target: PrintTarget
) -> list[QueueChoice]:
    """The queues an officer may print ``target`` output on (see
    :meth:`~workstation.services.printing.PrintService.available_queues`): the post's queue for
    ``target`` first, then the system spooler's queues, then the post's other configured one."""
    problem: str | None = None
    system: list[PrintQueue] = []
    try:
        system = pool.system_queues()
    except DeviceError as exc:
        _log.info("no system print queues to offer: %s", exc)
        problem = exc.code
    reported = {queue.name.casefold(): queue for queue in system}
    others = [name for t, name in configured.items() if t is not target]
    names = [configured.get(target), *(q.name for q in system), *others]
    roles: dict[str, PrintTarget] = {}
    for configured_target, name in configured.items():
        roles.setdefault(name.casefold(), configured_target)
    if target in configured:  # one queue for both: it is this target's default
        roles[configured[target].casefold()] = target
    return [
        _choice(pool, name, target, roles.get(name.casefold()), reported, problem)
        for name in _unique(names)
    ]


def _choice(
    pool: PrinterPool,
    name: str,
    target: PrintTarget,
    role: PrintTarget | None,
    reported: dict[str, PrintQueue],
    problem: str | None,
) -> QueueChoice:
    default = role is target
    if name.startswith(FOLDER_PREFIX):
        return QueueChoice(
            name,
            QueueKind.FOLDER,
            default,
            role,
            QueueState.IDLE,
            description=str(pool.folder_of(name)),
            accepting_jobs=True,
        )
    queue = reported.get(name.casefold())
    if queue is None:
        missing = problem or "printer.queue_missing"
        return QueueChoice(name, QueueKind.SYSTEM, default, role, problem=missing)
    return QueueChoice(
        queue.name,
        QueueKind.SYSTEM,
        default,
        role,
        queue.state,
        queue.message or _reasons_text(queue.state_reasons),
        description=queue.description,
        accepting_jobs=queue.accepting_jobs,
    )


def _unique(names: Iterable[str | None]) -> list[str]:
    """Non-empty names, first occurrence kept (CUPS names are case-insensitive)."""
    seen: set[str] = set()
    unique: list[str] = []
    for name in names:
        if name and name.casefold() not in seen:
            seen.add(name.casefold())
            unique.append(name)
    return unique


def _reasons_text(reasons: Iterable[str]) -> str:
    """IPP printer-state-reasons keywords when the scheduler gave no message."""
    return ", ".join(r for r in reasons if r not in ("none", "paused"))
