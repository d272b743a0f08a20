"""Everything the details panel shows of one person, read in one go on a worker."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Protocol

from workstation.domain.audit import AuditEntry
from workstation.domain.documents import Document
from workstation.domain.officers import Officer
from workstation.domain.people import Person
from workstation.domain.portrait import PortraitRecord
from workstation.services.audit import AuditService
from workstation.services.documents import DocumentService
from workstation.services.persons import PersonService
from workstation.services.photos import PhotoService


class RecordServices(Protocol):
    """What reading a person's record uses of the services."""

    @property
    def persons(self) -> PersonService: ...

    @property
    def documents(self) -> DocumentService: ...

    @property
    def audit(self) -> AuditService: ...

    @property
    def photos(self) -> PhotoService: ...


CivilRows = list[tuple[str, str, str]] | None  # (register number, event and role, state)
PersonRecord = tuple[Person, list[Document], list[AuditEntry], list[PortraitRecord], CivilRows]


class CivilEntries(Protocol):
    """What the record uses of the civil register, when the workstation keeps one."""

    def list(
        self,
        kind: str | None = None,
        state: str | None = None,
        year: int | None = None,
        limit: int = 200,
    ) -> Sequence[CivilEntryLike]: ...


class CivilEntryLike(Protocol):
    @property
    def register_number(self) -> str: ...

    @property
    def kind(self) -> str: ...

    @property
    def state(self) -> str: ...

    @property
    def links(self) -> Mapping[str, int | None]: ...


#: Entries read to find a person's (a post registers a few hundred events a year).
CIVIL_SCAN_LIMIT = 20_000


def civil_rows(civil: CivilEntries, person_id: int) -> list[tuple[str, str, str]]:
    """The civil-register entries that name ``person_id`` in a role (child, spouse ...)."""
    return [
        (entry.register_number, f"{entry.kind} · {role}", str(entry.state))
        for entry in civil.list(limit=CIVIL_SCAN_LIMIT)
        for role, linked in entry.links.items()
        if linked == person_id
    ]


def load_person_record(services: RecordServices, officer: Officer, person_id: int) -> PersonRecord:
    """The person, their documents, the audit trail of both (newest first), their portraits,
    and the civil-register entries naming them (None when the workstation keeps no register).
    Runs on a worker: several queries."""
    documents = services.documents.for_person(person_id)
    trail = services.audit.trail("person", str(person_id))
    for document in documents:
        trail += services.audit.trail("document", str(document.id))
    trail.sort(key=lambda e: e.at, reverse=True)
    civil = getattr(services, "civil", None)  # a workstation may keep no register
    return (
        services.persons.get(person_id),
        documents,
        trail,
        services.photos.for_person(officer, person_id),
        civil_rows(civil, person_id) if civil is not None else None,
    )
