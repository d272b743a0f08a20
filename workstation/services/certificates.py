"""Civil-registration certificates: A4 PDF with the post's labels and emblem, and a signed seal.

API (stable; the CLI ``consular certificate`` and the GUI call it)::

    producer = CertificateProducer(keys, layouts_dir)       # layouts_dir: the post's own layouts
    produced = producer.produce(
        post, register_number, record, annotations,         # record: the CURRENT view
        registered_on, issued_on, registrar_name, kind, passphrase,
    )
    produced.pdf, produced.seal                             # bytes, bytes

* ``record`` is a :class:`BirthRecord`, :class:`MarriageRecord` or :class:`DeathRecord` with every
  annotation already applied (``History.current()``); ``annotations`` are those annotations, in
  order: they are printed in the margin of a full certificate, and those that affect civil status
  (:data:`EXTRACT_ANNOTATIONS`) on a birth extract.
* ``kind``: :attr:`CertificateKind.FULL` for every register; :attr:`CertificateKind.EXTRACT`
  only for a birth (a marriage or death has only the full certificate:
  ``civil.certificate.no_extract``).
* The seal is profile 3 of ``docs/vds-profiles.md`` (feature definition ``0xFB``), signed with the
  post's document-signer key exactly as the card's seal (``KeyService.signing_key``), so
  ``consular verify`` checks it with the same trust list.
* Layouts are data: ``templates/layouts/{birth_certificate, birth_extract, marriage_certificate,
  death_certificate}.toml``; a post overrides them, their labels (language pair) and the emblem
  by putting its own files in ``layouts_dir`` (as for cards).

Raises ``DomainError`` (coded) when a name cannot be put in the seal (a script without an ICAO
transliteration rule and no Latin form on the record: ``transliteration.no_rule``), when the
register number does not parse, or when ``kind`` does not exist for the record.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from workstation.domain.civil.annotations import Annotation, AnnotationKind
from workstation.domain.civil.records import (
    BirthRecord,
    CivilRecord,
    DeathRecord,
    MarriageRecord,
    NationalityClaim,
    ParentFacts,
    PersonRef,
    Place,
)
from workstation.domain.civil.register_numbers import parse_register_number
from workstation.domain.dates import PartialDate
from workstation.domain.errors import DomainError
from workstation.domain.posts import Post
from workstation.domain.transliteration import to_mrz_chars
from workstation.domain.vds import SealHeader, encode_seal
from workstation.domain.vds_profiles import (
    CIVIL_DOC_TYPE_CATEGORY,
    CIVIL_FEATURE_DEF_REF,
    CivilCertificateType,
    CivilSealContent,
    civil_features,
    civil_name,
)
from workstation.security.seal_verifier import sign_seal
from workstation.services.keys import KeyService
from workstation.services.production import display_date


class CertificateKind(StrEnum):
    """Which certificate of an entry: the full copy, or the birth extract (essential facts)."""

    FULL = "full"
    EXTRACT = "extract"


EXTRACT_ANNOTATIONS = frozenset(
    {AnnotationKind.RECOGNITION_OF_PATERNITY, AnnotationKind.CHANGE_OF_NAME}
)

if TYPE_CHECKING:
    from templates import Layout
"""Annotations a birth extract shows: those that change the child's filiation or name. A
correction is already in the facts printed (the current view), and a full adoption is not
disclosed on an extract (the current view names the adoptive parents); the full copy shows all."""


@dataclass(frozen=True, slots=True)
class ProducedCertificate:
    """The certificate as PDF bytes and the raw seal bytes printed on it as a DataMatrix."""

    pdf: bytes
    seal: bytes


def layout_kind(record: CivilRecord, kind: CertificateKind) -> str:
    """The layout (``templates/layouts/<name>.toml``) for ``record`` and ``kind``."""
    if isinstance(record, BirthRecord):
        return "birth_extract" if kind is CertificateKind.EXTRACT else "birth_certificate"
    if kind is CertificateKind.EXTRACT:
        raise DomainError("civil.certificate.no_extract", "kind", record=record.kind.value)
    return "marriage_certificate" if isinstance(record, MarriageRecord) else "death_certificate"


def certificate_type(record: CivilRecord, kind: CertificateKind) -> CivilCertificateType:
    """Tag 0x02 of the seal for ``record`` and ``kind``."""
    if isinstance(record, BirthRecord):
        if kind is CertificateKind.EXTRACT:
            return CivilCertificateType.BIRTH_EXTRACT
        return CivilCertificateType.BIRTH_FULL
    layout_kind(record, kind)  # refuses an extract of a marriage or death
    if isinstance(record, MarriageRecord):
        return CivilCertificateType.MARRIAGE
    return CivilCertificateType.DEATH


class CertificateProducer:
    """Makes certificates of register entries; see the module docstring for the contract."""

    def __init__(self, keys: KeyService, layouts_dir: Path | None = None) -> None:
        self._keys = keys
        self._layouts = layouts_dir

    def produce(
        self,
        post: Post,
        register_number: str,
        record: BirthRecord | MarriageRecord | DeathRecord,
        annotations: Sequence[Annotation],
        registered_on: dt.date,
        issued_on: dt.date,
        registrar_name: str,
        kind: CertificateKind,
        passphrase: str,
    ) -> ProducedCertificate:
        """The certificate of ``record`` (current view) with its seal, signed with the post's key.

        ``registrar_name`` is the registrar who issues this certificate; ``issued_on`` the date
        of issue (also the seal's issue and signature date).
        """
        number = str(parse_register_number(register_number))
        if parse_register_number(number).kind is not record.kind:
            raise DomainError("civil.register_number.invalid", "register_number", value=number)
        from templates import load_layout  # ReportLab: when a certificate is made

        layout = load_layout(layout_kind(record, kind), self._layouts)
        content = seal_content(post, number, record, len(annotations), registered_on, kind)
        identity, key = self._keys.signing_key(passphrase)
        header = SealHeader(
            post.issuing_state,
            identity.signer,
            identity.cert_ref,
            issued_on,
            issued_on,
            CIVIL_FEATURE_DEF_REF,
            CIVIL_DOC_TYPE_CATEGORY,
        )
        seal = sign_seal(encode_seal(header, civil_features(content)), key)
        shown = [
            a for a in annotations if kind is CertificateKind.FULL or a.kind in EXTRACT_ANNOTATIONS
        ]
        fields = {
            "register_number": number,
            "registered_on": display_date(registered_on),
            "registrar": registrar_name,
            "date_of_issue": display_date(issued_on),
            "issuing_post": f"{post.name}, {post.city}",
            "place_of_registration": post.city,
            **_record_fields(layout, record),
        }
        # A fact the record does not hold prints as a dash, never as a blank a hand could fill.
        fields = {name: value or "-" for name, value in fields.items()}
        lists = {"annotations": tuple(annotation_line(layout, a) for a in shown)}
        from templates import DocumentView, render_pdf

        view = DocumentView(number, fields, seal=seal, lists=lists)
        return ProducedCertificate(render_pdf(layout, view, specimen=False), seal)


def seal_content(
    post: Post,
    register_number: str,
    record: CivilRecord,
    annotation_count: int,
    registered_on: dt.date,
    kind: CertificateKind,
) -> CivilSealContent:
    """What the seal certifies for ``record`` (names in MRZ characters)."""
    second: str | None = None
    if isinstance(record, BirthRecord):
        principal, country = record.child, record.place_of_birth.country
    elif isinstance(record, MarriageRecord):
        principal, country = record.spouses[0].person, record.place.country
        second = _seal_name(record.spouses[1].person)
    else:
        principal, country = record.deceased, record.place.country
    return CivilSealContent(
        register_number=register_number,
        certificate_type=certificate_type(record, kind),
        event_date=record.event_date,
        registered_on=registered_on,
        principal=_seal_name(principal),
        second_person=second,
        place_country=country,
        post_code=post.code,
        annotations=annotation_count,
    )


def _seal_name(person: PersonRef) -> str:
    """The name as the seal carries it: the record's Latin form when it has one, else the name as
    written transliterated by the ICAO rules (a character without a rule stops issuance)."""
    surname = person.surname_latin or person.surname
    given = person.given_names_latin or person.given_names
    return civil_name(to_mrz_chars(surname, "surname"), to_mrz_chars(given, "given_names"))


# --- printed values --------------------------------------------------------------------------


def _date(value: dt.date | PartialDate | None) -> str:
    return display_date(value) if value is not None else ""


def _place(place: Place | None) -> str:
    if place is None:
        return ""
    return ", ".join(part for part in (place.place, place.country) if part)


def _nationalities(claims: Sequence[NationalityClaim]) -> str:
    return ", ".join(claim.code for claim in claims)


def _label(layout: Layout, key: str, fallback: str) -> str:
    """A layout label in the post's languages, or ``fallback`` when the layout has none."""
    return layout.label(key) if key in layout.labels else fallback


def _person(prefix: str, person: PersonRef) -> dict[str, str]:
    return {f"{prefix}surname": person.surname.upper(), f"{prefix}given_names": person.given_names}


def _parent(layout: Layout, prefix: str, parent: ParentFacts | None) -> dict[str, str]:
    if parent is None:
        unknown = _label(layout, "not_stated", "-")
        return {f"{prefix}surname": unknown, f"{prefix}given_names": ""}
    born = ", ".join(
        part for part in (parent.place_of_birth, parent.country_of_birth or "") if part
    )
    return {
        **_person(prefix, parent.person),
        f"{prefix}date_of_birth": _date(parent.birth_date),
        f"{prefix}place_of_birth": born,
        f"{prefix}nationality": _nationalities(parent.nationalities),
    }


def _record_fields(layout: Layout, record: CivilRecord) -> dict[str, str]:
    if isinstance(record, BirthRecord):
        return _birth_fields(layout, record)
    if isinstance(record, MarriageRecord):
        return _marriage_fields(layout, record)
    return _death_fields(layout, record)


def _birth_fields(layout: Layout, record: BirthRecord) -> dict[str, str]:
    recognition = record.paternity_recognition
    fields = {
        **_person("", record.child),
        "sex": _label(layout, f"sex_{record.sex.value}", record.sex.value),
        "date_of_birth": display_date(record.birth_date),
        "time_of_birth": record.birth_time.strftime("%H:%M") if record.birth_time else "",
        "place_of_birth": _place(record.place_of_birth),
        "parents_marital_status": _label(
            layout,
            f"marital_{record.parents_marital_status.value}",
            record.parents_marital_status.value,
        ),
        "paternity_recognition": (
            f"{display_date(recognition.recognised_on)}, {recognition.authority}"
            if recognition
            else ""
        ),
        "informant": _informant(layout, record.informant.person, record.informant.capacity),
        "foundling": _label(layout, "foundling", "foundling") if record.foundling else "",
        **_parent(layout, "mother_", record.mother),
        **_parent(layout, "father_", record.father),
    }
    return fields


def _informant(layout: Layout, person: PersonRef, capacity: str) -> str:
    role = _label(layout, f"capacity_{capacity}", capacity)
    return f"{person.given_names} {person.surname.upper()} ({role})"


def _marriage_fields(layout: Layout, record: MarriageRecord) -> dict[str, str]:
    fields = {
        "date_of_marriage": display_date(record.marriage_date),
        "place_of_marriage": _place(record.place),
        "celebrant": record.celebrant,
        "authority": record.authority,
        "witnesses": "; ".join(
            f"{w.given_names} {w.surname.upper()}".strip() for w in record.witnesses
        ),
        "property_regime": record.property_regime,
        "dissolved_on": _date(record.dissolved_on),
    }
    for index, spouse in enumerate(record.spouses, start=1):
        prefix = f"spouse{index}_"
        fields |= {
            **_person(prefix, spouse.person),
            f"{prefix}surname_after": spouse.surname_after_marriage.upper(),
            f"{prefix}date_of_birth": _date(spouse.birth_date),
            f"{prefix}place_of_birth": _place(spouse.place_of_birth),
            f"{prefix}nationality": _nationalities(spouse.nationalities),
            f"{prefix}previous_status": _label(
                layout,
                f"previous_{spouse.previous_marital_status.value}",
                spouse.previous_marital_status.value,
            ),
        }
    return fields


def _death_fields(layout: Layout, record: DeathRecord) -> dict[str, str]:
    return {
        **_person("", record.deceased),
        "sex": _label(layout, f"sex_{record.sex.value}", record.sex.value),
        "date_of_birth": _date(record.birth_date),
        "date_of_death": display_date(record.death_date),
        "time_of_death": record.death_time.strftime("%H:%M") if record.death_time else "",
        "place_of_death": _place(record.place),
        "cause_reference": record.cause_reference,
        "informant": _informant(layout, record.informant.person, record.informant.capacity),
    }


# --- annotations -----------------------------------------------------------------------------


def _change(annotation: Annotation, path: str) -> object:
    return next((c.value for c in annotation.changes if c.path == path), None)


def _annotation_subject(layout: Layout, annotation: Annotation) -> str:
    """Who or what the annotation is about: the recognising father, the new name."""
    if annotation.kind is AnnotationKind.RECOGNITION_OF_PATERNITY:
        father = _change(annotation, "father")
        if isinstance(father, ParentFacts):
            name = f"{father.person.given_names} {father.person.surname.upper()}"
            return f"{_label(layout, 'annotation_by', 'by')} {name}"
    if annotation.kind is AnnotationKind.CHANGE_OF_NAME:
        names = [str(c.value) for c in annotation.changes if isinstance(c.value, str) and c.value]
        if names:
            return f"{_label(layout, 'annotation_new_name', 'new name')} {' '.join(names)}"
    return ""


def annotation_line(layout: Layout, annotation: Annotation) -> str:
    """One annotation as printed, e.g. ``1. Recognition of paternity / Reconnaissance de
    paternité: by Jean DUPONT - 01 DEC 2026 - Notary Favre, Geneva (2026/44) - declaration``:
    kind (the layout's labels), subject, date of the decision, authority (reference), reason."""
    title = _label(layout, f"annotation_{annotation.kind.value}", annotation.kind.value)
    authority = annotation.authority
    if annotation.reference:
        authority += f" ({annotation.reference})"
    parts = [
        _annotation_subject(layout, annotation),
        display_date(annotation.decided_on),
        authority,
        annotation.reason,
    ]
    return f"{annotation.sequence}. {title}: " + " - ".join(p for p in parts if p)


__all__ = [
    "EXTRACT_ANNOTATIONS",
    "CertificateKind",
    "CertificateProducer",
    "ProducedCertificate",
    "annotation_line",
    "certificate_type",
    "layout_kind",
    "seal_content",
]
