"""The civil register: entries, their annotations, and the register number counters."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from workstation.domain.civil.codec import (
    RECORD_TYPES,
    annotation_from_plain,
    record_from_plain,
    to_plain,
)
from workstation.domain.civil.entries import PARTY_ROLES, CivilEntry, EntryAnnotation, EntryState
from workstation.domain.civil.records import CivilRecord, EventKind
from workstation.domain.civil.register_numbers import parse_register_number
from workstation.domain.civil.timeliness import EvidenceRequirement, Timeliness, missing_evidence
from workstation.storage.models import (
    CivilAnnotationRow,
    CivilEntryRow,
    CivilRegisterCounterRow,
)

_LINK_COLUMNS = {
    "child": "child_person_id",
    "mother": "mother_person_id",
    "father": "father_person_id",
    "spouse1": "spouse1_person_id",
    "spouse2": "spouse2_person_id",
    "deceased": "deceased_person_id",
}


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _optional_json(value: Mapping[str, Any] | None) -> str | None:
    return None if value is None else _json(value)


def _loads(text: str | None) -> Any:
    return None if text is None else json.loads(text)


class CivilRegisterRepository:
    """Entries are inserted once; afterwards only their state, decision, current outcome and
    links change. Annotations are only ever appended."""

    def __init__(self, session: Session) -> None:
        self._session = session

    # ------------------------------------------------------------------ register numbers

    def lock_series(self, post_code: str, kind: EventKind, year: int) -> None:
        """Lock a series' counter row until commit, creating it when missing.

        Registering takes this lock *before* it looks for duplicates: two registrars recording
        the same birth at once on PostgreSQL queue here, and the second one sees the first's
        entry (SQLite's BEGIN IMMEDIATE serialises writers already). The row is created with
        INSERT ... ON CONFLICT DO NOTHING, so two first registrations of a year do not fail.
        """
        values = {"post_code": post_code, "kind": kind.value, "year": year, "last_sequence": 0}
        dialect = self._session.get_bind().dialect.name
        statement: Any
        if dialect == "postgresql":
            statement = postgresql.insert(CivilRegisterCounterRow).on_conflict_do_nothing()
        elif dialect == "sqlite":
            statement = sqlite.insert(CivilRegisterCounterRow).on_conflict_do_nothing()
        else:  # pragma: no cover - the workstation runs on SQLite or PostgreSQL
            statement = insert(CivilRegisterCounterRow)
        self._session.execute(statement.values(**values))
        self._session.execute(
            select(CivilRegisterCounterRow.id)
            .where(*self._series(post_code, kind, year))
            .with_for_update()
        )

    @staticmethod
    def _series(post_code: str, kind: EventKind, year: int) -> tuple[Any, ...]:
        return (
            CivilRegisterCounterRow.post_code == post_code,
            CivilRegisterCounterRow.kind == kind.value,
            CivilRegisterCounterRow.year == year,
        )

    def next_sequence(self, post_code: str, kind: EventKind, year: int) -> int:
        """Take the next sequence of a series, inside the caller's transaction.

        UPDATE ... RETURNING holds the row lock until commit: concurrent registrars on
        PostgreSQL never get the same number, and a rolled-back registration gives its number
        back, so a series has no gaps.
        """
        self.lock_series(post_code, kind, year)
        return int(
            self._session.execute(
                update(CivilRegisterCounterRow)
                .where(*self._series(post_code, kind, year))
                .values(last_sequence=CivilRegisterCounterRow.last_sequence + 1)
                .returning(CivilRegisterCounterRow.last_sequence)
            ).scalar_one()
        )

    def last_sequence(self, post_code: str, kind: EventKind, year: int) -> int:
        value = self._session.scalar(
            select(CivilRegisterCounterRow.last_sequence).where(
                CivilRegisterCounterRow.post_code == post_code,
                CivilRegisterCounterRow.kind == kind.value,
                CivilRegisterCounterRow.year == year,
            )
        )
        return int(value or 0)

    # ------------------------------------------------------------------ entries

    def add(self, entry: CivilEntry) -> int:
        number = parse_register_number(entry.register_number)
        row = CivilEntryRow(
            register_number=entry.register_number,
            post_code=number.post_code,
            kind=entry.kind.value,
            year=number.year,
            sequence=number.sequence,
            event_date=entry.original.event_date,
            registered_on=entry.original.registered_on,
            record=_json(to_plain(entry.original)),
            state=entry.state.value,
            timeliness=entry.timeliness.value,
            evidence_required=_json(list(entry.evidence_required)),
            evidence_presented=_json(list(entry.evidence_presented)),
            nationality_outcome=_optional_json(entry.outcome),
            outcome_at_registration=_optional_json(entry.outcome_at_registration),
            referred=entry.referral is not None,
            possible_duplicates=_json(list(entry.possible_duplicates)),
            registered_by=entry.registered_by,
            registered_at=entry.registered_at,
            decided_by=None,
            decided_at=None,
            decision_reason="",
        )
        self._set_links(row, entry.links)
        self._session.add(row)
        self._session.flush()
        return row.id

    @staticmethod
    def _set_links(row: CivilEntryRow, links: Mapping[str, int | None]) -> None:
        for role, column in _LINK_COLUMNS.items():
            if role in links:
                setattr(row, column, links[role])

    def _row(self, register_number: str, for_update: bool = False) -> CivilEntryRow | None:
        query = select(CivilEntryRow).where(CivilEntryRow.register_number == register_number)
        if for_update:
            query = query.with_for_update()
        return self._session.scalar(query)

    def get(self, register_number: str, for_update: bool = False) -> CivilEntry | None:
        """The entry, or None; ``for_update`` locks it until commit (approvals, annotations)."""
        row = self._row(register_number, for_update)
        return None if row is None else self._entry(row)

    def decide(
        self, register_number: str, state: EntryState, officer_id: int, at: dt.datetime, reason: str
    ) -> None:
        row = self._session.scalars(
            select(CivilEntryRow).where(CivilEntryRow.register_number == register_number)
        ).one()
        row.state, row.decided_by, row.decided_at = state.value, officer_id, at
        row.decision_reason = reason
        self._session.flush()

    def set_evidence_presented(self, register_number: str, presented: Sequence[str]) -> None:
        row = self._session.scalars(
            select(CivilEntryRow).where(CivilEntryRow.register_number == register_number)
        ).one()
        row.evidence_presented = _json(list(presented))
        self._session.flush()

    def add_annotation(
        self,
        register_number: str,
        stored: EntryAnnotation,
        outcome: Mapping[str, Any] | None,
        links: Mapping[str, int | None],
    ) -> None:
        """Append an annotation; the entry's current outcome and links follow the new view."""
        row = self._session.scalars(
            select(CivilEntryRow).where(CivilEntryRow.register_number == register_number)
        ).one()
        annotation = stored.annotation
        self._session.add(
            CivilAnnotationRow(
                entry_id=row.id,
                sequence=annotation.sequence,
                kind=annotation.kind.value,
                data=_json(to_plain(annotation)),
                reason=annotation.reason,
                authority=annotation.authority,
                decided_on=annotation.decided_on,
                officer_id=stored.officer_id,
                at=stored.at,
                nationality_outcome=_optional_json(stored.outcome_after),
            )
        )
        if outcome is not None:
            row.nationality_outcome = _json(outcome)
            row.referred = isinstance(outcome.get("referral"), Mapping)
        self._set_links(row, links)
        self._session.flush()

    def births_on(self, birth_date: dt.date) -> list[CivilEntry]:
        """Births (not rejected) of children born on ``birth_date``: duplicate candidates."""
        return self._where(
            CivilEntryRow.kind == EventKind.BIRTH.value,
            CivilEntryRow.event_date == birth_date,
            CivilEntryRow.state != EntryState.REJECTED.value,
        )

    def events_on(self, kind: EventKind, event_date: dt.date) -> list[CivilEntry]:
        """Entries (not rejected) of ``kind`` for events on ``event_date``."""
        return self._where(
            CivilEntryRow.kind == kind.value,
            CivilEntryRow.event_date == event_date,
            CivilEntryRow.state != EntryState.REJECTED.value,
        )

    def listing(
        self,
        kind: EventKind | None = None,
        state: EntryState | None = None,
        year: int | None = None,
        referred: bool | None = None,
        limit: int = 200,
    ) -> list[CivilEntry]:
        """Entries in register order (kind, year, sequence), filtered."""
        conditions: list[Any] = []
        if kind is not None:
            conditions.append(CivilEntryRow.kind == kind.value)
        if state is not None:
            conditions.append(CivilEntryRow.state == state.value)
        if year is not None:
            conditions.append(CivilEntryRow.year == year)
        if referred is not None:
            conditions.append(CivilEntryRow.referred == referred)
        return self._where(*conditions, limit=limit)

    def _where(self, *conditions: Any, limit: int | None = None) -> list[CivilEntry]:
        query = (
            select(CivilEntryRow)
            .where(*conditions)
            .order_by(
                CivilEntryRow.post_code,
                CivilEntryRow.kind,
                CivilEntryRow.year,
                CivilEntryRow.sequence,
            )
        )
        if limit is not None:
            query = query.limit(limit)
        return [self._entry(row) for row in self._session.scalars(query)]

    def _annotations(self, entry_id: int, kind: EventKind) -> tuple[EntryAnnotation, ...]:
        rows = self._session.scalars(
            select(CivilAnnotationRow)
            .where(CivilAnnotationRow.entry_id == entry_id)
            .order_by(CivilAnnotationRow.sequence)
        )
        return tuple(
            EntryAnnotation(
                annotation_from_plain(RECORD_TYPES[kind], json.loads(row.data)),
                row.officer_id,
                row.at,
                _loads(row.nationality_outcome),
            )
            for row in rows
        )

    def _entry(self, row: CivilEntryRow) -> CivilEntry:
        kind = EventKind(row.kind)
        record: CivilRecord = record_from_plain(kind, json.loads(row.record))
        required = tuple(json.loads(row.evidence_required))
        presented = tuple(json.loads(row.evidence_presented))
        requirements = [EvidenceRequirement.parse(code) for code in required]
        return CivilEntry(
            register_number=row.register_number,
            kind=kind,
            state=EntryState(row.state),
            original=record,
            annotations=self._annotations(row.id, kind),
            timeliness=Timeliness(row.timeliness),
            evidence_required=required,
            evidence_presented=presented,
            evidence_missing=missing_evidence(requirements, presented),
            links={role: getattr(row, _LINK_COLUMNS[role]) for role in PARTY_ROLES[kind]},
            registered_by=row.registered_by,
            registered_at=row.registered_at,
            outcome=_loads(row.nationality_outcome),
            outcome_at_registration=_loads(row.outcome_at_registration),
            possible_duplicates=tuple(json.loads(row.possible_duplicates)),
            decided_by=row.decided_by,
            decided_at=row.decided_at,
            decision_reason=row.decision_reason,
            id=row.id,
        )
