"""Making the issued document: MRZ, signed visible digital seal, rendered PDF.

Called inside the issuing transaction (``DocumentService.act``): if signing or rendering fails,
the number, the state change and the audit entry roll back with it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from workstation.domain.dates import PartialDate
from workstation.domain.document_kinds import DocumentKind
from workstation.domain.errors import DomainError
from workstation.domain.issue_rules import EMERGENCY_TRAVEL_DOCUMENT
from workstation.domain.mrz import MrzData, MrzFormat, generate
from workstation.domain.numbering import check_digit
from workstation.domain.people import Person
from workstation.domain.posts import Post
from workstation.domain.transliteration import is_latin, to_latin
from workstation.domain.vds import SealHeader, encode_etd_seal, encode_seal, etd_header
from workstation.domain.vds_profiles import (
    ID_CARD_DOC_TYPE_CATEGORY,
    ID_CARD_FEATURE_DEF_REF,
    id_card_features,
)
from workstation.security.seal_verifier import sign_seal
from workstation.services.keys import KeyService

# TD1 document code of the consular ID card: I + C (consular); ICAO leaves the second letter
# to the issuing state, except V.
ID_CARD_CODE = "IC"
ETD_CODE = "PU"
_MONTHS = ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")


@dataclass(frozen=True, slots=True)
class Produced:
    mrz: tuple[str, ...]
    seal: bytes
    pdf: bytes


def display_date(value: dt.date | PartialDate) -> str:
    """``12 AUG 1974`` (language-neutral, as travel documents print dates); partial dates keep
    only what is known."""
    if isinstance(value, PartialDate):
        if value.month is None:
            return f"{value.year}"
        if value.day is None:
            return f"{_MONTHS[value.month - 1]} {value.year}"
        value = dt.date(value.year, value.month, value.day)
    return f"{value.day:02d} {_MONTHS[value.month - 1]} {value.year}"


def _latin(text: str) -> str:
    """The Latin form of free text (a place, an address) for the printed page, whose fonts are
    Latin: Cyrillic and Arabic are transliterated (ICAO tables); a script without a rule is kept
    as typed."""
    if is_latin(text):
        return text
    try:
        return to_latin(text, "text")
    except DomainError:
        return text


class DocumentProducer:
    def __init__(self, keys: KeyService, layouts: Path | None = None) -> None:
        self._keys = keys
        self._layouts = layouts

    def produce(
        self,
        kind: DocumentKind,
        person: Person,
        post: Post,
        number: str,
        issued_on: dt.date,
        expires_on: dt.date,
        request: Mapping[str, Any],
        portrait: bytes | None,
        passphrase: str,
    ) -> Produced:
        """The issued document: MRZ, seal signed with the post's key, PDF without watermark."""
        mrz = _mrz(kind, person, post, number, expires_on)
        identity, key = self._keys.signing_key(passphrase)
        if kind.code == EMERGENCY_TRAVEL_DOCUMENT:
            header = etd_header(
                post.issuing_state, identity.signer, identity.cert_ref, issued_on, issued_on
            )
            signed_part = encode_etd_seal(header, mrz)
        else:
            header = SealHeader(
                post.issuing_state,
                identity.signer,
                identity.cert_ref,
                issued_on,
                issued_on,
                ID_CARD_FEATURE_DEF_REF,
                ID_CARD_DOC_TYPE_CATEGORY,
            )
            signed_part = encode_seal(header, id_card_features(mrz, post.code))
        seal = sign_seal(signed_part, key)
        fields = _fields(kind, person, post, number, issued_on, expires_on, request)
        from templates import DocumentView, load_layout, render_pdf  # ReportLab: when issuing

        view = DocumentView(number, fields, mrz, seal, portrait)
        pdf = render_pdf(load_layout(kind.code, self._layouts), view, specimen=False)
        return Produced(mrz, seal, pdf)

    def preview(
        self,
        kind: DocumentKind,
        person: Person,
        post: Post,
        today: dt.date,
        request: Mapping[str, Any],
        portrait: bytes | None,
    ) -> bytes:
        """What the document will look like, before it has a number: an all-zero number of the
        series stands in (no real document has it), no seal is made, and every page carries
        "SPECIMEN - NOT VALID"."""
        body = kind.numbering.prefix + "0" * kind.numbering.width
        number = body + check_digit(body)
        expires_on = today + dt.timedelta(days=kind.validity_days or 0)
        mrz = _mrz(kind, person, post, number, expires_on)
        fields = _fields(kind, person, post, number, today, expires_on, request)
        from templates import DocumentView, load_layout, render_pdf  # ReportLab: when previewing

        view = DocumentView(number, fields, mrz, None, portrait)
        return render_pdf(load_layout(kind.code, self._layouts), view, specimen=True)


def _mrz(
    kind: DocumentKind, person: Person, post: Post, number: str, expires_on: dt.date
) -> tuple[str, ...]:
    etd = kind.code == EMERGENCY_TRAVEL_DOCUMENT
    return generate(
        MrzData(
            document_code=ETD_CODE if etd else ID_CARD_CODE,
            issuing_state=post.issuing_state,
            primary_identifier=person.surname_latin,
            secondary_identifier=person.given_names_latin,
            document_number=number,
            nationality=person.nationality,
            birth_date=person.birth_date,
            sex=person.sex,
            expiry_date=expires_on,
        ),
        MrzFormat.ETD if etd else MrzFormat.TD1,
    )


def _fields(
    kind: DocumentKind,
    person: Person,
    post: Post,
    number: str,
    issued_on: dt.date,
    expires_on: dt.date,
    request: Mapping[str, Any],
) -> dict[str, str]:
    """The printed values, as the layout's fields name them."""
    fields = {
        "surname": person.surname_latin.upper(),
        "given_names": person.given_names_latin.upper(),
        "date_of_birth": display_date(person.birth_date),
        "place_of_birth": _latin(person.place_of_birth),
        "sex": person.sex.value,
        "nationality": person.nationality,
        "document_number": number,
        "date_of_issue": display_date(issued_on),
        "date_of_expiry": display_date(expires_on),
        "issuing_post": f"{post.name}, {post.city}",
        "issuing_authority": post.name,
    }
    if kind.code == EMERGENCY_TRAVEL_DOCUMENT:
        fields |= {
            key: str(request.get(key, ""))
            for key in ("destination", "transit_points", "replaced_passport")
        }
    elif not person.address.is_empty:
        address = person.address
        fields["address"] = _latin(
            ", ".join([*address.lines, f"{address.postcode} {address.city}".strip()])
        )
    return fields


__all__ = ["DocumentProducer", "Produced", "display_date"]
