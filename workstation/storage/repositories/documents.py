"""Document kinds, documents with their lifecycle events, and numbering stock."""

from __future__ import annotations

import datetime as dt
import hashlib
import json

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from workstation.domain.document_kinds import DocumentKind, NumberingRule
from workstation.domain.documents import (
    Document,
    DocumentAction,
    DocumentState,
    LifecycleEvent,
)
from workstation.domain.numbering import AllocationUse, format_number
from workstation.storage.models import (
    DocumentEventRow,
    DocumentFileRow,
    DocumentKindRow,
    DocumentRow,
    NumberAllocationRow,
    NumberSeriesRow,
)


def _kind(row: DocumentKindRow) -> DocumentKind:
    return DocumentKind(
        row.code, row.requires_approval, NumberingRule(row.prefix, row.width), row.validity_days
    )


class DocumentKindRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def put(self, kind: DocumentKind) -> None:
        """Insert or update a kind's settings (from the site configuration)."""
        row = self._session.get(DocumentKindRow, kind.code)
        if row is None:
            row = DocumentKindRow(code=kind.code)
            self._session.add(row)
        row.requires_approval = kind.requires_approval
        row.validity_days = kind.validity_days
        row.prefix = kind.numbering.prefix
        row.width = kind.numbering.width
        self._session.flush()

    def get(self, code: str) -> DocumentKind | None:
        row = self._session.get(DocumentKindRow, code)
        return None if row is None else _kind(row)

    def all(self) -> list[DocumentKind]:
        return [
            _kind(r)
            for r in self._session.scalars(select(DocumentKindRow).order_by(DocumentKindRow.code))
        ]


