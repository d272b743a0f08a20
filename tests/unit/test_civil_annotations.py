"""Annotations never overwrite the entry: the original and every earlier state stay readable."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from tests.unit.test_civil_records import birth, parent
from workstation.domain.civil.annotations import (
    Annotation,
    AnnotationKind,
    FieldChange,
    History,
    adoption,
    apply_annotations,
    divorce,
    recognition_of_paternity,
)
from workstation.domain.civil.records import (
    BirthRecord,
    MarriageRecord,
    ParentsMaritalStatus,
    PersonRef,
    Place,
    PreviousMaritalStatus,
    Spouse,
)
from workstation.domain.errors import DomainError

COURT = "Tribunal civil de Genève"


def _unmarried_birth() -> BirthRecord:
    return birth(
        mother=parent("ROE", "Mary", "UTO"),
        father=None,
        country="CHE",
        married=ParentsMaritalStatus.NOT_MARRIED,
        register_number="UTO-GVA/B/2026/000123",
    )


def _correction(sequence: int, given_names: str) -> Annotation:
    return Annotation(
        sequence,
        AnnotationKind.CORRECTION,
        reason="Clerical error in the given names",
        authority="Consular registrar, UTO-GVA",
        decided_on=dt.date(2026, 4, 2),
        changes=(FieldChange("child.given_names", given_names),),
    )


def test_history_keeps_the_original_and_applies_annotations_in_order() -> None:
    original = birth(
        mother=parent("ROE", "Mary", "UTO"),
        father=None,
        country="CHE",
        married=ParentsMaritalStatus.NOT_MARRIED,
        register_number="UTO-GVA/B/2026/000123",
    )
    father = parent("MILLER", "John", "UTO")
    history = (
        History(original)
        .append(_correction(1, "Ana"))
        .append(
            recognition_of_paternity(
                2, father, "Recognition by the father", "Notary Dupont, Geneva", dt.date(2026, 6, 1)
            )
        )
        .append(
            Annotation(
                3,
                AnnotationKind.CHANGE_OF_NAME,
                reason="The child takes the father's surname",
                authority=COURT,
                decided_on=dt.date(2026, 9, 15),
                changes=(FieldChange("child.surname", "MILLER"),),
            )
        )
    )
    assert history.original is original  # untouched
    assert original.child.given_names == "Anna" and original.father is None
    assert history.as_of(0) == original
    assert history.as_of(1).child.given_names == "Ana"
    assert history.as_of(1).father is None
    assert history.as_of(2).father == father
    assert history.as_of(2).paternity_recognition is not None
    assert history.as_of(2).paternity_recognition.recognised_on == dt.date(2026, 6, 1)
    current = history.current()
    assert (current.child.surname, current.child.given_names) == ("MILLER", "Ana")
    assert current.register_number == original.register_number
    assert [a.kind for a in history.annotations] == [
        AnnotationKind.CORRECTION,
        AnnotationKind.RECOGNITION_OF_PATERNITY,
        AnnotationKind.CHANGE_OF_NAME,
    ]
    for annotation in history.annotations:
        assert annotation.reason and annotation.authority and annotation.decided_on
    assert apply_annotations(original, history.annotations) == current
    assert history.next_sequence() == 4


def test_annotations_are_append_only_and_numbered_in_order() -> None:
    history = History(_unmarried_birth()).append(_correction(1, "Ana"))
    with pytest.raises(DomainError) as caught:
        history.append(_correction(3, "Anne"))
    assert caught.value.code == "civil.annotation.out_of_order"
    with pytest.raises(DomainError):
        history.append(_correction(1, "Anne"))  # no rewriting annotation 1
    with pytest.raises(DomainError) as caught:
        history.as_of(2)
    assert caught.value.code == "civil.annotation.sequence_invalid"


def test_an_annotation_needs_a_reason_an_authority_and_a_change() -> None:
    with pytest.raises(DomainError) as caught:
        Annotation(1, AnnotationKind.CORRECTION, " ", COURT, dt.date(2026, 1, 1), ())
    assert (caught.value.code, caught.value.field) == ("field.required", "reason")
    with pytest.raises(DomainError) as caught:
        Annotation(1, AnnotationKind.CORRECTION, "typo", "", dt.date(2026, 1, 1), ())
    assert caught.value.field == "authority"
    with pytest.raises(DomainError) as caught:
        Annotation(1, AnnotationKind.CORRECTION, "typo", COURT, dt.date(2026, 1, 1), ())
    assert caught.value.code == "civil.annotation.no_changes"


@pytest.mark.parametrize(
    ("path", "value", "code"),
    [
        ("child.nickname", "Annie", "civil.annotation.unknown_field"),
        ("child.given_names", 42, "civil.annotation.wrong_type"),
        ("register_number", "UTO-GVA/B/2026/000999", "civil.annotation.immutable_field"),
        ("registered_on", dt.date(2026, 1, 1), "civil.annotation.immutable_field"),
        ("father.person.surname", "X", "civil.annotation.unknown_field"),  # no father yet
    ],
)
def test_bad_changes_are_refused(path: str, value: object, code: str) -> None:
    annotation = Annotation(
        1, AnnotationKind.CORRECTION, "fix", COURT, dt.date(2026, 4, 1), (FieldChange(path, value),)
    )
    with pytest.raises(DomainError) as caught:
        History(_unmarried_birth()).append(annotation)
    assert caught.value.code == code


def test_divorce_applies_to_marriages_only_and_keeps_the_marriage_readable() -> None:
    spouse = Spouse(
        PersonRef("ROE", "Mary"), None, Place("UTO"), (), PreviousMaritalStatus.NEVER_MARRIED
    )
    marriage = MarriageRecord(
        spouses=(spouse, dataclasses.replace(spouse, person=PersonRef("DOE", "John"))),
        marriage_date=dt.date(2020, 5, 2),
        place=Place("CHE", "Geneva"),
        celebrant="Officier de l'état civil",
        authority="État civil de Genève",
        witnesses=(PersonRef("SMITH", "Jo"),),
        registered_on=dt.date(2020, 6, 1),
    )
    judgment = divorce(1, "Divorce by mutual consent", COURT, dt.date(2025, 11, 3))
    history = History(marriage).append(judgment)
    assert history.original.dissolved_on is None
    assert history.current().dissolved_on == dt.date(2025, 11, 3)
    with pytest.raises(DomainError) as caught:
        History(_unmarried_birth()).append(judgment)
    assert caught.value.code == "civil.annotation.not_applicable"


def test_adoption_replaces_the_parents_on_the_current_view_only() -> None:
    original = _unmarried_birth()
    adoptive_mother = parent("KELLER", "Eva", "UTO")
    adoptive_father = parent("KELLER", "Urs", "UTO")
    annotation = adoption(
        1,
        adoptive_mother,
        adoptive_father,
        ParentsMaritalStatus.MARRIED,
        "Full adoption",
        COURT,
        dt.date(2027, 2, 1),
    )
    history = History(original).append(annotation)
    assert history.current().mother == adoptive_mother
    assert history.current().parents_marital_status is ParentsMaritalStatus.MARRIED
    assert history.original.mother is not None
    assert history.original.mother.person.surname == "ROE"


def test_a_new_value_must_fit_the_field_even_when_it_was_empty() -> None:
    wrong = Annotation(
        1,
        AnnotationKind.RECOGNITION_OF_PATERNITY,
        "Recognition",
        COURT,
        dt.date(2026, 5, 1),
        (FieldChange("father", "John Miller"),),  # a name, not the father's particulars
    )
    with pytest.raises(DomainError) as caught:
        History(_unmarried_birth()).append(wrong)
    assert caught.value.code == "civil.annotation.wrong_type"
    cleared = Annotation(
        1,
        AnnotationKind.CORRECTION,
        "Mother entered by mistake",
        COURT,
        dt.date(2026, 5, 1),
        (FieldChange("mother", None),),
    )
    assert History(_unmarried_birth()).append(cleared).current().mother is None
