"""Nationality rules as data: descent (per issuing state) and birthright (per country of birth).

The values come from ``workstation/rules/`` (read and checked by :mod:`workstation.rules.loader`);
the engine that applies them is :mod:`workstation.domain.civil.nationality`. The model is small on
purpose but covers the usual systems:

* descent through either parent, through the mother only, through the father only when married
  (or also when not married: always, or once paternity is recognised);
* a parent who was himself or herself born abroad: transmits, transmits only if the birth is
  registered within a deadline, or does not transmit (a one-generation limit);
* a registration deadline for every birth abroad;
* birthright nationality: unconditional, conditional (alternatives, each a set of requirements
  all of which must hold), or none; foundlings; routes open later (residence, declaration).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from workstation.domain.errors import DomainError


@dataclass(frozen=True, slots=True)
class RuleSource:
    """Where a rule comes from: the law, the article, and a reference to check it against."""

    law: str
    article: str
    reference: str

    def __post_init__(self) -> None:
        for name in ("law", "article", "reference"):
            if not getattr(self, name).strip():
                raise DomainError("field.required", f"source.{name}")


class FatherNotMarried(StrEnum):
    """Whether a father not married to the mother transmits."""

    TRANSMITS = "transmits"
    AFTER_RECOGNITION = "after_recognition"
    NEVER = "never"


class BornAbroadParent(StrEnum):
    """Whether a parent who was also born abroad transmits (limits for a second generation)."""

    TRANSMITS = "transmits"
    IF_REGISTERED_WITHIN = "if_registered_within"
    NEVER = "never"


@dataclass(frozen=True, slots=True)
class DescentRules:
    """How the nationality of ``state`` passes to a child born abroad."""

    state: str
    through_mother: bool
    through_father_married: bool
    father_not_married: FatherNotMarried
    born_abroad_parent: BornAbroadParent
    source: RuleSource
    born_abroad_deadline_months: int | None = None
    registration_deadline_months: int | None = None

    def __post_init__(self) -> None:
        needs_deadline = self.born_abroad_parent is BornAbroadParent.IF_REGISTERED_WITHIN
        if needs_deadline != (self.born_abroad_deadline_months is not None):
            raise DomainError("civil.rules.born_abroad_deadline", "born_abroad_deadline_months")
        for name in ("born_abroad_deadline_months", "registration_deadline_months"):
            value = getattr(self, name)
            if value is not None and not 1 <= value <= 600:
                raise DomainError("civil.rules.deadline_invalid", name, value=value)
        transmits_via_father = (
            self.through_father_married or self.father_not_married is not FatherNotMarried.NEVER
        )
        if not (self.through_mother or transmits_via_father):
            raise DomainError("civil.rules.no_parent_transmits", "through_mother")


class BirthrightKind(StrEnum):
    UNCONDITIONAL = "unconditional"
    CONDITIONAL = "conditional"
    NONE = "none"


class Requirement(StrEnum):
    """One requirement of a birthright condition.

    Parent requirements (``parent_*``) must all be met by the same parent; the child
    requirements are judged once: ``otherwise_stateless`` (no other nationality on the facts
    recorded), ``parents_stateless`` (each known parent stateless or of unknown nationality).
    """

    OTHERWISE_STATELESS = "otherwise_stateless"
    PARENTS_STATELESS = "parents_stateless"
    PARENT_BORN_THERE = "parent_born_there"
    PARENT_CITIZEN = "parent_citizen"
    PARENT_PERMANENT_RESIDENT = "parent_permanent_resident"
    PARENT_RESIDENT_YEARS = "parent_resident_years"


PARENT_REQUIREMENTS = frozenset(
    {
        Requirement.PARENT_BORN_THERE,
        Requirement.PARENT_CITIZEN,
        Requirement.PARENT_PERMANENT_RESIDENT,
        Requirement.PARENT_RESIDENT_YEARS,
    }
)


@dataclass(frozen=True, slots=True)
class Condition:
    """Requirements that together give nationality at birth (``years`` for residence)."""

    all_of: tuple[Requirement, ...]
    years: int | None = None

    def __post_init__(self) -> None:
        if not self.all_of:
            raise DomainError("civil.rules.empty_condition", "all_of")
        needs_years = Requirement.PARENT_RESIDENT_YEARS in self.all_of
        if needs_years != (self.years is not None):
            raise DomainError("civil.rules.years", "years")
        if self.years is not None and not 0 <= self.years <= 50:
            raise DomainError("civil.rules.years", "years", value=self.years)

    @property
    def code(self) -> str:
        parts = [
            f"{r.value}:{self.years}" if r is Requirement.PARENT_RESIDENT_YEARS else r.value
            for r in self.all_of
        ]
        return "+".join(parts)


class LaterRouteKind(StrEnum):
    """Ways to the nationality of the country of birth that open after the birth."""

    CHILD_RESIDENCE = "child_residence"
    STATELESS_CHILD = "stateless_child"
    PARENT_STATUS_LATER = "parent_status_later"


@dataclass(frozen=True, slots=True)
class LaterRoute:
    """A route open after birth (registration, declaration, facilitated naturalisation)."""

    route: LaterRouteKind
    article: str
    years: int | None = None


@dataclass(frozen=True, slots=True)
class BirthrightRule:
    """Whether birth in ``country`` gives its nationality.

    ``later_routes`` are routes open after birth: shown to the supervisor of a child at risk,
    never counted as a nationality at birth. ``to_verify`` marks an entry whose text was not
    checked against the source at the time of writing.
    """

    country: str
    kind: BirthrightKind
    source: RuleSource
    conditions: tuple[Condition, ...] = ()
    foundlings: bool = True
    later_routes: tuple[LaterRoute, ...] = ()
    note: str = ""
    to_verify: bool = False

    def __post_init__(self) -> None:
        if (self.kind is BirthrightKind.CONDITIONAL) != bool(self.conditions):
            raise DomainError("civil.rules.conditions", "conditions", kind=self.kind.value)
