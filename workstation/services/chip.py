"""The consular ID card's chip, and reading ICAO chips (ePassports, eIDs) to prefill a person.

Encoding writes the card's signed data (the very bytes of its visible seal) and the chip portrait
(the processed portrait's small JPEG) with ISO 7816-4 commands, reads both back and verifies the
signature against the post's trust list before the card counts as encoded; only then is
``chip.encoded`` audited. A failure is audited too (the card may have to be spoiled).

Every card operation runs on the reader's worker thread (``devices.smartcard.PcscReader``); these
methods block their caller until the card answers, so the GUI calls them from a worker.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import TypeVar

from PIL import Image, UnidentifiedImageError

from devices.errors import DeviceError
from devices.smartcard import (
    EF_PORTRAIT,
    EF_SIGNED_DATA,
    AccessKey,
    PcscConnection,
    PcscReader,
    read_chip,
    read_files,
    write_files,
)
from workstation.domain.document_kinds import CONSULAR_ID_CARD
from workstation.domain.documents import DocumentState
from workstation.domain.errors import DomainError, LifecycleError, NotFoundError
from workstation.domain.mrz import ParsedMrz, parse
from workstation.domain.officers import Officer, Permission
from workstation.services.audit import record
from workstation.services.clock import Clock, local_date
from workstation.services.verification import SealReport, VerificationService
from workstation.storage import Database

#: Writing ~16 KB takes ~8 s on a slow contact reader; reading an ePassport's DG2 up to ~5 s.
CARD_TIMEOUT_S = 180.0
_T = TypeVar("_T")
_ENCODABLE = frozenset({DocumentState.PRODUCED, DocumentState.ISSUED, DocumentState.DELIVERED})


@dataclass(frozen=True, slots=True)
class ChipReport:
    """What a card's chip holds, as read back and verified."""

    seal: SealReport
    portrait_bytes: int
    portrait_size: tuple[int, int] | None  # None: not a readable image

    @property
    def valid(self) -> bool:
        return self.seal.valid and self.portrait_size is not None


@dataclass(frozen=True, slots=True)
class ChipReading:
    """An ICAO chip read with BAC: DG1's MRZ (parsed) and DG2's portrait."""

    mrz_lines: tuple[str, ...]
    mrz: ParsedMrz
    portrait: bytes | None
    portrait_format: str | None
    portrait_size: tuple[int, int] | None
    data_groups: tuple[int, ...]


def split_mrz(text: str) -> tuple[str, ...]:
    """DG1's MRZ is one string: TD1 is 3 x 30, TD2 2 x 36, TD3 2 x 44 characters."""
    for width, count in ((30, 3), (36, 2), (44, 2)):
        if len(text) == width * count:
            return tuple(text[i * width : (i + 1) * width] for i in range(count))
    raise DeviceError("card.malformed_data", f"DG1 MRZ of {len(text)} characters")


def _image_size(data: bytes) -> tuple[int, int] | None:
    try:
        with Image.open(io.BytesIO(data)) as image:
            image.load()
            return image.size
    except (UnidentifiedImageError, OSError, ValueError):
        return None


