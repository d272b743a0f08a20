"""Annotations: later facts recorded against a register entry, never overwriting it.

An entry's history is the original record plus an append-only sequence of annotations (numbered
1, 2, 3 ... in the order they were recorded). The *current view* is the original with every
annotation's changes applied in that order; the original, and the view as of any annotation,
stay readable. Each annotation carries its reason, the authority that decided it (a court, the
registrar, the father's declaration before a notary ...) and the date of that decision.

Changes name a field by its path in the record (``child.given_names``, ``father``,
``paternity_recognition``); the new value must have the type of the field it replaces.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import types
import typing
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Generic, TypeVar, cast

from workstation.domain.civil.records import (
    CivilRecord,
    EventKind,
    ParentFacts,
    ParentsMaritalStatus,
    PaternityRecognition,
)
from workstation.domain.errors import DomainError


class AnnotationKind(StrEnum):
    CORRECTION = "correction"
    RECOGNITION_OF_PATERNITY = "recognition_of_paternity"
    ADOPTION = "adoption"
    CHANGE_OF_NAME = "change_of_name"
    DIVORCE = "divorce"


# Which register each kind of annotation may be added to.
APPLIES_TO: dict[AnnotationKind, frozenset[EventKind]] = {
    AnnotationKind.CORRECTION: frozenset(EventKind),
    AnnotationKind.RECOGNITION_OF_PATERNITY: frozenset({EventKind.BIRTH}),
    AnnotationKind.ADOPTION: frozenset({EventKind.BIRTH}),
    AnnotationKind.CHANGE_OF_NAME: frozenset({EventKind.BIRTH, EventKind.MARRIAGE}),
    AnnotationKind.DIVORCE: frozenset({EventKind.MARRIAGE}),
}


@dataclass(frozen=True, slots=True)
class FieldChange:
    """One field of the record and its new value (``None`` clears an optional field)."""

    path: str
    value: Any


@dataclass(frozen=True, slots=True)
class Annotation:
    """A later fact about an entry: what changes, why, on whose authority, decided when."""

    sequence: int
    kind: AnnotationKind
    reason: str
    authority: str
    decided_on: dt.date
    changes: tuple[FieldChange, ...]
    recorded_on: dt.date | None = None
    reference: str = ""

    def __post_init__(self) -> None:
        if self.sequence < 1:
            raise DomainError("civil.annotation.sequence_invalid", "sequence", value=self.sequence)
        if not self.reason.strip():
            raise DomainError("field.required", "reason")
        if not self.authority.strip():
            raise DomainError("field.required", "authority")
        if not self.changes:
            raise DomainError("civil.annotation.no_changes", "changes")


R = TypeVar("R", bound=CivilRecord)
# What no annotation may change: the entry's identity and when it was registered.
_IMMUTABLE = frozenset({"register_number", "registered_on"})


@functools.cache
def _field_types(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _accepts(hint: Any, value: object) -> bool:
    """Whether ``value`` fits the annotated type of a record field."""
    origin = typing.get_origin(hint)
    if origin is typing.Union or origin is types.UnionType:
        return any(_accepts(arg, value) for arg in typing.get_args(hint))
    if hint is type(None):
        return value is None
    if hint is Any:
        return True
    return isinstance(value, origin if origin is not None else hint)


def _replace_path(record: Any, path: str, value: Any) -> Any:
    head, _, rest = path.partition(".")
    if not dataclasses.is_dataclass(record) or head not in {
        f.name for f in dataclasses.fields(record)
    }:
        raise DomainError("civil.annotation.unknown_field", "changes", path=path)
    old = getattr(record, head)
    if rest:
        if old is None:
            raise DomainError("civil.annotation.unknown_field", "changes", path=path)
        new = _replace_path(old, rest, value)
    else:
        hint = _field_types(cast(type, type(record)))[head]
        if not _accepts(hint, value):
            raise DomainError(
                "civil.annotation.wrong_type", "changes", path=path, expected=str(hint)
            )
        new = value
    return dataclasses.replace(cast(Any, record), **{head: new})


def apply_annotation(record: R, annotation: Annotation) -> R:
    """``record`` with one annotation's changes (a new object: ``record`` is not touched)."""
    if record.kind not in APPLIES_TO[annotation.kind]:
        raise DomainError(
            "civil.annotation.not_applicable",
            "kind",
            kind=annotation.kind.value,
            record=record.kind.value,
        )
    result: Any = record
    for change in annotation.changes:
        if change.path in _IMMUTABLE:
            raise DomainError("civil.annotation.immutable_field", "changes", path=change.path)
        result = _replace_path(result, change.path, change.value)
    return result  # type: ignore[no-any-return]


