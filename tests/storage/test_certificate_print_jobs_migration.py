"""Migration 0008 on both backends: the print jobs of a post that upgrades keep their documents,
and a job afterwards prints either a document or a certificate (entry and kind), never both or
neither."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from argon2 import PasswordHasher
from sqlalchemy import DateTime, Engine, bindparam, text
from sqlalchemy.exc import IntegrityError

from workstation.domain.document_kinds import DEFAULT_KINDS
from workstation.domain.documents import DocumentAction
from workstation.services.accounts import AccountService
from workstation.services.clock import Clock
from workstation.services.documents import DocumentService
from workstation.services.persons import PersonService
from workstation.services.setup import DEMO_ACCOUNTS, DEMO_POST, SetupService
from workstation.storage import open_database
from workstation.storage.database import make_engine
from workstation.storage.migrate import (
    _newest_shipped_revision,
    current_revision,
    head_revision,
    upgrade,
)

BEFORE = "0007_civil_register"
AT = dt.datetime(2026, 11, 25, 9, 0, tzinfo=dt.UTC)
FAST_HASHER = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    result = make_engine(database_url)
    yield result
    result.dispose()


def _insert_job(engine: Engine, **columns: object) -> None:
    names = ", ".join(columns)
    values = ", ".join(f":{name}" for name in columns)
    statement = text(
        f"INSERT INTO print_jobs ({names}, queue, target, purpose, officer_id, state, attempt,"
        f" detail, reason, created_at, updated_at) VALUES ({values}, 'folder:cards', 'card',"
        " 'issue', (SELECT min(id) FROM officers), 'completed', 1, '', '', :at, :at)"
    ).bindparams(bindparam("at", type_=DateTime(timezone=True)))
    with engine.begin() as conn:
        conn.execute(statement, {**columns, "at": AT})


def test_a_document_job_made_before_0008_is_kept_and_certificate_jobs_are_checked(
    engine: Engine, database_url: str, clock: Clock
) -> None:
    upgrade(engine, BEFORE)
    db = open_database(database_url, migrate=False)
    try:
        accounts = AccountService(db, clock, FAST_HASHER)
        post = SetupService(db, clock, accounts).initialise(DEMO_POST, DEFAULT_KINDS, DEMO_ACCOUNTS)
        clerk = accounts.authenticate("clerk", "clerk-demo-1")
        person_id = PersonService(db, clock, post.time_zone).add(
            clerk, {"surname": "Okafor", "sex": "F", "birth_date": "1990", "nationality": "UTO"}
        )
        documents = DocumentService(db, clock, post)
        document_id = documents.create(clerk, "consular_id_card", person_id)
        for action in (DocumentAction.SUBMIT, DocumentAction.APPROVE, DocumentAction.PRODUCE):
            documents.act(clerk, document_id, action)
        _insert_job(engine, document_id=document_id)  # a job as revision 0007 stored it

        upgrade(engine)
        assert current_revision(engine) == head_revision(engine) == _newest_shipped_revision()
        with db.reading() as uow:
            (job,) = uow.print_jobs.for_document(document_id)
            assert (job.document_id, job.register_number, job.certificate_kind) == (
                document_id,
                None,
                None,
            )
            assert uow.print_jobs.content(job.id or 0) is None
    finally:
        db.close()

    with engine.begin() as conn:  # an entry to print certificates of
        conn.execute(
            text(
                "INSERT INTO civil_entries (register_number, post_code, kind, year, sequence,"
                " event_date, registered_on, record, state, timeliness, evidence_required,"
                " evidence_presented, referred, possible_duplicates, registered_by,"
                " registered_at, decision_reason) VALUES ('UTO-GVA/B/2026/000001', 'UTO-GVA',"
                " 'birth', 2026, 1, :day, :day, '{}', 'registered', 'current', '[]', '[]',"
                " false, '[]', (SELECT min(id) FROM officers), :at, '')"
            ).bindparams(bindparam("at", type_=DateTime(timezone=True))),
            {"day": AT.date(), "at": AT},
        )
        entry_id = conn.execute(text("SELECT id FROM civil_entries")).scalar_one()
    _insert_job(engine, civil_entry_id=entry_id, certificate_kind="extract", content=b"%PDF-")
    for wrong in (
        {"document_id": None},  # neither
        {"document_id": document_id, "civil_entry_id": entry_id, "certificate_kind": "full"},
        {"civil_entry_id": entry_id},  # an entry without the certificate kind
        {"document_id": document_id, "certificate_kind": "full"},
        {"civil_entry_id": entry_id + 1, "certificate_kind": "full"},  # no such entry
    ):
        with pytest.raises(IntegrityError):
            _insert_job(engine, **wrong)
    db = open_database(database_url)
    try:
        with db.reading() as uow:
            (job,) = uow.print_jobs.for_entry("UTO-GVA/B/2026/000001")
            assert (job.document_id, job.certificate_kind) == (None, "extract")
            assert uow.print_jobs.content(job.id or 0) == b"%PDF-"
            assert [j.id for j in uow.print_jobs.live()] == []
    finally:
        db.close()
