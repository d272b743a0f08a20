"""The person registry: add, read, and search as the officer types."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from workstation.domain.dates import PartialDate
from workstation.domain.errors import NotFoundError
from workstation.domain.name_search import match_rank, query_terms
from workstation.domain.officers import Officer, Permission
from workstation.domain.people import Person
from workstation.domain.person_validation import person_from_mapping
from workstation.services.audit import record
from workstation.services.clock import Clock, local_date
from workstation.storage import Database


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
