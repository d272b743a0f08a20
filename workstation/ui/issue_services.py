"""What the Documents page uses of the services, as protocols (the UI never imports the
wiring): the composition root's ``Services`` fits them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from workstation.domain.document_kinds import DocumentKind
from workstation.domain.documents import Document, DocumentAction
from workstation.domain.officers import Officer
from workstation.domain.portrait import PortraitImages, PortraitRecord
from workstation.services.chip import ChipReport
from workstation.ui.print_panel import Printing


class Documents(Protocol):
    def create(
        self, officer: Officer, kind_code: str, person_id: int, data: dict[str, str] | None = None
    ) -> int: ...

    def for_person(self, person_id: int) -> list[Document]: ...

    def get(self, document_id: int) -> Document: ...

    def act(
        self,
        officer: Officer,
        document_id: int,
        action: DocumentAction,
        reason: str = "",
        passphrase: str | None = None,
    ) -> Document: ...

    def preview(self, document_id: int) -> bytes: ...

    def pdf(self, document_id: int) -> bytes: ...

    def kinds(self) -> list[DocumentKind]: ...


class Photos(Protocol):
    def for_person(self, officer: Officer, person_id: int) -> list[PortraitRecord]: ...

    def images(self, officer: Officer, portrait_id: int) -> PortraitImages: ...

    def use_for_document(self, officer: Officer, portrait_id: int, document_id: int) -> int: ...


class Chip(Protocol):
    def encode(
        self, officer: Officer, document_id: int, reader: str | None = None
    ) -> ChipReport: ...


class Accounts(Protocol):
    def authenticate(self, username: str, password: str) -> Officer: ...


@dataclass(frozen=True, slots=True)
class IssueServices:
    """What the page uses of the composition root's services."""

    documents: Documents
    photos: Photos
    printing: Printing
    chip: Chip
    accounts: Accounts
