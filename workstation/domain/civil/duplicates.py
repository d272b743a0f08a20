"""Duplicate births: the same event registered twice (often once current, once late elsewhere).

Two births are the same event when the child's names fold to the same search keys
(:func:`workstation.domain.name_search.query_terms`: case, accents and transliteration do not
count), the birth date is the same, and the parents are the same. They are a *possible*
duplicate when the names and date agree, one parent matches and the other is missing on one side
(a father recognised only later, a mother left out), or when neither entry names a parent
(foundlings). A parent present on both sides but different means a different child (twins share
parents and date but not names).

A parent is the same when both are linked to the same registry person, or else when their names
fold the same and their birth dates (where both are known) agree.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from workstation.domain.civil.records import BirthRecord, ParentFacts, PersonRef
from workstation.domain.name_search import name_tokens, query_terms


class DuplicateLevel(StrEnum):
    DUPLICATE = "duplicate"
    POSSIBLE = "possible"


@dataclass(frozen=True, slots=True)
class DuplicateMatch:
    """An existing entry that looks like the new one, with why (coded reasons)."""

    register_number: str
    level: DuplicateLevel
    reasons: tuple[str, ...]


def _keys(surname: str, given_names: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    return query_terms(surname), query_terms(given_names)


def same_names(a: PersonRef, b: PersonRef) -> bool:
    """Names that fold alike, as written or (when both have one) in the Latin form."""
    written = _keys(a.surname, a.given_names)
    if any(written) and written == _keys(b.surname, b.given_names):
        return True
    latin_a = _keys(a.surname_latin, a.given_names_latin)
    return any(latin_a) and latin_a == _keys(b.surname_latin, b.given_names_latin)


def same_parent(a: ParentFacts, b: ParentFacts) -> bool:
    if a.person.person_id is not None and b.person.person_id is not None:
        return a.person.person_id == b.person.person_id
    if not same_names(a.person, b.person):
        return False
    if a.birth_date is not None and b.birth_date is not None:
        return a.birth_date == b.birth_date
    return True


def _parent_state(a: ParentFacts | None, b: ParentFacts | None) -> str:
    if a is None and b is None:
        return "absent_both"
    if a is None or b is None:
        return "missing_one_side"
    return "same" if same_parent(a, b) else "different"


def compare_births(new: BirthRecord, existing: BirthRecord) -> DuplicateLevel | None:
    """How ``existing`` relates to ``new``: duplicate, possible duplicate, or ``None``."""
    if new.birth_date != existing.birth_date or not same_names(new.child, existing.child):
        return None
    states = (
        _parent_state(new.mother, existing.mother),
        _parent_state(new.father, existing.father),
    )
    if "different" in states:
        return None
    if all(s in ("same", "absent_both") for s in states):
        # Both parents unknown on both sides (foundlings): nothing confirms it is the same child.
        return DuplicateLevel.DUPLICATE if "same" in states else DuplicateLevel.POSSIBLE
    if "same" in states:  # one parent matches, the other is missing on one side
        return DuplicateLevel.POSSIBLE
    return None


def find_duplicate_births(
    new: BirthRecord, candidates: Iterable[BirthRecord]
) -> tuple[DuplicateMatch, ...]:
    """The candidates (found by storage with the child's name keys and birth date) that are
    the same birth as ``new``: duplicates first, then possible duplicates, in input order."""
    found: list[DuplicateMatch] = []
    for existing in candidates:
        level = compare_births(new, existing)
        if level is None:
            continue
        reasons = ["civil.duplicate.same_child_names", "civil.duplicate.same_birth_date"]
        for role, a, b in (
            ("mother", new.mother, existing.mother),
            ("father", new.father, existing.father),
        ):
            reasons.append(f"civil.duplicate.{role}_{_parent_state(a, b)}")
        found.append(DuplicateMatch(existing.register_number, level, tuple(reasons)))
    return tuple(sorted(found, key=lambda m: m.level is not DuplicateLevel.DUPLICATE))


def child_search_keys(record: BirthRecord) -> frozenset[str]:
    """Folded name keys storage can use to pick candidates for :func:`find_duplicate_births`."""
    child = record.child
    return name_tokens(
        child.surname, child.given_names, child.surname_latin, child.given_names_latin
    )
