"""Tampering with the audit log in the database is found, and the report names the entry.

Why: the audit log is what an inspector relies on to reconstruct who did what. Someone with write
access to the database (a rogue administrator, a restored backup edited by hand) must not be able
to change, remove or slip in an entry without ``consular audit verify`` pointing at it.

Every change here is made with raw SQL, as such a person would, never through the services.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from sqlalchemy import text

from workstation.cli import main
from workstation.cli.output import EXIT_CHECK_FAILED
from workstation.domain.audit import AuditEntry, ChainReport, Tampering, canonical_details
from workstation.domain.errors import PermissionDeniedError
from workstation.paths import DATABASE_FILE
from workstation.storage.repositories.audit import AuditRepository

if TYPE_CHECKING:
    from tests.conftest import Post

PERSONS = (
    {
        "surname": "Müller",
        "given_names": "Jürgen",
        "sex": "M",
        "birth_date": "1975-04-12",
        "nationality": "UTO",
    },
    {
        "surname": "Peña",
        "given_names": "Lucía",
        "sex": "F",
        "birth_date": "1990",
        "nationality": "UTO",
    },
    {
        "surname": "Иванов",
        "given_names": "Юлия",
        "sex": "F",
        "birth_date": "1988-02",
        "nationality": "UTO",
    },
)


def _busy_post(post: Post) -> int:
    """A few days' work: persons added, officers signing in and out. Returns the last seq."""
    clerk = post.officers["clerk"]
    for data in PERSONS:
        post.persons.add(clerk, data)
        post.clock.advance(minutes=3)
    post.accounts.authenticate("supervisor", "supervisor-demo-1")
    with pytest.raises(PermissionDeniedError):
        post.accounts.authenticate("registrar", "wrong-password")
    post.accounts.authenticate("registrar", "registrar-demo-1")
    report = post.audit.verify()
    assert report.ok, report.problem
    assert report.entries_checked == report.last_seq > 10
    return report.last_seq


def _execute(post: Post, sql: str, **params: Any) -> int:
    with post.db.engine.begin() as conn:
        return conn.execute(text(sql), params).rowcount


def _row(post: Post, seq: int) -> AuditEntry:
    with post.db.engine.connect() as conn:
        row = conn.execute(
            text(
                "SELECT seq, at, actor, action, record_type, record_id, details, "
                "prev_hash, hash FROM audit_entries WHERE seq = :s"
            ),
            {"s": seq},
        ).one()
    return AuditEntry(
        row.seq,
        row.at,
        row.actor,
        row.action,
        row.record_type,
        row.record_id,
        json.loads(row.details),
        row.prev_hash,
        row.hash,
    )


def _problem(report: ChainReport) -> tuple[Tampering, int]:
    assert not report.ok, "the tampering went unnoticed"
    assert report.problem is not None
    return report.problem.kind, report.problem.seq


def test_untouched_log_verifies(post: Post) -> None:
    last = _busy_post(post)
    with post.db.reading() as uow:
        assert uow.audit.head()[0] == last
        actions = [e.action for e in uow.audit.entries()]
    assert actions[0] == "post.initialise"
    assert actions.count("person.add") == len(PERSONS)
    assert "auth.sign_in_failed" in actions


