"""Reading the nationality and registration rules (``workstation/rules/**.toml``).

The files are data a legal adviser can review; this module checks them when they are loaded and
turns them into the domain's frozen dataclasses. Any problem raises :class:`RulesError` naming
the file and the key (``birthright.toml: FRA.conditions[1].all_of: ...``), as the site
configuration does (:mod:`workstation.config`).
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from enum import StrEnum
from pathlib import Path
from typing import Any, TypeVar

from workstation.domain.civil.records import EventKind
from workstation.domain.civil.rules import (
    BirthrightKind,
    BirthrightRule,
    BornAbroadParent,
    Condition,
    DescentRules,
    FatherNotMarried,
    LaterRoute,
    LaterRouteKind,
    Requirement,
    RuleSource,
)
from workstation.domain.civil.timeliness import EvidenceRequirement, RegistrationRules, Timeliness
from workstation.domain.countries import ISO_ALPHA3, is_valid_code, normalise_code
from workstation.domain.errors import DomainError

RULES_DIR = Path(__file__).parent
BIRTHRIGHT_FILE = RULES_DIR / "birthright.toml"

E = TypeVar("E", bound=StrEnum)
_REQUIRED = object()


class RulesError(Exception):
    """A problem in a rules file, naming the file and the key."""

    def __init__(self, path: Path, key: str, problem: str) -> None:
        super().__init__(f"{path}: {key}: {problem}")
        self.path, self.key, self.problem = path, key, problem


def _read(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise RulesError(path, "", "no such rules file") from None
    except tomllib.TOMLDecodeError as error:
        raise RulesError(path, "", f"not valid TOML: {error}") from None


def _unknown(table: Mapping[str, Any], allowed: set[str], path: Path, where: str) -> None:
    for key in table:
        if key not in allowed:
            raise RulesError(path, f"{where}{key}", f"unknown key (allowed: {sorted(allowed)})")


def _typed(
    table: Mapping[str, Any], key: str, kind: type, path: Path, where: str, default: Any = _REQUIRED
) -> Any:
    if key not in table:
        if default is _REQUIRED:
            raise RulesError(path, f"{where}{key}", "is required")
        return default
    value = table[key]
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise RulesError(path, f"{where}{key}", f"must be {kind.__name__}, not {value!r}")
    return value


def _enum(table: Mapping[str, Any], key: str, enum: type[E], path: Path, where: str) -> E:
    value = _typed(table, key, str, path, where)
    try:
        return enum(value)
    except ValueError:
        allowed = [member.value for member in enum]
        raise RulesError(path, f"{where}{key}", f"{value!r} is not one of {allowed}") from None


def _strings(table: Mapping[str, Any], key: str, path: Path, where: str) -> list[str]:
    values: list[Any] = _typed(table, key, list, path, where, [])
    for index, value in enumerate(values):
        if not isinstance(value, str):
            raise RulesError(path, f"{where}{key}[{index}]", f"must be str, not {value!r}")
    return [str(value) for value in values]


def _domain(path: Path, where: str, error: DomainError) -> RulesError:
    key = f"{where}{error.field}" if error.field else where.rstrip(".")
    return RulesError(path, key, f"{error.code} {error.params or ''}".strip())


def _source(table: Mapping[str, Any], path: Path, where: str) -> RuleSource:
    source = _typed(table, "source", dict, path, where)
    inner = f"{where}source."
    _unknown(source, {"law", "article", "reference"}, path, inner)
    values = {k: _typed(source, k, str, path, inner) for k in ("law", "article", "reference")}
    for key, value in values.items():
        if not value.strip():
            raise RulesError(path, f"{inner}{key}", "must not be empty")
    return RuleSource(**values)


def _state(table: Mapping[str, Any], path: Path, expected: str | None) -> str:
    state = _typed(table, "state", str, path, "")
    if not is_valid_code(state):
        raise RulesError(path, "state", f"{state!r} is not an ISO 3166 or ICAO code")
    if expected is not None and normalise_code(state) != expected:
        raise RulesError(path, "state", f"{state!r} in the file of {expected}")
    return normalise_code(state)


_DESCENT_KEYS = {
    "state",
    "through_mother",
    "through_father_married",
    "father_not_married",
    "born_abroad_parent",
    "born_abroad_deadline_months",
    "registration_deadline_months",
    "source",
}


def load_descent_file(path: Path) -> DescentRules:
    """One state's descent rules (``descent/<STATE>.toml``, the file named after the state)."""
    data = _read(path)
    _unknown(data, _DESCENT_KEYS, path, "")
    state = _state(data, path, normalise_code(path.stem))
    try:
        return DescentRules(
            state=state,
            through_mother=_typed(data, "through_mother", bool, path, ""),
            through_father_married=_typed(data, "through_father_married", bool, path, ""),
            father_not_married=_enum(data, "father_not_married", FatherNotMarried, path, ""),
            born_abroad_parent=_enum(data, "born_abroad_parent", BornAbroadParent, path, ""),
            source=_source(data, path, ""),
            born_abroad_deadline_months=_typed(
                data, "born_abroad_deadline_months", int, path, "", None
            ),
            registration_deadline_months=_typed(
                data, "registration_deadline_months", int, path, "", None
            ),
        )
    except DomainError as error:
        raise _domain(path, "", error) from None


def load_descent_rules(state: str, rules_dir: Path = RULES_DIR) -> DescentRules:
    """The descent rules of ``state`` (``RulesError`` when there is no file for it)."""
    return load_descent_file(rules_dir / "descent" / f"{normalise_code(state)}.toml")


