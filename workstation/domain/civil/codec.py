"""Records as plain data (JSON objects) and back, with every problem reported by field path.

``consular register birth FILE.json`` and the storage of the original entry and its annotations
both go through these two functions, so a record reads back exactly as it was written. Dates are
ISO strings (``2026-03-01``; partial dates ``1984`` or ``1984-07``), enumerations their value,
tuples lists. :func:`from_plain` checks shapes and types only (``field.required``,
``field.unknown``, ``field.not_text`` ...); :func:`workstation.domain.civil.validation.check_record`
checks that the record makes sense.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import types
import typing
from collections.abc import Mapping
from enum import Enum
from typing import Any, TypeVar

from workstation.domain.civil.annotations import Annotation, FieldChange
from workstation.domain.civil.records import (
    BirthRecord,
    CivilRecord,
    DeathRecord,
    EventKind,
    MarriageRecord,
)
from workstation.domain.dates import PartialDate
from workstation.domain.errors import DomainError, FieldError, ValidationError

T = TypeVar("T")
RECORD_TYPES: Mapping[EventKind, type[CivilRecord]] = {
    EventKind.BIRTH: BirthRecord,
    EventKind.MARRIAGE: MarriageRecord,
    EventKind.DEATH: DeathRecord,
}
_FAILED = object()


def to_plain(value: Any) -> Any:
    """A record (or any part of one) as JSON-ready data."""
    if isinstance(value, PartialDate | dt.date | dt.time):  # PartialDate is a dataclass too
        return value.isoformat()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, tuple | list):
        return [to_plain(item) for item in value]
    if isinstance(value, Mapping):
        return {str(key): to_plain(item) for key, item in value.items()}
    return value


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


class _Reader:
    """Converts plain data to typed values, collecting one error per faulty field."""

    def __init__(self) -> None:
        self.errors: list[FieldError] = []

    def fail(self, field: str, code: str, **params: Any) -> Any:
        self.errors.append(FieldError(field, code, params))
        return _FAILED

    def value(self, hint: Any, value: Any, path: str) -> Any:
        origin, args = typing.get_origin(hint), typing.get_args(hint)
        if origin is typing.Union or origin is types.UnionType:
            if value is None and type(None) in args:
                return None
            options = [a for a in args if a is not type(None)]
            return self.value(options[0], value, path) if len(options) == 1 else value
        if value is None:
            return self.fail(path, "field.required")
        if origin is tuple:
            return self._tuple(args, value, path)
        if hint is Any:
            return value
        if hint is not PartialDate and dataclasses.is_dataclass(hint) and isinstance(hint, type):
            return self.record(hint, value, path)
        return self._scalar(hint, value, path)

    def _tuple(self, args: tuple[Any, ...], value: Any, path: str) -> Any:
        if not isinstance(value, list | tuple):
            return self.fail(path, "field.not_list")
        if len(args) == 2 and args[1] is Ellipsis:
            kinds = [args[0]] * len(value)
        elif len(value) != len(args):
            return self.fail(path, "field.wrong_length", expected=len(args))
        else:
            kinds = list(args)
        items = [
            self.value(k, v, f"{path}[{i}]")
            for i, (k, v) in enumerate(zip(kinds, value, strict=True))
        ]
        return _FAILED if any(item is _FAILED for item in items) else tuple(items)

    def _scalar(self, hint: Any, value: Any, path: str) -> Any:
        if isinstance(hint, type) and issubclass(hint, Enum):
            try:
                return hint(value)
            except ValueError:
                choices = ", ".join(str(m.value) for m in hint)
                return self.fail(path, "field.invalid_choice", value=str(value), choices=choices)
        if hint is bool:
            return value if isinstance(value, bool) else self.fail(path, "field.not_boolean")
        if hint is int:
            ok = isinstance(value, int) and not isinstance(value, bool)
            return value if ok else self.fail(path, "field.not_integer")
        if not isinstance(value, str):
            return self.fail(path, "field.not_text")
        if hint is str:
            return value
        try:
            if hint is PartialDate:
                return PartialDate.parse(value, path)
            if hint is dt.date:
                return dt.date.fromisoformat(value)
            if hint is dt.time:
                return dt.time.fromisoformat(value)
        except DomainError as error:
            return self.fail(path, error.code, **error.params)
        except ValueError:
            return self.fail(path, "date.invalid_format", value=value)
        return self.fail(path, "field.invalid")

    def record(self, cls: type[T], data: Any, path: str) -> Any:
        if not isinstance(data, Mapping):
            return self.fail(path or "record", "field.not_object")
        prefix = f"{path}." if path else ""
        fields = {f.name: f for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
        for key in data:
            if key not in fields:
                self.fail(f"{prefix}{key}", "field.unknown")
        before = len(self.errors)
        values: dict[str, Any] = {}
        for name, spec in fields.items():
            if name in data:
                values[name] = self.value(
                    _hints(typing.cast(type, cls))[name], data[name], f"{prefix}{name}"
                )
            elif (
                spec.default is dataclasses.MISSING and spec.default_factory is dataclasses.MISSING
            ):
                self.fail(f"{prefix}{name}", "field.required")
        if len(self.errors) > before:
            return _FAILED
        try:
            return cls(**values)
        except DomainError as error:
            return self.fail(f"{prefix}{error.field or ''}".rstrip("."), error.code, **error.params)


def from_plain(cls: type[T], data: Any) -> T:
    """Build ``cls`` (a record, or any dataclass part of one) from plain data.

    Raises :class:`ValidationError` listing every faulty field by its path.
    """
    reader = _Reader()
    result = reader.record(cls, data, "")
    if reader.errors:
        raise ValidationError(reader.errors)
    return typing.cast(T, result)


def record_from_plain(kind: EventKind, data: Any) -> CivilRecord:
    return from_plain(RECORD_TYPES[kind], data)


def _hint_for_path(record_type: type, path: str) -> Any:
    hint: Any = record_type
    for part in path.split("."):
        options = [a for a in typing.get_args(hint) if a is not type(None)] or [hint]
        target = options[0]
        if not (dataclasses.is_dataclass(target) and isinstance(target, type)):
            return None
        hint = _hints(target).get(part)
        if hint is None or part not in {f.name for f in dataclasses.fields(target)}:
            return None
    return hint


def annotation_from_plain(record_type: type[CivilRecord], data: Any) -> Annotation:
    """An annotation of an entry of ``record_type``: each change's value takes the type of the
    field it names (a father's particulars, a date ...)."""
    if not isinstance(data, Mapping):
        raise ValidationError([FieldError("annotation", "field.not_object")])
    reader = _Reader()
    raw_changes = data.get("changes", [])
    changes = []
    if not isinstance(raw_changes, list):
        reader.fail("changes", "field.not_list")
        raw_changes = []
    for index, change in enumerate(raw_changes):
        where = f"changes[{index}]"
        if not isinstance(change, Mapping) or not isinstance(change.get("path"), str):
            reader.fail(where, "field.not_object")
            continue
        hint = _hint_for_path(record_type, change["path"])
        if hint is None:
            reader.fail(f"{where}.path", "civil.annotation.unknown_field", path=change["path"])
            continue
        changes.append(
            FieldChange(change["path"], reader.value(hint, change.get("value"), f"{where}.value"))
        )
    # The changes were read above; a placeholder lets the other fields be read the usual way.
    annotation = reader.record(Annotation, {**data, "changes": [{"path": "-", "value": 0}]}, "")
    if reader.errors:
        raise ValidationError(reader.errors)
    try:
        return typing.cast(Annotation, dataclasses.replace(annotation, changes=tuple(changes)))
    except DomainError as error:
        raise ValidationError([FieldError(error.field or "", error.code, error.params)]) from None
