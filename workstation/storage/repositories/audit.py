"""The audit log table and its chain head."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from workstation.domain.audit import AuditEntry, canonical_details
from workstation.storage.models import AuditEntryRow, AuditHeadRow


def _entry(row: AuditEntryRow) -> AuditEntry:
    return AuditEntry(
        row.seq,
        row.at,
        row.actor,
        row.action,
        row.record_type,
        row.record_id,
        json.loads(row.details),
        row.prev_hash,
        row.hash,
    )


class AuditRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def append(
        self,
        at: str,
        actor: str,
        action: str,
        record_type: str,
        record_id: str,
        details: Mapping[str, Any],
    ) -> AuditEntry:
        """Chain a new entry after the head. The head row is locked (``FOR UPDATE`` on
        PostgreSQL; SQLite holds the writer's lock already) so concurrent appends queue up."""
        head = self._session.scalars(
            select(AuditHeadRow).where(AuditHeadRow.id == 1).with_for_update()
        ).one()
        entry = AuditEntry(
            head.last_seq + 1,
            at,
            actor,
            action,
            record_type,
            record_id,
            json.loads(canonical_details(details)),
            head.last_hash,
        ).sealed()
        self._session.add(
            AuditEntryRow(
                seq=entry.seq,
                at=entry.at,
                actor=entry.actor,
                action=entry.action,
                record_type=entry.record_type,
                record_id=entry.record_id,
                details=canonical_details(entry.details),
                prev_hash=entry.prev_hash,
                hash=entry.hash,
            )
        )
        head.last_seq, head.last_hash = entry.seq, entry.hash
        self._session.flush()
        return entry

    def head(self) -> tuple[int, str]:
        head = self._session.get_one(AuditHeadRow, 1)
        return head.last_seq, head.last_hash

    def entries(self, batch: int = 2000) -> Iterator[AuditEntry]:
        """Every entry in sequence order, streamed in batches."""
        last = 0
        while True:
            rows = self._session.scalars(
                select(AuditEntryRow)
                .where(AuditEntryRow.seq > last)
                .order_by(AuditEntryRow.seq)
                .limit(batch)
            ).all()
            if not rows:
                return
            for row in rows:
                yield _entry(row)
            last = rows[-1].seq

    def recent(
        self, limit: int, record_type: str | None = None, record_id: str | None = None
    ) -> list[AuditEntry]:
        query = select(AuditEntryRow).order_by(AuditEntryRow.seq.desc()).limit(limit)
        if record_type is not None:
            query = query.where(AuditEntryRow.record_type == record_type)
        if record_id is not None:
            query = query.where(AuditEntryRow.record_id == record_id)
        return [_entry(r) for r in self._session.scalars(query)]
