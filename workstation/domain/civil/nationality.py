"""Which nationality a child born abroad holds at birth, on the facts recorded at registration.

The engine looks at every *route* to a nationality and gives each a status:

* descent from each parent to the issuing state, under its :class:`DescentRules`;
* descent from each parent to any other state the parent holds: under that state's rules when
  they are given, otherwise ``unknown`` (never guessed); a refugee parent's state of origin is
  always ``unknown`` (its law may transmit, but the family cannot safely turn to it);
* birth in the country of birth, under its :class:`BirthrightRule`.

A route is ``established`` (the facts recorded give the nationality), ``pending`` (they would with
the evidence listed), ``safeguard`` (an "otherwise stateless" rule of the country of birth, which
applies exactly when the other routes fail, and cannot be decided while some are unknown or
pending), ``unknown`` or ``not_available``. The outcome:

* **acquires**: at least one route is established (the child's nationalities are listed);
* **needs more evidence**: none is established, some would be with the missing evidence;
* **at risk of statelessness**: no route is established or pending. Unknown routes (a foreign
  law) and safeguards are listed for the supervisor but do not count as a nationality.

Every child without an established nationality (the last two outcomes) is referred to the
supervisor with a note code. The outcome never blocks the registration. Explanations are coded
reasons with parameters; :mod:`workstation.domain.civil.explanations` holds their English text.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from workstation.domain.civil.birthright import birthright_route
from workstation.domain.civil.records import BirthRecord, ParentFacts, ParentsMaritalStatus
from workstation.domain.civil.routes import (
    RANK,
    UNKNOWN_STATE,
    Basis,
    Missing,
    MissingFact,
    Outcome,
    Params,
    Reason,
    Referral,
    Route,
    RouteStatus,
)
from workstation.domain.civil.rules import (
    BirthrightRule,
    BornAbroadParent,
    DescentRules,
    FatherNotMarried,
)
from workstation.domain.civil.timeliness import add_months

__all__ = [
    "Basis",
    "Missing",
    "MissingFact",
    "NationalityOutcome",
    "Outcome",
    "Reason",
    "Referral",
    "Route",
    "RouteStatus",
    "assess_nationality",
    "birthright_route",
    "descent_route",
]


@dataclass(frozen=True, slots=True)
class NationalityOutcome:
    """The assessment of one birth.

    ``missing`` lists the evidence of every pending route, also when the child already acquires
    another nationality (the issuing state's own nationality may still wait for evidence: see
    :meth:`status_of`).
    """

    outcome: Outcome
    issuing_state: str
    nationalities: tuple[str, ...]
    routes: tuple[Route, ...]
    missing: tuple[MissingFact, ...]
    reasons: tuple[Reason, ...]
    referral: Referral | None

    @property
    def refer_to_supervisor(self) -> bool:
        return self.referral is not None

    def bases(self) -> tuple[tuple[str, Basis], ...]:
        """(state, basis) of every established route."""
        return tuple((r.state, r.basis) for r in self.routes if r.status is RouteStatus.ESTABLISHED)

    def status_of(self, state: str) -> RouteStatus:
        """The best status among the routes to ``state`` (not available when there are none)."""
        statuses = [r.status for r in self.routes if r.state == state]
        return min(statuses, key=RANK.__getitem__, default=RouteStatus.NOT_AVAILABLE)

    @property
    def acquires_issuing_nationality(self) -> bool:
        return self.status_of(self.issuing_state) is RouteStatus.ESTABLISHED

    def as_dict(self) -> dict[str, object]:
        """Plain data (codes, parameters) for JSON output and the audit trail."""
        return {
            "outcome": self.outcome.value,
            "issuing_state": self.issuing_state,
            "nationalities": list(self.nationalities),
            "routes": [
                {
                    "state": r.state,
                    "basis": r.basis.value,
                    "status": r.status.value,
                    "missing": [m.code for m in r.missing],
                }
                for r in self.routes
            ],
            "missing": [m.code for m in self.missing],
            "reasons": [{"code": r.code, "params": dict(r.params)} for r in self.reasons],
            "referral": (
                None
                if self.referral is None
                else {"note_code": self.referral.note_code, "params": dict(self.referral.params)}
            ),
        }


def _route(
    state: str,
    basis: Basis,
    reasons: list[Reason],
    missing: list[MissingFact],
    blocked: bool,
    established_code: str,
    params: Params,
) -> Route:
    if blocked:
        return Route(state, basis, RouteStatus.NOT_AVAILABLE, tuple(reasons))
    if missing:
        return Route(state, basis, RouteStatus.PENDING, tuple(reasons), tuple(missing))
    return Route(
        state, basis, RouteStatus.ESTABLISHED, (*reasons, Reason(established_code, params))
    )


def _father_line(
    rules: DescentRules, record: BirthRecord, reasons: list[Reason], missing: list[MissingFact]
) -> bool:
    """Whether the father's line is open; adds reasons and missing facts. True when blocked."""
    params: Params = {"state": rules.state}
    status = record.parents_marital_status
    if status is ParentsMaritalStatus.MARRIED:
        if not rules.through_father_married:
            reasons.append(Reason("descent.not_through_father", params))
            return True
        return False
    rule = rules.father_not_married
    if rule is FatherNotMarried.TRANSMITS:
        return False
    if rule is FatherNotMarried.AFTER_RECOGNITION and record.paternity_recognition is not None:
        reasons.append(
            Reason(
                "descent.paternity_recognised",
                {**params, "date": record.paternity_recognition.recognised_on.isoformat()},
            )
        )
        return False
    if status is ParentsMaritalStatus.UNKNOWN and rules.through_father_married:
        reasons.append(Reason("descent.marital_status_unknown", params))
        missing.append(MissingFact(Missing.PARENTS_MARITAL_STATUS))
        return False
    if rule is FatherNotMarried.AFTER_RECOGNITION:
        reasons.append(Reason("descent.paternity_not_recognised", params))
        missing.append(MissingFact(Missing.PATERNITY_RECOGNITION, "father"))
        return False
    reasons.append(Reason("descent.father_not_married", params))
    return True


