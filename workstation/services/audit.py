"""Appending to and checking the audit chain."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from workstation.domain.audit import SYSTEM_ACTOR, AuditEntry, ChainReport, verify_chain
from workstation.domain.officers import Officer, Permission
from workstation.services.clock import Clock, SystemClock, audit_timestamp
from workstation.storage import Database, UnitOfWork


def record(
    uow: UnitOfWork,
    at: dt.datetime,
    officer: Officer | None,
    action: str,
    record_type: str,
    record_id: object,
    details: Mapping[str, Any] | None = None,
) -> AuditEntry:
    """Append one entry in the caller's transaction: it commits with the change it describes."""
    actor = officer.username if officer else SYSTEM_ACTOR
    return uow.audit.append(
        audit_timestamp(at), actor, action, record_type, str(record_id), details or {}
    )


class AuditService:
    def __init__(self, db: Database, clock: Clock | None = None) -> None:
        self._db = db
        self._clock = clock or SystemClock()

    def record_event(
        self,
        officer: Officer,
        action: str,
        record_type: str,
        record_id: object,
        details: Mapping[str, Any] | None = None,
    ) -> None:
        """Audit a change made outside the database (the site configuration's devices)."""
        with self._db.writing() as uow:
            record(uow, self._clock.now(), officer, action, record_type, record_id, details)
            uow.commit()

    def verify(self) -> ChainReport:
        """Walk the whole chain; the report names the first entry that does not hold."""
        with self._db.reading() as uow:
            return verify_chain(uow.audit.entries(), uow.audit.head())

    def recent(
        self,
        officer: Officer,
        limit: int = 50,
        record_type: str | None = None,
        record_id: str | None = None,
    ) -> list[AuditEntry]:
        officer.require(Permission.AUDIT_READ)
        with self._db.reading() as uow:
            return uow.audit.recent(limit, record_type, record_id)

    def trail(self, record_type: str, record_id: str, limit: int = 200) -> list[AuditEntry]:
        """The history of one record, newest first (shown with the record it belongs to)."""
        with self._db.reading() as uow:
            return uow.audit.recent(limit, record_type, record_id)
