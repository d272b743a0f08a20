"""Coded errors of the domain.

The domain never produces English sentences: every error carries a stable ``code`` (for example
``person.birth_date.invalid``), the ``field`` it concerns when there is one, and ``params`` that a
message catalogue (``workstation.i18n``) turns into translated text for the GUI and the CLI.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class FieldError:
    """One problem with one input field."""

    field: str
    code: str
    params: Mapping[str, Any] = dataclasses.field(default_factory=dict)


class DomainError(Exception):
    """Root of every error the domain raises on purpose."""

    def __init__(self, code: str, field: str | None = None, **params: Any) -> None:
        super().__init__(code if field is None else f"{code} ({field})")
        self.code = code
        self.field = field
        self.params: dict[str, Any] = dict(params)

    def problems(self) -> tuple[FieldError, ...]:
        """The error as a problem per field (one here; a :class:`ValidationError` has each)."""
        return (FieldError(self.field or "", self.code, self.params),)


class ValidationError(DomainError):
    """Input that cannot be accepted; ``errors`` lists every field at fault, in input order."""

    def __init__(self, errors: Iterable[FieldError]) -> None:
        self.errors: tuple[FieldError, ...] = tuple(errors)
        first = self.errors[0] if self.errors else FieldError("", "validation.failed")
        super().__init__(first.code, first.field or None, **dict(first.params))

    def problems(self) -> tuple[FieldError, ...]:
        return self.errors


class PermissionDeniedError(DomainError):
    """The officer's roles do not allow the action (checked in the services, not only in the UI)."""


class LifecycleError(DomainError):
    """A state transition that the lifecycle does not allow."""


class NotFoundError(DomainError):
    """A record that was asked for does not exist."""


class ConflictError(DomainError):
    """The request contradicts what is already recorded (duplicate account, existing post ...)."""


class TransliterationError(DomainError):
    """A character that no transliteration rule covers; never silently dropped."""
