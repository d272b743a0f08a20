"""Duplicate births: exact, possible (one parent missing), and different children."""

from __future__ import annotations

import dataclasses
import datetime as dt

from tests.unit.test_civil_records import birth, parent
from workstation.domain.civil.duplicates import (
    DuplicateLevel,
    child_search_keys,
    compare_births,
    find_duplicate_births,
)
from workstation.domain.civil.explanations import DUPLICATE_TEXTS
from workstation.domain.civil.records import BirthRecord, PersonRef


def _original() -> BirthRecord:
    return birth(
        mother=parent("MÜLLER", "Anna", "UTO", birth_date="1990-04-12"),
        father=parent("PEÑA", "José", "UTO", birth_date="1988"),
        country="CHE",
        child=("MÜLLER-PEÑA", "Zoë"),
        register_number="UTO-GVA/B/2026/000001",
    )


def _second_registration() -> BirthRecord:
    """The same child, typed elsewhere without the accents."""
    return birth(
        mother=parent("MUELLER", "ANNA", "UTO", birth_date="1990-04-12"),
        father=parent("PENA", "Jose", "UTO"),
        country="CHE",
        child=("Mueller-Pena", "ZOE"),
        registered=dt.date(2026, 9, 1),
    )


def test_same_child_names_date_and_parents_is_a_duplicate() -> None:
    matches = find_duplicate_births(_second_registration(), [_original()])
    assert [(m.register_number, m.level) for m in matches] == [
        ("UTO-GVA/B/2026/000001", DuplicateLevel.DUPLICATE)
    ]
    assert "civil.duplicate.same_child_names" in matches[0].reasons
    assert "civil.duplicate.father_same" in matches[0].reasons


def test_a_parent_missing_on_one_side_is_a_possible_duplicate() -> None:
    without_father = dataclasses.replace(_second_registration(), father=None)
    matches = find_duplicate_births(without_father, [_original()])
    assert [m.level for m in matches] == [DuplicateLevel.POSSIBLE]
    assert "civil.duplicate.father_missing_one_side" in matches[0].reasons


def test_different_children_are_not_duplicates() -> None:
    new = _second_registration()
    twin = dataclasses.replace(new, child=PersonRef("MÜLLER-PEÑA", "Lea"))
    other_day = dataclasses.replace(new, birth_date=dt.date(2026, 3, 2))
    other_mother = dataclasses.replace(new, mother=parent("MULLER", "Berta", "UTO"))
    born_other_year = dataclasses.replace(
        new, mother=parent("MUELLER", "ANNA", "UTO", birth_date="1991-04-12")
    )
    for candidate in (twin, other_day, other_mother, born_other_year):
        assert compare_births(candidate, _original()) is None
    assert find_duplicate_births(twin, [_original()]) == ()


def test_registry_links_decide_over_names() -> None:
    linked = dataclasses.replace(_original(), mother=parent("MÜLLER", "Anna", "UTO", person_id=7))
    renamed = dataclasses.replace(
        _second_registration(), mother=parent("SCHMID", "Anna", "UTO", person_id=7)
    )
    assert compare_births(renamed, linked) is DuplicateLevel.DUPLICATE
    other_person = dataclasses.replace(
        _second_registration(), mother=parent("MÜLLER", "Anna", "UTO", person_id=8)
    )
    assert compare_births(other_person, linked) is None


def test_duplicates_come_before_possible_duplicates() -> None:
    possible = dataclasses.replace(
        _original(), father=None, register_number="UTO-GVA/B/2026/000002"
    )
    matches = find_duplicate_births(_second_registration(), [possible, _original()])
    assert [m.register_number for m in matches] == [
        "UTO-GVA/B/2026/000001",
        "UTO-GVA/B/2026/000002",
    ]


def test_search_keys_fold_accents_and_compounds() -> None:
    keys = child_search_keys(_original())
    assert keys == {"MULER", "PENA", "MULERPENA", "ZO"}  # Zoë, ZOE and Zoe all fold to ZO
    assert child_search_keys(_second_registration()) == keys


def test_every_duplicate_reason_has_text() -> None:
    new = _second_registration()
    candidates = [_original(), dataclasses.replace(_original(), father=None)]
    for candidate in (new, dataclasses.replace(new, mother=None)):
        for match in find_duplicate_births(candidate, candidates):
            assert set(match.reasons) <= set(DUPLICATE_TEXTS)
