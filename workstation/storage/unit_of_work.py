"""Unit of work (cosmicpython): one session, one transaction, every repository on it.

A service opens one, does the whole use case, and commits once: the number, the document, the
audit entry commit together or not at all. Leaving the block without ``commit()`` rolls back.
"""

from __future__ import annotations

from types import TracebackType

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from workstation.storage.database import WRITE_TRANSACTION
from workstation.storage.repositories.accounts import OfficerRepository, PostRepository
from workstation.storage.repositories.audit import AuditRepository
from workstation.storage.repositories.civil import CivilRegisterRepository
from workstation.storage.repositories.documents import (
    DocumentKindRepository,
    DocumentRepository,
    NumberingRepository,
)
from workstation.storage.repositories.persons import PersonRepository
from workstation.storage.repositories.portraits import PortraitRepository
from workstation.storage.repositories.print_jobs import PrintJobRepository


class UnitOfWork:
    def __init__(self, session_factory: sessionmaker[Session], *, write: bool = True) -> None:
        self._session_factory = session_factory
        self._write = write

    def __enter__(self) -> UnitOfWork:
        self.session = self._session_factory()
        if self._write:
            # Take the writer's lock now (SQLite BEGIN IMMEDIATE) rather than at the first write.
            self.session.connection(execution_options=WRITE_TRANSACTION)
        elif self.session.get_bind().dialect.name == "postgresql":
            # A reader sees one snapshot (SQLite's read transactions do already): the audit
            # check must not take an entry committed meanwhile for an insertion.
            self.session.connection(execution_options={"isolation_level": "REPEATABLE READ"})
        self.posts = PostRepository(self.session)
        self.officers = OfficerRepository(self.session)
        self.persons = PersonRepository(self.session)
        self.audit = AuditRepository(self.session)
        self.kinds = DocumentKindRepository(self.session)
        self.documents = DocumentRepository(self.session)
        self.numbering = NumberingRepository(self.session)
        self.portraits = PortraitRepository(self.session)
        self.print_jobs = PrintJobRepository(self.session)
        self.civil = CivilRegisterRepository(self.session)
        return self

    def commit(self) -> None:
        self.session.commit()

    def rollback(self) -> None:
        self.session.rollback()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.session.rollback()
        self.session.close()


class Database:
    """What the composition root hands to services: a way to open units of work."""

    def __init__(self, engine: Engine, session_factory: sessionmaker[Session]) -> None:
        self.engine = engine
        self._session_factory = session_factory

    @property
    def url(self) -> str:
        """The database URL with any password hidden, for display."""
        return self.engine.url.render_as_string(hide_password=True)

    @property
    def backend(self) -> str:
        return self.engine.dialect.name

    def close(self) -> None:
        self.engine.dispose()

    def writing(self) -> UnitOfWork:
        return UnitOfWork(self._session_factory, write=True)

    def reading(self) -> UnitOfWork:
        return UnitOfWork(self._session_factory, write=False)
