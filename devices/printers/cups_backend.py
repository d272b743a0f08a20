"""Printing through CUPS with pycups: queues, job submission and IPP job states.

pycups is imported lazily (like pyscard in ``devices.smartcard.readers``): a station
without it (Windows, a macOS build without the extension) can still import ``devices``
and gets ``printer.library_missing`` when it tries to print through CUPS.

A new connection is opened for every call: connecting to a local scheduler costs about
a millisecond, and a connection kept between calls would die with cupsd (a restart,
an upgrade) and would tie the backend to the thread that created it.

Card size: the administrator sets the card queue's default ``PageSize`` to
``Custom.85.6x54mm`` (a ``media=`` option alone leaves the driver's A4 default); each job
still carries ``media``/``PageSize`` and ``sides`` so a queue shared with other sizes,
or a driver honouring only one of the two, gets the right one.
"""

from __future__ import annotations

import importlib
import logging
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType
from typing import Any, Final

from devices.errors import DeviceError
from devices.printers.backend import PrinterBackend
from devices.printers.jobs import JobState, JobStatus, PrinterCondition, PrintRequest
from devices.printers.queues import PrintQueue, QueueState

__all__ = ["CupsBackend", "condition_for", "job_options", "job_state_from_ipp"]

_log = logging.getLogger(__name__)

# IPP job-state (RFC 8011 5.3.7) -> our states.
_JOB_STATES: Final = {
    3: JobState.QUEUED,  # pending
    4: JobState.HELD,  # pending-held
    5: JobState.PRINTING,  # processing
    6: JobState.PRINTING,  # processing-stopped: the printer stopped under the job
    7: JobState.CANCELLED,  # canceled
    8: JobState.FAILED,  # aborted
    9: JobState.COMPLETED,  # completed
}
# IPP printer-state -> queue state.
_QUEUE_STATES: Final = {3: QueueState.IDLE, 4: QueueState.PRINTING, 5: QueueState.STOPPED}
_PRINTER_STOPPED: Final = 5
_CUPS_PRINTER_REJECTING: Final = 0x80000  # printer-type bit: the queue rejects jobs

# printer-state-reasons keywords (RFC 8011 5.4.12, PWG 5100.9) without their severity suffix.
_GONE_REASONS: Final = frozenset({"offline", "shutdown", "timed-out"})
_MEDIA_REASONS: Final = frozenset(
    {
        "media-empty",
        "media-needed",
        "media-jam",
        "marker-supply-empty",
        "toner-empty",
        "door-open",
        "cover-open",
        "input-tray-missing",
        "output-area-full",
        "marker-waste-full",
    }
)
_JOB_ATTRIBUTES: Final = [
    "job-state",
    "job-state-reasons",
    "job-printer-uri",
    "job-printer-state-message",
    "job-impressions-completed",
]
_PRINTER_ATTRIBUTES: Final = [
    "printer-state",
    "printer-state-message",
    "printer-state-reasons",
    "printer-is-accepting-jobs",
]

# IPP status codes (RFC 8011 / CUPS) we tell apart.
_IPP_NOT_FOUND: Final = 0x0406
_IPP_SERVICE_UNAVAILABLE: Final = 0x0502
_IPP_NOT_ACCEPTING: Final = 0x0506


def job_state_from_ipp(value: object) -> JobState:
    """Map IPP ``job-state`` (3..9) to :class:`JobState`; anything else is an error."""
    if isinstance(value, int) and value in _JOB_STATES:
        return _JOB_STATES[value]
    raise DeviceError("printer.status_failed", f"unexpected job-state {value!r}")


def _reason_keyword(reason: str) -> tuple[str, str]:
    """Split ``media-empty-error`` into (``media-empty``, ``error``)."""
    for severity in ("error", "warning", "report"):
        if reason.endswith(f"-{severity}"):
            return reason[: -len(severity) - 1], severity
    return reason, ""


