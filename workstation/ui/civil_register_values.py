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
from workstation.domain.civil.codec import to_plain
from workstation.domain.civil.records import CivilRecord, PersonRef

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


def _nested(form: FormSpec, values: Mapping[str, Any]) -> dict[str, Any]:
    """The values filled in, nested at their fields' paths (nothing completed)."""
    data: dict[str, Any] = {}
    for spec in form.fields:
        value = _value(spec.type, values.get(spec.name))
        if spec.path and value not in (None, ""):
            _put(data, spec.path, value)
    return data


def record_data(form: FormSpec, values: Mapping[str, Any]) -> dict[str, Any]:
    """The record JSON of ``values`` (field name -> editor value) for a record form."""
    data = _nested(form, values)
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


ANNOTATION_KEY = "annotation"  # an annotation form's fields about the annotation itself


def _merge(old: Any, new: Any) -> Any:
    """``old`` (the record's JSON) with what ``new`` fills in replacing it, group by group."""
    if new is None:
        return old
    if isinstance(old, dict) and isinstance(new, dict):
        return {**old, **{k: _merge(old.get(k), v) for k, v in new.items()}}
    if isinstance(old, list) and isinstance(new, list):
        size = max(len(old), len(new))
        return [
            _merge(old[i] if i < len(old) else None, new[i] if i < len(new) else None)
            for i in range(size)
        ]
    return new


def annotation_data(
    form: FormSpec, values: Mapping[str, Any], kind: str, current: CivilRecord
) -> dict[str, Any]:
    """The annotation JSON the service reads (``kind``, ``decided_on``, ``authority``,
    ``reason``, ``reference``, ``changes``) from an annotation form's values, for an entry that
    reads ``current`` today.

    Each group of the record a field fills (``child``, ``father``, ``spouses``) is one change:
    the current value with the fields filled in replacing theirs (a field left empty stays as it
    is), whole, so what the form does not show (a registry link) is kept. An adoption replaces
    both parents (and the recognition); a recognition of paternity records the recognition with
    the decision's date, authority and reference; a divorce dissolves the marriage on the
    decision's date.
    """
    data = _nested(form, values)
    facts = data.pop(ANNOTATION_KEY, {})
    plain = to_plain(current)
    hints = typing.get_type_hints(type(current))
    changes: list[dict[str, Any]] = []

    def change(path: str, value: Any) -> None:
        changes.append({"path": path, "value": value})

    if kind == "adoption":
        for party in ("mother", "father"):
            parent = data.get(party)
            change(party, _complete(parent, hints[party]) if parent else None)
        change("parents_marital_status", data.get("parents_marital_status"))
        change("paternity_recognition", None)
    else:
        for key, value in data.items():
            merged = _merge(plain.get(key), value)
            if merged != plain.get(key):
                change(key, _complete(merged, hints[key]))
    if kind == "recognition_of_paternity":
        recognition = {k: facts.get(k) for k in ("authority", "reference") if facts.get(k)}
        change("paternity_recognition", {"recognised_on": facts.get("decided_on"), **recognition})
    if kind == "divorce":
        change("dissolved_on", facts.get("decided_on"))
    return {"kind": kind, **facts, "changes": changes}


def annotation_path(path: str, changes: list[Mapping[str, Any]]) -> str:
    """The form path of an error the domain reports in an annotation's JSON: its own fields
    under ``annotation.``, a change's value at the record path it changes."""
    match = re.match(r"^changes\[(\d+)\](?:\.value)?(.*)$", path)
    if match is None:
        return f"{ANNOTATION_KEY}.{path}" if path else path
    index = int(match.group(1))
    if index >= len(changes):
        return path
    target = str(changes[index]["path"])
    if target in ("paternity_recognition", "dissolved_on"):  # made of the decision's facts
        return f"{ANNOTATION_KEY}.decided_on"
    return target + match.group(2)