class NumberingRepository:
    """Allocation happens inside the caller's transaction: if it rolls back, so does the number,
    so the series never has a hole that no record explains."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def ensure_series(self, post_id: int, kind: DocumentKind) -> int:
        series = self._session.scalar(
            select(NumberSeriesRow).where(
                NumberSeriesRow.post_id == post_id,
                NumberSeriesRow.kind_code == kind.code,
                NumberSeriesRow.prefix == kind.numbering.prefix,
            )
        )
        if series is None:
            series = NumberSeriesRow(
                post_id=post_id,
                kind_code=kind.code,
                prefix=kind.numbering.prefix,
                width=kind.numbering.width,
                last_sequence=0,
            )
            self._session.add(series)
            self._session.flush()
        return series.id

    def allocate(self, series_id: int, document_id: int | None, now: dt.datetime) -> str:
        """Take the next number of the series. The UPDATE locks the series row until commit,
        so concurrent issuers (PostgreSQL) queue on it and never get the same number."""
        sequence, prefix, width = self._session.execute(
            update(NumberSeriesRow)
            .where(NumberSeriesRow.id == series_id)
            .values(last_sequence=NumberSeriesRow.last_sequence + 1)
            .returning(NumberSeriesRow.last_sequence, NumberSeriesRow.prefix, NumberSeriesRow.width)
        ).one()
        number = format_number(NumberingRule(prefix, width), sequence)
        self._session.add(
            NumberAllocationRow(
                series_id=series_id,
                sequence=sequence,
                number=number,
                document_id=document_id,
                use=AllocationUse.ISSUED.value,
                reason="",
                allocated_at=now,
            )
        )
        self._session.flush()
        return number

    def mark(self, number: str, use: AllocationUse, reason: str) -> None:
        row = self._session.scalars(
            select(NumberAllocationRow).where(NumberAllocationRow.number == number)
        ).one()
        row.use, row.reason = use.value, reason

    def series(self) -> list[tuple[int, str, str, int]]:
        """(id, kind, prefix, last sequence) of every series."""
        return [
            (r.id, r.kind_code, r.prefix, r.last_sequence)
            for r in self._session.scalars(select(NumberSeriesRow).order_by(NumberSeriesRow.id))
        ]

    def allocations(self, series_id: int) -> list[tuple[int, str, str]]:
        """(sequence, use, reason) of every number the series handed out."""
        return [
            (r.sequence, r.use, r.reason)
            for r in self._session.execute(
                select(
                    NumberAllocationRow.sequence,
                    NumberAllocationRow.use,
                    NumberAllocationRow.reason,
                )
                .where(NumberAllocationRow.series_id == series_id)
                .order_by(NumberAllocationRow.sequence)
            )
        ]


class DocumentRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def add(self, document: Document, post_id: int, now: dt.datetime) -> int:
        row = DocumentRow(
            kind_code=document.kind,
            person_id=document.person_id,
            post_id=post_id,
            state=document.state.value,
            number=document.number,
            data=json.dumps(dict(document.data), ensure_ascii=False),
            issued_on=document.issued_on,
            expires_on=document.expires_on,
            created_at=now,
        )
        self._session.add(row)
        self._session.flush()
        self._add_events(row.id, document.events)
        return row.id

    def save(self, document: Document) -> None:
        """Store the new state and the events not stored yet (events are never rewritten)."""
        assert document.id is not None, "save() is for stored documents"
        row = self._session.get_one(DocumentRow, document.id, with_for_update=True)
        stored = len(
            self._session.scalars(
                select(DocumentEventRow.id).where(DocumentEventRow.document_id == document.id)
            ).all()
        )
        row.state = document.state.value
        row.number = document.number
        row.data = json.dumps(dict(document.data), ensure_ascii=False)
        row.issued_on, row.expires_on = document.issued_on, document.expires_on
        self._add_events(document.id, document.events[stored:])

    def _add_events(self, document_id: int, events: tuple[LifecycleEvent, ...]) -> None:
        self._session.add_all(
            DocumentEventRow(
                document_id=document_id,
                action=e.action.value,
                from_state=e.from_state.value if e.from_state else None,
                to_state=e.to_state.value,
                officer_id=e.officer_id,
                at=e.at,
                reason=e.reason,
            )
            for e in events
        )
        self._session.flush()

    def get(self, document_id: int, for_update: bool = False) -> Document | None:
        row = self._session.get(DocumentRow, document_id, with_for_update=for_update)
        if row is None:
            return None
        events = self._session.scalars(
            select(DocumentEventRow)
            .where(DocumentEventRow.document_id == document_id)
            .order_by(DocumentEventRow.id)
        )
        return Document(
            id=row.id,
            kind=row.kind_code,
            person_id=row.person_id,
            state=DocumentState(row.state),
            number=row.number,
            data=json.loads(row.data),
            issued_on=row.issued_on,
            expires_on=row.expires_on,
            events=tuple(
                LifecycleEvent(
                    DocumentAction(e.action),
                    DocumentState(e.from_state) if e.from_state else None,
                    DocumentState(e.to_state),
                    e.officer_id,
                    e.at,
                    e.reason,
                )
                for e in events
            ),
        )

    def put_file(
        self, document_id: int, role: str, media_type: str, content: bytes, now: dt.datetime
    ) -> None:
        """Store (or replace, for a re-issued PDF) one of the document's files."""
        row = self._session.scalar(
            select(DocumentFileRow).where(
                DocumentFileRow.document_id == document_id, DocumentFileRow.role == role
            )
        )
        if row is None:
            row = DocumentFileRow(document_id=document_id, role=role)
            self._session.add(row)
        row.media_type, row.content, row.created_at = media_type, content, now
        row.sha256 = hashlib.sha256(content).hexdigest()
        self._session.flush()

    def file(self, document_id: int, role: str) -> tuple[str, bytes] | None:
        """(media type, content) of one of the document's files, or None."""
        row = self._session.scalar(
            select(DocumentFileRow).where(
                DocumentFileRow.document_id == document_id, DocumentFileRow.role == role
            )
        )
        return None if row is None else (row.media_type, row.content)

    def issued_of_kind(self, person_id: int, kind: str) -> list[int]:
        """Ids of the person's documents of ``kind`` that are produced, issued or delivered
        (a produced document waiting for its print counts: it has a number and a seal)."""
        return list(
            self._session.scalars(
                select(DocumentRow.id).where(
                    DocumentRow.person_id == person_id,
                    DocumentRow.kind_code == kind,
                    DocumentRow.state.in_(("produced", "issued", "delivered")),
                )
            )
        )

    def for_person(self, person_id: int) -> list[int]:
        return list(
            self._session.scalars(
                select(DocumentRow.id)
                .where(DocumentRow.person_id == person_id)
                .order_by(DocumentRow.id)
            )
        )

    def in_state(self, state: str) -> list[int]:
        """Ids of the documents in ``state``, oldest first (the approval queue's order)."""
        return list(
            self._session.scalars(
                select(DocumentRow.id).where(DocumentRow.state == state).order_by(DocumentRow.id)
            )
        )