def condition_for(
    state: JobState, printer_state: int | None, reasons: Sequence[str]
) -> PrinterCondition | None:
    """The condition holding up a job in ``state`` on a printer in this IPP state.

    Pure, for unit tests. Warnings (``media-low-warning``) are not conditions; an
    ``offline-report`` is, because the job will not move until the printer is back.
    """
    if state is JobState.FAILED:
        return PrinterCondition.JOB_ABORTED
    if state.is_final:
        return None
    if state is JobState.HELD:
        return PrinterCondition.JOB_HELD
    keywords = {
        keyword
        for keyword, severity in map(_reason_keyword, reasons)
        if severity != "warning" and (severity != "report" or keyword == "offline")
    }
    if keywords & _MEDIA_REASONS:
        return PrinterCondition.MEDIA_PROBLEM
    if printer_state == _PRINTER_STOPPED:
        return PrinterCondition.QUEUE_STOPPED
    if keywords & _GONE_REASONS:
        return PrinterCondition.PRINTER_GONE
    return None


def job_options(request: PrintRequest) -> dict[str, str]:
    """The CUPS job options for ``request`` (all values are strings for pycups)."""
    return {
        "media": request.media.page_size,
        "PageSize": request.media.page_size,
        "sides": "two-sided-long-edge" if request.duplex else "one-sided",
        "copies": str(request.copies),
    }


def _import_cups() -> ModuleType:
    try:
        return importlib.import_module("cups")
    except ImportError as exc:
        raise DeviceError("printer.library_missing", f"cannot import cups (pycups): {exc}") from exc


def _as_str(value: object) -> str:
    return value if isinstance(value, str) else ""


def _as_reasons(value: object) -> tuple[str, ...]:
    # pycups returns a list for several values and a bare string for one.
    if isinstance(value, str):
        items: Sequence[object] = [value]
    elif isinstance(value, list | tuple):
        items = value
    else:
        items = []
    return tuple(item for item in items if isinstance(item, str) and item != "none")