@pytest.mark.parametrize("where", ["first", "middle", "newest"])
def test_changed_details_is_reported_as_altered(post: Post, where: str) -> None:
    last = _busy_post(post)
    k = {"first": 1, "middle": last // 2, "newest": last}[where]
    original = _row(post, k)
    forged = dict(original.details, forged=True)
    assert (
        _execute(
            post,
            "UPDATE audit_entries SET details = :d WHERE seq = :k",
            d=canonical_details(forged),
            k=k,
        )
        == 1
    )

    report = post.audit.verify()
    assert _problem(report) == (Tampering.ALTERED, k)
    assert report.entries_checked == k - 1  # everything before it still holds
    assert report.problem is not None and report.problem.entry is not None
    assert report.problem.entry.details == forged  # the report shows the entry as it now is


def test_changed_actor_is_reported_as_altered(post: Post) -> None:
    last = _busy_post(post)
    k = next(seq for seq in range(last, 0, -1) if _row(post, seq).action == "person.add")
    _execute(post, "UPDATE audit_entries SET actor = 'supervisor' WHERE seq = :k", k=k)
    assert _problem(post.audit.verify()) == (Tampering.ALTERED, k)


def test_changed_time_is_reported_as_altered(post: Post) -> None:
    _busy_post(post)
    k = 4
    _execute(
        post, "UPDATE audit_entries SET at = '2020-01-01T00:00:00.000000Z' WHERE seq = :k", k=k
    )
    assert _problem(post.audit.verify()) == (Tampering.ALTERED, k)


@pytest.mark.parametrize("k", [1, 5])
def test_deleted_entry_is_reported_at_its_place(post: Post, k: int) -> None:
    _busy_post(post)
    assert _execute(post, "DELETE FROM audit_entries WHERE seq = :k", k=k) == 1
    report = post.audit.verify()
    assert _problem(report) == (Tampering.DELETED, k)
    assert report.entries_checked == k - 1


def test_deleted_newest_entry_is_seen_through_the_head(post: Post) -> None:
    last = _busy_post(post)
    _execute(post, "DELETE FROM audit_entries WHERE seq = :k", k=last)
    report = post.audit.verify()
    assert _problem(report) == (Tampering.DELETED, last)
    assert report.entries_checked == last - 1


def test_deleted_tail_is_seen_through_the_head(post: Post) -> None:
    last = _busy_post(post)
    _execute(post, "DELETE FROM audit_entries WHERE seq > :k", k=last - 3)
    assert _problem(post.audit.verify()) == (Tampering.DELETED, last - 2)


def test_forged_entry_after_the_newest_is_reported_as_inserted(post: Post) -> None:
    """A well-formed entry, correctly chained and hashed, appended without moving the head."""
    last = _busy_post(post)
    newest = _row(post, last)
    forged = AuditEntry(
        last + 1,
        "2026-11-25T10:00:00.000000Z",
        "supervisor",
        "document.void",
        "document",
        "1",
        {"reason": "backdated"},
        newest.hash,
    ).sealed()
    _execute(
        post,
        "INSERT INTO audit_entries (seq, at, actor, action, record_type, record_id, "
        "details, prev_hash, hash) VALUES (:seq, :at, :actor, :action, :rt, :rid, :d, "
        ":prev, :hash)",
        seq=forged.seq,
        at=forged.at,
        actor=forged.actor,
        action=forged.action,
        rt=forged.record_type,
        rid=forged.record_id,
        d=canonical_details(forged.details),
        prev=forged.prev_hash,
        hash=forged.hash,
    )
    report = post.audit.verify()
    assert _problem(report) == (Tampering.INSERTED, last + 1)
    assert report.last_seq == last + 1


def test_entry_rewritten_with_a_consistent_hash_breaks_the_link(post: Post) -> None:
    """Whoever rewrites an entry and recomputes its hash still breaks its successor's link; the
    report names the rewritten entry, not the successor."""
    last = _busy_post(post)
    k = last - 3
    original = _row(post, k)
    rewritten = AuditEntry(
        k,
        original.at,
        "admin",
        original.action,
        original.record_type,
        original.record_id,
        {"note": "nothing happened"},
        original.prev_hash,
    ).sealed()
    assert rewritten.hash != original.hash
    _execute(
        post,
        "UPDATE audit_entries SET actor = :a, details = :d, hash = :h WHERE seq = :k",
        a=rewritten.actor,
        d=canonical_details(rewritten.details),
        h=rewritten.hash,
        k=k,
    )
    report = post.audit.verify()
    assert _problem(report) == (Tampering.BROKEN_LINK, k)
    assert report.problem is not None and report.problem.entry == rewritten
    assert report.entries_checked == k  # entry k itself hashes correctly


def test_newest_entry_rewritten_with_a_consistent_hash_disagrees_with_the_head(
    post: Post,
) -> None:
    last = _busy_post(post)
    original = _row(post, last)
    rewritten = AuditEntry(
        last,
        original.at,
        original.actor,
        original.action,
        original.record_type,
        original.record_id,
        {"forged": 1},
        original.prev_hash,
    ).sealed()
    _execute(
        post,
        "UPDATE audit_entries SET details = :d, hash = :h WHERE seq = :k",
        d=canonical_details(rewritten.details),
        h=rewritten.hash,
        k=last,
    )
    assert _problem(post.audit.verify()) == (Tampering.ALTERED, last)


def test_moved_head_is_reported(post: Post) -> None:
    """Rolling the head back to hide the newest entries is itself visible."""
    last = _busy_post(post)
    previous = _row(post, last - 1)
    _execute(
        post,
        "UPDATE audit_head SET last_seq = :s, last_hash = :h WHERE id = 1",
        s=last - 1,
        h=previous.hash,
    )
    assert _problem(post.audit.verify()) == (Tampering.INSERTED, last)


def test_new_entries_after_repair_do_not_hide_the_tampering(post: Post) -> None:
    """The service keeps appending after a tampered entry; the report still names it."""
    _busy_post(post)
    _execute(post, "UPDATE audit_entries SET details = '{}' WHERE seq = 3")
    post.persons.add(
        post.officers["clerk"],
        {"surname": "Søren", "sex": "M", "birth_date": "2001", "nationality": "UTO"},
    )
    assert _problem(post.audit.verify()) == (Tampering.ALTERED, 3)


@pytest.mark.parametrize(
    "database_url",
    ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)],
    indirect=True,
)
def test_verify_on_a_busy_post_is_not_a_false_alarm(
    post: Post, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An inspector runs ``audit verify`` while counters keep working: an entry appended by
    another workstation during the check is not tampering. The other workstation's commit is
    placed deterministically right after the check has read the chain head."""
    _busy_post(post)
    read_head = AuditRepository.head

    def head_then_another_workstation_commits(self: AuditRepository) -> tuple[int, str]:
        result = read_head(self)
        post.accounts.authenticate("clerk", "clerk-demo-1")  # its own connection, committed
        return result

    monkeypatch.setattr(AuditRepository, "head", head_then_another_workstation_commits)
    report = post.audit.verify()
    monkeypatch.undo()
    assert report.ok, report.problem
    assert post.audit.verify().ok


# --------------------------------------------------------------------------------------
# The command line an inspector runs
# --------------------------------------------------------------------------------------


@pytest.fixture
def demo_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> Path:
    folder = tmp_path / "post"
    monkeypatch.setenv("CONSULAR_DATA_DIR", str(tmp_path / "elsewhere"))  # --data-dir wins
    assert main(["--data-dir", str(folder), "init", "--demo"]) == 0
    capsys.readouterr()
    return folder


def _sqlite(folder: Path, sql: str, *params: Any) -> None:
    conn = sqlite3.connect(folder / DATABASE_FILE)
    try:
        with conn:
            assert conn.execute(sql, params).rowcount == 1
    finally:
        conn.close()


def test_cli_verify_passes_on_an_untouched_folder(
    demo_folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--data-dir", str(demo_folder), "audit", "verify"]) == 0
    out = capsys.readouterr().out
    assert "intact" in out


def test_cli_verify_names_the_altered_entry_and_exits_6(
    demo_folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _sqlite(demo_folder, "UPDATE audit_entries SET actor = 'nobody' WHERE seq = 3")
    assert main(["--data-dir", str(demo_folder), "audit", "verify"]) == EXIT_CHECK_FAILED == 6
    out = capsys.readouterr().out
    assert "TAMPERED" in out
    assert "entry #3 was altered" in out
    assert "#3 " in out and "nobody" in out  # the entry as it now reads

    assert main(["--data-dir", str(demo_folder), "--json", "audit", "verify"]) == 6
    data = json.loads(capsys.readouterr().out)
    assert data["ok"] is False
    assert data["problem"]["kind"] == "altered"
    assert data["problem"]["seq"] == 3
    assert data["entries_checked"] == 2


def test_cli_verify_names_a_deleted_entry_and_exits_6(
    demo_folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _sqlite(demo_folder, "DELETE FROM audit_entries WHERE seq = ?", 2)
    monkeypatch.setenv("CONSULAR_DATA_DIR", str(demo_folder))  # the environment alone suffices
    assert main(["--json", "audit", "verify"]) == 6
    data = json.loads(capsys.readouterr().out)
    assert (data["problem"]["kind"], data["problem"]["seq"]) == ("deleted", 2)
