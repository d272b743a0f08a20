"""A register entry: the record as registered, its annotations, its state and what was decided.

The entry is what storage keeps and the services hand out. Its ``original`` never changes; the
``current`` view is the original with the annotations applied in order
(:mod:`workstation.domain.civil.annotations`). The nationality outcome is kept as plain data
(:meth:`~workstation.domain.civil.nationality.NationalityOutcome.as_dict`) because it records what
was decided under the rules of the day, which must stay readable when the rules change.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from workstation.domain.civil.annotations import Annotation, History
from workstation.domain.civil.records import CivilRecord, EventKind
from workstation.domain.civil.routes import Reason
from workstation.domain.civil.timeliness import Timeliness


class EntryState(StrEnum):
    """``pending_approval`` (late or delayed, waiting for a supervisor), ``registered``
    (final), ``rejected`` (refused by a supervisor; the entry and its number are kept)."""

    PENDING_APPROVAL = "pending_approval"
    REGISTERED = "registered"
    REJECTED = "rejected"


# The roles a record's parties can be linked to registry persons under (one column each).
PARTY_ROLES: Mapping[EventKind, tuple[str, ...]] = {
    EventKind.BIRTH: ("child", "mother", "father"),
    EventKind.MARRIAGE: ("spouse1", "spouse2"),
    EventKind.DEATH: ("deceased",),
}


@dataclass(frozen=True, slots=True)
class EntryAnnotation:
    """An annotation as stored: the domain annotation, who recorded it and when, and the
    nationality outcome after it (births only)."""

    annotation: Annotation
    officer_id: int
    at: dt.datetime
    outcome_after: Mapping[str, Any] | None = None


@dataclass(frozen=True, slots=True)
class CivilEntry:
    """One entry of a post's civil register."""

    register_number: str
    kind: EventKind
    state: EntryState
    original: CivilRecord
    annotations: tuple[EntryAnnotation, ...]
    timeliness: Timeliness
    evidence_required: tuple[str, ...]
    evidence_presented: tuple[str, ...]
    evidence_missing: tuple[str, ...]
    links: Mapping[str, int | None]
    registered_by: int
    registered_at: dt.datetime
    outcome: Mapping[str, Any] | None = None
    outcome_at_registration: Mapping[str, Any] | None = None
    possible_duplicates: tuple[str, ...] = ()
    decided_by: int | None = None
    decided_at: dt.datetime | None = None
    decision_reason: str = ""
    id: int | None = None

    @property
    def history(self) -> History[CivilRecord]:
        return History(self.original, tuple(a.annotation for a in self.annotations))

    @property
    def current(self) -> CivilRecord:
        """The entry as it reads today (every annotation applied)."""
        return self.history.current()

    @property
    def referral(self) -> Mapping[str, Any] | None:
        """The supervisor referral of the current outcome (a child without a nationality)."""
        if self.outcome is None:
            return None
        referral = self.outcome.get("referral")
        return referral if isinstance(referral, Mapping) else None


def outcome_reasons(outcome: Mapping[str, Any]) -> tuple[Reason, ...]:
    """The coded reasons of a stored outcome, for :func:`~.explanations.explain`."""
    return tuple(
        Reason(str(item["code"]), dict(item.get("params", {})))
        for item in outcome.get("reasons", [])
    )


def referral_reason(outcome: Mapping[str, Any]) -> Reason | None:
    """The referral note of a stored outcome as a reason (explained like the others)."""
    referral = outcome.get("referral")
    if not isinstance(referral, Mapping):
        return None
    return Reason(str(referral["note_code"]), dict(referral.get("params", {})))
