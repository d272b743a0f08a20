"""Portraits for people and their documents: check a photo, keep it with its processed
portrait, and record every override of a failed check with the officer's justification.

Storing is one transaction: the portrait row (original, print and chip JPEGs, checks,
overrides), the document's portrait file when a document is named, and the audit entries
(``photo.captured``, one ``photo.check_overridden`` per override) commit together or not at all.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import threading
from collections.abc import Mapping
from typing import TYPE_CHECKING

from workstation.domain.documents import DocumentState
from workstation.domain.errors import DomainError, LifecycleError, NotFoundError
from workstation.domain.officers import Officer, Permission
from workstation.domain.portrait import (
    CheckCode,
    PortraitImages,
    PortraitRecord,
    PortraitThresholds,
    accept,
)
from workstation.services.audit import record
from workstation.services.clock import Clock, local_date
from workstation.storage import Database, UnitOfWork

if TYPE_CHECKING:
    # OpenCV and numpy load with the pipeline (~0.5 s): not at start, only for photo work.
    from workstation.services.portrait_processing import PortraitProcessor, PortraitReport

_LIVE = (DocumentState.DRAFT, DocumentState.SUBMITTED, DocumentState.APPROVED)


def parse_check_code(text: str) -> CheckCode:
    """A check's code as typed by an officer (``head_size``), or a coded error."""
    try:
        return CheckCode(text.strip().lower())
    except ValueError:
        raise DomainError(
            "photo.unknown_check",
            "override",
            value=text,
            known=", ".join(c.value for c in CheckCode),
        ) from None