def load_all_descent_rules(rules_dir: Path = RULES_DIR) -> dict[str, DescentRules]:
    """Every state whose descent rules are known (the engine's ``foreign_descent``)."""
    files = sorted((rules_dir / "descent").glob("*.toml"))
    return {rules.state: rules for rules in map(load_descent_file, files)}


def _condition(raw: Any, path: Path, where: str) -> Condition:
    if not isinstance(raw, dict):
        raise RulesError(path, where.rstrip("."), "must be a table {all_of = [...], years = N}")
    _unknown(raw, {"all_of", "years"}, path, where)
    names = _strings(raw, "all_of", path, where)
    requirements = []
    for index, name in enumerate(names):
        try:
            requirements.append(Requirement(name))
        except ValueError:
            allowed = [r.value for r in Requirement]
            raise RulesError(
                path, f"{where}all_of[{index}]", f"{name!r} is not one of {allowed}"
            ) from None
    try:
        return Condition(tuple(requirements), _typed(raw, "years", int, path, where, None))
    except DomainError as error:
        raise _domain(path, where, error) from None


def _later_route(raw: Any, path: Path, where: str) -> LaterRoute:
    if not isinstance(raw, dict):
        raise RulesError(path, where.rstrip("."), "must be a table {route = ..., article = ...}")
    _unknown(raw, {"route", "article", "years"}, path, where)
    return LaterRoute(
        _enum(raw, "route", LaterRouteKind, path, where),
        _typed(raw, "article", str, path, where),
        _typed(raw, "years", int, path, where, None),
    )


_COUNTRY_KEYS = {"kind", "conditions", "foundlings", "later_routes", "source", "note", "to_verify"}


def _birthright(code: str, table: Any, path: Path) -> BirthrightRule:
    where = f"{code}."
    if code not in ISO_ALPHA3:
        raise RulesError(path, code, "not an ISO 3166-1 alpha-3 country code")
    if not isinstance(table, dict):
        raise RulesError(path, code, "must be a table")
    _unknown(table, _COUNTRY_KEYS, path, where)
    conditions = _typed(table, "conditions", list, path, where, [])
    later = _typed(table, "later_routes", list, path, where, [])
    try:
        return BirthrightRule(
            country=code,
            kind=_enum(table, "kind", BirthrightKind, path, where),
            source=_source(table, path, where),
            conditions=tuple(
                _condition(c, path, f"{where}conditions[{i}].") for i, c in enumerate(conditions)
            ),
            foundlings=_typed(table, "foundlings", bool, path, where, True),
            later_routes=tuple(
                _later_route(r, path, f"{where}later_routes[{i}].") for i, r in enumerate(later)
            ),
            note=_typed(table, "note", str, path, where, ""),
            to_verify=_typed(table, "to_verify", bool, path, where, False),
        )
    except DomainError as error:
        raise _domain(path, where, error) from None


def load_birthright_rules(path: Path = BIRTHRIGHT_FILE) -> dict[str, BirthrightRule]:
    """The birthright rule of every country in ``birthright.toml``, by ISO alpha-3 code."""
    return {code: _birthright(code, table, path) for code, table in _read(path).items()}


_EVENT_KINDS = {kind.value: kind for kind in EventKind}


def _evidence(
    data: Mapping[str, Any], path: Path
) -> dict[tuple[EventKind, Timeliness], tuple[EvidenceRequirement, ...]]:
    evidence = _typed(data, "evidence", dict, path, "", {})
    _unknown(evidence, set(_EVENT_KINDS), path, "evidence.")
    result: dict[tuple[EventKind, Timeliness], tuple[EvidenceRequirement, ...]] = {}
    for kind_name, per_timeliness in evidence.items():
        where = f"evidence.{kind_name}."
        if not isinstance(per_timeliness, dict):
            raise RulesError(path, where.rstrip("."), "must be a table")
        _unknown(per_timeliness, {t.value for t in Timeliness}, path, where)
        for timeliness_name in per_timeliness:
            codes = _strings(per_timeliness, timeliness_name, path, where)
            requirements = []
            for index, code in enumerate(codes):
                try:
                    requirements.append(EvidenceRequirement.parse(code))
                except DomainError as error:
                    key = f"{where}{timeliness_name}[{index}]"
                    raise RulesError(path, key, f"{error.code} {error.params}") from None
            result[(_EVENT_KINDS[kind_name], Timeliness(timeliness_name))] = tuple(requirements)
    return result


def load_registration_file(path: Path) -> RegistrationRules:
    """One state's registration settings (``registration/<STATE>.toml``)."""
    data = _read(path)
    _unknown(data, {"state", "grace_months", "legal_period_days", "evidence"}, path, "")
    state = _state(data, path, normalise_code(path.stem))
    periods = _typed(data, "legal_period_days", dict, path, "")
    _unknown(periods, set(_EVENT_KINDS), path, "legal_period_days.")
    days = {}
    for name, kind in _EVENT_KINDS.items():
        value = _typed(periods, name, int, path, "legal_period_days.")
        if not 1 <= value <= 3650:
            raise RulesError(path, f"legal_period_days.{name}", "must be between 1 and 3650")
        days[kind] = value
    grace = _typed(data, "grace_months", int, path, "", 12)
    if not 1 <= grace <= 120:
        raise RulesError(path, "grace_months", "must be between 1 and 120")
    return RegistrationRules(state, days, grace, _evidence(data, path))


def load_registration_rules(state: str, rules_dir: Path = RULES_DIR) -> RegistrationRules:
    """The registration settings of ``state``."""
    return load_registration_file(rules_dir / "registration" / f"{normalise_code(state)}.toml")
