"""Records to plain (JSON) data and back; every problem reported by its field path."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import pytest

from tests.unit.test_civil_records import birth, claim, parent
from workstation.domain.civil import codec
from workstation.domain.civil.annotations import History, recognition_of_paternity
from workstation.domain.civil.codec import (
    annotation_from_plain,
    from_plain,
    record_from_plain,
    to_plain,
)
from workstation.domain.civil.error_texts import ERROR_TEXTS
from workstation.domain.civil.records import (
    BirthRecord,
    DeathRecord,
    EventKind,
    Informant,
    InformantCapacity,
    MarriageRecord,
    ParentsMaritalStatus,
    PersonRef,
    Place,
    PreviousMaritalStatus,
    Spouse,
)
from workstation.domain.dates import PartialDate
from workstation.domain.errors import ValidationError
from workstation.domain.people import Sex
from workstation.i18n.messages import MESSAGES


def _json_round_trip(value: Any) -> Any:
    return json.loads(json.dumps(to_plain(value)))


def _birth() -> BirthRecord:
    return dataclasses.replace(
        birth(
            mother=parent("ROE", "Mary", "XXA", born_in="SYR", birth_date="1990-04"),
            father=parent("ROE", "John", "UTO", "FRA", resident_years=3, permanent=False),
            country="ARE",
            married=ParentsMaritalStatus.NOT_MARRIED,
            recognised_on=dt.date(2026, 3, 2),
            register_number="UTO-DXB/B/2026/000001",
        ),
        birth_time=dt.time(14, 5),
    )


def test_a_birth_reads_back_exactly() -> None:
    record = _birth()
    plain = _json_round_trip(record)
    assert plain["birth_date"] == "2026-03-01"
    assert plain["mother"]["birth_date"] == "1990-04"
    assert plain["mother"]["nationalities"][0] == {
        "code": "XXA",
        "evidence": "statelessness_determination",
        "reference": "",
    }
    assert record_from_plain(EventKind.BIRTH, plain) == record


def test_marriages_and_deaths_read_back_exactly() -> None:
    spouse = Spouse(
        PersonRef("ROE", "Mary"),
        PartialDate(1990),
        Place("UTO", "Capital"),
        (claim("UTO"),),
        PreviousMaritalStatus.DIVORCED,
        surname_after_marriage="DOE",
    )
    marriage = MarriageRecord(
        spouses=(spouse, dataclasses.replace(spouse, person=PersonRef("DOE", "John"))),
        marriage_date=dt.date(2026, 5, 2),
        place=Place("CHE", "Geneva"),
        celebrant="Officier de l'état civil",
        authority="État civil de Genève",
        witnesses=(PersonRef("SMITH", "Jo", 12),),
        registered_on=dt.date(2026, 6, 1),
        property_regime="separation of property",
    )
    death = DeathRecord(
        deceased=PersonRef("ROE", "Old", 3),
        sex=Sex.MALE,
        birth_date=None,
        death_date=dt.date(2026, 1, 5),
        place=Place("CHE", "Geneva"),
        informant=Informant(PersonRef("ROE", "Mary"), InformantCapacity.SPOUSE),
        registered_on=dt.date(2026, 1, 9),
        cause_reference="MCCD 2026/17",
    )
    assert record_from_plain(EventKind.MARRIAGE, _json_round_trip(marriage)) == marriage
    assert record_from_plain(EventKind.DEATH, _json_round_trip(death)) == death


def test_every_problem_is_reported_by_its_path() -> None:
    plain = _json_round_trip(_birth())
    plain["sex"] = "Q"
    plain["birth_date"] = "01/03/2026"
    plain["mother"]["nationalities"][0]["evidence"] = "hearsay"
    plain["father"]["resident_years_in_birth_country"] = "three"
    plain["nickname"] = "Annie"
    del plain["informant"]
    with pytest.raises(ValidationError) as caught:
        from_plain(BirthRecord, plain)
    assert {(e.field, e.code) for e in caught.value.errors} == {
        ("nickname", "field.unknown"),
        ("sex", "field.invalid_choice"),
        ("birth_date", "date.invalid_format"),
        ("mother.nationalities[0].evidence", "field.invalid_choice"),
        ("father.resident_years_in_birth_country", "field.not_integer"),
        ("informant", "field.required"),
    }


def test_optional_parts_may_be_null_or_left_out() -> None:
    plain = _json_round_trip(birth(mother=parent("ROE", "M", "UTO"), father=None, country="USA"))
    del plain["birth_time"], plain["register_number"], plain["paternity_recognition"]
    record = from_plain(BirthRecord, plain)
    assert record.father is None and record.birth_time is None and record.register_number == ""


def test_a_rule_of_a_part_is_reported_at_its_path() -> None:
    plain = _json_round_trip(_birth())
    plain["mother"]["birth_date"] = "1990-13"
    with pytest.raises(ValidationError) as caught:
        from_plain(BirthRecord, plain)
    assert [(e.field, e.code) for e in caught.value.errors] == [
        ("mother.birth_date", "date.invalid_month")
    ]


def test_an_annotation_reads_back_with_typed_values() -> None:
    father = parent("MILLER", "John", "UTO")
    annotation = recognition_of_paternity(
        1, father, "Recognition", "Notary Dupont, Geneva", dt.date(2026, 6, 1)
    )
    plain = _json_round_trip(annotation)
    assert plain["changes"][0]["path"] == "father"
    again = annotation_from_plain(BirthRecord, plain)
    assert again == annotation
    original = birth(mother=parent("ROE", "M", "UTO"), father=None, country="CHE")
    assert History(original).append(again).current().father == father


def test_a_broken_annotation_is_refused_by_path() -> None:
    plain = {
        "sequence": 1,
        "kind": "correction",
        "reason": "typo",
        "authority": "Registrar",
        "decided_on": "2026-13-01",
        "changes": [
            {"path": "child.given_names", "value": 7},
            {"path": "child.nickname", "value": "x"},
        ],
    }
    with pytest.raises(ValidationError) as caught:
        annotation_from_plain(BirthRecord, plain)
    assert {(e.field, e.code) for e in caught.value.errors} == {
        ("changes[0].value", "field.not_text"),
        ("changes[1].path", "civil.annotation.unknown_field"),
        ("decided_on", "date.invalid_format"),
    }
    with pytest.raises(ValidationError) as caught:
        annotation_from_plain(BirthRecord, {**plain, "decided_on": "2026-01-01", "changes": []})
    assert caught.value.errors[0].code == "civil.annotation.no_changes"


def test_every_code_the_codec_raises_has_text() -> None:
    source = Path(codec.__file__).read_text(encoding="utf-8")
    raised = set(re.findall(r'"((?:field|date|civil)\.[a-z_.]+[a-z])"', source))
    assert raised <= set(ERROR_TEXTS) | set(MESSAGES), raised - set(ERROR_TEXTS) - set(MESSAGES)
