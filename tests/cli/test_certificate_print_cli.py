"""`consular certificate NUMBER --print`: a certificate printed on the post's A4 printer, with
the `print` command's contract (exit 0 only when the job completed, 7 when the printer did not
finish, the job kept for `print-job retry`); without --print the command is unchanged."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from tests.support.cups import A4_QUEUE, ThrowawayCups
from tests.support.demo_post import registrar_post_at
from workstation.cli import main

BIRTH = str(Path(__file__).resolve().parents[2] / "docs" / "examples" / "birth-current.json")
NUMBER = "UTO-GVA/B/2026/000001"


@pytest.fixture
def folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> Path:
    """The demo post on 2026-11-25 with a registered birth; the registrar signs in."""
    registrar_post_at(tmp_path, monkeypatch, dt.datetime(2026, 11, 25, 9, 30, tzinfo=dt.UTC))
    assert main(["register", "birth", BIRTH, "--officer", "registrar"]) == 0
    capsys.readouterr()
    return tmp_path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, Any, str]:
    """Exit code, the JSON printed (or None), and stderr."""
    code = main(["--json", *argv])
    captured = capsys.readouterr()
    return code, json.loads(captured.out) if captured.out.strip() else None, captured.err


def test_certificate_print_on_the_demo_posts_a4_folder(
    folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, shown, _ = run(capsys, "certificate", NUMBER, "--print", "--officer", "registrar")
    assert code == 0
    job = shown["print"]
    assert (shown["pdf"], shown["kind"]) == (None, "full")
    assert (job["state"], job["queue"], job["document_id"]) == ("completed", "folder:a4", None)
    assert (job["register_number"], job["certificate_kind"]) == (NUMBER, "full")
    assert len(list((folder / "post" / "printed" / "a4").glob("*.pdf"))) == 1

    out = folder / "birth.pdf"
    code, shown, _ = run(
        capsys,
        "certificate",
        NUMBER,
        "--kind",
        "extract",
        "--out",
        str(out),
        "--print",
        "--officer",
        "registrar",
    )
    assert code == 0 and shown["pdf"] == str(out) and out.read_bytes().startswith(b"%PDF-")
    assert shown["print"]["certificate_kind"] == "extract"

    code, jobs, _ = run(capsys, "print-job", "list", NUMBER.lower())
    assert [(j["certificate_kind"], j["state"]) for j in jobs] == [
        ("full", "completed"),
        ("extract", "completed"),
    ]
    monkeypatch.setenv("CONSULAR_PASSWORD", "supervisor-demo-1")
    code, log, _ = run(capsys, "audit", "log", "--officer", "supervisor", "--limit", "20")
    assert code == 0
    printed = [e["details"] for e in log if e["action"] == "civil.certificate_printed"]
    assert [(d["register_number"], d["kind"], d["queue"]) for d in printed] == [
        (NUMBER, "extract", "folder:a4"),
        (NUMBER, "full", "folder:a4"),
    ]


def test_without_print_the_certificate_command_is_unchanged(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, error = run(capsys, "certificate", NUMBER, "--officer", "registrar")
    assert code == 2 and "--out" in error
    out = folder / "birth.pdf"
    code, shown, _ = run(capsys, "certificate", NUMBER, "--out", str(out), "--officer", "registrar")
    assert code == 0 and set(shown) == {"pdf", "kind", "seal"}
    assert not (folder / "post" / "printed" / "a4").exists()
    code, jobs, _ = run(capsys, "print-job", "list", NUMBER)
    assert (code, jobs) == (0, [])
    main(["certificate", NUMBER, "--out", str(out), "--officer", "registrar"])
    assert capsys.readouterr().out.strip() == f"full certificate of {NUMBER} written to {out}"


def test_certificate_print_exits_7_when_the_queue_is_stopped_and_retry_completes_it(
    folder: Path,
    cups: ThrowawayCups,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    cups.disable(A4_QUEUE, "Paper jam in tray 2")
    argv = ["certificate", NUMBER, "--print", "--queue", A4_QUEUE, "--timeout", "1"]
    code = main([*argv, "--officer", "registrar"])
    out = capsys.readouterr().out
    assert code == 7
    assert f"full certificate of {NUMBER} sent to {A4_QUEUE}" in out
    assert "queued" in out and "The printer queue is stopped" in out
    assert "Paper jam in tray 2" in out and "you may: cancel, retry, wait" in out

    code, (job,), _ = run(capsys, "print-job", "list", NUMBER)
    assert (job["state"], job["condition"], job["detail"]) == (
        "queued",
        "queue_stopped",
        "Paper jam in tray 2",
    )
    cups.enable(A4_QUEUE)
    code, shown, _ = run(capsys, "print-job", "retry", str(job["job"]), "--officer", "registrar")
    assert code == 0 and shown["print"]["state"] == "completed"
    assert len(cups.output_pdfs()) >= 1

    # A clerk makes no certificates, so may not act on their jobs either (exit 3).
    monkeypatch.setenv("CONSULAR_PASSWORD", "clerk-demo-1")
    code, _, error = run(capsys, "print-job", "retry", str(job["job"]), "--officer", "clerk")
    assert code == 3 and json.loads(error)["error"] == "auth.permission_denied"
