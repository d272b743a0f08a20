"""Kinds of document a post issues, and what each one demands."""

from __future__ import annotations

import re
from dataclasses import dataclass

from workstation.domain.errors import DomainError

_KIND_CODE = re.compile(r"^[a-z][a-z0-9_]{1,31}$")
_PREFIX = re.compile(r"^[A-Z0-9]{0,6}$")


@dataclass(frozen=True, slots=True)
class NumberingRule:
    """How a series prints its numbers: ``prefix`` + zero-padded sequence + 7-3-1 check digit."""

    prefix: str
    width: int

    def __post_init__(self) -> None:
        if not _PREFIX.match(self.prefix):
            raise DomainError("numbering.prefix.invalid", "prefix", value=self.prefix)
        if not 3 <= self.width <= 12:
            raise DomainError("numbering.width.invalid", "width", value=self.width)


@dataclass(frozen=True, slots=True)
class DocumentKind:
    """A document type (consular ID card, emergency travel document, birth certificate ...).

    ``requires_approval`` puts a second officer (a supervisor other than the one who submitted)
    between submission and issue; ``validity_days`` is the default validity when the kind expires.
    """

    code: str
    requires_approval: bool
    numbering: NumberingRule
    validity_days: int | None = None

    def __post_init__(self) -> None:
        if not _KIND_CODE.match(self.code):
            raise DomainError("document_kind.code.invalid", "code", value=self.code)
        if self.validity_days is not None and self.validity_days <= 0:
            raise DomainError("document_kind.validity.invalid", "validity_days")


# What a new post starts with; a site configuration may change approval, prefixes and validity.
CONSULAR_ID_CARD = DocumentKind(
    "consular_id_card",
    requires_approval=False,
    numbering=NumberingRule("CI", 6),
    validity_days=5 * 365,
)
EMERGENCY_TRAVEL_DOCUMENT = DocumentKind(
    "emergency_travel_document",
    requires_approval=True,
    numbering=NumberingRule("ET", 6),
    validity_days=15,
)
DEFAULT_KINDS = (CONSULAR_ID_CARD, EMERGENCY_TRAVEL_DOCUMENT)
