"""Portraits: the original photo and the processed print and chip JPEGs, with their checks."""

from __future__ import annotations

import datetime as dt
import hashlib
import json

from sqlalchemy import select
from sqlalchemy.orm import Session

from workstation.domain.portrait import (
    CheckCode,
    CheckResult,
    Override,
    PortraitImages,
    PortraitRecord,
    check_from_dict,
)
from workstation.storage.models import PortraitRow

_CAPTURED = "%Y-%m-%dT%H:%M:%S"


def _record(row: PortraitRow) -> PortraitRecord:
    checks = tuple(check_from_dict(c) for c in json.loads(row.checks))
    by_code = {c.code: c for c in checks}
    overrides = tuple(
        Override(by_code[CheckCode(o["code"])], o["justification"])
        for o in json.loads(row.overrides)
    )
    return PortraitRecord(
        id=row.id,
        person_id=row.person_id,
        document_id=row.document_id,
        officer_id=row.officer_id,
        created_at=row.created_at,
        captured_at=dt.datetime.strptime(row.captured_at, _CAPTURED) if row.captured_at else None,
        compliant=row.compliant,
        checks=checks,
        overrides=overrides,
        original_media_type=row.original_media_type,
        original_sha256=row.original_sha256,
    )


class PortraitRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def add(
        self,
        person_id: int,
        document_id: int | None,
        officer_id: int,
        images: PortraitImages,
        checks: tuple[CheckResult, ...],
        overrides: tuple[Override, ...],
        captured_at: dt.datetime | None,
        now: dt.datetime,
    ) -> int:
        row = PortraitRow(
            person_id=person_id,
            document_id=document_id,
            officer_id=officer_id,
            original=images.original,
            original_media_type=images.original_media_type,
            original_sha256=hashlib.sha256(images.original).hexdigest(),
            print_jpeg=images.print_jpeg,
            chip_jpeg=images.chip_jpeg,
            checks=json.dumps([c.as_dict() for c in checks]),
            overrides=json.dumps(
                [{"code": o.check.code.value, "justification": o.justification} for o in overrides],
                ensure_ascii=False,
            ),
            compliant=all(c.passed for c in checks),
            captured_at=captured_at.strftime(_CAPTURED) if captured_at else None,
            created_at=now,
        )
        self._session.add(row)
        self._session.flush()
        return row.id

    def for_person(self, person_id: int) -> list[PortraitRecord]:
        """The person's portraits, newest first (images not loaded)."""
        rows = self._session.scalars(
            select(PortraitRow)
            .where(PortraitRow.person_id == person_id)
            .order_by(PortraitRow.id.desc())
        )
        return [_record(r) for r in rows]

    def get(self, portrait_id: int) -> PortraitRecord | None:
        row = self._session.get(PortraitRow, portrait_id)
        return None if row is None else _record(row)

    def images(self, portrait_id: int) -> PortraitImages | None:
        row = self._session.get(PortraitRow, portrait_id)
        if row is None:
            return None
        return PortraitImages(row.original, row.original_media_type, row.print_jpeg, row.chip_jpeg)