class PhotoService:
    """``thresholds`` come from the site configuration (``[photo]`` in site.toml)."""

    def __init__(
        self,
        db: Database,
        clock: Clock,
        time_zone: str,
        thresholds: PortraitThresholds | None = None,
    ) -> None:
        self._db = db
        self._clock = clock
        self._time_zone = time_zone
        self.thresholds = thresholds or PortraitThresholds()
        self._processor: PortraitProcessor | None = None
        # OpenCV's cascade classifiers are not documented as thread-safe: the GUI may check a
        # camera frame on a worker while another is stored, so one image at a time.
        self._lock = threading.Lock()

    @property
    def processor(self) -> PortraitProcessor:
        # Loading the cascades takes a moment: only commands that handle photos pay for it.
        if self._processor is None:
            from workstation.services.portrait_processing import PortraitProcessor

            self._processor = PortraitProcessor(self.thresholds)
        return self._processor

    def check(self, image: bytes, captured_at: dt.datetime | None = None) -> PortraitReport:
        """Every check on ``image`` and the processed portrait; nothing is stored.
        ``captured_at`` (from a camera) wins over the photo's EXIF date."""
        today = local_date(self._clock, self._time_zone)
        with self._lock:
            return self.processor.process(image, today, captured_at)

    def capture_for_person(
        self,
        officer: Officer,
        person_id: int,
        image: bytes,
        overrides: Mapping[CheckCode, str] | None = None,
        *,
        captured_at: dt.datetime | None = None,
        document_id: int | None = None,
    ) -> int:
        """Keep ``image`` and its processed portrait with the person (and, with
        ``document_id``, make the print JPEG that document's portrait); return the portrait's
        id. A failed check needs an override with a justification; ``face_count`` has none."""
        officer.require(Permission.PERSON_WRITE)
        if document_id is not None:
            officer.require(Permission.DOCUMENT_PREPARE)
        report = self.check(image, captured_at)
        accepted = accept(report.checks, overrides or {})
        portrait = report.portrait
        if portrait is None:  # accept() refuses a photo without a face: defensive only
            raise DomainError("photo.not_compliant", "photo", checks=CheckCode.FACE_COUNT.value)
        with self._db.writing() as uow:
            if uow.persons.get(person_id) is None:
                raise NotFoundError("person.not_found", "person_id", id=person_id)
            now = self._clock.now()
            if document_id is not None:
                self._attach(uow, officer, person_id, document_id, portrait.print_jpeg, now)
            images = PortraitImages(
                image, report.media_type, portrait.print_jpeg, portrait.chip_jpeg
            )
            portrait_id = uow.portraits.add(
                person_id,
                document_id,
                officer.id,
                images,
                report.checks,
                accepted,
                report.captured_at,
                now,
            )
            record(
                uow,
                now,
                officer,
                "photo.captured",
                "person",
                person_id,
                {
                    "portrait_id": portrait_id,
                    "document_id": document_id,
                    "compliant": report.compliant,
                    "failed": report.failed,
                    "original_sha256": hashlib.sha256(image).hexdigest(),
                    "print_sha256": hashlib.sha256(portrait.print_jpeg).hexdigest(),
                },
            )
            for override in accepted:
                record(
                    uow,
                    now,
                    officer,
                    "photo.check_overridden",
                    "person",
                    person_id,
                    {
                        "portrait_id": portrait_id,
                        "code": override.check.code.value,
                        "value": override.check.value,
                        "threshold": override.check.threshold,
                        "reason": override.check.reason,
                        "justification": override.justification,
                    },
                )
            uow.commit()
            return portrait_id

    def _attach(
        self,
        uow: UnitOfWork,
        officer: Officer,
        person_id: int,
        document_id: int,
        print_jpeg: bytes,
        now: dt.datetime,
    ) -> None:
        document = uow.documents.get(document_id, for_update=True)
        if document is None or document.person_id != person_id:
            raise NotFoundError("document.not_found", "id", id=document_id)
        if document.state not in _LIVE:
            raise LifecycleError(
                "lifecycle.transition_not_allowed",
                action="attach_portrait",
                state=document.state.value,
            )
        uow.documents.put_file(document_id, "portrait", "image/jpeg", print_jpeg, now)
        record(
            uow,
            now,
            officer,
            "document.portrait",
            "document",
            document_id,
            {"bytes": len(print_jpeg), "media_type": "image/jpeg"},
        )

    def for_person(self, officer: Officer, person_id: int) -> list[PortraitRecord]:
        """The person's portraits, newest first, with their checks and overrides."""
        officer.require(Permission.PERSON_READ)
        with self._db.reading() as uow:
            if uow.persons.get(person_id) is None:
                raise NotFoundError("person.not_found", "person_id", id=person_id)
            return uow.portraits.for_person(person_id)

    def images(self, officer: Officer, portrait_id: int) -> PortraitImages:
        """The original and the processed portrait side by side, for comparing them."""
        officer.require(Permission.PERSON_READ)
        with self._db.reading() as uow:
            found = uow.portraits.images(portrait_id)
        if found is None:
            raise NotFoundError("photo.not_found", "portrait_id", id=portrait_id)
        return found

    def use_for_document(self, officer: Officer, portrait_id: int, document_id: int) -> int:
        """Give a new request the person's portrait already taken and checked (the counter's
        "use the latest photo"): a copy of the portrait row, with its checks and overrides, is
        linked to the document (the chip encoder reads it from there) and its print JPEG
        becomes the document's portrait, in one transaction. Returns the new portrait's id."""
        officer.require(Permission.DOCUMENT_PREPARE)
        with self._db.writing() as uow:
            source = uow.portraits.get(portrait_id)
            images = uow.portraits.images(portrait_id)
            if source is None or images is None:
                raise NotFoundError("photo.not_found", "portrait_id", id=portrait_id)
            now = self._clock.now()
            self._attach(uow, officer, source.person_id, document_id, images.print_jpeg, now)
            new_id = uow.portraits.add(
                source.person_id,
                document_id,
                officer.id,
                images,
                source.checks,
                source.overrides,
                source.captured_at,
                now,
            )
            record(
                uow,
                now,
                officer,
                "photo.reused",
                "person",
                source.person_id,
                {
                    "portrait_id": new_id,
                    "from_portrait_id": portrait_id,
                    "document_id": document_id,
                },
            )
            uow.commit()
            return new_id
