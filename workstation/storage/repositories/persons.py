"""Persons, their identifiers and the search keys that make the registry searchable."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, delete, func, literal, select
from sqlalchemy.orm import Session

from workstation.domain.dates import PartialDate
from workstation.domain.name_search import name_tokens, prefix_upper_bound
from workstation.domain.people import Address, Identifier, IdentifierKind, Person, Sex
from workstation.storage.models import PersonIdentifierRow, PersonNameTokenRow, PersonRow


@dataclass(frozen=True, slots=True)
class Candidate:
    """A person found by the search, with the search keys of their names for ranking."""

    person: Person
    tokens: frozenset[str]


def _to_domain(row: Any, identifiers: Iterable[Any]) -> Person:
    """A person from a ``persons`` row (ORM object or Core row: the same attribute names)."""
    address = json.loads(row.address or "{}")
    return Person(
        id=row.id,
        surname=row.surname,
        given_names=row.given_names,
        surname_latin=row.surname_latin,
        given_names_latin=row.given_names_latin,
        sex=Sex(row.sex),
        birth_date=PartialDate(row.birth_year, row.birth_month, row.birth_day),
        nationality=row.nationality,
        place_of_birth=row.place_of_birth,
        country_of_birth=row.country_of_birth,
        identifiers=tuple(
            Identifier(IdentifierKind(i.kind), i.number, i.issuer) for i in identifiers
        ),
        address=Address(
            lines=tuple(address.get("lines", ())),
            city=address.get("city", ""),
            postcode=address.get("postcode", ""),
            country=address.get("country", ""),
        ),
        phone=row.phone,
        email=row.email,
    )


def _address_json(address: Address) -> str:
    return json.dumps(
        {
            "lines": list(address.lines),
            "city": address.city,
            "postcode": address.postcode,
            "country": address.country,
        },
        ensure_ascii=False,
    )


class PersonRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def add(self, person: Person, now: dt.datetime) -> int:
        row = PersonRow(
            surname=person.surname,
            given_names=person.given_names,
            surname_latin=person.surname_latin,
            given_names_latin=person.given_names_latin,
            sex=person.sex.value,
            birth_year=person.birth_date.year,
            birth_month=person.birth_date.month,
            birth_day=person.birth_date.day,
            place_of_birth=person.place_of_birth,
            country_of_birth=person.country_of_birth,
            nationality=person.nationality,
            address=_address_json(person.address),
            phone=person.phone,
            email=person.email,
            created_at=now,
            updated_at=now,
        )
        self._session.add(row)
        self._session.flush()
        self._write_identifiers(row.id, person)
        self._write_tokens(row.id, person)
        return row.id

    def update(self, person_id: int, person: Person, now: dt.datetime) -> None:
        """Replace the stored record of ``person_id`` with ``person``: every field, the
        identifiers and the search keys (so the search finds the corrected name at once).
        The row must exist (read it with ``get(..., for_update=True)`` first)."""
        row = self._session.get_one(PersonRow, person_id)
        row.surname = person.surname
        row.given_names = person.given_names
        row.surname_latin = person.surname_latin
        row.given_names_latin = person.given_names_latin
        row.sex = person.sex.value
        row.birth_year = person.birth_date.year
        row.birth_month = person.birth_date.month
        row.birth_day = person.birth_date.day
        row.place_of_birth = person.place_of_birth
        row.country_of_birth = person.country_of_birth
        row.nationality = person.nationality
        row.address = _address_json(person.address)
        row.phone = person.phone
        row.email = person.email
        row.updated_at = now
        self._session.execute(
            delete(PersonIdentifierRow).where(PersonIdentifierRow.person_id == person_id)
        )
        self._write_identifiers(person_id, person)
        self._write_tokens(person_id, person)

    def _write_identifiers(self, person_id: int, person: Person) -> None:
        self._session.add_all(
            PersonIdentifierRow(
                person_id=person_id, kind=i.kind.value, number=i.number, issuer=i.issuer
            )
            for i in person.identifiers
        )
        self._session.flush()

    def _write_tokens(self, person_id: int, person: Person) -> None:
        self._session.execute(
            delete(PersonNameTokenRow).where(PersonNameTokenRow.person_id == person_id)
        )
        # The birth year is copied onto every key so a search filtered by year stays one index
        # range scan; this must run again whenever the names or the birth date change.
        self._session.add_all(
            PersonNameTokenRow(token=token, person_id=person_id, birth_year=person.birth_date.year)
            for token in sorted(name_tokens(*person.name_forms()))
        )
        self._session.flush()

    def get(self, person_id: int, for_update: bool = False) -> Person | None:
        """The person as stored; ``for_update`` locks the row until the transaction ends
        (PostgreSQL; SQLite's write transaction holds the database lock already)."""
        row = self._session.get(PersonRow, person_id, with_for_update=for_update)
        if row is None:
            return None
        identifiers = self._session.scalars(
            select(PersonIdentifierRow)
            .where(PersonIdentifierRow.person_id == person_id)
            .order_by(PersonIdentifierRow.id)
        )
        return _to_domain(row, identifiers)

    def count(self) -> int:
        return int(self._session.scalar(select(func.count()).select_from(PersonRow)) or 0)

    def rarest_first(self, terms: Sequence[str], born: PartialDate | None) -> list[str] | None:
        """The terms, the one matching the fewest search keys (as prefixes) first, or None when
        a term matches nobody. One statement; each count stops at a cap, so a one-letter prefix
        costs no more than a rare name."""
        if len(terms) < 2:
            return list(terms)
        counts = self._session.execute(
            select(*(_capped_count(term, born, exact=False) for term in terms))
        ).one()
        if min(counts) == 0:
            return None
        # Among terms past the cap, the longer first: a longer prefix is usually rarer.
        rarity = sorted(
            (count, -len(term), term) for count, term in zip(counts, terms, strict=True)
        )
        return [term for _count, _length, term in rarity]

    def candidate_ids(
        self,
        terms: Sequence[str],
        born: PartialDate | None,
        limit: int,
        exact: bool,
    ) -> list[int]:
        """Ids of up to ``limit`` persons with, for every term, a search key equal to it
        (``exact``) or starting with it, in search-key order of the first term, which drives
        the query (put the rarest first: :meth:`rarest_first`)."""
        ordered = list(terms)
        query = _candidate_query(ordered, born, exact)
        # One row per combination of matching name parts: rows are streamed in index order
        # and read until ``limit`` distinct persons are found, never cut at a row count.
        seen: dict[int, None] = {}
        rows = self._session.execute(query, execution_options={"yield_per": 256})
        try:
            for (person_id,) in rows:
                seen.setdefault(person_id, None)
                if len(seen) >= limit:
                    break
        finally:
            rows.close()
        return list(seen)

    def candidates(self, person_ids: Sequence[int]) -> list[Candidate]:
        """The persons with these ids, identifiers included, and their search keys, in the
        order of ``person_ids`` (plain rows: the search shows them, nothing is edited)."""
        if not person_ids:
            return []
        persons = PersonRow.__table__
        rows = {
            r.id: r
            for r in self._session.execute(select(persons).where(persons.c.id.in_(person_ids)))
        }
        identifiers_table = PersonIdentifierRow.__table__
        identifiers: dict[int, list[Any]] = {pid: [] for pid in person_ids}
        for identifier in self._session.execute(
            select(identifiers_table)
            .where(identifiers_table.c.person_id.in_(person_ids))
            .order_by(identifiers_table.c.id)
        ):
            identifiers[identifier.person_id].append(identifier)
        keys: dict[int, set[str]] = {pid: set() for pid in person_ids}
        for token, pid in self._session.execute(
            select(_TOKENS.c.token, _TOKENS.c.person_id).where(_TOKENS.c.person_id.in_(person_ids))
        ):
            keys[pid].add(token)
        return [
            Candidate(_to_domain(rows[pid], identifiers[pid]), frozenset(keys[pid]))
            for pid in person_ids
            if pid in rows
        ]


# The search is written in SQLAlchemy Core on the tables: building ORM statements cost more per
# search than running them (measured by the benchmark).
_TOKENS = PersonNameTokenRow.__table__
_COUNT_CAP = 20000


def _term_condition(tokens: Any, term: str, exact: bool, born: PartialDate | None) -> Any:
    condition = (
        tokens.c.token == term
        if exact
        else and_(tokens.c.token >= term, tokens.c.token < prefix_upper_bound(term))
    )
    if born is not None:
        # (birth_year, token, person_id) is indexed: the year narrows the same range scan.
        condition = and_(tokens.c.birth_year == born.year, condition)
    return condition


def _capped_count(term: str, born: PartialDate | None, exact: bool) -> Any:
    """How many key rows match ``term``, counting no further than the cap: enough to choose the
    rarest term to drive the query, cheap even for a one-letter prefix."""
    matching = (
        select(literal(1)).where(_term_condition(_TOKENS, term, exact, born)).limit(_COUNT_CAP)
    ).subquery()
    return select(func.count()).select_from(matching).scalar_subquery()


def _candidate_query(ordered_terms: Sequence[str], born: PartialDate | None, exact: bool) -> Any:
    """Driven by the key index of the rarest term; one alias per other term joined on
    (person_id, token), so the cost follows the matches, not the size of the registry."""
    aliases = [_TOKENS.alias(f"t{i}") for i in range(len(ordered_terms))]
    first = aliases[0]
    query = select(first.c.person_id).where(_term_condition(first, ordered_terms[0], exact, born))
    for alias, term in zip(aliases[1:], ordered_terms[1:], strict=True):
        query = query.join(
            alias,
            and_(alias.c.person_id == first.c.person_id, _term_condition(alias, term, exact, None)),
        )
    if born is not None and born.month is not None:
        persons = PersonRow.__table__
        query = query.join(persons, persons.c.id == first.c.person_id).where(
            persons.c.birth_month == born.month
        )
        if born.day is not None:
            query = query.where(persons.c.birth_day == born.day)
    if born is not None:
        return query.order_by(first.c.birth_year, first.c.token, first.c.person_id)
    return query.order_by(first.c.token, first.c.person_id)
