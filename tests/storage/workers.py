"""Workstation processes for the multi-process storage tests (numbering, start-up migrations).

They live in an importable module of their own (not in a test file) because the processes are
started with the ``spawn`` method, which imports the target by its module name in a fresh
interpreter, as a second workstation or the CLI would be a separate program.
"""

from __future__ import annotations

import contextlib
import time
import traceback
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from alembic.runtime.migration import MigrationContext
from argon2 import PasswordHasher

from workstation.domain.documents import DocumentAction, DocumentState
from workstation.services.accounts import AccountService
from workstation.services.clock import SystemClock
from workstation.services.documents import DocumentService
from workstation.storage import open_database
from workstation.storage.repositories.documents import NumberingRepository

KIND = "consular_id_card"
# Same parameters as FAST_HASHER in tests/conftest.py, so the stored hashes need no rehash.
FAST_HASHER = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)


class InjectedFailure(Exception):
    """Raised on purpose after a number was allocated, inside the issuing transaction."""


@dataclass
class WorkerResult:
    worker: int
    numbers: list[str] = field(default_factory=list)
    rolled_back: list[str] = field(default_factory=list)  # numbers handed out, then undone
    seconds: float = 0.0
    error: str | None = None


@contextlib.contextmanager
def _allocation_then_failure() -> Iterator[None]:
    """Make the next allocations raise right after taking the number (and writing its
    allocation record), as a crash or a device error in the middle of issuing would."""
    original = NumberingRepository.allocate

    def allocate_then_fail(self: NumberingRepository, *args: Any, **kwargs: Any) -> str:
        number = original(self, *args, **kwargs)
        raise InjectedFailure(number)

    NumberingRepository.allocate = allocate_then_fail  # type: ignore[method-assign]
    try:
        yield
    finally:
        NumberingRepository.allocate = original  # type: ignore[method-assign]


def issue_documents(
    worker: int,
    url: str,
    username: str,
    password: str,
    person_id: int,
    count: int,
    fail_every: int,
    start: Any,
    results: Any,
) -> None:
    """Issue ``count`` documents through the services (create, submit, approve, issue), with
    every ``fail_every``-th issue first attempted once with a failure after the allocation."""
    result = WorkerResult(worker)
    try:
        db = open_database(url)  # as a workstation starts: migrations (a no-op here) first
        try:
            clock = SystemClock()
            officer = AccountService(db, clock, FAST_HASHER).authenticate(username, password)
            with db.reading() as uow:
                post = uow.posts.all()[0]
            documents = DocumentService(db, clock, post)
            start.wait(timeout=120)
            began = time.perf_counter()
            for i in range(1, count + 1):
                document_id = documents.create(officer, KIND, person_id)
                documents.act(officer, document_id, DocumentAction.SUBMIT)
                documents.act(officer, document_id, DocumentAction.APPROVE)
                if i % fail_every == 0:
                    try:
                        with _allocation_then_failure():
                            documents.act(officer, document_id, DocumentAction.PRODUCE)
                    except InjectedFailure as failure:
                        result.rolled_back.append(str(failure.args[0]))
                    else:
                        raise AssertionError("the injected failure did not happen")
                    left = documents.get(document_id)
                    if left.state is not DocumentState.APPROVED or left.number is not None:
                        raise AssertionError(f"rolled-back issue left {left.state} {left.number}")
                issued = documents.act(officer, document_id, DocumentAction.PRODUCE)
                if issued.number is None:
                    raise AssertionError("issued without a number")
                result.numbers.append(issued.number)
            result.seconds = time.perf_counter() - began
        finally:
            db.close()
    except BaseException:
        result.error = traceback.format_exc()
        with contextlib.suppress(Exception):
            start.abort()  # do not leave the other workers waiting for this one
    results.put(result)


def start_workstation(
    role: str, url: str, first_migrated: Any, hold_seconds: float, results: Any
) -> None:
    """Start like a workstation does (open the database, migrating it) and read the post list.

    The ``first`` process, after applying the migrations, keeps its migration transaction open
    for ``hold_seconds`` (a slow disk, a big data migration); the ``second`` starts meanwhile.
    """
    error = None
    try:
        if role == "first":
            original = MigrationContext.run_migrations

            def migrate_then_hold(self: MigrationContext, *args: Any, **kwargs: Any) -> None:
                original(self, *args, **kwargs)
                first_migrated.set()
                time.sleep(hold_seconds)  # still inside the transaction: nothing committed

            MigrationContext.run_migrations = migrate_then_hold  # type: ignore[method-assign]
        elif not first_migrated.wait(timeout=60):
            raise AssertionError("the first workstation never got to its migrations")
        db = open_database(url)
        try:
            with db.reading() as uow:
                uow.posts.all()
        finally:
            db.close()
    except BaseException:
        error = traceback.format_exc()
        first_migrated.set()
    results.put((role, error))
