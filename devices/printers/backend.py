"""The printer backend interface, and following a job until it ends.

Shape taken from python-escpos: the public methods of :class:`PrinterBackend` are
template methods that validate their arguments, log, call one tiny backend hook
(``_submit``, ``_status`` ...) and check what the hook returned, so each backend (CUPS,
a folder, later the Windows spooler or a vendor SDK) only implements the part that
differs. Every failure leaves a backend as :class:`~devices.errors.DeviceError` with a
stable code (``printer.queue_missing``, ``printer.spooler_unavailable`` ...).

Backends are blocking and hold no connection between calls, so they may be called from
any one thread at a time; the application calls them on the printer's
:class:`~devices.worker.DeviceWorker` (see :class:`devices.printers.printer.Printer`).
"""

from __future__ import annotations

import logging
import re
import threading
import time
from abc import ABC, abstractmethod
from collections.abc import Callable
from dataclasses import replace
from typing import ClassVar, Final

from devices.errors import DeviceError
from devices.printers.jobs import JobState, JobStatus, PrinterCondition, PrintRequest
from devices.printers.queues import PrintQueue

__all__ = ["MIN_POLL_S", "PrinterBackend", "poll_job", "wait_for_job"]

_log = logging.getLogger(__name__)

# CUPS allows any printable character but space, tab, "/", "\\", "'", '"', "?" and "#";
# instances ("Queue/duplex") are lpoptions-only and are not valid IPP destinations.
_QUEUE_NAME: Final = re.compile(r"[^\s/\\'\"?#]{1,127}")
_JOB_ID: Final = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,127}")
#: Below this poll interval a wait would hammer the spooler.
MIN_POLL_S: Final = 0.05


def _check_queue(queue: str) -> str:
    if not _QUEUE_NAME.fullmatch(queue):
        raise DeviceError("printer.queue_missing", f"not a valid queue name: {queue!r}")
    return queue


def _check_job_id(job_id: str) -> str:
    if not _JOB_ID.fullmatch(job_id):
        raise DeviceError("printer.job_missing", f"not a valid job id: {job_id!r}")
    return job_id


class PrinterBackend(ABC):
    """A print spooler (or stand-in) that queues jobs and reports their states.

    Subclasses implement the four ``_`` hooks; callers use the public methods.
    """

    #: Short name for logs ("cups", "folder").
    name: ClassVar[str]

    def list_queues(self) -> list[PrintQueue]:
        """The queues this backend can print to, with their states."""
        queues = self._list_queues()
        _log.debug("%s: %d queue(s)", self.name, len(queues))
        return queues

    def submit(self, queue: str, request: PrintRequest) -> str:
        """Queue ``request`` on ``queue`` and return the job id (persist it).

        Raises:
            DeviceError: ``printer.queue_missing``, ``printer.not_accepting``,
                ``printer.spooler_unavailable``, ``printer.library_missing``,
                ``printer.submit_failed``.
        """
        _check_queue(queue)
        if not isinstance(request, PrintRequest):
            raise TypeError(f"submit() needs a PrintRequest, got {type(request).__name__}")
        _log.info(
            "%s: submitting %r to %s (%s, duplex=%s, copies=%d, %d bytes)",
            self.name,
            request.title,
            queue,
            request.media,
            request.duplex,
            request.copies,
            len(request.pdf),
        )
        job_id = self._submit(queue, request)
        if not isinstance(job_id, str) or not _JOB_ID.fullmatch(job_id):
            raise DeviceError("printer.submit_failed", f"backend returned job id {job_id!r}")
        _log.info("%s: %r queued on %s as job %s", self.name, request.title, queue, job_id)
        return job_id

    def status(self, queue: str, job_id: str) -> JobStatus:
        """The job's current state, and the condition holding it up if any.

        Works for any job id this backend returned, also in a later process.

        Raises:
            DeviceError: ``printer.job_missing`` (unknown to the spooler, e.g. purged
                from its history), ``printer.spooler_unavailable``, ``printer.library_missing``.
        """
        _check_queue(queue)
        _check_job_id(job_id)
        status = self._status(queue, job_id)
        if status.job_id != job_id:
            raise DeviceError(
                "printer.status_failed", f"asked for job {job_id}, got {status.job_id}"
            )
        _log.debug("%s: job %s on %s: %s", self.name, job_id, queue, status)
        return status

    def cancel(self, queue: str, job_id: str) -> None:
        """Cancel a job that is not final yet; cancelling a cancelled job is a no-op.

        Raises:
            DeviceError: ``printer.job_final`` (already completed or failed: nothing to
                cancel), ``printer.job_missing``, ``printer.spooler_unavailable``.
        """
        _check_queue(queue)
        _check_job_id(job_id)
        _log.info("%s: cancelling job %s on %s", self.name, job_id, queue)
        self._cancel(queue, job_id)

    @abstractmethod
    def _list_queues(self) -> list[PrintQueue]: ...

    @abstractmethod
    def _submit(self, queue: str, request: PrintRequest) -> str: ...

    @abstractmethod
    def _status(self, queue: str, job_id: str) -> JobStatus: ...

    @abstractmethod
    def _cancel(self, queue: str, job_id: str) -> None: ...


