"""From a record form's flat values to the record's JSON, and the domain's error paths back to
the form's fields: what the civil registration form pages share, without Qt.

A record form (``forms/birth_registration.toml``) gives each field the ``path`` it fills in the
record (``mother.nationalities[0].code``). :func:`record_data` builds the nested JSON the codec
reads (:mod:`workstation.domain.civil.codec`), leaving out what the registrar left empty, and
:func:`field_for_path` finds the field that shows an error the domain reports at a record path.
"""

from __future__ import annotations

import dataclasses
import re
import typing
from collections.abc import Mapping
from typing import Any

from forms import FormSpec
from forms.loader import RECORD_SERVICES
from workstation.domain.civil.records import PersonRef

_PART = re.compile(r"^([a-z_0-9]+)(?:\[(\d+)\])?$")
# The informant capacities whose names the record already has (the parent declaring).
_INFORMANT_PARTIES = ("mother", "father")


def _parts(path: str) -> list[str | int]:
    parts: list[str | int] = []
    for piece in path.split("."):
        match = _PART.match(piece)
        if match is None:
            raise ValueError(f"not a record path: {path}")
        parts.append(match.group(1))
        if match.group(2) is not None:
            parts.append(int(match.group(2)))
    return parts


def _put(data: dict[str, Any], path: str, value: Any) -> None:
    """Set ``value`` at ``path`` in nested dicts and lists, making them as needed."""
    parts = _parts(path)
    here: Any = data
    for part, following in zip(parts, [*parts[1:], None], strict=True):
        last = following is None
        empty: Any = value if last else ([] if isinstance(following, int) else {})
        if isinstance(part, int):
            while len(here) <= part:
                here.append(None)
            if last or here[part] is None:
                here[part] = empty
            here = here[part]
        else:
            if last or part not in here:
                here[part] = empty
            here = here[part]


def _value(kind: str, raw: Any) -> Any:
    if isinstance(raw, str):
        raw = " ".join(raw.split())
        if raw in ("true", "false") and kind == "choice":
            return raw == "true"
    return raw


def _complete(data: Any, hint: Any) -> Any:
    """Fill in what the record's types need but the form leaves implicit: an absent optional
    group is ``None`` (no father), a person's other name is empty, an absent list is empty."""
    options = [a for a in typing.get_args(hint) if a is not type(None)]
    if len(options) == 1 and type(None) in typing.get_args(hint):
        hint = options[0]
    if typing.get_origin(hint) is tuple and isinstance(data, list):
        args = typing.get_args(hint)
        if len(args) == 2 and args[1] is Ellipsis:
            return [_complete(item, args[0]) for item in data if item is not None]
        return [_complete(item or {}, arg) for item, arg in zip(data, args, strict=False)]
    if not (dataclasses.is_dataclass(hint) and isinstance(hint, type)):
        return data
    if not isinstance(data, dict):
        return data
    hints = typing.get_type_hints(hint)
    for field in dataclasses.fields(hint):
        if field.name in data:
            data[field.name] = _complete(data[field.name], hints[field.name])
            continue
        if field.default is not dataclasses.MISSING:
            continue
        kind = hints[field.name]
        if type(None) in typing.get_args(kind):
            data[field.name] = None
        elif hint is PersonRef and kind is str and data:
            data[field.name] = ""
        elif typing.get_origin(kind) is tuple and typing.get_args(kind)[-1] is Ellipsis:
            data[field.name] = []
    return data


def record_data(form: FormSpec, values: Mapping[str, Any]) -> dict[str, Any]:
    """The record JSON of ``values`` (field name -> editor value) for a record form."""
    data: dict[str, Any] = {}
    for spec in form.fields:
        value = _value(spec.type, values.get(spec.name))
        if spec.path and value not in (None, ""):
            _put(data, spec.path, value)
    informant = data.get("informant")
    if isinstance(informant, dict) and "person" not in informant:
        party = data.get(str(informant.get("capacity", "")))
        if informant.get("capacity") in _INFORMANT_PARTIES and isinstance(party, dict):
            names = party.get("person")
            if isinstance(names, dict):
                informant["person"] = {k: v for k, v in names.items() if k != "person_id"}
    return typing.cast(dict[str, Any], _complete(data, RECORD_SERVICES[form.service]))


def field_for_path(
    form: FormSpec, path: str, aliases: Mapping[str, str] | None = None
) -> str | None:
    """The form field that shows an error at the record ``path``: the field filling exactly
    that path, else the first field inside it (``mother.person`` -> the mother's surname),
    else the field whose path contains it; ``aliases`` maps paths no field fills (the date of
    registration) to a field name. None when no field concerns it."""
    if aliases and path in aliases:
        return aliases[path]
    for spec in form.fields:
        if spec.path == path:
            return spec.name
    for spec in form.fields:
        if spec.path.startswith((f"{path}.", f"{path}[")):
            return spec.name
    best: tuple[int, str] | None = None
    for spec in form.fields:
        inside = spec.path and path.startswith((f"{spec.path}.", f"{spec.path}["))
        if inside and (best is None or len(spec.path) > best[0]):
            best = (len(spec.path), spec.name)
    return best[1] if best else None
