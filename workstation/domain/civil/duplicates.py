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

from workstation.domain.civil.records import (
    BirthRecord,
    CivilRecord,
    DeathRecord,
    MarriageRecord,
    ParentFacts,
    PersonRef,
    Spouse,
)
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


def _same_spouse(a: Spouse, b: Spouse) -> bool:
    if a.person.person_id is not None and b.person.person_id is not None:
        return a.person.person_id == b.person.person_id
    if not same_names(a.person, b.person):
        return False
    return a.birth_date is None or b.birth_date is None or a.birth_date == b.birth_date


def compare_marriages(new: MarriageRecord, existing: MarriageRecord) -> DuplicateLevel | None:
    """The same marriage: same date and both spouses the same (in either order); one spouse
    the same and the other not: a possible duplicate (a name written differently)."""
    if new.marriage_date != existing.marriage_date:
        return None
    a, b = new.spouses
    c, d = existing.spouses
    matches = max(
        int(_same_spouse(a, c)) + int(_same_spouse(b, d)),
        int(_same_spouse(a, d)) + int(_same_spouse(b, c)),
    )
    return {2: DuplicateLevel.DUPLICATE, 1: DuplicateLevel.POSSIBLE}.get(matches)


def compare_deaths(new: DeathRecord, existing: DeathRecord) -> DuplicateLevel | None:
    """The same death: same date, same names, birth dates (where both are known) equal."""
    if new.death_date != existing.death_date or not same_names(new.deceased, existing.deceased):
        return None
    if new.birth_date is not None and existing.birth_date is not None:
        return DuplicateLevel.DUPLICATE if new.birth_date == existing.birth_date else None
    return DuplicateLevel.POSSIBLE


def find_duplicates(
    new: CivilRecord, candidates: Iterable[CivilRecord]
) -> tuple[DuplicateMatch, ...]:
    """Duplicates of any kind of record among ``candidates`` (records of the same kind and event
    date, found by storage): births as :func:`find_duplicate_births`, marriages and deaths by
    :func:`compare_marriages` and :func:`compare_deaths`; duplicates first."""
    if isinstance(new, BirthRecord):
        return find_duplicate_births(new, (c for c in candidates if isinstance(c, BirthRecord)))
    found: list[DuplicateMatch] = []
    for existing in candidates:
        level: DuplicateLevel | None = None
        if isinstance(new, MarriageRecord) and isinstance(existing, MarriageRecord):
            level = compare_marriages(new, existing)
            reasons = ("civil.duplicate.same_marriage_date", "civil.duplicate.same_spouses")
        elif isinstance(new, DeathRecord) and isinstance(existing, DeathRecord):
            level = compare_deaths(new, existing)
            reasons = ("civil.duplicate.same_death_date", "civil.duplicate.same_deceased")
        if level is not None:
            found.append(DuplicateMatch(existing.register_number, level, reasons))
    return tuple(sorted(found, key=lambda m: m.level is not DuplicateLevel.DUPLICATE))