def wait_for_job(
    backend: PrinterBackend,
    queue: str,
    job_id: str,
    timeout_s: float,
    poll_s: float = 0.25,
    on_change: Callable[[JobStatus], None] | None = None,
    *,
    stop: threading.Event | None = None,
) -> JobStatus:
    """Follow a job until it is final, ``timeout_s`` passes or ``stop`` is set.

    Polls ``backend.status`` every ``poll_s`` seconds (sleeping on an event, so setting
    ``stop`` ends the wait at once) and calls ``on_change`` with each status that
    differs from the previous one, starting with the first (on the calling thread; what
    it raises ends the wait and propagates). While the spooler is
    unreachable the job keeps its last known state with condition ``spooler_down``
    (cupsd keeps its jobs across a restart, so the wait goes on). A missing job ends the
    wait with state ``failed`` / condition ``job_missing``.

    A non-final result means the wait ended early: at the deadline its condition is the
    one that explains the wait (``queue_stopped``, ``spooler_down`` ...) or ``timeout``
    when nothing did; when ``stop`` was set it is the last status seen.
    """
    if timeout_s < 0:
        raise ValueError("timeout_s must not be negative")
    poll_s = max(poll_s, MIN_POLL_S)
    sleeper = stop if stop is not None else threading.Event()
    deadline = time.monotonic() + timeout_s
    last: JobStatus | None = None
    while True:
        current = poll_job(backend, queue, job_id, last)
        if current != last and on_change is not None:
            on_change(current)
        last = current
        outcome = _wait_outcome(current, deadline, timeout_s)
        if outcome is not None:
            if outcome is not current and on_change is not None:
                on_change(outcome)
            return outcome
        if sleeper.wait(min(poll_s, deadline - time.monotonic())) and stop is not None:
            return current


def _wait_outcome(current: JobStatus, deadline: float, timeout_s: float) -> JobStatus | None:
    """The result of a wait that is over with ``current``, or ``None`` to poll again."""
    if current.is_final or current.condition is PrinterCondition.JOB_MISSING:
        return current
    if time.monotonic() < deadline:
        return None
    if current.condition is not None:
        return current
    return replace(
        current,
        condition=PrinterCondition.TIMEOUT,
        detail=f"job not finished after {timeout_s:g} s ({current.state})",
    )


def poll_job(
    backend: PrinterBackend, queue: str, job_id: str, last: JobStatus | None = None
) -> JobStatus:
    """``backend.status`` for someone following a job: a spooler that is down or a job it
    forgot become conditions instead of errors.

    Spooler down: the job keeps its last known state (``queued`` if none) with condition
    ``spooler_down``. Job unknown: state ``failed``, condition ``job_missing``. Other
    DeviceErrors propagate.
    """
    try:
        return backend.status(queue, job_id)
    except DeviceError as exc:
        if exc.code == "printer.spooler_unavailable":
            state = last.state if last is not None else JobState.QUEUED
            return JobStatus(job_id, queue, state, PrinterCondition.SPOOLER_DOWN, exc.detail)
        if exc.code == "printer.job_missing":
            return JobStatus(
                job_id, queue, JobState.FAILED, PrinterCondition.JOB_MISSING, exc.detail
            )
        raise
