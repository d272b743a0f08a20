"""Document requests through their lifecycle, with numbers allocated from controlled stock.

Issue 3 adds rendering and signing on top of :meth:`DocumentService.issue`; what is here already
guarantees that the number, the document row, its event and the audit entry commit together.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from workstation.domain.document_kinds import DocumentKind
from workstation.domain.documents import Document, DocumentAction, transition
from workstation.domain.errors import NotFoundError
from workstation.domain.numbering import AllocationUse, SeriesReport, reconcile
from workstation.domain.officers import Officer
from workstation.domain.posts import Post
from workstation.services.audit import record
from workstation.services.clock import Clock, local_date
from workstation.storage import Database, UnitOfWork


class DocumentService:
    def __init__(self, db: Database, clock: Clock, post: Post) -> None:
        self._db = db
        self._clock = clock
        self._post = post

    def _kind(self, uow: UnitOfWork, code: str) -> DocumentKind:
        kind = uow.kinds.get(code)
        if kind is None:
            raise NotFoundError("document_kind.unknown", "kind", value=code)
        return kind

    def _load(self, uow: UnitOfWork, document_id: int) -> Document:
        document = uow.documents.get(document_id, for_update=True)
        if document is None:
            raise NotFoundError("document.not_found", "id", id=document_id)
        return document

    def create(
        self,
        officer: Officer,
        kind_code: str,
        person_id: int,
        data: Mapping[str, Any] | None = None,
    ) -> int:
        with self._db.writing() as uow:
            kind = self._kind(uow, kind_code)
            if uow.persons.get(person_id) is None:
                raise NotFoundError("person.not_found", "person_id", id=person_id)
            now = self._clock.now()
            document = Document.draft(kind, person_id, officer, now, data)
            assert self._post.id is not None
            document_id = uow.documents.add(document, self._post.id, now)
            record(
                uow,
                now,
                officer,
                "document.create",
                "document",
                document_id,
                {"kind": kind.code, "person_id": person_id},
            )
            uow.commit()
            return document_id

    def get(self, document_id: int) -> Document:
        with self._db.reading() as uow:
            document = uow.documents.get(document_id)
        if document is None:
            raise NotFoundError("document.not_found", "id", id=document_id)
        return document

    def for_person(self, person_id: int) -> list[Document]:
        with self._db.reading() as uow:
            return [
                d
                for i in uow.documents.for_person(person_id)
                if (d := uow.documents.get(i)) is not None
            ]

    def act(
        self, officer: Officer, document_id: int, action: DocumentAction, reason: str = ""
    ) -> Document:
        """Any lifecycle step; issuing allocates the number in the same transaction."""
        with self._db.writing() as uow:
            document = self._load(uow, document_id)
            kind = self._kind(uow, document.kind)
            now = self._clock.now()
            changes: dict[str, Any] = {}
            if action == DocumentAction.ISSUE:
                # Check the step is allowed before touching the stock.
                transition(document, action, officer, kind, now, reason)
                assert self._post.id is not None
                series_id = uow.numbering.ensure_series(self._post.id, kind)
                issued_on = local_date(self._clock, self._post.time_zone)
                changes = {
                    "number": uow.numbering.allocate(series_id, document_id, now),
                    "issued_on": issued_on,
                    "expires_on": (
                        issued_on + dt.timedelta(days=kind.validity_days)
                        if kind.validity_days
                        else None
                    ),
                }
            updated = transition(document, action, officer, kind, now, reason, **changes)
            uow.documents.save(updated)
            if action == DocumentAction.VOID and updated.number:
                uow.numbering.mark(updated.number, AllocationUse.VOIDED, reason)
            record(
                uow,
                now,
                officer,
                f"document.{action.value}",
                "document",
                document_id,
                {
                    "from": document.state.value,
                    "to": updated.state.value,
                    "number": updated.number,
                    "reason": reason.strip(),
                },
            )
            uow.commit()
            return updated

    def reconcile_stock(self) -> list[SeriesReport]:
        """Every series: each number from 1 to the last accounted for once, voids explained."""
        with self._db.reading() as uow:
            return [
                reconcile(f"{kind}:{prefix}", last, uow.numbering.allocations(series_id))
                for series_id, kind, prefix, last in uow.numbering.series()
            ]
