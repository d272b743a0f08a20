"""`consular register|annotate|certificate|civil`: the civil register from a terminal, with the
example files of docs/examples/ (so they stay valid), on a post whose clock reads 2026-11-25."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from tests.support.demo_post import registrar_post_at
from workstation.cli import main

EXAMPLES = Path(__file__).resolve().parents[2] / "docs" / "examples"
LATE_BIRTH = str(EXAMPLES / "birth-late-national-father-stateless-mother.json")
RECOGNITION = str(EXAMPLES / "recognition-of-paternity.json")
NUMBER = "UTO-GVA/B/2026/000001"


@pytest.fixture
def folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> Path:
    registrar_post_at(tmp_path, monkeypatch, dt.datetime(2026, 11, 25, 9, 30, tzinfo=dt.UTC))
    capsys.readouterr()
    return tmp_path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, Any, str]:
    """Exit code, the JSON printed (or None), and stderr."""
    code = main(["--json", *argv])
    captured = capsys.readouterr()
    return code, json.loads(captured.out) if captured.out.strip() else None, captured.err


def signs_in(monkeypatch: pytest.MonkeyPatch, username: str) -> None:
    monkeypatch.setenv("CONSULAR_PASSWORD", f"{username}-demo-1")


def test_late_birth_approved_certified_recognised_and_certified_again(
    folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, entry, _ = run(capsys, "register", "birth", LATE_BIRTH, "--officer", "registrar")
    assert code == 0 and entry["register_number"] == NUMBER
    assert (entry["state"], entry["timeliness"]) == ("pending_approval", "late")
    assert entry["evidence_missing"] == ["reason_for_delay"]
    nationality = entry["nationality"]
    assert nationality["outcome"] == "needs_more_evidence"
    assert nationality["explanation"][0] == (
        "No nationality is established yet; the evidence listed would settle it."
    )
    assert nationality["missing_text"] == ["a recognition of paternity"]
    assert nationality["referral_note"].startswith("Refer to the supervisor")

    code, shown, error = run(capsys, "register", "birth", LATE_BIRTH, "--officer", "registrar")
    assert code == 5 and shown["duplicate_of"]["register_number"] == NUMBER
    assert "already registered as UTO-GVA/B/2026/000001" in error
    assert "same child's names" in error

    code, _, error = run(capsys, "certificate", NUMBER, "--out", "x.pdf", "--officer", "registrar")
    assert code == 5 and "registered entries only" in error
    code, _, error = run(capsys, "civil", "approve", NUMBER, "--officer", "registrar")
    assert code == 3 and "Only a supervisor" in error
    signs_in(monkeypatch, "supervisor")
    code, pending, _ = run(capsys, "civil", "pending")
    assert [p["register_number"] for p in pending] == [NUMBER]
    code, _, error = run(capsys, "civil", "approve", NUMBER, "--officer", "supervisor")
    assert code == 2 and "reason_for_delay" in error
    code, approved, _ = run(
        capsys,
        "civil",
        "approve",
        NUMBER,
        "--officer",
        "supervisor",
        "--evidence",
        "reason_for_delay",
    )
    assert code == 0 and approved["state"] == "registered"
    signs_in(monkeypatch, "registrar")

    first = folder / "birth.pdf"
    code, made, _ = run(
        capsys, "certificate", NUMBER, "--out", str(first), "--officer", "registrar"
    )
    assert code == 0 and first.read_bytes().startswith(b"%PDF")
    assert run(capsys, "verify", str(first))[0] == 0

    code, annotated, _ = run(capsys, "annotate", NUMBER, RECOGNITION, "--officer", "registrar")
    assert code == 0 and annotated["nationality"]["outcome"] == "acquires"
    assert annotated["nationality"]["nationalities"] == ["UTO"]
    assert annotated["annotations"][0]["kind"] == "recognition_of_paternity"
    assert annotated["persons"]["father"] is not None
    assert run(capsys, "civil", "referrals")[1] == []

    code, original, _ = run(capsys, "civil", "show", NUMBER, "--as-of", "0")
    assert original["view"]["paternity_recognition"] is None
    assert original["nationality"]["outcome"] == "needs_more_evidence"
    code, current, _ = run(capsys, "civil", "show", NUMBER)
    assert current["view"]["paternity_recognition"]["recognised_on"] == "2026-11-20"

    again = folder / "birth-2.pdf"
    code, remade, _ = run(
        capsys, "certificate", NUMBER, "--out", str(again), "--officer", "registrar"
    )
    assert code == 0 and remade["seal"] != made["seal"]
    assert run(capsys, "verify", str(again))[0] == 0
    extract = folder / "extract.pdf"
    code, _, _ = run(
        capsys, "certificate", NUMBER, "--kind", "extract", "--out", str(extract), "--officer",
        "registrar",
    )  # fmt: skip
    assert code == 0 and extract.read_bytes().startswith(b"%PDF")
    signs_in(monkeypatch, "supervisor")
    code, log, _ = run(
        capsys, "audit", "log", "--record", f"civil_entry:{NUMBER}", "--officer", "supervisor"
    )
    assert [e["action"] for e in reversed(log)] == [
        "civil.registered",
        "civil.approved",
        "civil.certificate",
        "civil.annotated",
        "civil.nationality_changed",
        "civil.certificate",
        "civil.certificate",
    ]
    assert [e["details"]["kind"] for e in log if e["action"] == "civil.certificate"] == [
        "extract",
        "full",
        "full",
    ]


def test_current_birth_marriage_and_death_in_text(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    registered = []
    for kind, name in (("birth", "birth-current"), ("marriage", "marriage"), ("death", "death")):
        code = main(["register", kind, str(EXAMPLES / f"{name}.json"), "--officer", "registrar"])
        registered.append((code, capsys.readouterr().out))
    assert [code for code, _ in registered] == [0, 0, 0]
    birth_text = registered[0][1].splitlines()
    assert birth_text[0] == "UTO-GVA/B/2026/000001  birth, current, registered"
    assert "Nationality: acquires (UTO)" in birth_text
    assert "  - The mother transmits the nationality of UTO by descent." in birth_text
    assert registered[1][1].startswith("UTO-GVA/M/2026/000001  marriage, current, registered")
    assert registered[2][1].startswith("UTO-GVA/D/2026/000001  death, current, registered")
    assert "Nationality" not in registered[2][1]
    assert main(["civil", "list", "--kind", "birth"]) == 0
    assert capsys.readouterr().out.startswith("UTO-GVA/B/2026/000001")


def test_refusals_name_the_fields_and_write_nothing(
    folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    data = json.loads((EXAMPLES / "birth-current.json").read_text())
    data["evidence_presented"] = ["parent_identity"]
    data["mother"]["nationalities"][0]["code"] = "QQQ"
    path = folder / "bad.json"
    path.write_text(json.dumps(data))
    code, _, error = run(capsys, "register", "birth", str(path), "--officer", "registrar")
    assert code == 2 and "QQQ is not an ISO 3166 or ICAO country code" in error
    data["mother"]["nationalities"][0]["code"] = "UTO"
    path.write_text(json.dumps(data))
    code, _, error = run(capsys, "register", "birth", str(path), "--officer", "registrar")
    assert code == 2 and "local_birth_certificate" in error
    signs_in(monkeypatch, "clerk")
    code, _, _ = run(capsys, "register", "birth", LATE_BIRTH, "--officer", "clerk")
    assert code == 3
    assert run(capsys, "civil", "list")[1] == []
    code, _, _ = run(capsys, "civil", "show", "UTO-GVA/B/2026/000009")
    assert code == 4
