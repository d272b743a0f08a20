"""Civil records: the value objects, and the builders the other civil tests share."""

from __future__ import annotations

import datetime as dt

from workstation.domain.civil.records import (
    BirthRecord,
    EventKind,
    Informant,
    InformantCapacity,
    NationalityClaim,
    NationalityEvidence,
    ParentFacts,
    ParentsMaritalStatus,
    PaternityRecognition,
    PersonRef,
    Place,
)
from workstation.domain.dates import PartialDate
from workstation.domain.people import Sex

PASSPORT = NationalityEvidence.PASSPORT


def claim(code: str, evidence: NationalityEvidence = PASSPORT) -> NationalityClaim:
    return NationalityClaim(code, evidence)


def parent(
    surname: str,
    given: str,
    *codes: str,
    born_in: str | None = "UTO",
    person_id: int | None = None,
    birth_date: str | None = None,
    evidence: NationalityEvidence = PASSPORT,
    resident_years: int | None = None,
    permanent: bool | None = None,
) -> ParentFacts:
    """A parent holding ``codes`` (with passports unless told), born in ``born_in``."""
    stateless_evidence = NationalityEvidence.STATELESSNESS_DETERMINATION
    return ParentFacts(
        person=PersonRef(surname, given, person_id),
        nationalities=tuple(
            claim(c, stateless_evidence if c == "XXA" and evidence is PASSPORT else evidence)
            for c in codes
        ),
        birth_date=PartialDate.parse(birth_date, "birth_date") if birth_date else None,
        country_of_birth=born_in,
        resident_years_in_birth_country=resident_years,
        permanent_resident_in_birth_country=permanent,
    )


def birth(
    *,
    mother: ParentFacts | None,
    father: ParentFacts | None,
    country: str,
    married: ParentsMaritalStatus = ParentsMaritalStatus.MARRIED,
    born: dt.date = dt.date(2026, 3, 1),
    registered: dt.date = dt.date(2026, 3, 20),
    recognised_on: dt.date | None = None,
    child: tuple[str, str] = ("ROE", "Anna"),
    foundling: bool = False,
    register_number: str = "",
) -> BirthRecord:
    informant = mother or father
    return BirthRecord(
        child=PersonRef(*child),
        sex=Sex.FEMALE,
        birth_date=born,
        place_of_birth=Place(country, "Capital city"),
        mother=mother,
        father=father,
        parents_marital_status=married,
        informant=Informant(
            informant.person if informant else PersonRef("SMITH", "Jo"),
            InformantCapacity.MOTHER if mother else InformantCapacity.OTHER,
        ),
        registered_on=registered,
        paternity_recognition=(
            PaternityRecognition(recognised_on, "Notary, Dubai") if recognised_on else None
        ),
        foundling=foundling,
        register_number=register_number,
    )


def test_each_register_has_its_letter() -> None:
    assert [k.letter for k in EventKind] == ["B", "M", "D"]


def test_a_declaration_alone_does_not_prove_a_nationality() -> None:
    assert claim("UTO").is_proven
    assert not claim("UTO", NationalityEvidence.DECLARATION).is_proven
    assert claim("XXA").is_stateless and not claim("XXA").is_state
    assert claim("XXB").is_refugee and not claim("XXB").is_state
    assert not claim("XXX").is_state


def test_the_event_date_is_the_birth_date() -> None:
    record = birth(mother=parent("ROE", "Mary", "UTO"), father=None, country="USA")
    assert record.event_date == dt.date(2026, 3, 1)
    assert record.kind is EventKind.BIRTH