def _born_abroad(
    rules: DescentRules,
    role: str,
    parent: ParentFacts,
    record: BirthRecord,
    reasons: list[Reason],
    missing: list[MissingFact],
) -> bool:
    """Limits for a parent born abroad; True when they block the route."""
    params: dict[str, str | int] = {"state": rules.state, "parent": role}
    if (
        parent.country_of_birth == rules.state
        or rules.born_abroad_parent is BornAbroadParent.TRANSMITS
    ):
        return False
    if rules.born_abroad_parent is BornAbroadParent.NEVER:
        if parent.country_of_birth is None:
            missing.append(MissingFact(Missing.PARENT_BIRTH_PLACE, role))
            reasons.append(Reason("descent.parent_birth_place_unknown", params))
            return False
        reasons.append(
            Reason("descent.parent_born_abroad", {**params, "country": parent.country_of_birth})
        )
        return True
    months = rules.born_abroad_deadline_months or 0
    deadline = add_months(record.birth_date, months)
    params.update(months=months, deadline=deadline.isoformat())
    if record.registered_on <= deadline:
        reasons.append(Reason("descent.registered_within_deadline", params))
        return False
    if parent.country_of_birth is None:
        missing.append(MissingFact(Missing.PARENT_BIRTH_PLACE, role))
        reasons.append(Reason("descent.parent_birth_place_unknown", params))
        return False
    params["country"] = parent.country_of_birth
    reasons.append(Reason("descent.born_abroad_deadline_passed", params))
    return True


def descent_route(
    rules: DescentRules, role: str, parent: ParentFacts | None, record: BirthRecord
) -> Route:
    """The route from one parent (``mother`` or ``father``) to ``rules.state``."""
    basis = Basis.DESCENT_MOTHER if role == "mother" else Basis.DESCENT_FATHER
    params: Params = {"state": rules.state, "parent": role}
    reasons: list[Reason] = []
    missing: list[MissingFact] = []
    claim = parent.claim(rules.state) if parent is not None else None
    if parent is None or claim is None:
        code = "descent.parent_unknown" if parent is None else "descent.parent_not_national"
        return Route(rules.state, basis, RouteStatus.NOT_AVAILABLE, (Reason(code, params),))
    if not claim.is_proven:
        reasons.append(Reason("descent.nationality_unproven", params))
        missing.append(MissingFact(Missing.PARENT_NATIONALITY_EVIDENCE, role))
    if role == "mother":
        blocked = not rules.through_mother
        if blocked:
            reasons.append(Reason("descent.not_through_mother", params))
    else:
        blocked = _father_line(rules, record, reasons, missing)
    blocked = _born_abroad(rules, role, parent, record, reasons, missing) or blocked
    if rules.registration_deadline_months is not None:
        deadline = add_months(record.birth_date, rules.registration_deadline_months)
        if record.registered_on > deadline:
            reasons.append(
                Reason(
                    "descent.registration_deadline_passed", {**params, "deadline": str(deadline)}
                )
            )
            blocked = True
    return _route(rules.state, basis, reasons, missing, blocked, "descent.transmits", params)