class ChipService:
    """``readers`` makes the reader for a name (``None``: the first reader with a card);
    tests and the GUI pass their own to share one worker per reader."""

    def __init__(
        self,
        db: Database,
        clock: Clock,
        time_zone: str,
        verification: VerificationService,
        reader_name: str | None = None,
        readers: Callable[[str | None], PcscReader] = PcscReader,
    ) -> None:
        self._db = db
        self._clock = clock
        self._time_zone = time_zone
        self._verification = verification
        self._reader_name = reader_name
        self._readers = readers

    def _run(self, reader: str | None, operation: Callable[[PcscConnection], _T]) -> _T:
        with self._readers(reader or self._reader_name) as device:
            return device.submit(operation).result(timeout=CARD_TIMEOUT_S)

    def encode(self, officer: Officer, document_id: int, reader: str | None = None) -> ChipReport:
        """Write, read back and verify the card's chip; audited either way."""
        officer.require(Permission.DOCUMENT_ISSUE)
        with self._db.reading() as uow:
            document = uow.documents.get(document_id)
            if document is None:
                raise NotFoundError("document.not_found", "document_id", id=document_id)
            if document.kind != CONSULAR_ID_CARD.code:
                raise DomainError("chip.kind_has_no_chip", "document_id", kind=document.kind)
            if document.state not in _ENCODABLE:
                raise LifecycleError("chip.not_produced", state=document.state.value)
            portraits = [
                p
                for p in uow.portraits.for_person(document.person_id)
                if p.document_id == document_id
            ]
            images = uow.portraits.images(portraits[-1].id) if portraits else None
        if images is None:
            raise DomainError("chip.portrait_missing", "document_id", id=document_id)
        seal = bytes.fromhex(str(document.data["seal"]))
        files = {EF_SIGNED_DATA: seal, EF_PORTRAIT: images.chip_jpeg}
        try:
            back = self._run(reader, lambda card: write_files(card, files))
            report = self._report(back)
            if back.get(EF_SIGNED_DATA) != seal or back.get(EF_PORTRAIT) != images.chip_jpeg:
                raise DeviceError("card.verify_mismatch", "the chip does not hold what was written")
            if not report.valid:
                raise DeviceError("chip.verify_failed", report.seal.code)
        except DeviceError as error:
            self._audit(
                officer,
                document_id,
                "chip.encoding_failed",
                {"code": error.code, "detail": error.detail, "number": document.number},
            )
            raise
        self._audit(
            officer,
            document_id,
            "chip.encoded",
            {
                "number": document.number,
                "reader": reader or self._reader_name,
                "signed_data_sha256": hashlib.sha256(seal).hexdigest(),
                "portrait_sha256": hashlib.sha256(images.chip_jpeg).hexdigest(),
                "portrait_bytes": len(images.chip_jpeg),
            },
            chip_encoded=True,
        )
        return report

    def _report(self, files: Mapping[int, bytes]) -> ChipReport:
        signed = files.get(EF_SIGNED_DATA, b"")
        portrait = files.get(EF_PORTRAIT, b"")
        if not signed:
            raise DeviceError("card.file_not_found", "no signed data on the chip")
        return ChipReport(
            seal=self._verification.verify_bytes(signed, source="chip"),
            portrait_bytes=len(portrait),
            portrait_size=_image_size(portrait) if portrait else None,
        )

    def verify(self, reader: str | None = None) -> ChipReport:
        """Read a consular ID card's chip and verify its signed data offline (no sign-in)."""
        files = self._run(reader, lambda card: read_files(card))
        return self._report(files)

    def read_icao(self, key: AccessKey, reader: str | None = None) -> ChipReading:
        """Read an ePassport or eID chip (BAC): DG1 and DG2, to prefill an applicant."""
        chip = self._run(reader, lambda card: read_chip(card, key))
        lines = split_mrz(chip.mrz)
        today = local_date(self._clock, self._time_zone)
        portrait = chip.portrait
        return ChipReading(
            mrz_lines=lines,
            mrz=parse(lines, today=today),
            portrait=portrait.image if portrait else None,
            portrait_format=portrait.format if portrait else None,
            portrait_size=(
                (portrait.width, portrait.height)
                if portrait and portrait.width and portrait.height
                else None
            ),
            data_groups=tuple(sorted(chip.data_groups)),
        )

    def _audit(
        self,
        officer: Officer,
        document_id: int,
        action: str,
        details: dict[str, object],
        *,
        chip_encoded: bool = False,
    ) -> None:
        now = self._clock.now()
        with self._db.writing() as uow:
            if chip_encoded:
                document = uow.documents.get(document_id)
                assert document is not None
                encoded_at = now.astimezone(dt.UTC).isoformat(timespec="seconds")
                uow.documents.save(
                    replace(document, data={**document.data, "chip_encoded_at": encoded_at})
                )
            record(uow, now, officer, action, "document", document_id, details)
            uow.commit()
