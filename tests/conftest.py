"""Shared fixtures: Qt offscreen, a fixed clock, a demo post on SQLite or on a throwaway
PostgreSQL cluster (one per test session), and a check that no test leaves a thread behind."""

from __future__ import annotations

import datetime as dt
import itertools
import os
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from argon2 import PasswordHasher

from tests.support.postgres import ThrowawayPostgres, postgres_available, require_or_skip
from workstation.domain.document_kinds import DEFAULT_KINDS
from workstation.domain.officers import Officer
from workstation.services.accounts import AccountService
from workstation.services.audit import AuditService
from workstation.services.documents import DocumentService
from workstation.services.persons import PersonService
from workstation.services.setup import DEMO_ACCOUNTS, DEMO_POST, SetupService
from workstation.storage import Database, open_database

# The real stacks' session fixtures (cupsd with cups-pdf queues, pcscd with vpcd and vicc),
# registered once for the whole session: a fixture imported into several test modules would be
# a separate session fixture per module, i.e. a second pcscd on the machine-wide socket.
pytest_plugins = ["tests.support.cups", "tests.support.pcsc"]

# Fast argon2 parameters for tests only: the production defaults cost ~50 ms per hash.
FAST_HASHER = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
_db_names = itertools.count(1)


class FixedClock:
    """A clock the test moves by hand; every call returns a later instant (audit order)."""

    def __init__(self, start: dt.datetime) -> None:
        self.current = start

    def now(self) -> dt.datetime:
        self.current += dt.timedelta(microseconds=1)
        return self.current

    def advance(self, **delta: float) -> None:
        self.current += dt.timedelta(**delta)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(dt.datetime(2026, 11, 25, 9, 30, tzinfo=dt.UTC))


@pytest.fixture(scope="session")
def postgres_cluster() -> Iterator[ThrowawayPostgres]:
    require_or_skip(postgres_available())
    with ThrowawayPostgres() as cluster:
        yield cluster


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh, empty database on each backend."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'post.db'}"
    cluster: ThrowawayPostgres = request.getfixturevalue("postgres_cluster")
    return cluster.create_database(f"test_{next(_db_names)}")


@dataclass
class Post:
    """A demo post with its services, signed-in officers by role name."""

    db: Database
    clock: FixedClock
    accounts: AccountService
    persons: PersonService
    documents: DocumentService
    audit: AuditService
    officers: dict[str, Officer]


def make_post(url: str, clock: FixedClock) -> Post:
    db = open_database(url)
    accounts = AccountService(db, clock, FAST_HASHER)
    post = SetupService(db, clock, accounts).initialise(DEMO_POST, DEFAULT_KINDS, DEMO_ACCOUNTS)
    officers = {a.username: accounts.authenticate(a.username, a.password) for a in DEMO_ACCOUNTS}
    return Post(
        db,
        clock,
        accounts,
        PersonService(db, clock, post.time_zone),
        DocumentService(db, clock, post),
        AuditService(db),
        officers,
    )


@pytest.fixture
def post(database_url: str, clock: FixedClock) -> Iterator[Post]:
    """The demo post on SQLite and on PostgreSQL (tests using it run once per backend)."""
    result = make_post(database_url, clock)
    yield result
    result.db.close()


@pytest.fixture
def sqlite_post(tmp_path: Path, clock: FixedClock) -> Iterator[Post]:
    """The demo post on SQLite only, for service rules that do not depend on the backend."""
    result = make_post(f"sqlite:///{tmp_path / 'post.db'}", clock)
    yield result
    result.db.close()


@pytest.fixture(autouse=True)
def _no_dangling_threads() -> Iterator[None]:
    """Fail a test that leaves a thread running (napari's check): a worker left behind is a
    device or database handle nobody will close."""
    before = set(threading.enumerate())
    yield
    leftover = [
        t for t in threading.enumerate() if t not in before and t.is_alive() and not t.daemon
    ]
    for thread in leftover:
        thread.join(timeout=2)
    still = [t.name for t in leftover if t.is_alive()]
    assert not still, f"threads left running: {still}"
