"""Print jobs: stored at submission, updated as the spooler reports, never deleted."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from workstation.domain.printing import (
    LIVE_STATES,
    PrintJob,
    PrintJobState,
    PrintPurpose,
    PrintTarget,
)
from workstation.storage.models import PrintJobRow


def _job(row: PrintJobRow) -> PrintJob:
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
    )


class PrintJobRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def add(self, job: PrintJob) -> int:
        row = PrintJobRow(
            document_id=job.document_id,
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
        row = self._session.get(PrintJobRow, job_id, with_for_update=for_update)
        return None if row is None else _job(row)

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
        rows = self._session.scalars(
            select(PrintJobRow)
            .where(PrintJobRow.document_id == document_id)
            .order_by(PrintJobRow.id)
        )
        return [_job(row) for row in rows]

    def live(self) -> list[PrintJob]:
        """Jobs still queued or printing: followed again when the workstation starts."""
        rows = self._session.scalars(
            select(PrintJobRow)
            .where(PrintJobRow.state.in_([s.value for s in LIVE_STATES]))
            .order_by(PrintJobRow.id)
        )
        return [_job(row) for row in rows]