def _other_state_routes(
    role: str,
    parent: ParentFacts,
    record: BirthRecord,
    issuing_state: str,
    foreign: Mapping[str, DescentRules],
) -> list[Route]:
    """Routes to the parent's other nationalities: by their law if known, else unknown."""
    basis = Basis.DESCENT_MOTHER if role == "mother" else Basis.DESCENT_FATHER
    routes: list[Route] = []
    states = [c.state for c in parent.nationalities if c.is_state and c.state != issuing_state]
    for state in states:
        params: Params = {"state": state, "parent": role}
        if parent.is_refugee:
            reason = Reason("descent.parent_refugee", params)
            routes.append(Route(state, basis, RouteStatus.UNKNOWN, (reason,)))
        elif state in foreign:
            routes.append(descent_route(foreign[state], role, parent, record))
        else:
            reason = Reason("descent.foreign_law_unknown", params)
            routes.append(Route(state, basis, RouteStatus.UNKNOWN, (reason,)))
    if states or parent.claim(issuing_state) is not None:
        return routes
    unknown_origin = parent.is_refugee or not parent.nationalities
    unknown_origin = unknown_origin or any(c.state == UNKNOWN_STATE for c in parent.nationalities)
    if unknown_origin:
        code = "descent.parent_refugee" if parent.is_refugee else "descent.nationality_unrecorded"
        reason = Reason(code, {"state": UNKNOWN_STATE, "parent": role})
        routes.append(Route(UNKNOWN_STATE, basis, RouteStatus.UNKNOWN, (reason,)))
    return routes


def _dedupe(items: Iterable[MissingFact]) -> tuple[MissingFact, ...]:
    return tuple(dict.fromkeys(items))


def assess_nationality(
    record: BirthRecord,
    issuing_rules: DescentRules,
    birthright: Mapping[str, BirthrightRule],
    foreign_descent: Mapping[str, DescentRules] | None = None,
) -> NationalityOutcome:
    """The nationality outcome of a birth (use the current view, after annotations).

    ``birthright`` maps countries of birth to their rule (all of them, as loaded);
    ``foreign_descent`` gives the descent rules of other states when they are known.
    """
    foreign = dict(foreign_descent or {})
    descent: list[Route] = []
    for role, parent in (("mother", record.mother), ("father", record.father)):
        descent.append(descent_route(issuing_rules, role, parent, record))
        if parent is not None:
            descent += _other_state_routes(role, parent, record, issuing_rules.state, foreign)
    country = record.place_of_birth.country
    routes = (*descent, birthright_route(birthright.get(country), country, record, descent))
    established = [r for r in routes if r.status is RouteStatus.ESTABLISHED]
    nationalities = tuple(dict.fromkeys(r.state for r in established))
    pending = [r for r in routes if r.status is RouteStatus.PENDING]
    if established:
        outcome = Outcome.ACQUIRES
        head = Reason("outcome.acquires", {"nationalities": ", ".join(nationalities)})
    elif pending:
        outcome = Outcome.NEEDS_MORE_EVIDENCE
        head = Reason("outcome.needs_more_evidence", {})
    else:
        outcome = Outcome.AT_RISK
        head = Reason("outcome.at_risk", {})
    reasons = [head, *(reason for route in routes for reason in route.reasons)]
    rule = birthright.get(country)
    referral = None
    if outcome is not Outcome.ACQUIRES:
        if rule is not None:
            reasons += [
                Reason(
                    "birthright.later_route",
                    {
                        "country": country,
                        "route": later.route.value,
                        "article": later.article,
                        "years": later.years or 0,
                    },
                )
                for later in rule.later_routes
            ]
        note = (
            "referral.at_risk_of_statelessness"
            if outcome is Outcome.AT_RISK
            else "referral.nationality_pending_evidence"
        )
        referral = Referral(note, {"country": country, "state": issuing_rules.state})
    return NationalityOutcome(
        outcome=outcome,
        issuing_state=issuing_rules.state,
        nationalities=nationalities,
        routes=routes,
        missing=_dedupe(m for r in pending for m in r.missing),
        reasons=tuple(reasons),
        referral=referral,
    )
