"""The pieces of a nationality assessment: routes, their status, missing facts, coded reasons."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

Params = Mapping[str, str | int]
UNKNOWN_STATE = "XXX"


class RouteStatus(StrEnum):
    ESTABLISHED = "established"
    PENDING = "pending"
    SAFEGUARD = "safeguard"
    UNKNOWN = "unknown"
    NOT_AVAILABLE = "not_available"


RANK = {s: i for i, s in enumerate(RouteStatus)}  # lower is better


class Basis(StrEnum):
    DESCENT_MOTHER = "descent_mother"
    DESCENT_FATHER = "descent_father"
    BIRTHRIGHT = "birthright"
    FOUNDLING = "foundling"


class Outcome(StrEnum):
    ACQUIRES = "acquires"
    NEEDS_MORE_EVIDENCE = "needs_more_evidence"
    AT_RISK = "at_risk_of_statelessness"


class Missing(StrEnum):
    """Evidence or facts that would settle a pending route."""

    PARENT_NATIONALITY_EVIDENCE = "nationality_evidence"
    PATERNITY_RECOGNITION = "paternity_recognition"
    PARENTS_MARITAL_STATUS = "parents_marital_status"
    PARENT_BIRTH_PLACE = "birth_place"
    PARENT_RESIDENCE_YEARS = "residence_years"
    PARENT_RESIDENCE_STATUS = "residence_status"
    PARENT_STATELESSNESS_EVIDENCE = "statelessness_evidence"


@dataclass(frozen=True, slots=True)
class MissingFact:
    """What is missing, and about whom (``mother``, ``father``, or ``""`` for the record)."""

    what: Missing
    party: str = ""

    @property
    def code(self) -> str:
        return f"{self.party}.{self.what.value}" if self.party else self.what.value


@dataclass(frozen=True, slots=True)
class Reason:
    """One step of the explanation: a code and its parameters (never an English sentence)."""

    code: str
    params: Params = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Route:
    state: str
    basis: Basis
    status: RouteStatus
    reasons: tuple[Reason, ...]
    missing: tuple[MissingFact, ...] = ()


@dataclass(frozen=True, slots=True)
class Referral:
    """The flag that puts the child on the supervisor's list, with the note's code."""

    note_code: str
    params: Params = field(default_factory=dict)
