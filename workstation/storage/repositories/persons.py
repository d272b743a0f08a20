"""Persons, their identifiers and the search keys that make the registry searchable."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import and_, delete, func, select
from sqlalchemy.orm import Session, aliased

from workstation.domain.dates import PartialDate
from workstation.domain.name_search import name_tokens, prefix_upper_bound
from workstation.domain.people import Address, Identifier, IdentifierKind, Person, Sex
from workstation.storage.models import PersonIdentifierRow, PersonNameTokenRow, PersonRow


@dataclass(frozen=True, slots=True)
class Candidate:
    """A person found by the search, with the search keys of their names for ranking."""

    person: Person
    tokens: frozenset[str]


def _to_domain(row: PersonRow, identifiers: Iterable[PersonIdentifierRow]) -> Person:
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
        self._session.add_all(
            PersonIdentifierRow(
                person_id=row.id, kind=i.kind.value, number=i.number, issuer=i.issuer
            )
            for i in person.identifiers
        )
        self._write_tokens(row.id, person)
        return row.id

    def _write_tokens(self, person_id: int, person: Person) -> None:
        self._session.execute(
            delete(PersonNameTokenRow).where(PersonNameTokenRow.person_id == person_id)
        )
        self._session.add_all(
            PersonNameTokenRow(token=token, person_id=person_id)
            for token in sorted(name_tokens(*person.name_forms()))
        )
        self._session.flush()

    def get(self, person_id: int) -> Person | None:
        row = self._session.get(PersonRow, person_id)
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

    def candidate_ids(
        self,
        terms: Sequence[str],
        born: PartialDate | None,
        limit: int,
        exact: bool,
    ) -> list[int]:
        """Ids of persons with, for every term, a search key equal to it (``exact``) or starting
        with it, in search-key order of the most selective (longest) term.

        The query is driven by the token index of the longest term and joins one token alias per
        other term on (person_id, token), so its cost follows the number of matches, not the size
        of the registry.
        """
        ordered = sorted(terms, key=len, reverse=True)
        tokens = [aliased(PersonNameTokenRow) for _ in ordered]

        def condition(alias: type[PersonNameTokenRow], term: str):  # type: ignore[no-untyped-def]
            if exact:
                return alias.token == term
            return and_(alias.token >= term, alias.token < prefix_upper_bound(term))

        first = tokens[0]
        query = select(first.person_id).where(condition(first, ordered[0]))
        for alias, term in zip(tokens[1:], ordered[1:], strict=True):
            query = query.join(
                alias, and_(alias.person_id == first.person_id, condition(alias, term))
            )
        if born is not None:
            query = query.join(PersonRow, PersonRow.id == first.person_id).where(
                PersonRow.birth_year == born.year
            )
            if born.month is not None:
                query = query.where(PersonRow.birth_month == born.month)
            if born.day is not None:
                query = query.where(PersonRow.birth_day == born.day)
        # One row per combination of matching name parts: rows are streamed in index order
        # and read until ``limit`` distinct persons are found, never cut at a row count.
        query = query.order_by(first.token, first.person_id)
        seen: dict[int, None] = {}
        rows = self._session.scalars(query, execution_options={"yield_per": 256})
        try:
            for person_id in rows:
                seen.setdefault(person_id, None)
                if len(seen) >= limit:
                    break
        finally:
            rows.close()
        return list(seen)

    def candidates(self, person_ids: Sequence[int]) -> list[Candidate]:
        """The persons with these ids, identifiers included, and their search keys, in the
        order of ``person_ids``."""
        if not person_ids:
            return []
        rows = {
            r.id: r
            for r in self._session.scalars(select(PersonRow).where(PersonRow.id.in_(person_ids)))
        }
        identifiers: dict[int, list[PersonIdentifierRow]] = {pid: [] for pid in person_ids}
        for identifier in self._session.scalars(
            select(PersonIdentifierRow)
            .where(PersonIdentifierRow.person_id.in_(person_ids))
            .order_by(PersonIdentifierRow.id)
        ):
            identifiers[identifier.person_id].append(identifier)
        keys: dict[int, set[str]] = {pid: set() for pid in person_ids}
        for token, pid in self._session.execute(
            select(PersonNameTokenRow.token, PersonNameTokenRow.person_id).where(
                PersonNameTokenRow.person_id.in_(person_ids)
            )
        ):
            keys[pid].add(token)
        return [
            Candidate(_to_domain(rows[pid], identifiers[pid]), frozenset(keys[pid]))
            for pid in person_ids
            if pid in rows
        ]
