"""Document requests through their lifecycle, with numbers allocated from controlled stock.

Issuing allocates the number, checks the request, makes the MRZ, signs the seal, renders the
PDF, stores them and writes the audit entry in one transaction: all of it or nothing.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Mapping
from typing import Any

from PIL import Image, UnidentifiedImageError

from workstation.domain.document_kinds import DocumentKind
from workstation.domain.documents import Document, DocumentAction, DocumentState, transition
from workstation.domain.errors import (
    DomainError,
    LifecycleError,
    NotFoundError,
    PermissionDeniedError,
)
from workstation.domain.issue_rules import (
    EMERGENCY_TRAVEL_DOCUMENT,
    check_issue,
    check_request_data,
)
from workstation.domain.numbering import AllocationUse, SeriesReport, reconcile
from workstation.domain.officers import Officer, Permission
from workstation.domain.posts import Post
from workstation.services.audit import record
from workstation.services.clock import Clock, local_date
from workstation.services.production import DocumentProducer
from workstation.storage import Database, UnitOfWork

PORTRAIT_TYPES = {"JPEG": "image/jpeg", "PNG": "image/png"}


def portrait_media_type(content: bytes) -> str:
    """The media type of a JPEG or PNG photo, or a coded error: the bytes are decoded fully so
    a truncated file is refused now, not at the printer."""
    try:
        with Image.open(io.BytesIO(content)) as image:
            image_format = image.format or ""
            image.load()
    except (UnidentifiedImageError, OSError, SyntaxError):
        raise DomainError("photo.unreadable", "photo") from None
    if image_format not in PORTRAIT_TYPES:
        raise DomainError("photo.unsupported_format", "photo", format=image_format)
    return PORTRAIT_TYPES[image_format]


class DocumentService:
    """``producer`` makes the issued document (MRZ, seal, PDF); without one, issuing only
    allocates the number and records the step (the stock and lifecycle tests use that)."""

    def __init__(
        self, db: Database, clock: Clock, post: Post, producer: DocumentProducer | None = None
    ) -> None:
        self._db = db
        self._clock = clock
        self._post = post
        self._producer = producer

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
        """A draft request; an ETD's data names the destination and the passport it replaces."""
        with self._db.writing() as uow:
            kind = self._kind(uow, kind_code)
            request = check_request_data(kind.code, data or {})
            if uow.persons.get(person_id) is None:
                raise NotFoundError("person.not_found", "person_id", id=person_id)
            now = self._clock.now()
            document = Document.draft(kind, person_id, officer, now, request)
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

    def awaiting_approval(self) -> list[Document]:
        """Submitted requests of the kinds that need a second officer (site.toml's
        ``requires_approval``), oldest first: the supervisor's approval queue."""
        with self._db.reading() as uow:
            needing = {k.code for k in uow.kinds.all() if k.requires_approval}
            return [
                d
                for i in uow.documents.in_state(DocumentState.SUBMITTED.value)
                if (d := uow.documents.get(i)) is not None and d.kind in needing
            ]

    def kinds(self) -> list[DocumentKind]:
        """The kinds this post issues, as configured (whether each needs approval)."""
        with self._db.reading() as uow:
            return uow.kinds.all()

    def attach_portrait(self, officer: Officer, document_id: int, content: bytes) -> None:
        """The photo the document will carry (JPEG or PNG), kept with the request."""
        officer.require(Permission.DOCUMENT_PREPARE)
        media_type = portrait_media_type(content)
        with self._db.writing() as uow:
            document = self._load(uow, document_id)
            if document.state not in (
                DocumentState.DRAFT,
                DocumentState.SUBMITTED,
                DocumentState.APPROVED,
            ):
                raise LifecycleError(
                    "lifecycle.transition_not_allowed",
                    action="attach_portrait",
                    state=document.state.value,
                )
            now = self._clock.now()
            uow.documents.put_file(document_id, "portrait", media_type, content, now)
            record(
                uow,
                now,
                officer,
                "document.portrait",
                "document",
                document_id,
                {"bytes": len(content), "media_type": media_type},
            )
            uow.commit()

    def preview(self, document_id: int) -> bytes:
        """The request rendered with the "SPECIMEN - NOT VALID" watermark: what the officer and
        the applicant check before the document is issued. Nothing is numbered or signed."""
        if self._producer is None:
            raise NotFoundError("document.preview_unavailable", "id", id=document_id)
        with self._db.reading() as uow:
            document = uow.documents.get(document_id)
            if document is None:
                raise NotFoundError("document.not_found", "id", id=document_id)
            kind = self._kind(uow, document.kind)
            person = uow.persons.get(document.person_id)
            portrait = uow.documents.file(document_id, "portrait")
        if person is None:
            raise NotFoundError("person.not_found", "person_id", id=document.person_id)
        today = local_date(self._clock, self._post.time_zone)
        return self._producer.preview(
            kind, person, self._post, today, document.data, portrait[1] if portrait else None
        )

    def pdf(self, document_id: int) -> bytes:
        """The issued document as rendered when it was issued."""
        with self._db.reading() as uow:
            found = uow.documents.file(document_id, "pdf")
        if found is None:
            raise NotFoundError("document.pdf_missing", "id", id=document_id)
        return found[1]

    def _produce(
        self,
        uow: UnitOfWork,
        document: Document,
        kind: DocumentKind,
        changes: dict[str, Any],
        passphrase: str | None,
        now: dt.datetime,
    ) -> None:
        """Check the request, then make and store the document (inside the issue transaction)."""
        assert self._producer is not None and document.id is not None
        person = uow.persons.get(document.person_id)
        if person is None:
            raise NotFoundError("person.not_found", "person_id", id=document.person_id)
        portrait = uow.documents.file(document.id, "portrait")
        today = changes["issued_on"]
        other_etds = (
            [
                other.number or ""
                for other_id in uow.documents.issued_of_kind(person.id or 0, kind.code)
                if other_id != document.id
                and (other := uow.documents.get(other_id)) is not None
                and other.expires_on is not None
                and other.expires_on >= today
            ]
            if kind.code == EMERGENCY_TRAVEL_DOCUMENT
            else []
        )
        check_issue(
            kind, person, self._post, has_portrait=portrait is not None, other_valid_etds=other_etds
        )
        if passphrase is None:
            raise PermissionDeniedError("keys.passphrase_required", "passphrase")
        produced = self._producer.produce(
            kind,
            person,
            self._post,
            changes["number"],
            today,
            changes["expires_on"],
            document.data,
            portrait[1] if portrait else None,
            passphrase,
        )
        changes["data"] = {
            **document.data,
            "mrz": list(produced.mrz),
            "seal": produced.seal.hex().upper(),
        }
        uow.documents.put_file(document.id, "pdf", "application/pdf", produced.pdf, now)

    def act(
        self,
        officer: Officer,
        document_id: int,
        action: DocumentAction,
        reason: str = "",
        passphrase: str | None = None,
    ) -> Document:
        """Any lifecycle step; issuing allocates the number and makes the document in the same
        transaction (``passphrase`` unlocks the post's signing key)."""
        with self._db.writing() as uow:
            document = self._load(uow, document_id)
            kind = self._kind(uow, document.kind)
            now = self._clock.now()
            changes: dict[str, Any] = {}
            if action == DocumentAction.PRODUCE:
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
                if self._producer is not None:
                    self._produce(uow, document, kind, changes, passphrase, now)
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
