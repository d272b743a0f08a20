"""Loading and checking form definitions (``forms/*.toml``)."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

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
_FIELD_KEYS = frozenset(
    {"name", "type", "label", "required", "max_length", "choices", "help", "enabled_when"}
)


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


@dataclass(frozen=True, slots=True)
class FormSpec:
    service: str
    title: str
    fields: tuple[FieldSpec, ...]

    def field(self, name: str) -> FieldSpec:
        return next(f for f in self.fields if f.name == name)


def _field(path: Path, index: int, raw: Any, allowed: frozenset[str], seen: set[str]) -> FieldSpec:
    where = f"fields[{index}]"
    if not isinstance(raw, Mapping):
        raise FormError(path, where, "must be a table")
    for key in raw:
        if key not in _FIELD_KEYS:
            raise FormError(path, f"{where}.{key}", f"unknown key (allowed: {sorted(_FIELD_KEYS)})")
    name = raw.get("name")
    if not isinstance(name, str) or name not in allowed:
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
    )


def load_form(service: str, folder: Path = FORMS_DIR) -> FormSpec:
    """Read ``<service>.toml`` and check it; raise :class:`FormError` naming file and key."""
    path = folder / f"{service}.toml"
    if service not in SERVICE_FIELDS:
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
    fields = tuple(
        _field(path, i, raw, SERVICE_FIELDS[service], seen) for i, raw in enumerate(raw_fields)
    )
    return FormSpec(service, title, fields)
