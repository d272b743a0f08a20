"""Print jobs: stored at submission, updated as the spooler reports, never deleted. A
certificate's job names its civil register entry (by id in the row, by register number in the
domain) and keeps the certificate's PDF."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from workstation.domain.printing import (
    LIVE_STATES,
    PrintJob,
    PrintJobState,
    PrintPurpose,
    PrintTarget,
)
from workstation.storage.models import CivilEntryRow, PrintJobRow

# Each job with its entry's register number (None for a document's job).
_JOBS = select(PrintJobRow, CivilEntryRow.register_number).outerjoin(
    CivilEntryRow, CivilEntryRow.id == PrintJobRow.civil_entry_id
)


def _job(row: PrintJobRow, register_number: str | None) -> PrintJob:
    return PrintJob(
        document_id=row.document_id,
        queue=row.queue,
        target=PrintTarget(row.target),
        purpose=PrintPurpose(row.purpose),
        officer_id=row.officer_id,
        state=PrintJobState(row.state),
        created_at=row.created_at,
        updated_at=row.updated_at,
        attempt=row.attempt,
        spooler_job_id=row.spooler_job_id,
        condition=row.condition,
        detail=row.detail,
        reason=row.reason,
        id=row.id,
        register_number=register_number,
        certificate_kind=row.certificate_kind,
    )


class PrintJobRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def add(self, job: PrintJob, content: bytes | None = None) -> int:
        """Store a new job; ``content`` is a certificate's PDF (a document's is with it)."""
        entry_id: int | None = None
        if job.register_number is not None:
            entry_id = self._session.scalars(
                select(CivilEntryRow.id).where(CivilEntryRow.register_number == job.register_number)
            ).one()
        row = PrintJobRow(
            document_id=job.document_id,
            civil_entry_id=entry_id,
            certificate_kind=job.certificate_kind,
            content=content,
            queue=job.queue,
            target=job.target.value,
            purpose=job.purpose.value,
            officer_id=job.officer_id,
            state=job.state.value,
            attempt=job.attempt,
            spooler_job_id=job.spooler_job_id,
            condition=job.condition,
            detail=job.detail,
            reason=job.reason,
            created_at=job.created_at,
            updated_at=job.updated_at,
        )
        self._session.add(row)
        self._session.flush()
        return row.id

    def get(self, job_id: int, *, for_update: bool = False) -> PrintJob | None:
        query = _JOBS.where(PrintJobRow.id == job_id)
        if for_update:
            query = query.with_for_update(of=PrintJobRow)
        found = self._session.execute(query).one_or_none()
        return None if found is None else _job(*found)

    def content(self, job_id: int) -> bytes | None:
        """The PDF a certificate's job prints (None for a document's job)."""
        return self._session.scalars(
            select(PrintJobRow.content).where(PrintJobRow.id == job_id)
        ).one_or_none()

    def save(self, job: PrintJob) -> None:
        assert job.id is not None, "save() is for stored jobs"
        row = self._session.get_one(PrintJobRow, job.id, with_for_update=True)
        row.state = job.state.value
        row.spooler_job_id = job.spooler_job_id
        row.condition = job.condition
        row.detail = job.detail
        row.reason = job.reason
        row.updated_at = job.updated_at

    def for_document(self, document_id: int) -> list[PrintJob]:
        return self._list(_JOBS.where(PrintJobRow.document_id == document_id))

    def for_entry(self, register_number: str) -> list[PrintJob]:
        """The certificate jobs of a civil register entry, every kind, oldest first."""
        return self._list(_JOBS.where(CivilEntryRow.register_number == register_number))

    def live(self) -> list[PrintJob]:
        """Jobs still queued or printing: followed again when the workstation starts."""
        return self._list(_JOBS.where(PrintJobRow.state.in_([s.value for s in LIVE_STATES])))

    def _list(self, query: Select[Any]) -> list[PrintJob]:
        return [
            _job(row, number)
            for row, number in self._session.execute(query.order_by(PrintJobRow.id))
        ]