def _as_int(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


class CupsBackend(PrinterBackend):
    """A CUPS scheduler: the local one, ``CUPS_SERVER``'s, or ``server`` if given.

    ``server`` is a host name, ``host:port`` is not accepted (use ``port``), or the path
    of the scheduler's domain socket (what the tests use).
    """

    name = "cups"

    def __init__(self, server: str | None = None, port: int | None = None) -> None:
        self._server = server
        self._port = port

    def __repr__(self) -> str:
        return f"CupsBackend(server={self._server!r}, port={self._port!r})"

    @contextmanager
    def _connection(self, what: str) -> Iterator[Any]:
        """A fresh connection; pycups' errors leave as DeviceError with stable codes."""
        cups = _import_cups()
        try:
            kwargs: dict[str, object] = {}
            if self._server is not None:
                kwargs["host"] = self._server
            if self._port is not None:
                kwargs["port"] = self._port
            yield cups.Connection(**kwargs)
        except cups.IPPError as exc:
            raise _ipp_error(what, exc) from exc
        except cups.HTTPError as exc:
            raise DeviceError("printer.spooler_unavailable", f"{what}: HTTP {exc.args}") from exc
        except RuntimeError as exc:  # "failed to connect to server"
            raise DeviceError("printer.spooler_unavailable", f"{what}: {exc}") from exc

    def _list_queues(self) -> list[PrintQueue]:
        with self._connection("list queues") as conn:
            printers: object = conn.getPrinters()
            default = _as_str(conn.getDefault())
        if not isinstance(printers, dict):
            raise DeviceError("printer.list_failed", f"getPrinters() returned {printers!r}")
        queues = [
            _queue_from(name, attrs, default)
            for name, attrs in printers.items()
            if isinstance(name, str) and isinstance(attrs, dict)
        ]
        return sorted(queues, key=lambda q: q.name.casefold())

    def _submit(self, queue: str, request: PrintRequest) -> str:
        with self._connection(f"submit to {queue}") as conn:
            printer = self._printer_attributes(conn, queue)
            if printer.get("printer-is-accepting-jobs") is False:
                raise DeviceError(
                    "printer.not_accepting",
                    f"queue {queue} rejects jobs: {_as_str(printer.get('printer-state-message'))}",
                )
            with tempfile.TemporaryDirectory(prefix="cw-print-") as folder:
                path = Path(folder) / "document.pdf"
                path.write_bytes(request.pdf)
                job_id: object = conn.printFile(
                    queue, str(path), request.title, job_options(request)
                )
        if not isinstance(job_id, int) or job_id <= 0:
            raise DeviceError("printer.submit_failed", f"printFile returned {job_id!r}")
        return str(job_id)

    def _status(self, queue: str, job_id: str) -> JobStatus:
        number = _job_number(job_id)
        with self._connection(f"status of job {job_id}") as conn:
            attrs = _job_attributes(conn, number)
            state = job_state_from_ipp(attrs.get("job-state"))
            job_queue = _as_str(attrs.get("job-printer-uri")).rsplit("/", 1)[-1] or queue
            printer: Mapping[str, object] = {}
            if not state.is_final:
                printer = self._printer_attributes(conn, job_queue)
        reasons = _as_reasons(printer.get("printer-state-reasons"))
        condition = condition_for(state, _as_int(printer.get("printer-state")), reasons)
        if condition is PrinterCondition.JOB_ABORTED:
            detail = _as_str(attrs.get("job-printer-state-message")) or ", ".join(
                _as_reasons(attrs.get("job-state-reasons"))
            )
        elif condition is not None:
            detail = _as_str(printer.get("printer-state-message")) or ", ".join(reasons)
        else:
            detail = ""
        pages = _as_int(attrs.get("job-impressions-completed"))
        return JobStatus(job_id, job_queue, state, condition, detail, pages)

    def _cancel(self, queue: str, job_id: str) -> None:
        number = _job_number(job_id)
        with self._connection(f"cancel job {job_id}") as conn:
            state = job_state_from_ipp(_job_attributes(conn, number).get("job-state"))
            if state is JobState.CANCELLED:
                return
            if state.is_final:
                raise DeviceError("printer.job_final", f"job {job_id} is already {state}")
            conn.cancelJob(number)

    @staticmethod
    def _printer_attributes(conn: Any, queue: str) -> Mapping[str, object]:
        try:
            attrs: object = conn.getPrinterAttributes(
                queue, requested_attributes=_PRINTER_ATTRIBUTES
            )
        except _cups_ipp_error() as exc:
            if exc.args and exc.args[0] == _IPP_NOT_FOUND:
                raise DeviceError(
                    "printer.queue_missing", f"no print queue named {queue!r}"
                ) from exc
            raise
        if not isinstance(attrs, dict):
            raise DeviceError("printer.status_failed", f"printer attributes: {attrs!r}")
        return attrs


def _cups_ipp_error() -> type[Exception]:
    error: type[Exception] = _import_cups().IPPError
    return error


def _job_number(job_id: str) -> int:
    if not job_id.isdigit():
        raise DeviceError("printer.job_missing", f"not a CUPS job id: {job_id!r}")
    return int(job_id)


def _job_attributes(conn: Any, number: int) -> Mapping[str, object]:
    try:
        attrs: object = conn.getJobAttributes(number, requested_attributes=_JOB_ATTRIBUTES)
    except _cups_ipp_error() as exc:
        if exc.args and exc.args[0] == _IPP_NOT_FOUND:
            raise DeviceError("printer.job_missing", f"CUPS has no job {number}") from exc
        raise
    if not isinstance(attrs, dict):
        raise DeviceError("printer.status_failed", f"job attributes: {attrs!r}")
    return attrs


def _ipp_error(what: str, exc: Exception) -> DeviceError:
    status = exc.args[0] if exc.args else None
    message = exc.args[1] if len(exc.args) > 1 else ""
    detail = f"{what}: IPP status {status!r} {message}".strip()
    if status == _IPP_SERVICE_UNAVAILABLE:
        return DeviceError("printer.spooler_unavailable", detail)
    if status == _IPP_NOT_ACCEPTING:
        return DeviceError("printer.not_accepting", detail)
    if status == _IPP_NOT_FOUND:
        return DeviceError("printer.queue_missing", detail)
    return DeviceError("printer.ipp_error", detail)


def _queue_from(name: str, attrs: Mapping[str, object], default: str) -> PrintQueue:
    state = _QUEUE_STATES.get(_as_int(attrs.get("printer-state")) or 3, QueueState.IDLE)
    printer_type = _as_int(attrs.get("printer-type")) or 0
    return PrintQueue(
        name=name,
        state=state,
        is_default=name == default,
        message=_as_str(attrs.get("printer-state-message")),
        state_reasons=_as_reasons(attrs.get("printer-state-reasons")),
        accepting_jobs=not printer_type & _CUPS_PRINTER_REJECTING,
        description=_as_str(attrs.get("printer-info")),
        device_uri=_as_str(attrs.get("device-uri")) or None,
    )
