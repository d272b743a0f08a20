"""Printing documents and following the jobs: the use cases behind "Print", "Retry", "Cancel",
"Card spoiled" and "Printed by hand".

Each step is its own short transaction; the spooler is called between them, on the printer's
own worker thread, never inside a database transaction (a slow printer must not hold the
writer's lock). The job row is written *before* the spooler is asked, so a crash in between
leaves a queued job without a spooler id, which :meth:`PrintService.refresh` marks failed (and
retriable) instead of losing it. When a job of a produced document completes, the document
becomes issued in the same transaction that records the completion.

A certificate of a civil register entry (:meth:`PrintService.print_certificate`) goes to the A4
printer as a job of its own, which names the entry and the certificate kind and keeps the PDF:
followed, retried and cancelled like a document's job; its completion issues nothing and is
audited as ``civil.certificate_printed``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import re
import threading
import time
from collections.abc import Callable
from dataclasses import replace

from devices.errors import DeviceError
from devices.printers import (
    JobState,
    JobStatus,
    PrinterCondition,
    PrintRequest,
    condition_for_code,
    message_code,
)
from workstation.domain.civil.entries import EntryState
from workstation.domain.document_kinds import CONSULAR_ID_CARD
from workstation.domain.documents import DocumentAction, DocumentState, transition
from workstation.domain.errors import DomainError, LifecycleError, NotFoundError
from workstation.domain.officers import Officer, Permission
from workstation.domain.printing import (
    PrintJob,
    PrintJobState,
    PrintPurpose,
    PrintTarget,
    cancel,
    observe,
    retry_of,
    spoil,
)
from workstation.services.audit import record
from workstation.services.certificate_printing import certificate_kind
from workstation.services.certificates import CertificateKind, layout_kind
from workstation.services.clock import Clock
from workstation.services.print_queues import (
    PrinterPool,
    QueueChoice,
    queue_choices,
)
from workstation.storage import Database, UnitOfWork

#: How long a call to the spooler may take (submitting a card PDF is well under a second).
SPOOLER_CALL_TIMEOUT_S = 30.0

_log = logging.getLogger(__name__)

_ISSUABLE = frozenset({DocumentState.PRODUCED})
_REPRINTABLE = frozenset({DocumentState.ISSUED, DocumentState.DELIVERED})


def target_for(kind_code: str) -> PrintTarget:
    """Cards go to the card printer; everything else (ETD, certificates) to the A4 printer."""
    return PrintTarget.CARD if kind_code == CONSULAR_ID_CARD.code else PrintTarget.A4


class PrintService:
    """``queues`` gives the configured queue for cards and for A4 (``None``: not configured)."""

    def __init__(
        self,
        db: Database,
        clock: Clock,
        pool: PrinterPool,
        queues: Callable[[PrintTarget], str | None],
    ) -> None:
        self._db = db
        self._clock = clock
        self._pool = pool
        self._queues = queues

    # --- reading --------------------------------------------------------------------------

    def job(self, job_id: int) -> PrintJob:
        with self._db.reading() as uow:
            return self._load(uow, job_id)

    def jobs_for(self, document_id: int) -> list[PrintJob]:
        with self._db.reading() as uow:
            return uow.print_jobs.for_document(document_id)

    def certificate_jobs(self, register_number: str) -> list[PrintJob]:
        """The print jobs of a civil register entry's certificates, oldest first."""
        with self._db.reading() as uow:
            return uow.print_jobs.for_entry(register_number.strip().upper())

    def live_jobs(self) -> list[PrintJob]:
        """Jobs still queued or printing, to follow again after a restart."""
        with self._db.reading() as uow:
            return uow.print_jobs.live()

    def queue_for(self, target: PrintTarget) -> str | None:
        return self._queues(target)

    def available_queues(self, target: PrintTarget) -> list[QueueChoice]:
        """The queues an officer may print ``target`` output on, for the printer chooser.

        The post's queue for ``target`` comes first (``post_default``), then the system
        spooler's queues as it reports them (name order, with their state), then the post's
        other configured queue. Asks the spooler: call it off the GUI thread. A station
        without a spooler (CUPS not running, pycups missing) gets the configured queues,
        with ``problem`` saying why their state is unknown: never an error.
        """
        configured = {t: name for t in PrintTarget if (name := self._queues(t))}
        return queue_choices(self._pool, configured, target)

    # --- submitting -----------------------------------------------------------------------

    def submit(
        self, officer: Officer, document_id: int, queue: str | None = None, reason: str = ""
    ) -> PrintJob:
        """Send a produced document (or, with a reason, a reprint of an issued one) to print."""
        officer.require(Permission.DOCUMENT_ISSUE)
        now = self._clock.now()
        with self._db.writing() as uow:
            document = uow.documents.get(document_id)
            if document is None:
                raise NotFoundError("document.not_found", "document_id", id=document_id)
            if document.state in _ISSUABLE:
                purpose = PrintPurpose.ISSUE
            elif document.state in _REPRINTABLE:
                if not reason.strip():
                    raise DomainError("print.reprint_reason_required", "reason")
                purpose = PrintPurpose.REPRINT
            else:
                raise LifecycleError("print.document_not_printable", state=document.state.value)
            target = target_for(document.kind)
            chosen = queue or self._queues(target)
            if not chosen:
                raise DomainError("print.no_queue", "queue", target=target.value)
            if uow.documents.file(document_id, "pdf") is None:
                raise NotFoundError("document.pdf_missing", "id", id=document_id)
            job = PrintJob(
                document_id=document_id,
                queue=chosen,
                target=target,
                purpose=purpose,
                officer_id=officer.id,
                state=PrintJobState.QUEUED,
                created_at=now,
                updated_at=now,
                attempt=len(uow.print_jobs.for_document(document_id)) + 1,
                reason=reason.strip(),
            )
            job_id = uow.print_jobs.add(job)
            record(
                uow,
                now,
                officer,
                "print.submitted",
                "document",
                document_id,
                {
                    "job": job_id,
                    "queue": chosen,
                    "purpose": purpose.value,
                    "number": document.number,
                    "reason": reason.strip(),
                },
            )
            uow.commit()
        return self._send(self.job(job_id))

    def print_certificate(
        self,
        officer: Officer,
        register_number: str,
        pdf: bytes,
        queue: str | None = None,
        *,
        kind: CertificateKind | str | None = None,
    ) -> PrintJob:
        """Send a certificate of a registered civil entry (the PDF
        ``CivilRegistrationService.certificate`` made) to ``queue``, by default the post's A4
        queue; returns the job as the spooler took it (follow it with :meth:`follow`).

        Allowed to whoever may make the certificate (``REGISTER_CIVIL``). The certificate must
        have been made (audited as ``civil.certificate``) of this entry by this officer;
        without ``kind``, the kind is that of the newest one they made. The PDF is kept with
        the job, so a retry prints the same certificate.
        """
        officer.require(Permission.REGISTER_CIVIL)
        if not pdf.startswith(b"%PDF-"):
            raise DomainError("print.certificate_not_pdf", "pdf")
        chosen = queue or self._queues(PrintTarget.A4)
        if not chosen:
            raise DomainError("print.no_queue", "queue", target=PrintTarget.A4.value)
        now = self._clock.now()
        with self._db.writing() as uow:
            number = register_number.strip().upper()
            entry = uow.civil.get(number)
            if entry is None:
                raise NotFoundError(
                    "civil.entry.not_found", "register_number", register_number=register_number
                )
            if entry.state is not EntryState.REGISTERED:
                raise LifecycleError(
                    "civil.certificate.not_registered",
                    register_number=number,
                    state=entry.state.value,
                )
            made = certificate_kind(uow, officer, number, kind)
            layout_kind(entry.original, made)  # refuses an extract of a marriage or death
            job = PrintJob(
                document_id=None,
                queue=chosen,
                target=PrintTarget.A4,
                purpose=PrintPurpose.ISSUE,
                officer_id=officer.id,
                state=PrintJobState.QUEUED,
                created_at=now,
                updated_at=now,
                register_number=number,
                certificate_kind=made.value,
            )
            job_id = uow.print_jobs.add(job, pdf)
            record(
                uow,
                now,
                officer,
                "print.submitted",
                *job.subject,
                {"job": job_id, "queue": chosen, "kind": made.value, "register_number": number},
            )
            uow.commit()
        return self._send(self.job(job_id))

    def _certificate_printed(self, uow: UnitOfWork, job: PrintJob, now: dt.datetime) -> None:
        officer = uow.officers.get(job.officer_id)
        record(
            uow,
            now,
            officer,
            "civil.certificate_printed",
            *job.subject,
            {
                "register_number": job.register_number,
                "kind": job.certificate_kind,
                "queue": job.queue,
                "job": job.id,
                "spooler_job": job.spooler_job_id,
            },
        )

    def _send(self, job: PrintJob) -> PrintJob:
        """Hand the stored job to the spooler and record its id, or the refusal."""
        assert job.id is not None
        request = self._request(job)
        try:
            printer = self._pool.printer(job.queue)
            spooler_id = printer.submit(request).result(timeout=SPOOLER_CALL_TIMEOUT_S)
        except DeviceError as exc:
            return self._refused(job, exc)
        except TimeoutError:
            return self._refused(job, DeviceError("printer.timeout", "the spooler did not answer"))
        with self._db.writing() as uow:
            stored = self._load(uow, job.id, for_update=True)
            updated = replace(stored, spooler_job_id=spooler_id, updated_at=self._clock.now())
            uow.print_jobs.save(updated)
            uow.commit()
        return updated

    def _request(self, job: PrintJob) -> PrintRequest:
        assert job.id is not None
        with self._db.reading() as uow:
            if job.document_id is None:  # a certificate: the PDF is kept with its job
                content = uow.print_jobs.content(job.id)
                assert content is not None and job.register_number is not None
                title = f"{job.register_number} {job.certificate_kind}".replace("/", "-")
                return PrintRequest.a4(title, content)
            document = uow.documents.get(job.document_id)
            pdf = uow.documents.file(job.document_id, "pdf")
        assert document is not None and pdf is not None
        title = document.number or f"document-{job.document_id}"
        if job.target is PrintTarget.CARD:
            return PrintRequest.card(title, pdf[1], duplex=_page_count(pdf[1]) > 1)
        return PrintRequest.a4(title, pdf[1])

    def _refused(self, job: PrintJob, error: DeviceError) -> PrintJob:
        assert job.id is not None
        condition = condition_for_code(error.code)
        now = self._clock.now()
        with self._db.writing() as uow:
            stored = self._load(uow, job.id, for_update=True)
            failed = observe(
                stored,
                "failed",
                condition.value if condition else error.code,
                error.detail,
                now,
            )
            uow.print_jobs.save(failed)
            record(
                uow,
                now,
                None,
                "print.failed",
                *job.subject,
                {
                    "job": job.id,
                    "queue": job.queue,
                    "condition": failed.condition,
                    "detail": error.detail,
                },
            )
            uow.commit()
        return failed

    # --- following ------------------------------------------------------------------------

    def refresh(self, job_id: int) -> PrintJob:
        """Ask the spooler about a live job and record what it says; a completed first print
        issues its document in the same transaction."""
        job = self.job(job_id)
        if not job.live:
            return job
        if job.spooler_job_id is None:
            # Stored, but the spooler never confirmed it (the workstation stopped in between).
            return self._refused(
                job, DeviceError("printer.job_missing", "submission was interrupted")
            )
        try:
            status = (
                self._pool.printer(job.queue)
                .status(job.spooler_job_id)
                .result(timeout=SPOOLER_CALL_TIMEOUT_S)
            )
        except DeviceError as exc:
            condition = condition_for_code(exc.code)
            status = JobStatus(
                job.spooler_job_id,
                job.queue,
                _device_state(job.state),
                condition or PrinterCondition.SPOOLER_DOWN,
                exc.detail,
            )
        except TimeoutError:
            status = JobStatus(
                job.spooler_job_id,
                job.queue,
                _device_state(job.state),
                PrinterCondition.TIMEOUT,
                "the spooler did not answer",
            )
        return self._record_status(job, status)

    def _record_status(self, job: PrintJob, status: JobStatus) -> PrintJob:
        assert job.id is not None
        now = self._clock.now()
        with self._db.writing() as uow:
            stored = self._load(uow, job.id, for_update=True)
            condition = status.condition.value if status.condition else None
            updated = observe(stored, status.state.value, condition, status.detail, now)
            if updated == stored:
                return stored
            uow.print_jobs.save(updated)
            if updated.state is not stored.state and not updated.live:
                record(
                    uow,
                    now,
                    None,
                    f"print.{updated.state.value}",
                    *job.subject,
                    {
                        "job": job.id,
                        "queue": job.queue,
                        "spooler_job": job.spooler_job_id,
                        "condition": updated.condition,
                        "detail": updated.detail,
                    },
                )
            if updated.state is PrintJobState.COMPLETED and stored.state is not updated.state:
                if updated.is_certificate:
                    self._certificate_printed(uow, updated, now)
                elif updated.purpose is PrintPurpose.ISSUE:
                    self._issue(uow, updated, now)
            uow.commit()
        return updated

    def _issue(self, uow: UnitOfWork, job: PrintJob, now: dt.datetime) -> None:
        assert job.document_id is not None
        document = uow.documents.get(job.document_id)
        officer = uow.officers.get(job.officer_id)
        assert document is not None and officer is not None
        if document.state is not DocumentState.PRODUCED:
            return  # issued by hand meanwhile, or voided: the print changes nothing
        kind = uow.kinds.get(document.kind)
        assert kind is not None
        issued = transition(
            document,
            DocumentAction.ISSUE,
            officer,
            kind,
            self._clock.now(),
            reason=f"print job {job.id} completed on {job.queue}",
        )
        uow.documents.save(issued)
        record(
            uow,
            self._clock.now(),
            officer,
            "document.issue",
            "document",
            document.id,
            {"from": "produced", "to": "issued", "number": document.number, "print_job": job.id},
        )

    def follow(
        self,
        job_id: int,
        timeout_s: float = 120.0,
        poll_s: float = 0.5,
        on_change: Callable[[PrintJob], None] | None = None,
        stop: threading.Event | None = None,
    ) -> PrintJob:
        """Refresh until the job is final, ``timeout_s`` passes or ``stop`` is set.

        Blocks its caller: call it from a worker thread (the GUI) or a CLI. A job that is still
        live at the end keeps its condition (``queue_stopped`` ...) and can be followed again.
        """
        sleeper = stop or threading.Event()
        deadline = time.monotonic() + timeout_s
        last: PrintJob | None = None
        while True:
            job = self.refresh(job_id)
            if on_change is not None and job != last:
                on_change(job)
            last = job
            if not job.live or time.monotonic() >= deadline:
                return job
            if sleeper.wait(min(poll_s, max(deadline - time.monotonic(), 0.0))) and stop:
                return job

    # --- the operator's actions -----------------------------------------------------------

    def retry(self, officer: Officer, job_id: int, queue: str | None = None) -> PrintJob:
        """A live job is followed again (the queue was restarted); a failed, cancelled or
        spoiled one is sent again as a new attempt, same document and number."""
        job = self.job(job_id)
        _require(officer, job)
        if job.live and job.spooler_job_id is not None:
            return self.refresh(job_id)
        now = self._clock.now()
        with self._db.writing() as uow:
            stored = self._load(uow, job_id, for_update=True)
            again = retry_of(stored, officer.id, now, queue)
            new_id = uow.print_jobs.add(again, uow.print_jobs.content(job_id))
            record(
                uow,
                now,
                officer,
                "print.retried",
                *job.subject,
                {"job": new_id, "previous_job": job_id, "queue": again.queue},
            )
            uow.commit()
        return self._send(self.job(new_id))

    def cancel(self, officer: Officer, job_id: int) -> PrintJob:
        job = self.job(job_id)
        _require(officer, job)
        cancel(job, self._clock.now())  # refuses a job that is not live, before the spooler
        if job.spooler_job_id is not None:
            try:
                self._pool.printer(job.queue).cancel(job.spooler_job_id).result(
                    timeout=SPOOLER_CALL_TIMEOUT_S
                )
            except DeviceError as exc:
                if exc.code != message_code(PrinterCondition.JOB_MISSING):
                    raise
        now = self._clock.now()
        with self._db.writing() as uow:
            stored = self._load(uow, job_id, for_update=True)
            if not stored.live:  # it finished meanwhile: what the spooler said stands
                return stored
            cancelled = cancel(stored, now)
            uow.print_jobs.save(cancelled)
            record(uow, now, officer, "print.cancelled", *job.subject, {"job": job_id})
            uow.commit()
        return cancelled

    def spoil(self, officer: Officer, job_id: int, reason: str) -> PrintJob:
        """The card from this job is unusable: the job is spoiled and the document's history
        counts a spoiled copy with the reason. The document keeps its number; print it again
        with :meth:`retry`. A certificate's sheet is recorded spoiled on its job only."""
        now = self._clock.now()
        with self._db.writing() as uow:
            stored = self._load(uow, job_id, for_update=True)
            spoiled = spoil(stored, reason, now)
            if stored.document_id is None:
                self._spoil_certificate(uow, officer, spoiled, now)
            else:
                self._spoil_card(uow, officer, spoiled, now)
            uow.commit()
        if stored.spooler_job_id is not None and stored.live:
            # The card is recorded spoiled either way; the spooler may have ended the job.
            with contextlib.suppress(DeviceError):
                self._pool.printer(stored.queue).cancel(stored.spooler_job_id).result(
                    timeout=SPOOLER_CALL_TIMEOUT_S
                )
        return spoiled

    @staticmethod
    def _spoil_card(uow: UnitOfWork, officer: Officer, spoiled: PrintJob, now: dt.datetime) -> None:
        assert spoiled.document_id is not None
        document = uow.documents.get(spoiled.document_id)
        assert document is not None
        kind = uow.kinds.get(document.kind)
        assert kind is not None
        updated = transition(
            document, DocumentAction.SPOIL_COPY, officer, kind, now, reason=spoiled.reason
        )
        uow.print_jobs.save(spoiled)
        uow.documents.save(updated)
        details = {"job": spoiled.id, "number": document.number, "reason": spoiled.reason}
        record(uow, now, officer, "print.spoiled", "document", document.id, details)

    @staticmethod
    def _spoil_certificate(
        uow: UnitOfWork, officer: Officer, spoiled: PrintJob, now: dt.datetime
    ) -> None:
        """A certificate is not numbered stock: the sheet is recorded on its job only."""
        _require(officer, spoiled)
        uow.print_jobs.save(spoiled)
        details = {"job": spoiled.id, "kind": spoiled.certificate_kind, "reason": spoiled.reason}
        record(uow, now, officer, "print.spoiled", *spoiled.subject, details)

    def confirm_manual_print(self, officer: Officer, document_id: int, reason: str) -> None:
        """The officer printed the document without a tracked job (another machine, a
        printer outside the spooler) and confirms it: the document becomes issued."""
        now = self._clock.now()
        with self._db.writing() as uow:
            document = uow.documents.get(document_id)
            if document is None:
                raise NotFoundError("document.not_found", "document_id", id=document_id)
            kind = uow.kinds.get(document.kind)
            assert kind is not None
            if not reason.strip():
                raise DomainError("print.manual_reason_required", "reason")
            issued = transition(
                document,
                DocumentAction.ISSUE,
                officer,
                kind,
                now,
                reason=f"printed manually: {reason.strip()}",
            )
            uow.documents.save(issued)
            record(
                uow,
                now,
                officer,
                "document.issue",
                "document",
                document_id,
                {
                    "from": document.state.value,
                    "to": issued.state.value,
                    "number": document.number,
                    "manual_print": reason.strip(),
                },
            )
            uow.commit()

    def close(self) -> None:
        self._pool.close()

    @staticmethod
    def _load(uow: UnitOfWork, job_id: int, *, for_update: bool = False) -> PrintJob:
        job = uow.print_jobs.get(job_id, for_update=for_update)
        if job is None:
            raise NotFoundError("print.job_not_found", "job_id", id=job_id)
        return job


def _require(officer: Officer, job: PrintJob) -> None:
    """Acting on a job needs what printing it needed: issuing documents, or making
    certificates of the civil register."""
    officer.require(Permission.REGISTER_CIVIL if job.is_certificate else Permission.DOCUMENT_ISSUE)


def _device_state(state: PrintJobState) -> JobState:
    return JobState.PRINTING if state is PrintJobState.PRINTING else JobState.QUEUED


_PAGE = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")


def _page_count(pdf: bytes) -> int:
    """Pages in a PDF the workstation rendered (uncompressed page dictionaries)."""
    return max(len(_PAGE.findall(pdf)), 1)
