"""The person registry: add, correct, read, and search as the officer types.

A correction replaces the whole record (the same validation as a new person) in one transaction
with its audit entry. Optimistic concurrency without a version column: the caller passes the
record as the officer saw it (``expected``), and the update is refused when the stored record no
longer equals it. The comparison is made on the locked row (``FOR UPDATE`` on PostgreSQL; SQLite's
write transaction holds the database lock), so two officers correcting the same person cannot
both win, whatever the workstations' clocks say.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from workstation.domain.dates import PartialDate
from workstation.domain.errors import ConflictError, FieldError, NotFoundError, ValidationError
from workstation.domain.name_search import match_rank, query_terms
from workstation.domain.officers import Officer, Permission
from workstation.domain.people import Person
from workstation.domain.person_validation import (
    PERSON_FIELDS,
    person_from_mapping,
    person_to_mapping,
)
from workstation.services.audit import record
from workstation.services.clock import Clock, local_date
from workstation.storage import Database

# Fields whose old and new values the audit entry of a correction shows; for the others (contact
# details) it names the field only: the log is for who changed what, not a copy of the address.
_AUDITED_VALUES = frozenset(PERSON_FIELDS) - {"address", "phone", "email"}


def _readable(field: str, value: Any) -> Any:
    if field == "identifiers":
        return [" ".join(p for p in (i["kind"], i["number"], i["issuer"]) if p) for i in value]
    return value


def changes_between(stored: Person, corrected: Person) -> dict[str, dict[str, Any] | None]:
    """Field name -> ``{"old", "new"}`` for every field the correction changes, in form order
    (None instead of the values for contact details)."""
    old, new = person_to_mapping(stored), person_to_mapping(corrected)
    return {
        field: (
            {"old": _readable(field, old[field]), "new": _readable(field, new[field])}
            if field in _AUDITED_VALUES
            else None
        )
        for field in PERSON_FIELDS
        if old[field] != new[field]
    }


@dataclass(frozen=True, slots=True)
class SearchHit:
    person: Person
    rank: int  # 0: every term matched a name part exactly; 1: some only as a prefix


@dataclass(frozen=True, slots=True)
class SearchResult:
    terms: tuple[str, ...]
    hits: tuple[SearchHit, ...]
    truncated: bool  # more persons match than were returned: the officer should type more


class PersonService:
    def __init__(self, db: Database, clock: Clock, time_zone: str) -> None:
        self._db = db
        self._clock = clock
        self._time_zone = time_zone

    def add(self, officer: Officer, data: Mapping[str, Any]) -> int:
        """Validate and store a new person; nothing is written when any field is wrong."""
        officer.require(Permission.PERSON_WRITE)
        person = person_from_mapping(data, local_date(self._clock, self._time_zone))
        with self._db.writing() as uow:
            now = self._clock.now()
            person_id = uow.persons.add(person, now)
            record(
                uow,
                now,
                officer,
                "person.add",
                "person",
                person_id,
                {"name": person.display_name, "birth_date": person.birth_date.isoformat()},
            )
            uow.commit()
            return person_id

    def update(
        self,
        officer: Officer,
        person_id: int,
        data: Mapping[str, Any],
        expected: Person | None = None,
    ) -> Person:
        """Correct a stored person: ``data`` is the whole record, as :meth:`add` takes it.

        Nothing is written when any field is wrong (:class:`ValidationError`), when there is no
        such person (:class:`NotFoundError`), or when ``expected`` (the record as the officer
        read it) is given and the stored record has changed since (:class:`ConflictError`
        ``person.changed_meanwhile``: read it again and redo the correction). A correction that
        changes nothing writes nothing. Returns the person as now stored.
        """
        officer.require(Permission.PERSON_WRITE)
        given_id = data.get("id") if isinstance(data, Mapping) else None
        if given_id is not None and given_id != person_id:
            raise ValidationError(
                [FieldError("id", "person.id_mismatch", {"value": given_id, "id": person_id})]
            )
        corrected = person_from_mapping(data, local_date(self._clock, self._time_zone), person_id)
        with self._db.writing() as uow:
            stored = uow.persons.get(person_id, for_update=True)
            if stored is None:
                raise NotFoundError("person.not_found", "id", id=person_id)
            if expected is not None and expected != stored:
                raise ConflictError(
                    "person.changed_meanwhile", None, id=person_id, name=stored.display_name
                )
            changes = changes_between(stored, corrected)
            if not changes:
                return stored
            now = self._clock.now()
            uow.persons.update(person_id, corrected, now)
            record(
                uow,
                now,
                officer,
                "person.update",
                "person",
                person_id,
                {
                    "name": corrected.display_name,
                    "fields": list(changes),
                    "changes": {field: diff for field, diff in changes.items() if diff},
                },
            )
            uow.commit()
        return corrected

    def get(self, person_id: int) -> Person:
        with self._db.reading() as uow:
            person = uow.persons.get(person_id)
        if person is None:
            raise NotFoundError("person.not_found", "id", id=person_id)
        return person

    def search(self, text: str, born: PartialDate | None = None, limit: int = 50) -> SearchResult:
        """Persons whose name parts match every typed word, insensitive to case, accents and
        transliteration; exact name parts rank before prefixes, then in name-key order."""
        terms = query_terms(text)
        if not terms:
            return SearchResult(terms, (), False)
        with self._db.reading() as uow:
            # Prefix matches include the exact ones: when they all fit, that one pass is the
            # whole answer (ranking puts exact matches first). Only a longer list needs the
            # exact pass, so that exact matches are not cut off by the limit.
            ordered = uow.persons.rarest_first(terms, born)
            if ordered is None:  # a word that matches nobody
                return SearchResult(terms, (), False)
            ids = uow.persons.candidate_ids(ordered, born, limit + 1, exact=False)
            truncated = len(ids) > limit
            if truncated:
                exact = uow.persons.candidate_ids(ordered, born, limit + 1, exact=True)
                ids = list(dict.fromkeys([*exact, *ids]))
            candidates = uow.persons.candidates(ids[:limit])
        hits = []
        for candidate in candidates:
            rank = match_rank(terms, candidate.tokens)
            if rank is not None:
                hits.append(SearchHit(candidate.person, rank))
        hits.sort(key=lambda hit: hit.rank)  # stable: keeps the key order within a rank
        return SearchResult(terms, tuple(hits), truncated)
