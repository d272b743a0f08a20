"""Checking a visible digital seal the way a border desk or another post would.

Anyone may verify a document, so nothing here needs an officer or writes the audit log: a
verification reads the printed seal (raw bytes, a photo/scan, or the PDF we produced), checks its
signature against the certificates this workstation trusts (``KeyService.trust()``) and says what
the seal carries. The profiles read here are described in ``docs/vds-profiles.md``.

A bad seal is an expected answer, not an error: ``SealReport.valid`` is False with a coded reason.
Only input we cannot read at all (no barcode, unreadable file, missing ``pdftoppm``) raises a
coded ``DomainError`` (``verify.*``).
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Protocol

import zxingcpp
from PIL import Image, UnidentifiedImageError

from workstation.domain.errors import DomainError
from workstation.domain.mrz import parse as parse_mrz
from workstation.domain.vds import (
    ETD_DOC_TYPE_CATEGORY,
    ETD_FEATURE_DEF_REF,
    ParsedSeal,
    etd_mrz,
)
from workstation.domain.vds_codec import c40_decode
from workstation.domain.vds_profiles import (
    CIVIL_DOC_TYPE_CATEGORY,
    CIVIL_FEATURE_DEF_REF,
    ID_CARD_DOC_TYPE_CATEGORY,
    ID_CARD_FEATURE_DEF_REF,
    ID_CARD_MRZ_C40_LENGTH,
    ID_CARD_MRZ_LINE_LENGTH,
    ID_CARD_MRZ_TAG,
    ID_CARD_POST_TAG,
    CivilCertificateType,
    CivilSealContent,
    civil_content,
    id_card_features,
)
from workstation.security.keys import is_signer_certificate, load_certificate, signer_identity
from workstation.security.seal_verifier import Certificates, VerificationStatus, verify_seal
from workstation.security.trust_list import TrustList, import_trust_list

PROFILE_ETD = "ICAO ETD"
PROFILE_ID_CARD = "consular ID card"
PROFILE_CIVIL = "civil-registration certificate"
PROFILE_UNKNOWN = "unknown profile"
CERTIFICATE_NAMES = {
    CivilCertificateType.BIRTH_FULL: "birth certificate (full copy)",
    CivilCertificateType.BIRTH_EXTRACT: "birth extract",
    CivilCertificateType.MARRIAGE: "marriage certificate",
    CivilCertificateType.DEATH: "death certificate",
}

CONTENT_MALFORMED = "verify.content_malformed"
"""Verdict code of a genuinely signed seal whose message does not fit its declared profile."""

PDF_DPI = 600
"""Resolution that reads our seals reliably (the template tests read them back at 600 dpi)."""
PDFTOPPM_TIMEOUT = 120.0


class TrustSource(Protocol):
    """What the service needs from ``KeyService``: the certificates it accepts seals from."""

    def trust(self, now: dt.datetime | None = None) -> TrustList: ...


@dataclass(frozen=True, slots=True)
class SealReport:
    """Verdict and decoded content of one seal.

    ``code`` is a message-catalogue key: ``vds.verify.valid``, ``vds.verify.unknown_signer``,
    ``vds.verify.bad_signature``, ``vds.verify.malformed``, ``vds.verify.unsupported_key`` or
    ``verify.content_malformed``. Header fields are None when the bytes could not be parsed.
    Content is shown even when the verdict is invalid, so an officer sees what the seal claims.
    """

    valid: bool
    code: str
    detail: str | None = None
    profile: str = PROFILE_UNKNOWN
    issuing_country: str | None = None
    signer: str | None = None
    cert_ref: str | None = None
    issue_date: dt.date | None = None
    signature_date: dt.date | None = None
    feature_def_ref: int | None = None
    doc_type_category: int | None = None
    mrz: tuple[str, ...] = ()
    post_code: str | None = None
    source: str | None = None
    # For a PDF: whether the MRZ printed on the document is the one the seal signed (None when
    # nothing was printed to compare, e.g. an image, where no OCR is done).
    printed_mrz_matches: bool | None = None
    expires_on: dt.date | None = None  # from the signed MRZ
    """Where the seal was read (``page 2`` of a PDF); None for raw bytes."""
    civil: CivilSealContent | None = None
    """What a civil-registration certificate's seal certifies (profile 0xFB), else None."""
    # For a certificate PDF: whether the register number printed on it is the one the seal
    # signed (None when nothing printed was compared).
    printed_register_number_matches: bool | None = None

    @property
    def verdict(self) -> str:
        """``valid`` or ``invalid``: the one word scripts test."""
        return "valid" if self.valid else "invalid"

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form (dates as ISO strings) for ``consular verify --json``."""
        return {
            "verdict": self.verdict,
            "code": self.code,
            "detail": self.detail,
            "profile": self.profile,
            "issuing_country": self.issuing_country,
            "signer": self.signer,
            "cert_ref": self.cert_ref,
            "issue_date": self.issue_date.isoformat() if self.issue_date else None,
            "signature_date": self.signature_date.isoformat() if self.signature_date else None,
            "feature_def_ref": self.feature_def_ref,
            "doc_type_category": self.doc_type_category,
            "mrz": list(self.mrz),
            "post_code": self.post_code,
            "source": self.source,
            "printed_mrz_matches": self.printed_mrz_matches,
            "expires_on": self.expires_on.isoformat() if self.expires_on else None,
            "civil": _civil_dict(self.civil) if self.civil else None,
            "printed_register_number_matches": self.printed_register_number_matches,
        }


def _civil_dict(content: CivilSealContent) -> dict[str, Any]:
    return {
        "register_number": content.register_number,
        "certificate": CERTIFICATE_NAMES[content.certificate_type],
        "event_date": content.event_date.isoformat(),
        "registered_on": content.registered_on.isoformat(),
        "principal": content.principal,
        "second_person": content.second_person,
        "place_country": content.place_country,
        "post_code": content.post_code,
        "annotations": content.annotations,
    }


@dataclass(frozen=True, slots=True)
class SealContent:
    """Decoded message of a seal by profile; ``problem`` is the code when it does not fit."""

    profile: str
    mrz: tuple[str, ...] = ()
    post_code: str | None = None
    problem: str | None = None
    civil: CivilSealContent | None = None


def _decode_id_card(seal: ParsedSeal) -> SealContent:
    mrz_value = seal.feature(ID_CARD_MRZ_TAG)
    post_value = seal.feature(ID_CARD_POST_TAG)
    if mrz_value is None or len(mrz_value) != ID_CARD_MRZ_C40_LENGTH:
        return SealContent(PROFILE_ID_CARD, problem="vds.bad_length")
    text = c40_decode(mrz_value, "mrz").replace(" ", "<")
    size = ID_CARD_MRZ_LINE_LENGTH
    if len(text) != 3 * size:
        return SealContent(PROFILE_ID_CARD, problem="vds.bad_length")
    if not post_value:
        return SealContent(PROFILE_ID_CARD, problem="vds.missing_feature")
    post = c40_decode(post_value, "post_code").replace(" ", "-")
    lines = (text[:size], text[size : 2 * size], text[2 * size :])
    return SealContent(PROFILE_ID_CARD, lines, post)


def decode_content(seal: ParsedSeal) -> SealContent:
    """What the message says, by profile; a message that does not fit gives ``problem``."""
    profile = (seal.header.feature_def_ref, seal.header.doc_type_category)
    try:
        if profile == (ETD_FEATURE_DEF_REF, ETD_DOC_TYPE_CATEGORY):
            return SealContent(PROFILE_ETD, etd_mrz(seal))
        if profile == (ID_CARD_FEATURE_DEF_REF, ID_CARD_DOC_TYPE_CATEGORY):
            return _decode_id_card(seal)
    except DomainError as error:
        name = PROFILE_ETD if profile[0] == ETD_FEATURE_DEF_REF else PROFILE_ID_CARD
        return SealContent(name, problem=error.code)
    if profile == (CIVIL_FEATURE_DEF_REF, CIVIL_DOC_TYPE_CATEGORY):
        try:
            civil = civil_content(seal)
        except DomainError as error:
            return SealContent(PROFILE_CIVIL, problem=error.code)
        return SealContent(PROFILE_CIVIL, post_code=civil.post_code, civil=civil)
    return SealContent(PROFILE_UNKNOWN)


def check_seal(data: bytes, certificates: Certificates, source: str | None = None) -> SealReport:
    """Verify ``data`` against ``certificates`` and decode it; pure, never raises on bad seals.

    A valid signature over content that does not fit its profile is reported invalid
    (``verify.content_malformed``): we would otherwise show a "genuine" document we cannot read.
    """
    result = verify_seal(data, certificates)
    seal = result.seal
    if seal is None:
        return SealReport(valid=False, code=result.code, detail=result.detail, source=source)
    content = decode_content(seal)
    valid, code, detail = result.valid, result.code, result.detail
    if valid and content.problem is not None:
        valid, code, detail = False, CONTENT_MALFORMED, content.problem
    header = seal.header
    return SealReport(
        valid=valid,
        code=code,
        detail=detail,
        profile=content.profile,
        issuing_country=header.issuing_country,
        signer=header.signer,
        cert_ref=header.cert_ref,
        issue_date=header.issue_date,
        signature_date=header.signature_date,
        feature_def_ref=header.feature_def_ref,
        doc_type_category=header.doc_type_category,
        mrz=content.mrz,
        post_code=content.post_code,
        source=source,
        expires_on=_expiry(content.mrz, header.signature_date),
        civil=content.civil,
    )


def _expiry(mrz: tuple[str, ...], signed_on: dt.date) -> dt.date | None:
    """The document's expiry date from its signed MRZ (two-digit years read around the date it
    was signed), or None when there is no readable MRZ."""
    if not mrz:
        return None
    try:
        return parse_mrz(mrz, today=signed_on).data.expiry_date
    except DomainError:
        return None


def check_expiry(report: SealReport, today: dt.date) -> SealReport:
    """A genuine seal on a document past its expiry date is not a valid document."""
    if report.valid and report.expires_on is not None and report.expires_on < today:
        return replace(report, valid=False, code="verify.document_expired")
    return report


def read_seals_from_image(image: Image.Image) -> list[bytes]:
    """Raw bytes of every DataMatrix in ``image`` (a seal is binary: ``.bytes``, not ``.text``)."""
    found = zxingcpp.read_barcodes(
        image, formats=zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.DataMatrix)
    )
    return [bytes(barcode.bytes) for barcode in found]


def _open_image(path: Path) -> Image.Image:
    try:
        with Image.open(path) as image:
            image.load()
            return image.convert("L")
    except (OSError, UnidentifiedImageError) as error:
        raise DomainError(
            "verify.unreadable_file", "file", path=str(path), reason=str(error)
        ) from None


def rasterise_pdf(path: Path, folder: Path, dpi: int = PDF_DPI) -> list[Path]:
    """Each page of ``path`` as PNG in ``folder`` via poppler's ``pdftoppm``, in page order."""
    tool = shutil.which("pdftoppm")
    if tool is None:
        raise DomainError("verify.pdftoppm_missing", "file")
    try:
        subprocess.run(
            [tool, "-r", str(dpi), "-png", str(path), str(folder / "page")],
            check=True,
            capture_output=True,
            timeout=PDFTOPPM_TIMEOUT,
        )
    except subprocess.TimeoutExpired:
        raise DomainError(
            "verify.unreadable_file", "file", path=str(path), reason="pdftoppm timed out"
        ) from None
    except subprocess.CalledProcessError as error:
        reason = error.stderr.decode("utf-8", "replace").strip() or f"exit {error.returncode}"
        raise DomainError("verify.unreadable_file", "file", path=str(path), reason=reason) from None
    # pdftoppm names pages page-1.png or page-01.png depending on the page count
    return sorted(folder.glob("page-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))


def printed_text_lines(path: Path) -> frozenset[str]:
    """Every text line of the PDF with white space removed (pdftotext), to find the MRZ."""
    tool = shutil.which("pdftotext")
    if tool is None:
        raise DomainError("verify.pdftoppm_missing", "file")
    try:
        text = subprocess.run(
            [tool, "-layout", str(path), "-"],
            capture_output=True,
            text=True,
            timeout=60,
            check=True,
        ).stdout
    except (subprocess.SubprocessError, OSError) as error:
        raise DomainError(
            "verify.unreadable_file", "file", path=str(path), reason=str(error)
        ) from None
    return frozenset("".join(line.split()) for line in text.splitlines() if line.strip())


def compare_printed_mrz(report: SealReport, printed: frozenset[str]) -> SealReport:
    """A valid seal on a document whose printed MRZ differs means the print was altered."""
    if not report.mrz:
        return report
    matches = all(line in printed for line in report.mrz)
    if report.valid and not matches:
        return replace(report, valid=False, code="verify.mrz_mismatch", printed_mrz_matches=False)
    return replace(report, printed_mrz_matches=matches)


def compare_printed_register_number(report: SealReport, printed: frozenset[str]) -> SealReport:
    """A valid certificate seal whose register number is not printed on the page means the print
    was altered (or the seal copied onto another certificate). Only the register number is
    compared: it is printed exactly as signed, whereas names are printed as written and signed
    transliterated, and dates are printed in the post's format."""
    if report.civil is None:
        return report
    number = report.civil.register_number
    matches = any(number in line for line in printed)
    if report.valid and not matches:
        return replace(
            report,
            valid=False,
            code="verify.register_number_mismatch",
            printed_register_number_matches=False,
        )
    return replace(report, printed_register_number_matches=matches)


class GivenTrust:
    """Certificates and trust lists given for one verification (``consular verify --trust``),
    added to what the workstation trusts already (``base``, when there is a post here)."""

    def __init__(self, files: Sequence[Path], base: TrustSource | None = None) -> None:
        self._files = files
        self._base = base

    def trust(self, now: dt.datetime | None = None) -> TrustList:
        now = now or dt.datetime.now(dt.UTC)
        merged = self._base.trust(now) if self._base is not None else TrustList((), {})
        for path in self._files:
            merged = merged.merged(_trust_from_file(path, now))
        return merged


def _trust_from_file(path: Path, now: dt.datetime) -> TrustList:
    """A trust list (JSON) or one document-signer certificate (PEM or DER) trusted as given."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise DomainError(
            "verify.unreadable_file", "trust", path=str(path), reason=str(error)
        ) from None
    if data.lstrip().startswith(b"{"):
        return import_trust_list(data, now)
    certificate = load_certificate(data)
    if not is_signer_certificate(certificate):
        raise DomainError("verify.trust_not_a_signer", "trust", path=str(path))
    identity = signer_identity(certificate)
    return TrustList((), {identity.key: certificate})


class VerificationService:
    """Verifies seals against the workstation's trust list; read-only, no sign-in needed."""

    def __init__(self, keys: TrustSource, today: dt.date | None = None) -> None:
        self._keys = keys
        self._today = today  # None: the verifying machine's date

    def _check(self, seal: bytes, certificates: Certificates, source: str | None) -> SealReport:
        today = self._today or dt.date.today()
        return check_expiry(check_seal(seal, certificates, source), today)

    def _certificates(self) -> Certificates:
        return self._keys.trust().signers

    def verify_bytes(self, seal: bytes, source: str | None = None) -> SealReport:
        """Report on one seal given as raw bytes (the DataMatrix content)."""
        return self._check(seal, self._certificates(), source)

    def verify_image(self, path: Path) -> list[SealReport]:
        """Report on every DataMatrix in a PNG/JPEG photo or scan of a document."""
        seals = read_seals_from_image(_open_image(path))
        if not seals:
            raise DomainError("verify.no_seal_found", "file", path=str(path))
        certificates = self._certificates()
        return [self._check(seal, certificates, None) for seal in seals]

    def verify_pdf(self, path: Path) -> list[SealReport]:
        """Report on every DataMatrix on every page of a PDF (ours puts it on the back side)."""
        if not path.is_file():
            raise DomainError(
                "verify.unreadable_file", "file", path=str(path), reason="no such file"
            )
        certificates = self._certificates()
        reports: list[SealReport] = []
        with tempfile.TemporaryDirectory(prefix="consular-verify-") as tmp:
            for number, page in enumerate(rasterise_pdf(path, Path(tmp)), start=1):
                for seal in read_seals_from_image(_open_image(page)):
                    reports.append(self._check(seal, certificates, f"page {number}"))
        if not reports:
            raise DomainError("verify.no_seal_found", "file", path=str(path))
        printed = printed_text_lines(path)
        return [
            compare_printed_register_number(compare_printed_mrz(report, printed), printed)
            for report in reports
        ]

    def verify_file(self, path: Path) -> list[SealReport]:
        """PDF or image, told apart by content (a ``.pdf`` name is not needed)."""
        try:
            with path.open("rb") as stream:
                head = stream.read(5)
        except OSError as error:
            raise DomainError(
                "verify.unreadable_file", "file", path=str(path), reason=str(error)
            ) from None
        if head == b"%PDF-":
            return self.verify_pdf(path)
        return self.verify_image(path)


def parse_hex(text: str) -> bytes:
    """Seal bytes from hex as printed by tools (spaces, colons and a ``0x`` prefix allowed)."""
    cleaned = "".join(text.split()).replace(":", "")
    if cleaned.lower().startswith("0x"):
        cleaned = cleaned[2:]
    try:
        data = bytes.fromhex(cleaned)
    except ValueError:
        raise DomainError("verify.bad_hex", "hex") from None
    if not data:
        raise DomainError("verify.bad_hex", "hex")
    return data


__all__ = [
    "CONTENT_MALFORMED",
    "PROFILE_CIVIL",
    "PROFILE_ETD",
    "PROFILE_ID_CARD",
    "PROFILE_UNKNOWN",
    "SealContent",
    "SealReport",
    "VerificationService",
    "VerificationStatus",
    "check_seal",
    "compare_printed_register_number",
    "decode_content",
    "id_card_features",
    "parse_hex",
    "rasterise_pdf",
    "read_seals_from_image",
]