@dataclass(frozen=True, slots=True)
class History(Generic[R]):
    """An entry's original record and its annotations, in the order they were recorded."""

    original: R
    annotations: tuple[Annotation, ...] = ()

    def __post_init__(self) -> None:
        for index, annotation in enumerate(self.annotations, start=1):
            if annotation.sequence != index:
                raise DomainError(
                    "civil.annotation.out_of_order",
                    "sequence",
                    expected=index,
                    value=annotation.sequence,
                )
        view: R = self.original
        for annotation in self.annotations:  # validate every change once, at construction
            view = apply_annotation(view, annotation)

    def append(self, annotation: Annotation) -> History[R]:
        """A new history with ``annotation`` added last; its sequence must be the next one."""
        return History(self.original, (*self.annotations, annotation))

    def next_sequence(self) -> int:
        return len(self.annotations) + 1

    def as_of(self, sequence: int) -> R:
        """The entry as it read after annotation ``sequence`` (0: the original)."""
        if not 0 <= sequence <= len(self.annotations):
            raise DomainError("civil.annotation.sequence_invalid", "sequence", value=sequence)
        view: R = self.original
        for annotation in self.annotations[:sequence]:
            view = apply_annotation(view, annotation)
        return view

    def current(self) -> R:
        """The entry as it reads today: the original with every annotation applied in order."""
        return self.as_of(len(self.annotations))


def apply_annotations(original: R, annotations: Iterable[Annotation]) -> R:
    """The current view of ``original`` under ``annotations`` (checked to be 1, 2, 3 ...)."""
    return History(original, tuple(annotations)).current()


def recognition_of_paternity(
    sequence: int,
    father: ParentFacts,
    reason: str,
    authority: str,
    decided_on: dt.date,
    reference: str = "",
) -> Annotation:
    """The father recognises the child: he is entered, with the recognition's date and authority."""
    recognition = PaternityRecognition(decided_on, authority, reference)
    return Annotation(
        sequence,
        AnnotationKind.RECOGNITION_OF_PATERNITY,
        reason,
        authority,
        decided_on,
        (FieldChange("father", father), FieldChange("paternity_recognition", recognition)),
        reference=reference,
    )


def divorce(
    sequence: int, reason: str, authority: str, decided_on: dt.date, reference: str = ""
) -> Annotation:
    """The marriage is dissolved by divorce on ``decided_on`` (the judgment's date)."""
    return Annotation(
        sequence,
        AnnotationKind.DIVORCE,
        reason,
        authority,
        decided_on,
        (FieldChange("dissolved_on", decided_on),),
        reference=reference,
    )


def adoption(
    sequence: int,
    mother: ParentFacts | None,
    father: ParentFacts | None,
    marital_status: ParentsMaritalStatus,
    reason: str,
    authority: str,
    decided_on: dt.date,
    reference: str = "",
) -> Annotation:
    """A full adoption: the adoptive parents replace the parents on the current view."""
    return Annotation(
        sequence,
        AnnotationKind.ADOPTION,
        reason,
        authority,
        decided_on,
        (
            FieldChange("mother", mother),
            FieldChange("father", father),
            FieldChange("parents_marital_status", marital_status),
            FieldChange("paternity_recognition", None),
        ),
        reference=reference,
    )
