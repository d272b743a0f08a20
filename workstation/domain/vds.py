"""ICAO Visible Digital Seal (Doc 9303 Part 13, version 4) and its ETD profile (Doc 9303 Part 8).

Pure structure, no cryptography: this module builds the signed part of a seal (header + message)
and takes a seal apart again, so that ``workstation.security.seal_verifier`` only has to check
one ECDSA signature over ``ParsedSeal.signed_bytes``. Keeping the byte layout here lets it be
tested against the ICAO vector without keys, and keeps the domain free of crypto imports.

Header (version 4)::

    DC | 03 | country (C40, 2 bytes) | C40(signer(4) + len(ref) as 2 hex digits + ref)
       | issue date (3) | signature date (3) | feature definition ref (1) | doc type category (1)

The signer/reference block is one C40 string. Its first 6 characters (signer + length) are
always exactly two C40 triples, i.e. 4 bytes, so a reader decodes those 4 bytes first, learns the
reference length and then knows how many further bytes hold the reference: ``UTTS`` + ``5B`` is
``UTTS025B`` -> ``D9CA C8A7 3A99``.

Message: ``tag | DER length | value`` entries; then the signature ``FF | DER length | r||s``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from workstation.domain.errors import DomainError
from workstation.domain.vds_codec import (
    c40_decode,
    c40_encode,
    c40_length,
    decode_date,
    decode_der_length,
    encode_date,
    encode_der_length,
)

MAGIC = 0xDC
VERSION = 4
RAW_VERSION = 0x03
"""Version byte of version 4: Doc 9303 Part 13 stores the version number minus one."""

SIGNATURE_TAG = 0xFF

ETD_FEATURE_DEF_REF = 94
ETD_DOC_TYPE_CATEGORY = 3
ETD_MRZ_TAG = 0x02
ETD_MRZ_LINE_LENGTH = 36
ETD_MRZ_C40_LENGTH = 48

_SIGNER_RE = re.compile(r"[A-Z0-9]{4}")
_CERT_REF_RE = re.compile(r"[A-Z0-9]{1,255}")
_COUNTRY_RE = re.compile(r"[A-Z<]{3}")
_MRZ_RE = re.compile(r"[A-Z0-9<]{36}")

Feature = tuple[int, bytes]
"""One message entry: ``(tag, value)``."""


@dataclass(frozen=True, slots=True)
class SealHeader:
    """The version 4 header; the signer id + certificate reference select the verifying key."""

    issuing_country: str
    signer: str
    cert_ref: str
    issue_date: dt.date
    signature_date: dt.date
    feature_def_ref: int
    doc_type_category: int

    @property
    def version(self) -> int:
        """ICAO version number (only 4 is read or written)."""
        return VERSION


@dataclass(frozen=True, slots=True)
class ParsedSeal:
    """A seal taken apart; ``signed_bytes`` is exactly what the signature covers."""

    header: SealHeader
    features: tuple[Feature, ...]
    header_len: int
    signed_bytes: bytes
    signature: bytes
    """Raw ECDSA ``r || s`` (each half as long as the key size)."""

    def feature(self, tag: int) -> bytes | None:
        """Value of the message entry ``tag``, or ``None`` when absent."""
        return next((value for t, value in self.features if t == tag), None)


def encode_header(header: SealHeader) -> bytes:
    """Encode a version 4 header, refusing any field that the format cannot carry exactly."""
    if not _COUNTRY_RE.fullmatch(header.issuing_country):
        raise DomainError("vds.bad_value", "issuing_country", value=header.issuing_country)
    if not _SIGNER_RE.fullmatch(header.signer):
        raise DomainError("vds.bad_value", "signer", value=header.signer)
    if not _CERT_REF_RE.fullmatch(header.cert_ref):
        raise DomainError("vds.bad_value", "cert_ref", value=header.cert_ref)
    for name, number in (
        ("feature_def_ref", header.feature_def_ref),
        ("doc_type_category", header.doc_type_category),
    ):
        if not 0 <= number <= 0xFF:
            raise DomainError("vds.bad_value", name, value=number)
    signer_block = f"{header.signer}{len(header.cert_ref):02X}{header.cert_ref}"
    return (
        bytes((MAGIC, RAW_VERSION))
        + c40_encode(header.issuing_country, "issuing_country")
        + c40_encode(signer_block, "signer")
        + encode_date(header.issue_date)
        + encode_date(header.signature_date)
        + bytes((header.feature_def_ref, header.doc_type_category))
    )


def encode_message(features: Sequence[Feature]) -> bytes:
    """Encode message entries in the given order (the order is part of what gets signed)."""
    out = bytearray()
    seen: set[int] = set()
    for tag, value in features:
        if not 0 <= tag < SIGNATURE_TAG:
            raise DomainError("vds.bad_value", "feature_tag", tag=tag)
        if tag in seen:
            raise DomainError("vds.duplicate_feature", "feature_tag", tag=tag)
        seen.add(tag)
        out += bytes((tag,)) + encode_der_length(len(value)) + value
    return bytes(out)


def encode_seal(header: SealHeader, features: Sequence[Feature]) -> bytes:
    """The signed part of a seal: header + message, ready for ``sign_seal``."""
    return encode_header(header) + encode_message(features)


def encode_signature(raw_signature: bytes) -> bytes:
    """The signature entry ``FF | DER length | r||s`` that closes a seal."""
    if not raw_signature or len(raw_signature) % 2:
        raise DomainError("vds.bad_value", "signature", length=len(raw_signature))
    return bytes((SIGNATURE_TAG,)) + encode_der_length(len(raw_signature)) + raw_signature


def _take(data: bytes, offset: int, count: int, field: str) -> tuple[bytes, int]:
    if offset + count > len(data):
        raise DomainError("vds.truncated", field)
    return data[offset : offset + count], offset + count


def decode_header(data: bytes) -> tuple[SealHeader, int]:
    """Decode the header at the start of ``data``; return it and its length in bytes."""
    magic, offset = _take(data, 0, 1, "magic")
    if magic[0] != MAGIC:
        raise DomainError("vds.bad_magic", "magic", value=magic[0])
    version, offset = _take(data, offset, 1, "version")
    if version[0] != RAW_VERSION:
        raise DomainError("vds.unsupported_version", "version", value=version[0])
    raw, offset = _take(data, offset, 2, "issuing_country")
    country = c40_decode(raw, "issuing_country").replace(" ", "<")
    if not _COUNTRY_RE.fullmatch(country):
        raise DomainError("vds.bad_header", "issuing_country", value=country)
    raw, offset = _take(data, offset, 4, "signer")
    signer_and_length = c40_decode(raw, "signer")
    signer, length_text = signer_and_length[:4], signer_and_length[4:]
    if not _SIGNER_RE.fullmatch(signer):
        raise DomainError("vds.bad_header", "signer", value=signer)
    if not re.fullmatch(r"[0-9A-F]{2}", length_text) or length_text == "00":
        raise DomainError("vds.bad_header", "cert_ref_length", value=length_text)
    ref_length = int(length_text, 16)
    raw, offset = _take(data, offset, c40_length(ref_length), "cert_ref")
    cert_ref = c40_decode(raw, "cert_ref")
    if len(cert_ref) != ref_length or not _CERT_REF_RE.fullmatch(cert_ref):
        raise DomainError("vds.bad_header", "cert_ref", value=cert_ref)
    raw, offset = _take(data, offset, 3, "issue_date")
    issue_date = decode_date(raw, "issue_date")
    raw, offset = _take(data, offset, 3, "signature_date")
    signature_date = decode_date(raw, "signature_date")
    raw, offset = _take(data, offset, 2, "feature_def_ref")
    header = SealHeader(
        issuing_country=country,
        signer=signer,
        cert_ref=cert_ref,
        issue_date=issue_date,
        signature_date=signature_date,
        feature_def_ref=raw[0],
        doc_type_category=raw[1],
    )
    return header, offset


def parse_seal(data: bytes) -> ParsedSeal:
    """Take a complete seal apart; malformed input raises a coded ``DomainError``.

    Nothing may follow the signature: bytes outside the signed part and the signature would be
    unauthenticated content that a reader might still trust.
    """
    header, offset = decode_header(data)
    header_len = offset
    features: list[Feature] = []
    seen: set[int] = set()
    while True:
        if offset >= len(data):
            raise DomainError("vds.missing_signature", "signature")
        tag = data[offset]
        if tag == SIGNATURE_TAG:
            break
        length, offset = decode_der_length(data, offset + 1, "feature_length")
        value, offset = _take(data, offset, length, "feature_value")
        if tag in seen:
            raise DomainError("vds.duplicate_feature", "feature_tag", tag=tag)
        seen.add(tag)
        features.append((tag, value))
    signed_end = offset
    length, offset = decode_der_length(data, offset + 1, "signature_length")
    signature, offset = _take(data, offset, length, "signature")
    if not signature or length % 2:
        raise DomainError("vds.bad_length", "signature_length", length=length)
    if offset != len(data):
        raise DomainError("vds.trailing_bytes", "signature", count=len(data) - offset)
    return ParsedSeal(
        header=header,
        features=tuple(features),
        header_len=header_len,
        signed_bytes=bytes(data[:signed_end]),
        signature=bytes(signature),
    )


def etd_header(
    issuing_country: str,
    signer: str,
    cert_ref: str,
    issue_date: dt.date,
    signature_date: dt.date,
) -> SealHeader:
    """Header of an emergency travel document seal (feature definition 94, category 3)."""
    return SealHeader(
        issuing_country=issuing_country,
        signer=signer,
        cert_ref=cert_ref,
        issue_date=issue_date,
        signature_date=signature_date,
        feature_def_ref=ETD_FEATURE_DEF_REF,
        doc_type_category=ETD_DOC_TYPE_CATEGORY,
    )


def etd_features(mrz_lines: Sequence[str]) -> list[Feature]:
    """The ETD message: tag 0x02 = the two 36-character MRZ lines as C40 (48 bytes)."""
    if len(mrz_lines) != 2 or not all(_MRZ_RE.fullmatch(line) for line in mrz_lines):
        raise DomainError("vds.bad_value", "mrz")
    return [(ETD_MRZ_TAG, c40_encode("".join(mrz_lines), "mrz"))]


def encode_etd_seal(header: SealHeader, mrz_lines: Sequence[str]) -> bytes:
    """Signed part of an ETD seal; refuses a header that is not of the ETD profile."""
    _require_etd_profile(header)
    return encode_seal(header, etd_features(mrz_lines))


def etd_mrz(seal: ParsedSeal) -> tuple[str, str]:
    """The two MRZ lines of an ETD seal, with C40 spaces given back as ``<``."""
    _require_etd_profile(seal.header)
    value = seal.feature(ETD_MRZ_TAG)
    if value is None:
        raise DomainError("vds.missing_feature", "mrz", tag=ETD_MRZ_TAG)
    if len(value) != ETD_MRZ_C40_LENGTH:
        raise DomainError("vds.bad_length", "mrz", length=len(value))
    text = c40_decode(value, "mrz").replace(" ", "<")
    if len(text) != 2 * ETD_MRZ_LINE_LENGTH:
        raise DomainError("vds.bad_length", "mrz", length=len(text))
    return text[:ETD_MRZ_LINE_LENGTH], text[ETD_MRZ_LINE_LENGTH:]


def _require_etd_profile(header: SealHeader) -> None:
    if (header.feature_def_ref, header.doc_type_category) != (
        ETD_FEATURE_DEF_REF,
        ETD_DOC_TYPE_CATEGORY,
    ):
        raise DomainError(
            "vds.wrong_profile",
            "feature_def_ref",
            feature_def_ref=header.feature_def_ref,
            doc_type_category=header.doc_type_category,
        )
