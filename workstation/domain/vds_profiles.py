"""Our own visible-digital-seal profiles (docs/vds-profiles.md), shared by the issuer that
writes them and the verifier that reads them so both stay in step.

0xFA/0xFB are outside the values ICAO has assigned, so a reader that does not know them sees an
unknown profile rather than a wrong one. The ETD uses ICAO's own profile (``vds.etd_header``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import IntEnum

from workstation.domain.errors import DomainError
from workstation.domain.mrz_names import build_name_field
from workstation.domain.vds import Feature, ParsedSeal
from workstation.domain.vds_codec import c40_decode, c40_encode, decode_date, encode_date

ID_CARD_FEATURE_DEF_REF = 0xFA
ID_CARD_DOC_TYPE_CATEGORY = 0xFA
ID_CARD_MRZ_TAG = 0x01
ID_CARD_POST_TAG = 0x02
ID_CARD_MRZ_LINE_LENGTH = 30
ID_CARD_MRZ_C40_LENGTH = 60
CIVIL_FEATURE_DEF_REF = 0xFB
CIVIL_DOC_TYPE_CATEGORY = 0xFB


def id_card_features(mrz_lines: Sequence[str], post_code: str) -> list[Feature]:
    """Message of the consular ID card profile: tag 0x01 = the 3x30 TD1 MRZ as C40 (60 bytes),
    tag 0x02 = the issuing post code as C40 with ``-`` written ``<`` (C40 has no hyphen)."""
    if len(mrz_lines) != 3 or any(len(line) != ID_CARD_MRZ_LINE_LENGTH for line in mrz_lines):
        raise DomainError("vds.bad_value", "mrz")
    return [
        (ID_CARD_MRZ_TAG, c40_encode("".join(mrz_lines), "mrz")),
        (ID_CARD_POST_TAG, c40_encode(post_code.replace("-", "<"), "post_code")),
    ]


# --- Profile 3: civil-registration certificates (docs/vds-profiles.md) --------------------------

CIVIL_REGISTER_NUMBER_TAG = 0x01
CIVIL_KIND_TAG = 0x02
CIVIL_EVENT_DATE_TAG = 0x03
CIVIL_REGISTERED_ON_TAG = 0x04
CIVIL_PRINCIPAL_TAG = 0x05
CIVIL_SECOND_PERSON_TAG = 0x06
CIVIL_PLACE_COUNTRY_TAG = 0x07
CIVIL_POST_TAG = 0x08
CIVIL_ANNOTATIONS_TAG = 0x09
CIVIL_NAME_MAX = 60
"""Longest name (MRZ characters) a civil seal carries; longer names are truncated as Doc 9303
truncates an MRZ name field, so the seal stays small enough to read well from an A4 page."""

_REGISTER_NUMBER = re.compile(r"^([A-Z0-9][A-Z0-9-]{1,15})/([BMD])/(\d{4})/(\d{6})$")
_REGISTER_NUMBER_C40 = re.compile(r"^([A-Z0-9][A-Z0-9 ]{1,15}) ([BMD]) (\d{4}) (\d{6})$")
_POST_C40 = re.compile(r"^[A-Z0-9][A-Z0-9 ]{1,15}$")
_NAME = re.compile(r"^[A-Z0-9][A-Z0-9<]*$")
_NAME_C40 = re.compile(r"^[A-Z0-9][A-Z0-9 ]*$")
_COUNTRY = re.compile(r"^[A-Z][A-Z<]{2}$")


class CivilCertificateType(IntEnum):
    """Tag 0x02: which certificate of the register the seal belongs to."""

    BIRTH_FULL = 1
    BIRTH_EXTRACT = 2
    MARRIAGE = 3
    DEATH = 4


@dataclass(frozen=True, slots=True)
class CivilSealContent:
    """What a civil-registration seal certifies.

    Names are in MRZ characters (``MUELLER<LUEDENSCHEID<<ANNA``); ``second_person`` is the other
    spouse of a marriage (None otherwise); ``place_country`` is the ICAO code of the country of
    the event; ``annotations`` is how many annotations the entry had when the certificate was
    issued.
    """

    register_number: str
    certificate_type: CivilCertificateType
    event_date: dt.date
    registered_on: dt.date
    principal: str
    second_person: str | None
    place_country: str
    post_code: str
    annotations: int


def civil_name(primary: str, secondary: str) -> str:
    """``PRIMARY<<SECONDARY`` from names already in MRZ characters, truncated to
    ``CIVIL_NAME_MAX`` as Doc 9303 truncates a name field (never padded)."""
    return build_name_field(primary, secondary, CIVIL_NAME_MAX).rstrip("<")


def civil_features(content: CivilSealContent) -> list[Feature]:
    """Message of the civil-registration profile, entries in tag order; the second person is
    written only when there is one. Refuses values the profile cannot carry exactly."""
    if not _REGISTER_NUMBER.match(content.register_number):
        raise DomainError("vds.bad_value", "register_number", value=content.register_number)
    if content.certificate_type is CivilCertificateType.MARRIAGE and not content.second_person:
        raise DomainError("vds.missing_feature", "second_person", tag=CIVIL_SECOND_PERSON_TAG)
    if content.certificate_type is not CivilCertificateType.MARRIAGE and content.second_person:
        raise DomainError("vds.bad_value", "second_person")
    if not _COUNTRY.match(content.place_country):
        raise DomainError("vds.bad_value", "place_country", value=content.place_country)
    if not 0 <= content.annotations <= 0xFF:
        raise DomainError("vds.bad_value", "annotations", value=content.annotations)
    names = [content.principal] + ([content.second_person] if content.second_person else [])
    for name in names:
        if not _NAME.match(name) or len(name) > CIVIL_NAME_MAX:
            raise DomainError("vds.bad_value", "name", value=name)
    features: list[Feature] = [
        (
            CIVIL_REGISTER_NUMBER_TAG,
            c40_encode(re.sub(r"[-/]", "<", content.register_number), "register_number"),
        ),
        (CIVIL_KIND_TAG, bytes((int(content.certificate_type),))),
        (CIVIL_EVENT_DATE_TAG, encode_date(content.event_date)),
        (CIVIL_REGISTERED_ON_TAG, encode_date(content.registered_on)),
        (CIVIL_PRINCIPAL_TAG, c40_encode(content.principal, "principal")),
    ]
    if content.second_person:
        features.append((CIVIL_SECOND_PERSON_TAG, c40_encode(content.second_person, "spouse")))
    features += [
        (CIVIL_PLACE_COUNTRY_TAG, c40_encode(content.place_country, "place_country")),
        (CIVIL_POST_TAG, c40_encode(content.post_code.replace("-", "<"), "post_code")),
        (CIVIL_ANNOTATIONS_TAG, bytes((content.annotations,))),
    ]
    return features


def _required(seal: ParsedSeal, tag: int, field: str) -> bytes:
    value = seal.feature(tag)
    if value is None:
        raise DomainError("vds.missing_feature", field, tag=tag)
    return value


def _one_byte(seal: ParsedSeal, tag: int, field: str) -> int:
    value = _required(seal, tag, field)
    if len(value) != 1:
        raise DomainError("vds.bad_length", field, length=len(value))
    return value[0]


def _name(value: bytes, field: str) -> str:
    text = c40_decode(value, field)
    if not _NAME_C40.match(text) or len(text) > CIVIL_NAME_MAX:
        raise DomainError("vds.bad_value", field)
    return text.replace(" ", "<")


def civil_content(seal: ParsedSeal) -> CivilSealContent:
    """Read the civil-registration message back; anything our issuer could not have written
    (an unknown tag, a wrong length, a second person on a birth) raises a coded DomainError."""
    if (seal.header.feature_def_ref, seal.header.doc_type_category) != (
        CIVIL_FEATURE_DEF_REF,
        CIVIL_DOC_TYPE_CATEGORY,
    ):
        raise DomainError("vds.wrong_profile", "feature_def_ref")
    known = {
        CIVIL_REGISTER_NUMBER_TAG,
        CIVIL_KIND_TAG,
        CIVIL_EVENT_DATE_TAG,
        CIVIL_REGISTERED_ON_TAG,
        CIVIL_PRINCIPAL_TAG,
        CIVIL_SECOND_PERSON_TAG,
        CIVIL_PLACE_COUNTRY_TAG,
        CIVIL_POST_TAG,
        CIVIL_ANNOTATIONS_TAG,
    }
    tags = [tag for tag, _ in seal.features]
    if any(tag not in known for tag in tags) or tags != sorted(tags):
        raise DomainError("vds.bad_value", "feature_tag")
    number_text = c40_decode(_required(seal, CIVIL_REGISTER_NUMBER_TAG, "register_number"))
    match = _REGISTER_NUMBER_C40.match(number_text)
    if match is None:
        raise DomainError("vds.bad_value", "register_number", value=number_text)
    post, letter, year, sequence = match.groups()
    register_number = f"{post.replace(' ', '-')}/{letter}/{year}/{sequence}"
    try:
        certificate_type = CivilCertificateType(_one_byte(seal, CIVIL_KIND_TAG, "kind"))
    except ValueError:
        raise DomainError("vds.bad_value", "kind") from None
    expected_letter = {
        CivilCertificateType.BIRTH_FULL: "B",
        CivilCertificateType.BIRTH_EXTRACT: "B",
        CivilCertificateType.MARRIAGE: "M",
        CivilCertificateType.DEATH: "D",
    }[certificate_type]
    if letter != expected_letter:
        raise DomainError("vds.bad_value", "kind", value=int(certificate_type))
    second = seal.feature(CIVIL_SECOND_PERSON_TAG)
    if (second is not None) != (certificate_type is CivilCertificateType.MARRIAGE):
        raise DomainError("vds.bad_value", "second_person")
    country_value = _required(seal, CIVIL_PLACE_COUNTRY_TAG, "place_country")
    if len(country_value) != 2:
        raise DomainError("vds.bad_length", "place_country", length=len(country_value))
    country = c40_decode(country_value, "place_country").replace(" ", "<")
    if not _COUNTRY.match(country):
        raise DomainError("vds.bad_value", "place_country", value=country)
    post_text = c40_decode(_required(seal, CIVIL_POST_TAG, "post_code"), "post_code")
    if not _POST_C40.match(post_text):
        raise DomainError("vds.bad_value", "post_code", value=post_text)
    return CivilSealContent(
        register_number=register_number,
        certificate_type=certificate_type,
        event_date=decode_date(_required(seal, CIVIL_EVENT_DATE_TAG, "event_date"), "event_date"),
        registered_on=decode_date(
            _required(seal, CIVIL_REGISTERED_ON_TAG, "registered_on"), "registered_on"
        ),
        principal=_name(_required(seal, CIVIL_PRINCIPAL_TAG, "principal"), "principal"),
        second_person=_name(second, "second_person") if second is not None else None,
        place_country=country,
        post_code=post_text.replace(" ", "-"),
        annotations=_one_byte(seal, CIVIL_ANNOTATIONS_TAG, "annotations"),
    )
