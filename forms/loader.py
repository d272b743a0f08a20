"""Loading and checking form definitions (``forms/*.toml``)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import tomllib
import types
import typing
from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any

from workstation.domain.civil.annotations import APPLIES_TO
from workstation.domain.civil.records import BirthRecord, DeathRecord, MarriageRecord
from workstation.domain.dates import PartialDate
from workstation.domain.issue_rules import ETD_FIELDS
from workstation.domain.person_validation import PERSON_FIELDS

FORMS_DIR = Path(__file__).parent
FIELD_TYPES = frozenset(
    {"text", "date", "choice", "country", "identifiers", "address", "email", "phone"}
)
# What each service's form may capture: the domain's own field names.
SERVICE_FIELDS: Mapping[str, frozenset[str]] = {
    "person": frozenset(PERSON_FIELDS),
    "etd_request": frozenset(ETD_FIELDS),  # an emergency travel document's own request data
}
# Forms whose fields fill a nested domain record: each field names its ``path`` in the record
# (``mother.person.surname``, ``mother.nationalities[0].code``), checked against the record's
# types when the form is loaded; the field's own ``name`` is free (a flat identifier).
RECORD_SERVICES: Mapping[str, type] = {
    "birth_registration": BirthRecord,
    "marriage_registration": MarriageRecord,
    "death_registration": DeathRecord,
}


@dataclass(frozen=True, slots=True)
class AnnotationFacts:
    """What every annotation states besides its changes (``annotation.<name>`` in its form)."""

    decided_on: dt.date
    authority: str
    reason: str
    reference: str = ""


def _annotation_type(record: type) -> type:
    """The fields an annotation form may fill: ``annotation`` (:class:`AnnotationFacts`) and
    the record's own fields (their new values)."""
    hints = typing.get_type_hints(record)
    fields = [(f.name, hints[f.name]) for f in dataclasses.fields(record)]
    return dataclasses.make_dataclass(
        f"{record.__name__}Annotation", [("annotation", AnnotationFacts), *fields], frozen=True
    )


_RECORD_OF_KIND = {r.kind: r for r in (BirthRecord, DeathRecord, MarriageRecord)}
# Annotation forms: ``annotation_<record kind>_<annotation kind>`` (``annotation_birth_divorce``
# does not exist: a divorce annotates a marriage), their fields' paths checked like a record
# form's against the record plus ``annotation.*``.
ANNOTATION_SERVICES: Mapping[str, type] = {
    f"annotation_{event.value}_{kind.value}": _annotation_type(_RECORD_OF_KIND[event])
    for kind, events in APPLIES_TO.items()
    for event in sorted(events)
}
_FIELD_KEYS = frozenset(
    {"name", "type", "label", "required", "max_length", "choices", "help", "enabled_when", "path"}
)
_FLAT_NAME = re.compile(r"^[a-z][a-z0-9_]{0,63}$")
_PATH_PART = re.compile(r"^([a-z][a-z0-9_]*)(?:\[(\d+)\])?$")
# What each field type may fill in a record (the leaf's Python type).
_LEAF_TYPES: Mapping[str, tuple[str, ...]] = {
    "text": ("str", "int", "time"),
    "date": ("date", "PartialDate"),
    "country": ("str",),
    "choice": ("enum", "bool"),
}


class FormError(Exception):
    """A problem in a form file, naming the file and the key."""

    def __init__(self, path: Path, key: str, problem: str) -> None:
        super().__init__(f"{path.name}: {key}: {problem}")
        self.path, self.key, self.problem = path, key, problem


@dataclass(frozen=True, slots=True)
class FieldSpec:
    name: str
    type: str
    label: str
    required: bool = False
    max_length: int | None = None
    choices: tuple[str, ...] = ()
    help: str = ""
    enabled_when: str | None = None  # another field that must be filled in first
    path: str = ""  # record forms: where the value goes in the record (see RECORD_SERVICES)


@dataclass(frozen=True, slots=True)
class FormSpec:
    service: str
    title: str
    fields: tuple[FieldSpec, ...]

    def field(self, name: str) -> FieldSpec:
        return next(f for f in self.fields if f.name == name)


def _unwrap_optional(hint: Any) -> Any:
    """``X`` of ``X | None``; any other hint as it is."""
    options = [a for a in typing.get_args(hint) if a is not type(None)]
    if typing.get_origin(hint) in (typing.Union, types.UnionType) and len(options) == 1:
        return options[0]
    return hint


def _leaf(record: type, dotted: str) -> tuple[str, Any]:
    """The kind of leaf (``str``, ``date``, ``enum`` ...) ``dotted`` names in ``record`` and its
    type; raise ValueError saying which part does not exist or is not a single value."""
    hint: Any = record
    for part in dotted.split("."):
        match = _PATH_PART.match(part)
        hint = _unwrap_optional(hint)
        if match is None or not (dataclasses.is_dataclass(hint) and isinstance(hint, type)):
            raise ValueError(f"{part!r} is not a field of the record here")
        name, index = match.group(1), match.group(2)
        hints = typing.get_type_hints(hint)
        if name not in {f.name for f in dataclasses.fields(hint)}:
            known = sorted(f.name for f in dataclasses.fields(hint))
            raise ValueError(f"{hint.__name__} has no field {name!r} (known: {known})")
        hint = _unwrap_optional(hints[name])
        if index is not None:
            args = typing.get_args(hint)
            if typing.get_origin(hint) is not tuple:
                raise ValueError(f"{name!r} is not a list: no [{index}]")
            if len(args) == 2 and args[1] is Ellipsis:
                hint = args[0]
            elif int(index) < len(args):
                hint = args[int(index)]
            else:
                raise ValueError(f"{name!r} has {len(args)} entries: no [{index}]")
    if isinstance(hint, type) and issubclass(hint, Enum):
        return "enum", hint
    if hint is PartialDate or (isinstance(hint, type) and not dataclasses.is_dataclass(hint)):
        return hint.__name__, hint
    raise ValueError("names a group of fields, not a single value")


