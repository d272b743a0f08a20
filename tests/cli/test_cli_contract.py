"""The CLI contract scripts rely on: commands, output, exit codes, nothing written on bad input."""

import json
from pathlib import Path
from typing import Any

import pytest

from workstation.cli import main

JUERGEN = {
    "surname": "Müller-Lüdenscheid",
    "given_names": "Jürgen",
    "sex": "M",
    "birth_date": "1971-03-14",
    "place_of_birth": "Lüdenscheid",
    "nationality": "UTO",
}


@pytest.fixture
def data_dir(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> Path:
    folder = tmp_path / "post"
    monkeypatch.setenv("CONSULAR_DATA_DIR", str(folder))
    monkeypatch.delenv("CONSULAR_PASSWORD", raising=False)
    assert main(["init", "--demo"]) == 0
    capsys.readouterr()
    return folder


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _person_file(tmp_path: Path, data: dict[str, Any], name: str = "person.json") -> str:
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return str(path)


def test_init_demo_prints_the_accounts_and_refuses_a_second_time(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = str(tmp_path / "demo")
    code, out, _ = _run(capsys, "--data-dir", folder, "init", "--demo")
    assert code == 0
    for username, password in [("clerk", "clerk-demo-1"), ("supervisor", "supervisor-demo-1")]:
        assert username in out and password in out
    assert (tmp_path / "demo" / "site.toml").exists()
    code, _, err = _run(capsys, "--data-dir", folder, "init", "--demo")
    assert code == 5 and "initialised already" in err
    code, out, _ = _run(capsys, "--data-dir", folder, "--json", "init", "--demo", "--existing-ok")
    assert code == 0 and json.loads(out)["initialised"] is False


def _head_revision() -> str:
    """The newest migration: the schema a fresh post is created at."""
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from workstation.storage.migrate import MIGRATIONS

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    head = ScriptDirectory.from_config(config).get_current_head()
    assert head is not None
    return head


def test_info_names_version_database_and_post(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = _run(capsys, "--json", "info")
    info = json.loads(out)
    assert code == 0
    assert info["post"]["issuing_state"] == "UTO"
    assert info["database"]["backend"] == "sqlite"
    assert info["database"]["revision"] == _head_revision()
    assert str(data_dir) in info["data_dir"]


def test_a_person_added_is_found_by_mueller_and_muller(
    data_dir: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("CONSULAR_PASSWORD", "clerk-demo-1")
    code, out, _ = _run(
        capsys, "person", "add", _person_file(tmp_path, JUERGEN), "--officer", "clerk"
    )
    assert code == 0
    person_id = int(out.strip())
    for term in ("mueller", "MULLER", "Müller", "lüdenscheid jürgen"):
        code, out, _ = _run(capsys, "--json", "person", "search", term)
        assert code == 0
        assert [r["id"] for r in json.loads(out)["results"]] == [person_id], term
    code, out, _ = _run(capsys, "person", "search", "mueller", "--born", "1971")
    assert "MÜLLER-LÜDENSCHEID, Jürgen" in out
    code, out, _ = _run(capsys, "person", "search", "mueller", "--born", "1972-03")
    assert "No person found." in out
    code, out, _ = _run(capsys, "--json", "person", "show", str(person_id))
    assert json.loads(out)["place_of_birth"] == "Lüdenscheid"


def test_a_malformed_birth_date_is_refused_naming_the_field_and_nothing_is_written(
    data_dir: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("CONSULAR_PASSWORD", "clerk-demo-1")
    _, before, _ = _run(capsys, "--json", "info")
    bad = _person_file(tmp_path, {**JUERGEN, "birth_date": "1971-14-03"})
    code, out, err = _run(capsys, "person", "add", bad, "--officer", "clerk")
    assert code == 2 and out == ""
    assert "Birth date" in err and "1971-14-03" in err
    code, _, err = _run(capsys, "--json", "person", "add", bad, "--officer", "clerk")
    assert code == 2
    assert json.loads(err)["errors"] == [
        {"field": "birth_date", "message": "Birth date has no such month: 1971-14-03."}
    ]
    _, after, _ = _run(capsys, "--json", "info")
    assert json.loads(after)["persons"] == json.loads(before)["persons"] == 0
    # Signing in is audited; the refused person is not.
    assert json.loads(after)["audit_entries"] == json.loads(before)["audit_entries"] + 2


def test_a_file_that_is_not_json_is_named(
    data_dir: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("CONSULAR_PASSWORD", "clerk-demo-1")
    path = tmp_path / "broken.json"
    path.write_text('{"surname": "Eriksson",\n "sex": }', encoding="utf-8")
    code, _, err = _run(capsys, "person", "add", str(path), "--officer", "clerk")
    assert code == 2 and "broken.json" in err and "line 2" in err


def test_wrong_or_missing_password_exits_3(
    data_dir: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    person = _person_file(tmp_path, JUERGEN)
    code, _, err = _run(capsys, "person", "add", person, "--officer", "clerk")
    assert code == 3 and "CONSULAR_PASSWORD" in err
    monkeypatch.setenv("CONSULAR_PASSWORD", "wrong-password")
    code, _, err = _run(capsys, "person", "add", person, "--officer", "clerk")
    assert code == 3 and "Wrong user name or password" in err


def test_document_lifecycle_from_the_command_line(
    data_dir: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("CONSULAR_PASSWORD", "clerk-demo-1")
    _, out, _ = _run(capsys, "person", "add", _person_file(tmp_path, JUERGEN), "--officer", "clerk")
    person_id = out.strip()
    monkeypatch.setenv("CONSULAR_KEY_PASSPHRASE", "demo-signing-key")
    code, out, _ = _run(
        capsys,
        "issue",
        "etd",
        person_id,
        "--destination",
        "Utopia City",
        "--replaces",
        "X1234567 (lost)",
        "--officer",
        "clerk",
    )
    document_id = out.strip()
    assert code == 0
    code, _, err = _run(capsys, "document", "approve", document_id, "--officer", "clerk")
    assert code == 3 and "may not" in err
    monkeypatch.setenv("CONSULAR_PASSWORD", "supervisor-demo-1")
    assert _run(capsys, "document", "approve", document_id, "--officer", "supervisor")[0] == 0
    code, out, _ = _run(
        capsys, "--json", "document", "issue", document_id, "--officer", "supervisor"
    )
    issued = json.loads(out)
    assert code == 0 and issued["state"] == "issued" and issued["number"].startswith("ET")
    code, _, err = _run(capsys, "document", "void", document_id, "--officer", "supervisor")
    assert code == 2 and "reason" in err.lower()
    code, out, _ = _run(capsys, "--json", "numbering", "check")
    assert code == 0 and all(series["ok"] for series in json.loads(out))
    code, out, _ = _run(capsys, "audit", "verify")
    assert code == 0 and "intact" in out


def test_officer_accounts_are_managed_by_the_administrator(
    data_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CONSULAR_PASSWORD", "admin-demo-1")
    monkeypatch.setenv("CONSULAR_NEW_PASSWORD", "new-clerk-pass")
    code, out, _ = _run(
        capsys,
        "officer",
        "add",
        "clerk2",
        "--full-name",
        "Chris Clerk",
        "--role",
        "clerk",
        "--officer",
        "admin",
    )
    assert code == 0 and int(out)
    code, out, _ = _run(capsys, "--json", "officer", "list", "--officer", "admin")
    assert "clerk2" in [o["username"] for o in json.loads(out)]
    monkeypatch.setenv("CONSULAR_PASSWORD", "clerk-demo-1")
    code, _, _ = _run(capsys, "officer", "list", "--officer", "clerk")
    assert code == 3


def test_db_status_and_upgrade(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "--json", "db", "status")
    assert code == 0 and json.loads(out)["up_to_date"] is True
    code, out, _ = _run(capsys, "db", "upgrade")
    assert code == 0 and _head_revision() in out


def test_a_broken_site_configuration_names_the_key(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = data_dir / "site.toml"
    site.write_text(
        site.read_text().replace('time_zone = "Europe/Zurich"', 'time_zone = "Europe/Geneva"')
    )
    code, _, err = _run(capsys, "info")
    assert code == 2 and "post.time_zone" in err and "site.toml" in err
