"""Print jobs as the consulate records them: which document (or which certificate of a civil
register entry) went to which queue, and what became of it.

A document is *produced* (numbered, sealed, rendered) before it is printed, and becomes *issued*
only when a print job for it completed, or when an officer confirms a manual print. A job that
failed or was cancelled can be retried (a new attempt, same document and number); a card that came
out of the printer unusable is *spoiled* with a reason, which the document's history records as a
spoiled copy so the blank-card stock adds up.

A certificate of a civil register entry (full copy or birth extract) is printed the same way,
followed, retried and cancelled like a document's job; its job names the entry's register number
and the certificate kind instead of a document, and its completion issues nothing (a certificate
is not numbered stock).

The spooler's own states arrive as plain strings (``queued``, ``printing``, ``completed``,
``failed``, ``cancelled``, ``held``) from the device layer; this module decides what they mean for
the record. No I/O here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from enum import StrEnum

from workstation.domain.errors import DomainError, LifecycleError


class PrintJobState(StrEnum):
    QUEUED = "queued"
    PRINTING = "printing"
    COMPLETED = "completed"
    FAILED = "failed"
    CANCELLED = "cancelled"
    SPOILED = "spoiled"


class PrintPurpose(StrEnum):
    """Why the job was sent: the first print issues the document; a reprint does not."""

    ISSUE = "issue"
    REPRINT = "reprint"


class PrintTarget(StrEnum):
    CARD = "card"
    A4 = "a4"


#: Spooler states (device layer) -> record states. ``held`` is a job waiting for the operator
#: (a stopped queue, a job on hold): still live, shown as queued with its condition.
SPOOLER_STATES: dict[str, PrintJobState] = {
    "queued": PrintJobState.QUEUED,
    "held": PrintJobState.QUEUED,
    "printing": PrintJobState.PRINTING,
    "completed": PrintJobState.COMPLETED,
    "failed": PrintJobState.FAILED,
    "cancelled": PrintJobState.CANCELLED,
}

LIVE_STATES = frozenset({PrintJobState.QUEUED, PrintJobState.PRINTING})
FINAL_STATES = frozenset(
    {
        PrintJobState.COMPLETED,
        PrintJobState.FAILED,
        PrintJobState.CANCELLED,
        PrintJobState.SPOILED,
    }
)
RETRIABLE_STATES = frozenset({PrintJobState.FAILED, PrintJobState.CANCELLED})


@dataclass(frozen=True, slots=True)
class PrintJob:
    """One attempt at printing one document, or one certificate of a civil register entry
    (``register_number`` and ``certificate_kind``, ``document_id`` None), on one queue."""

    document_id: int | None
    queue: str
    target: PrintTarget
    purpose: PrintPurpose
    officer_id: int
    state: PrintJobState
    created_at: dt.datetime
    updated_at: dt.datetime
    attempt: int = 1
    spooler_job_id: str | None = None
    condition: str | None = None
    detail: str = ""
    reason: str = ""
    id: int | None = None
    register_number: str | None = None
    certificate_kind: str | None = None

    def __post_init__(self) -> None:
        certificate = self.register_number is not None
        if certificate == (self.document_id is not None) or certificate != (
            self.certificate_kind is not None
        ):
            raise ValueError("a print job prints a document or a certificate (number and kind)")

    @property
    def is_certificate(self) -> bool:
        return self.register_number is not None

    @property
    def subject(self) -> tuple[str, str]:
        """What the job prints, as the audit log names it: ``("document", "12")`` or
        ``("civil_entry", "UTO-GVA/B/2026/000001")``."""
        if self.register_number is not None:
            return "civil_entry", self.register_number
        return "document", str(self.document_id)

    @property
    def live(self) -> bool:
        return self.state in LIVE_STATES

    @property
    def retriable(self) -> bool:
        return self.state in RETRIABLE_STATES


def observe(
    job: PrintJob, spooler_state: str, condition: str | None, detail: str, at: dt.datetime
) -> PrintJob:
    """The job as the spooler now reports it. A final state never changes again (a spooler that
    forgets a completed job must not turn it back into a failure)."""
    if job.state in FINAL_STATES:
        return job
    try:
        state = SPOOLER_STATES[spooler_state]
    except KeyError:
        raise DomainError("print.unknown_spooler_state", state=spooler_state) from None
    if (state, condition, detail) == (job.state, job.condition, job.detail):
        return job
    return replace(job, state=state, condition=condition, detail=detail, updated_at=at)


def cancel(job: PrintJob, at: dt.datetime) -> PrintJob:
    if job.state not in LIVE_STATES:
        raise LifecycleError("print.not_live", state=job.state.value)
    return replace(job, state=PrintJobState.CANCELLED, updated_at=at)


def spoil(job: PrintJob, reason: str, at: dt.datetime) -> PrintJob:
    """A card (or sheet) that left the printer unusable: counted against the blank stock."""
    if not reason.strip():
        raise DomainError("print.spoil_reason_required", "reason")
    if job.state == PrintJobState.SPOILED:
        raise LifecycleError("print.already_spoiled", state=job.state.value)
    return replace(job, state=PrintJobState.SPOILED, reason=reason.strip(), updated_at=at)


def retry_of(job: PrintJob, officer_id: int, at: dt.datetime, queue: str | None = None) -> PrintJob:
    """A new attempt for a failed, cancelled or spoiled job (same document, same number; or
    the same certificate)."""
    if job.state not in RETRIABLE_STATES | {PrintJobState.SPOILED}:
        raise LifecycleError("print.not_retriable", state=job.state.value)
    return PrintJob(
        document_id=job.document_id,
        queue=queue or job.queue,
        target=job.target,
        purpose=job.purpose,
        officer_id=officer_id,
        state=PrintJobState.QUEUED,
        created_at=at,
        updated_at=at,
        attempt=job.attempt + 1,
        register_number=job.register_number,
        certificate_kind=job.certificate_kind,
    )
