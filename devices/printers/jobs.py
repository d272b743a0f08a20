"""Print requests, job states, printer conditions and what the officer may do about them.

Everything here is an immutable value or a pure function: no spooler, no thread, no Qt.
The vocabulary follows the card printer SDKs (Evolis, Zebra): a job has a *state*; when
something keeps it from completing, a *condition* says why, and each condition allows a
fixed set of *operator actions*. ``devices`` never phrases anything for the officer: each
condition has a stable message code (``printer.queue_stopped``) that the application
translates; the spooler's own text (a queue's message such as "Ribbon empty") travels in
``JobStatus.detail`` for display next to the translated message and for the log.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType
from typing import Final

__all__ = [
    "MAX_COPIES",
    "JobState",
    "JobStatus",
    "Media",
    "OperatorAction",
    "PrintRequest",
    "PrinterCondition",
    "allowed_actions",
    "condition_for_code",
    "message_code",
]

#: Upper bound on copies per request: a typo (100 instead of 1) must not eat card stock.
MAX_COPIES: Final = 20


class Media(StrEnum):
    """The media a request is laid out for; the queue must hold that media."""

    ID1_CARD = "id1_card"  # ISO/IEC 7810 ID-1, 85.6 x 54 mm
    A4 = "a4"

    @property
    def size_mm(self) -> tuple[float, float]:
        """(width, height) in millimetres, landscape for the card."""
        return _MEDIA_SIZE_MM[self]

    @property
    def page_size(self) -> str:
        """The PPD ``PageSize`` / ``media`` choice naming this media in CUPS."""
        return _MEDIA_PAGE_SIZE[self]


_MEDIA_SIZE_MM: Final = {Media.ID1_CARD: (85.6, 54.0), Media.A4: (210.0, 297.0)}
_MEDIA_PAGE_SIZE: Final = {Media.ID1_CARD: "Custom.85.6x54mm", Media.A4: "A4"}


@dataclass(frozen=True, slots=True)
class PrintRequest:
    """A document to print: a PDF whose pages are already laid out at ``media`` size.

    For a card the PDF holds the front page and, when ``duplex``, the back page; the
    printer turns the card (two-sided, long edge). ``title`` names the job in the
    spooler (shown in the queue and in cups-pdf's file names): use the document number,
    never personal data. Validation happens here so an invalid request fails before
    any spooler is contacted.
    """

    title: str
    pdf: bytes
    media: Media
    duplex: bool = False
    copies: int = 1

    def __post_init__(self) -> None:
        if not self.title.strip():
            raise ValueError("a print request needs a title (the document number)")
        if any(ord(ch) < 32 for ch in self.title):
            raise ValueError("a print request title must not contain control characters")
        if not self.pdf.startswith(b"%PDF-"):
            raise ValueError("a print request needs PDF data (no %PDF- header)")
        if not 1 <= self.copies <= MAX_COPIES:
            raise ValueError(f"copies must be between 1 and {MAX_COPIES}, got {self.copies}")

    @classmethod
    def card(cls, title: str, pdf: bytes, *, duplex: bool = True, copies: int = 1) -> PrintRequest:
        """An ID-1 card: front page, and back page when ``duplex`` (the default)."""
        return cls(title, pdf, Media.ID1_CARD, duplex, copies)

    @classmethod
    def a4(cls, title: str, pdf: bytes, *, duplex: bool = False, copies: int = 1) -> PrintRequest:
        """An A4 document (forms, emergency travel documents, receipts)."""
        return cls(title, pdf, Media.A4, duplex, copies)


class JobState(StrEnum):
    """Where a job is; ``completed``, ``failed`` and ``cancelled`` are final."""

    QUEUED = "queued"
    HELD = "held"
    PRINTING = "printing"
    COMPLETED = "completed"
    FAILED = "failed"
    CANCELLED = "cancelled"

    @property
    def is_final(self) -> bool:
        return self in _FINAL_STATES


_FINAL_STATES: Final = frozenset({JobState.COMPLETED, JobState.FAILED, JobState.CANCELLED})


class PrinterCondition(StrEnum):
    """Why a job is not (yet) completed, or why a request could not be submitted."""

    QUEUE_STOPPED = "queue_stopped"  # the queue is paused/stopped: jobs wait in it
    QUEUE_MISSING = "queue_missing"  # no queue of that name on the spooler
    NOT_ACCEPTING = "not_accepting"  # the queue rejects new jobs (cupsreject)
    PRINTER_GONE = "printer_gone"  # the queue exists but its device is offline/unplugged
    MEDIA_PROBLEM = "media_problem"  # out of cards/paper, jam, ribbon or toner empty, door open
    JOB_HELD = "job_held"  # the job is held in the queue until released
    JOB_ABORTED = "job_aborted"  # the spooler or the printer gave up on the job
    JOB_MISSING = "job_missing"  # the spooler no longer knows the job (history purged)
    TIMEOUT = "timeout"  # the job did not finish within the time allowed to follow it
    SPOOLER_DOWN = "spooler_down"  # the print service is not running / not reachable
    LIBRARY_MISSING = "library_missing"  # the spooler's client library is not installed


class OperatorAction(StrEnum):
    """What the officer may choose when a job has a condition.

    * ``retry``: follow the same job again if it is still queued (the queue was restarted,
      the printer reconnected), otherwise submit the request again.
    * ``cancel``: cancel the job in the spooler (if any) and give up printing for now.
    * ``mark_spoiled``: the card stock was used but the card is unusable: record it.
    * ``wait``: keep following the job (the condition may clear by itself).
    """

    RETRY = "retry"
    CANCEL = "cancel"
    MARK_SPOILED = "mark_spoiled"
    WAIT = "wait"


_R, _C, _S, _W = (
    OperatorAction.RETRY,
    OperatorAction.CANCEL,
    OperatorAction.MARK_SPOILED,
    OperatorAction.WAIT,
)
# Spoiled is offered only where a card may have gone through the printer.
_ACTIONS: Final[Mapping[PrinterCondition, frozenset[OperatorAction]]] = MappingProxyType(
    {
        PrinterCondition.QUEUE_STOPPED: frozenset({_R, _C, _W}),
        PrinterCondition.QUEUE_MISSING: frozenset({_R, _C}),
        PrinterCondition.NOT_ACCEPTING: frozenset({_R, _C}),
        PrinterCondition.PRINTER_GONE: frozenset({_R, _C, _W}),
        PrinterCondition.MEDIA_PROBLEM: frozenset({_R, _C, _S, _W}),
        PrinterCondition.JOB_HELD: frozenset({_R, _C, _W}),
        PrinterCondition.JOB_ABORTED: frozenset({_R, _C, _S}),
        PrinterCondition.JOB_MISSING: frozenset({_R, _C, _S}),
        PrinterCondition.TIMEOUT: frozenset({_R, _C, _S, _W}),
        PrinterCondition.SPOOLER_DOWN: frozenset({_R, _C, _W}),
        PrinterCondition.LIBRARY_MISSING: frozenset({_C}),
    }
)

# Message codes. Where the status bar's probe already has a code for the same situation
# (printer.queue_missing, printer.spooler_unavailable) the condition reuses it, so the
# application translates each situation once.
_MESSAGE_CODES: Final[Mapping[PrinterCondition, str]] = MappingProxyType(
    {
        PrinterCondition.QUEUE_STOPPED: "printer.queue_stopped",
        PrinterCondition.QUEUE_MISSING: "printer.queue_missing",
        PrinterCondition.NOT_ACCEPTING: "printer.not_accepting",
        PrinterCondition.PRINTER_GONE: "printer.printer_gone",
        PrinterCondition.MEDIA_PROBLEM: "printer.media_problem",
        PrinterCondition.JOB_HELD: "printer.job_held",
        PrinterCondition.JOB_ABORTED: "printer.job_aborted",
        PrinterCondition.JOB_MISSING: "printer.job_missing",
        PrinterCondition.TIMEOUT: "printer.timeout",
        PrinterCondition.SPOOLER_DOWN: "printer.spooler_unavailable",
        PrinterCondition.LIBRARY_MISSING: "printer.library_missing",
    }
)
_CONDITION_BY_CODE: Final = MappingProxyType({code: c for c, code in _MESSAGE_CODES.items()})


def allowed_actions(condition: PrinterCondition) -> frozenset[OperatorAction]:
    """The actions the officer may choose for ``condition`` (never empty)."""
    return _ACTIONS[condition]


def message_code(condition: PrinterCondition) -> str:
    """The stable code the application translates into the officer's message."""
    return _MESSAGE_CODES[condition]


def condition_for_code(code: str) -> PrinterCondition | None:
    """The condition a :class:`~devices.errors.DeviceError` code stands for, if any.

    Lets the application treat a refused submit (``printer.queue_missing``,
    ``printer.spooler_unavailable`` ...) like a job condition: same message, same actions.
    ``None`` for codes that are programming or configuration errors.
    """
    return _CONDITION_BY_CODE.get(code)


@dataclass(frozen=True, slots=True)
class JobStatus:
    """What the spooler says about one job, at one moment.

    ``job_id`` is a string (CUPS' number as text, the folder backend's file stem) so the
    application can persist it and ask again after a restart. ``condition`` is ``None``
    when nothing stands in the way. ``detail`` is the spooler's own text: for
    ``queue_stopped`` it is the queue's message (e.g. "Ribbon empty - replace ribbon");
    untranslated, for display beside the translated condition and for the log.
    ``pages`` counts impressions (sides) completed when the spooler reports it.
    """

    job_id: str
    queue: str
    state: JobState
    condition: PrinterCondition | None = None
    detail: str = ""
    pages: int | None = None

    @property
    def is_final(self) -> bool:
        return self.state.is_final
