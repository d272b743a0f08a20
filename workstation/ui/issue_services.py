"""What the Documents page uses of the services, as protocols (the UI never imports the
wiring): the composition root's ``Services`` fits them."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from workstation.domain.document_kinds import DocumentKind
from workstation.domain.documents import Document, DocumentAction
from workstation.domain.officers import Officer
from workstation.domain.portrait import PortraitImages, PortraitRecord
from workstation.domain.printing import PrintJob, PrintTarget
from workstation.services.chip import ChipReport
from workstation.services.print_queues import QueueChoice


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


class Printing(Protocol):
    """What the print panel and its printer chooser use of ``PrintService``."""

    def submit(
        self, officer: Officer, document_id: int, queue: str | None = None, reason: str = ""
    ) -> PrintJob: ...

    def follow(
        self,
        job_id: int,
        timeout_s: float = ...,
        poll_s: float = ...,
        on_change: Callable[[PrintJob], None] | None = None,
        stop: threading.Event | None = None,
    ) -> PrintJob: ...

    def retry(self, officer: Officer, job_id: int, queue: str | None = None) -> PrintJob: ...

    def refresh(self, job_id: int) -> PrintJob: ...

    def cancel(self, officer: Officer, job_id: int) -> PrintJob: ...

    def spoil(self, officer: Officer, job_id: int, reason: str) -> PrintJob: ...

    def confirm_manual_print(self, officer: Officer, document_id: int, reason: str) -> None: ...

    def jobs_for(self, document_id: int) -> list[PrintJob]: ...

    def queue_for(self, target: PrintTarget) -> str | None: ...

    def available_queues(self, target: PrintTarget) -> list[QueueChoice]: ...


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
