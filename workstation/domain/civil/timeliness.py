"""Timeliness of a registration (current / late / delayed), the evidence it needs, and approval.

Periods follow the UN *Principles and Recommendations for a Vital Statistics System* and the
standards notes: a registration is **current** within the legal period of the issuing state,
**late** after it but within the grace period (one year from the event by default), **delayed**
after that. Periods are counted as civil-law periods: a period of N days from an event on day D
ends at the end of day D + N; a period of N months ends at the end of the day with the same number
N months later (the last day of that month when it has no such day: 29 February + 12 months is
28 February). So, for a legal period of 60 days and a birth on 1 March 2026, a registration on
30 April 2026 (day 60) is current, on 1 May late; on 1 March 2027 still late, on 2 March 2027
delayed.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from workstation.domain.civil.records import EventKind
from workstation.domain.errors import DomainError
from workstation.domain.officers import Role

_EVIDENCE_CODE = re.compile(r"^[a-z][a-z0-9_]{1,47}$")


class Timeliness(StrEnum):
    CURRENT = "current"
    LATE = "late"
    DELAYED = "delayed"


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved ``months`` calendar months on, clamped to the end of a shorter month."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


@dataclass(frozen=True, slots=True)
class EvidenceRequirement:
    """One piece of evidence a registration needs; any of ``any_of`` satisfies it.

    Written ``"hospital_record|midwife_declaration"`` in the rule files; ``code`` gives that form.
    """

    any_of: tuple[str, ...]

    def __post_init__(self) -> None:
        if not self.any_of:
            raise DomainError("civil.evidence.empty_requirement", "any_of")
        for code in self.any_of:
            if not _EVIDENCE_CODE.match(code):
                raise DomainError("civil.evidence.invalid_code", "any_of", value=code)

    @classmethod
    def parse(cls, text: str) -> EvidenceRequirement:
        return cls(tuple(part.strip() for part in text.split("|")))

    @property
    def code(self) -> str:
        return "|".join(self.any_of)

    def is_met_by(self, presented: frozenset[str]) -> bool:
        return any(code in presented for code in self.any_of)


@dataclass(frozen=True, slots=True)
class RegistrationRules:
    """The issuing state's registration settings (from ``rules/registration/<STATE>.toml``).

    ``legal_period_days[kind]``: days after the event within which registration is current;
    ``grace_months``: after the event, the end of the late period (then delayed);
    ``evidence[(kind, timeliness)]``: what a registration of that kind and timeliness needs.
    """

    state: str
    legal_period_days: Mapping[EventKind, int]
    grace_months: int = 12
    evidence: Mapping[tuple[EventKind, Timeliness], tuple[EvidenceRequirement, ...]] = field(
        default_factory=dict
    )

    def timeliness(
        self, kind: EventKind, event_date: dt.date, registered_on: dt.date
    ) -> Timeliness:
        return classify_timeliness(
            event_date, registered_on, self.legal_period_days[kind], self.grace_months
        )

    def required_evidence(
        self, kind: EventKind, timeliness: Timeliness
    ) -> tuple[EvidenceRequirement, ...]:
        return tuple(self.evidence.get((kind, timeliness), ()))


def registration_deadlines(
    event_date: dt.date, legal_period_days: int, grace_months: int = 12
) -> tuple[dt.date, dt.date]:
    """(last day a registration is current, last day it is late)."""
    if legal_period_days < 0 or grace_months < 1:
        raise DomainError("civil.timeliness.invalid_period", "legal_period_days")
    current_until = event_date + dt.timedelta(days=legal_period_days)
    late_until = max(add_months(event_date, grace_months), current_until)
    return current_until, late_until


def classify_timeliness(
    event_date: dt.date, registered_on: dt.date, legal_period_days: int, grace_months: int = 12
) -> Timeliness:
    """Current, late or delayed, for a registration on ``registered_on`` of an event."""
    if registered_on < event_date:
        raise DomainError(
            "civil.registration_before_event",
            "registered_on",
            registered_on=registered_on.isoformat(),
            event_date=event_date.isoformat(),
        )
    current_until, late_until = registration_deadlines(event_date, legal_period_days, grace_months)
    if registered_on <= current_until:
        return Timeliness.CURRENT
    if registered_on <= late_until:
        return Timeliness.LATE
    return Timeliness.DELAYED


def missing_evidence(
    required: Sequence[EvidenceRequirement], presented: Iterable[str]
) -> tuple[str, ...]:
    """The codes of the requirements that nothing presented meets, in the required order."""
    shown = frozenset(presented)
    return tuple(r.code for r in required if not r.is_met_by(shown))


def requires_supervisor_approval(timeliness: Timeliness) -> bool:
    """Late and delayed registrations need a supervisor's approval before they are final."""
    return timeliness is not Timeliness.CURRENT


@dataclass(frozen=True, slots=True)
class RegistrationAssessment:
    """What the registrar sees before saving: timeliness, evidence, whether approval is needed."""

    timeliness: Timeliness
    required: tuple[EvidenceRequirement, ...]
    missing: tuple[str, ...]

    @property
    def approval_required(self) -> bool:
        return requires_supervisor_approval(self.timeliness)


def assess_registration(
    rules: RegistrationRules,
    kind: EventKind,
    event_date: dt.date,
    registered_on: dt.date,
    presented: Iterable[str],
) -> RegistrationAssessment:
    timeliness = rules.timeliness(kind, event_date, registered_on)
    required = rules.required_evidence(kind, timeliness)
    return RegistrationAssessment(timeliness, required, missing_evidence(required, presented))


def check_supervisor_approval(
    assessment: RegistrationAssessment,
    registered_by: int,
    approved_by: int,
    approver_roles: Iterable[Role],
    override_reason: str = "",
) -> None:
    """Raise a coded error unless this approval may make the registration final.

    The approver must be a supervisor other than the registrar (four eyes); evidence still
    missing is only accepted with a written reason, which the service records in the audit.
    """
    if not assessment.approval_required:
        raise DomainError("civil.approval.not_required", timeliness=assessment.timeliness.value)
    if Role.SUPERVISOR not in set(approver_roles):
        raise DomainError("civil.approval.not_supervisor", "approved_by")
    if approved_by == registered_by:
        raise DomainError("civil.approval.four_eyes", "approved_by")
    if assessment.missing and not override_reason.strip():
        raise DomainError(
            "civil.approval.evidence_missing", "evidence", missing=", ".join(assessment.missing)
        )
