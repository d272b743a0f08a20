"""Birth, marriage and death records with the facts that section 5 of the standards notes asks for.

Names are kept *as written* on the record; ``person_id`` links a party to the person registry when
the registrar found or created them there. A record is never changed after registration: later
facts come as annotations (:mod:`workstation.domain.civil.annotations`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from typing import ClassVar

from workstation.domain.countries import REFUGEE_CODES, STATELESS, normalise_code
from workstation.domain.dates import PartialDate
from workstation.domain.people import Sex

UNKNOWN_NATIONALITY = "XXX"


def state_code(code: str) -> str:
    """The code a rule table uses for a nationality: upper case, and ``DEU`` for ICAO's ``D<<``."""
    code = normalise_code(code)
    return "DEU" if code == "D<<" else code


class EventKind(StrEnum):
    """What a register records; ``letter`` is the kind's part of a register number."""

    BIRTH = "birth"
    MARRIAGE = "marriage"
    DEATH = "death"

    @property
    def letter(self) -> str:
        return {"birth": "B", "marriage": "M", "death": "D"}[self.value]


class NationalityEvidence(StrEnum):
    """What shows a parent's nationality (or statelessness) at the time of the birth."""

    PASSPORT = "passport"
    NATIONAL_ID = "national_id"
    NATIONALITY_CERTIFICATE = "nationality_certificate"
    NATURALISATION_CERTIFICATE = "naturalisation_certificate"
    CONSULAR_REGISTRATION = "consular_registration"
    BIRTH_CERTIFICATE = "birth_certificate"
    STATELESSNESS_DETERMINATION = "statelessness_determination"
    REFUGEE_DOCUMENT = "refugee_document"
    DECLARATION = "declaration"
    NONE = "none"


# A declaration alone (or nothing) records what the parent says; it proves nothing.
UNPROVEN_EVIDENCE = frozenset({NationalityEvidence.DECLARATION, NationalityEvidence.NONE})


@dataclass(frozen=True, slots=True)
class NationalityClaim:
    """One nationality (ICAO code) a parent held when the child was born, and what shows it.

    ``XXA`` is stateless, ``XXB``/``XXC`` refugee (a status: the nationality of origin, when
    known, is a second claim), ``XXX`` nationality unknown.
    """

    code: str
    evidence: NationalityEvidence
    reference: str = ""

    @property
    def state(self) -> str:
        """:func:`state_code` of the claim (``D<<`` and ``DEU`` are the same nationality)."""
        return state_code(self.code)

    @property
    def is_proven(self) -> bool:
        return self.evidence not in UNPROVEN_EVIDENCE

    @property
    def is_stateless(self) -> bool:
        return self.state == STATELESS

    @property
    def is_refugee(self) -> bool:
        return self.state in REFUGEE_CODES

    @property
    def is_state(self) -> bool:
        """A nationality of a state (not stateless, refugee or unknown)."""
        return not (self.is_stateless or self.is_refugee or self.state == UNKNOWN_NATIONALITY)


@dataclass(frozen=True, slots=True)
class PersonRef:
    """A party to a record: the names as written on it, and the registry person when linked."""

    surname: str
    given_names: str
    person_id: int | None = None
    surname_latin: str = ""
    given_names_latin: str = ""


@dataclass(frozen=True, slots=True)
class Place:
    """Where an event happened: the country (ICAO code), the place as written (town, hospital)."""

    country: str
    place: str = ""


class ParentsMaritalStatus(StrEnum):
    """Whether the parents were married to each other when the child was born."""

    MARRIED = "married"
    NOT_MARRIED = "not_married"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class ParentFacts:
    """A parent as the birth record states them, at the time of the birth.

    ``country_of_birth`` is ``None`` when it is not known (it decides transmission for a parent
    born abroad); the two residence facts concern the country where the child was born and are
    ``None`` when not known (they decide birthright nationality in several countries).
    """

    person: PersonRef
    nationalities: tuple[NationalityClaim, ...] = ()
    birth_date: PartialDate | None = None
    country_of_birth: str | None = None
    place_of_birth: str = ""
    resident_years_in_birth_country: int | None = None
    permanent_resident_in_birth_country: bool | None = None

    def claim(self, code: str) -> NationalityClaim | None:
        """The parent's claim to the nationality ``code``, if they make one."""
        wanted = state_code(code)
        return next((c for c in self.nationalities if c.state == wanted), None)

    @property
    def is_refugee(self) -> bool:
        return any(c.is_refugee for c in self.nationalities)


@dataclass(frozen=True, slots=True)
class PaternityRecognition:
    """A father's recognition of the child (at registration or later, by annotation)."""

    recognised_on: dt.date
    authority: str
    reference: str = ""


class InformantCapacity(StrEnum):
    MOTHER = "mother"
    FATHER = "father"
    SPOUSE = "spouse"
    RELATIVE = "relative"
    INSTITUTION = "institution"
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class Informant:
    """Who declared the event to the registrar, and in what capacity."""

    person: PersonRef
    capacity: InformantCapacity


@dataclass(frozen=True, slots=True)
class BirthRecord:
    """A birth abroad: the child, the parents and the facts that decide nationality."""

    kind: ClassVar[EventKind] = EventKind.BIRTH

    child: PersonRef
    sex: Sex
    birth_date: dt.date
    place_of_birth: Place
    mother: ParentFacts | None
    father: ParentFacts | None
    parents_marital_status: ParentsMaritalStatus
    informant: Informant
    registered_on: dt.date
    paternity_recognition: PaternityRecognition | None = None
    birth_time: dt.time | None = None
    foundling: bool = False
    register_number: str = ""

    @property
    def event_date(self) -> dt.date:
        return self.birth_date


class PreviousMaritalStatus(StrEnum):
    NEVER_MARRIED = "never_married"
    DIVORCED = "divorced"
    WIDOWED = "widowed"
    ANNULLED = "annulled"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class Spouse:
    """A spouse: names before and after the marriage, birth data, nationalities, previous status."""

    person: PersonRef
    birth_date: PartialDate | None
    place_of_birth: Place | None
    nationalities: tuple[NationalityClaim, ...]
    previous_marital_status: PreviousMaritalStatus
    surname_after_marriage: str = ""


@dataclass(frozen=True, slots=True)
class MarriageRecord:
    """A marriage abroad; ``dissolved_on`` is only ever set by a divorce annotation."""

    kind: ClassVar[EventKind] = EventKind.MARRIAGE

    spouses: tuple[Spouse, Spouse]
    marriage_date: dt.date
    place: Place
    celebrant: str
    authority: str
    witnesses: tuple[PersonRef, ...]
    registered_on: dt.date
    property_regime: str = ""
    dissolved_on: dt.date | None = None
    register_number: str = ""

    @property
    def event_date(self) -> dt.date:
        return self.marriage_date


@dataclass(frozen=True, slots=True)
class DeathRecord:
    """A death abroad; the cause is a reference (certificate number or code), optional."""

    kind: ClassVar[EventKind] = EventKind.DEATH

    deceased: PersonRef
    sex: Sex
    birth_date: PartialDate | None
    death_date: dt.date
    place: Place
    informant: Informant
    registered_on: dt.date
    death_time: dt.time | None = None
    cause_reference: str = ""
    register_number: str = ""

    @property
    def event_date(self) -> dt.date:
        return self.death_date


CivilRecord = BirthRecord | MarriageRecord | DeathRecord
