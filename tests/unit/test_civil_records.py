"""Civil records: the value objects, and the builders the other civil tests share."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path

import pytest

from workstation.domain import civil
from workstation.domain.civil.error_texts import ERROR_TEXTS
from workstation.domain.civil.explanations import DUPLICATE_TEXTS
from workstation.domain.civil.records import (
    BirthRecord,
    DeathRecord,
    EventKind,
    Informant,
    InformantCapacity,
    MarriageRecord,
    NationalityClaim,
    NationalityEvidence,
    ParentFacts,
    ParentsMaritalStatus,
    PaternityRecognition,
    PersonRef,
    Place,
    PreviousMaritalStatus,
    Spouse,
)
from workstation.domain.civil.validation import check_record
from workstation.domain.dates import PartialDate
from workstation.domain.errors import ValidationError
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


def test_a_coherent_birth_passes_the_checks() -> None:
    record = birth(mother=parent("ROE", "Mary", "UTO"), father=None, country="USA")
    check_record(record, today=dt.date(2026, 12, 31))


def test_every_problem_of_a_birth_is_listed_with_its_field() -> None:
    record = dataclasses.replace(
        birth(
            mother=parent("ROE", "Mary", "UTZ"),
            father=None,
            country="QQQ",
            registered=dt.date(2026, 2, 1),
            recognised_on=dt.date(2026, 4, 1),
        ),
        child=PersonRef("", " "),
    )
    with pytest.raises(ValidationError) as caught:
        check_record(record)
    assert [(e.field, e.code) for e in caught.value.errors] == [
        ("child.surname", "field.required"),
        ("place_of_birth.country", "country.unknown_code"),
        ("mother.nationalities[0].code", "country.unknown_code"),
        ("registered_on", "civil.registration_before_event"),
        ("paternity_recognition", "civil.recognition_without_father"),
    ]


def test_death_and_marriage_checks() -> None:
    death = DeathRecord(
        deceased=PersonRef("ROE", "Old"),
        sex=Sex.MALE,
        birth_date=PartialDate(2030),
        death_date=dt.date(2026, 1, 5),
        place=Place("CHE", "Geneva"),
        informant=Informant(PersonRef("ROE", "Mary"), InformantCapacity.SPOUSE),
        registered_on=dt.date(2026, 1, 9),
    )
    with pytest.raises(ValidationError) as caught:
        check_record(death)
    assert [e.code for e in caught.value.errors] == ["civil.death_before_birth"]
    spouse = Spouse(
        PersonRef("ROE", "Mary"), None, None, (claim("UTO"),), PreviousMaritalStatus.NEVER_MARRIED
    )
    marriage = MarriageRecord(
        spouses=(spouse, spouse),
        marriage_date=dt.date(2026, 5, 2),
        place=Place("CHE", "Geneva"),
        celebrant="",
        authority="État civil de Genève",
        witnesses=(),
        registered_on=dt.date(2026, 6, 1),
    )
    with pytest.raises(ValidationError) as caught:
        check_record(marriage)
    assert [(e.field, e.code) for e in caught.value.errors] == [("celebrant", "field.required")]


def test_every_civil_error_code_has_english_text() -> None:
    source = "".join(
        path.read_text(encoding="utf-8")
        for path in Path(civil.__file__).parent.glob("*.py")
        if path.name != "explanations.py"
    )
    raised = set(re.findall(r'"(civil\.(?!rules\.)[a-z_.]+[a-z])"', source))
    assert raised, "no civil.* codes found"
    known = set(ERROR_TEXTS) | set(DUPLICATE_TEXTS)
    assert raised <= known, sorted(raised - known)
