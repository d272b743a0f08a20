"""Persons in the consular registry: nationals and the people linked to them."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from workstation.domain.dates import PartialDate


class Sex(StrEnum):
    """Sex as ICAO Doc 9303 records it; ``X`` (unspecified) prints as ``<`` in the MRZ."""

    FEMALE = "F"
    MALE = "M"
    UNSPECIFIED = "X"


class IdentifierKind(StrEnum):
    PASSPORT = "passport"
    NATIONAL_ID = "national_id"
    CONSULAR_ID = "consular_id"
    RESIDENCE_PERMIT = "residence_permit"
    BIRTH_REGISTRATION = "birth_registration"
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class Identifier:
    """A document or registry number that identifies the person, with who issued it."""

    kind: IdentifierKind
    number: str
    issuer: str = ""


@dataclass(frozen=True, slots=True)
class Address:
    """Address abroad, in the local form (lines as the post writes them)."""

    lines: tuple[str, ...] = ()
    city: str = ""
    postcode: str = ""
    country: str = ""

    @property
    def is_empty(self) -> bool:
        return not (self.lines or self.city or self.postcode or self.country)


@dataclass(frozen=True, slots=True)
class Person:
    """A person as the registry holds them.

    Names are kept as written (any script) and in their Latin transliteration; the MRZ form is
    derived from the Latin form when a document is made, never stored.
    """

    surname: str
    given_names: str
    surname_latin: str
    given_names_latin: str
    sex: Sex
    birth_date: PartialDate
    nationality: str
    place_of_birth: str = ""
    country_of_birth: str = ""
    identifiers: tuple[Identifier, ...] = ()
    address: Address = field(default_factory=Address)
    phone: str = ""
    email: str = ""
    id: int | None = None

    @property
    def display_name(self) -> str:
        """``SURNAME, Given names`` in the Latin form, as counters and lists show it."""
        given = f", {self.given_names_latin}" if self.given_names_latin else ""
        return f"{self.surname_latin.upper()}{given}"

    def name_forms(self) -> tuple[str, ...]:
        """Every written form of the names, for search keys."""
        forms = (self.surname, self.given_names, self.surname_latin, self.given_names_latin)
        return tuple(dict.fromkeys(f for f in forms if f))