def _record_path(path: Path, where: str, record: type, raw: Mapping[str, Any], kind: str) -> str:
    dotted = raw.get("path")
    if not isinstance(dotted, str) or not dotted:
        raise FormError(path, f"{where}.path", "a record form's field needs a path in the record")
    try:
        leaf, hint = _leaf(record, dotted)
    except ValueError as error:
        raise FormError(path, f"{where}.path", f"{dotted}: {error}") from None
    if leaf not in _LEAF_TYPES.get(kind, ("str",)):
        raise FormError(path, f"{where}.type", f"{kind!r} cannot fill {dotted} (a {leaf})")
    if leaf == "enum":
        values = {str(member.value) for member in hint}
        wrong = [c for c in raw.get("choices", []) if c not in values]
        if wrong:
            raise FormError(
                path, f"{where}.choices", f"{wrong} not values of {dotted} ({sorted(values)})"
            )
    if leaf == "bool" and sorted(raw.get("choices", [])) != ["false", "true"]:
        raise FormError(path, f"{where}.choices", f"{dotted} takes choices true and false")
    return dotted


def _field(
    path: Path,
    index: int,
    raw: Any,
    allowed: frozenset[str],
    seen: set[str],
    record: type | None = None,
) -> FieldSpec:
    where = f"fields[{index}]"
    if not isinstance(raw, Mapping):
        raise FormError(path, where, "must be a table")
    for key in raw:
        if key not in _FIELD_KEYS:
            raise FormError(path, f"{where}.{key}", f"unknown key (allowed: {sorted(_FIELD_KEYS)})")
    name = raw.get("name")
    if record is not None:
        if not isinstance(name, str) or not _FLAT_NAME.match(name):
            raise FormError(
                path, f"{where}.name", f"{name!r} must be a lower-case identifier (a-z, 0-9, _)"
            )
    elif not isinstance(name, str) or name not in allowed:
        raise FormError(
            path,
            f"{where}.name",
            f"{name!r} is not a field of this service (known: {sorted(allowed)})",
        )
    if name in seen:
        raise FormError(path, f"{where}.name", f"{name} appears twice")
    kind = raw.get("type")
    if kind not in FIELD_TYPES:
        raise FormError(path, f"{where}.type", f"{kind!r} is not one of {sorted(FIELD_TYPES)}")
    label = raw.get("label")
    if not isinstance(label, str) or not label.strip():
        raise FormError(path, f"{where}.label", "a label is required")
    choices = raw.get("choices", [])
    if kind == "choice" and (
        not isinstance(choices, list) or not choices or not all(isinstance(c, str) for c in choices)
    ):
        raise FormError(path, f"{where}.choices", "a choice field needs a list of choices")
    max_length = raw.get("max_length")
    if max_length is not None and (not isinstance(max_length, int) or max_length <= 0):
        raise FormError(path, f"{where}.max_length", "must be a positive whole number")
    required = raw.get("required", False)
    if not isinstance(required, bool):
        raise FormError(path, f"{where}.required", "must be true or false")
    enabled_when = raw.get("enabled_when")
    if enabled_when is not None and enabled_when not in seen:
        raise FormError(
            path,
            f"{where}.enabled_when",
            f"{enabled_when!r} must name a field that comes earlier in the form",
        )
    if record is not None:
        dotted = _record_path(path, where, record, raw, kind)
    elif "path" in raw:
        raise FormError(path, f"{where}.path", "only record forms' fields have a path")
    else:
        dotted = ""
    seen.add(name)
    return FieldSpec(
        name,
        kind,
        label.strip(),
        required,
        max_length,
        tuple(choices),
        str(raw.get("help", "")),
        enabled_when,
        dotted,
    )


def load_form(service: str, folder: Path = FORMS_DIR) -> FormSpec:
    """Read ``<service>.toml`` and check it; raise :class:`FormError` naming file and key."""
    path = folder / f"{service}.toml"
    if service not in {*SERVICE_FIELDS, *RECORD_SERVICES, *ANNOTATION_SERVICES}:
        raise FormError(path, "", f"no service called {service!r}")
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise FormError(path, "", "file not found") from None
    except tomllib.TOMLDecodeError as error:
        raise FormError(path, "", f"not valid TOML: {error}") from None
    title = data.get("title")
    if not isinstance(title, str) or not title:
        raise FormError(path, "title", "a title is required")
    raw_fields = data.get("fields")
    if not isinstance(raw_fields, list) or not raw_fields:
        raise FormError(path, "fields", "a form needs a list of [[fields]]")
    seen: set[str] = set()
    allowed = SERVICE_FIELDS.get(service, frozenset())
    record = RECORD_SERVICES.get(service) or ANNOTATION_SERVICES.get(service)
    fields = tuple(_field(path, i, raw, allowed, seen, record) for i, raw in enumerate(raw_fields))
    paths = [f.path for f in fields if f.path]
    for dotted in paths:
        if paths.count(dotted) > 1:
            raise FormError(path, "fields", f"two fields fill {dotted}")
    return FormSpec(service, title, fields)
