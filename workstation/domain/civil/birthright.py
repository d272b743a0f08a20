"""Birthright nationality: does birth in the country give its nationality, on these facts?"""

from __future__ import annotations

from collections.abc import Iterable

from workstation.domain.civil.records import BirthRecord, ParentFacts
from workstation.domain.civil.routes import (
    RANK,
    Basis,
    Missing,
    MissingFact,
    Reason,
    Route,
    RouteStatus,
)
from workstation.domain.civil.rules import (
    PARENT_REQUIREMENTS,
    BirthrightKind,
    BirthrightRule,
    Condition,
    Requirement,
)


def _parent_status(parent: ParentFacts) -> str:
    """``national`` / ``stateless`` / ``stateless_unproven`` / ``unknown`` / ``refugee`` /
    ``unrecorded``, for the ``parents_stateless`` requirement."""
    if any(c.is_state for c in parent.nationalities):
        return "national"
    if parent.is_refugee:
        return "refugee"
    stateless = [c for c in parent.nationalities if c.is_stateless]
    if stateless:
        return "stateless" if any(c.is_proven for c in stateless) else "stateless_unproven"
    return "unknown" if parent.nationalities else "unrecorded"


def _parents_stateless(record: BirthRecord) -> tuple[RouteStatus, list[MissingFact]]:
    missing: list[MissingFact] = []
    status = RouteStatus.ESTABLISHED
    for role, parent in (("mother", record.mother), ("father", record.father)):
        if parent is None:
            continue  # an unknown parent counts as a parent of unknown nationality
        kind = _parent_status(parent)
        if kind in ("national", "refugee"):
            return RouteStatus.NOT_AVAILABLE, []
        if kind in ("stateless_unproven", "unrecorded"):
            missing.append(MissingFact(Missing.PARENT_STATELESSNESS_EVIDENCE, role))
            status = RouteStatus.PENDING
    return status, missing


def _parent_meets(
    requirement: Requirement, years: int | None, country: str, role: str, parent: ParentFacts
) -> tuple[RouteStatus, MissingFact | None]:
    """Whether ``parent`` meets one parent requirement of a birthright condition."""
    if requirement is Requirement.PARENT_CITIZEN:
        claim = parent.claim(country)
        if claim is None:
            return RouteStatus.NOT_AVAILABLE, None
        if not claim.is_proven:
            return RouteStatus.PENDING, MissingFact(Missing.PARENT_NATIONALITY_EVIDENCE, role)
        return RouteStatus.ESTABLISHED, None
    value: object
    if requirement is Requirement.PARENT_BORN_THERE:
        value, what = parent.country_of_birth, Missing.PARENT_BIRTH_PLACE
        met = value == country
    elif requirement is Requirement.PARENT_PERMANENT_RESIDENT:
        value, what = parent.permanent_resident_in_birth_country, Missing.PARENT_RESIDENCE_STATUS
        met = value is True
    else:
        resident = parent.resident_years_in_birth_country
        value, what = resident, Missing.PARENT_RESIDENCE_YEARS
        met = resident is not None and resident >= (years or 0)
    if value is None:
        return RouteStatus.PENDING, MissingFact(what, role)
    return (RouteStatus.ESTABLISHED if met else RouteStatus.NOT_AVAILABLE), None


def _parents_meet(
    condition: Condition, country: str, record: BirthRecord
) -> tuple[RouteStatus, list[MissingFact]]:
    """Whether one parent meets every parent requirement of ``condition``."""
    wanted = [r for r in condition.all_of if r in PARENT_REQUIREMENTS]
    if not wanted:
        return RouteStatus.ESTABLISHED, []
    best, best_missing = RouteStatus.NOT_AVAILABLE, list[MissingFact]()
    for role, parent in (("mother", record.mother), ("father", record.father)):
        if parent is None:
            continue
        results = [_parent_meets(r, condition.years, country, role, parent) for r in wanted]
        status = max((s for s, _ in results), key=RANK.__getitem__)
        if RANK[status] < RANK[best]:
            best, best_missing = status, [m for _, m in results if m is not None]
    return best, best_missing


def _condition_status(
    condition: Condition, country: str, record: BirthRecord, others: Iterable[Route]
) -> tuple[RouteStatus, list[MissingFact]]:
    statuses: list[RouteStatus] = []
    missing: list[MissingFact] = []
    if Requirement.OTHERWISE_STATELESS in condition.all_of:
        other = {r.status for r in others}
        if RouteStatus.ESTABLISHED in other:
            statuses.append(RouteStatus.NOT_AVAILABLE)
        elif other & {RouteStatus.PENDING, RouteStatus.UNKNOWN}:
            statuses.append(RouteStatus.SAFEGUARD)
        else:
            statuses.append(RouteStatus.ESTABLISHED)
    if Requirement.PARENTS_STATELESS in condition.all_of:
        status, more = _parents_stateless(record)
        statuses.append(status)
        missing += more
    status, more = _parents_meet(condition, country, record)
    statuses.append(status)
    missing += more
    if RouteStatus.NOT_AVAILABLE in statuses:
        return RouteStatus.NOT_AVAILABLE, []
    return max(statuses, key=RANK.__getitem__), missing


def birthright_route(
    rule: BirthrightRule | None, country: str, record: BirthRecord, others: Iterable[Route]
) -> Route:
    """The route to the nationality of the country of birth; ``others`` are the descent routes
    (they decide an "otherwise stateless" condition)."""
    params: dict[str, str | int] = {"country": country}
    if rule is None:
        reason = Reason("birthright.rule_unknown", params)
        return Route(country, Basis.BIRTHRIGHT, RouteStatus.UNKNOWN, (reason,))
    params["law"] = f"{rule.source.law}, {rule.source.article}"
    if record.foundling and rule.foundlings and record.mother is None and record.father is None:
        reason = Reason("birthright.foundling", params)
        return Route(country, Basis.FOUNDLING, RouteStatus.ESTABLISHED, (reason,))
    if rule.kind is BirthrightKind.UNCONDITIONAL:
        reason = Reason("birthright.unconditional", params)
        return Route(country, Basis.BIRTHRIGHT, RouteStatus.ESTABLISHED, (reason,))
    if rule.kind is BirthrightKind.NONE:
        reason = Reason("birthright.none", params)
        return Route(country, Basis.BIRTHRIGHT, RouteStatus.NOT_AVAILABLE, (reason,))
    others = tuple(others)
    best: tuple[RouteStatus, list[MissingFact], Condition] | None = None
    reasons: list[Reason] = []
    for condition in rule.conditions:
        status, missing = _condition_status(condition, country, record, others)
        code = {
            RouteStatus.ESTABLISHED: "birthright.condition_met",
            RouteStatus.PENDING: "birthright.condition_pending",
            RouteStatus.SAFEGUARD: "birthright.safeguard_pending",
        }.get(status, "birthright.condition_not_met")
        reasons.append(Reason(code, {**params, "condition": condition.code}))
        if best is None or RANK[status] < RANK[best[0]]:
            best = (status, missing, condition)
    assert best is not None  # a conditional rule has conditions (checked when it is built)
    return Route(country, Basis.BIRTHRIGHT, best[0], tuple(reasons), tuple(best[1]))
