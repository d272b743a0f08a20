"""``consular person update ID FILE``: the same contract as ``person add`` (exit 2 naming the
field, nothing written), 4 for an unknown person, 5 when ``--expect`` finds the record changed."""

import json
from pathlib import Path
from typing import Any

import pytest

from workstation.cli import main

JUERGEN = {
    "surname": "Muller",
    "given_names": "Jürgen",
    "sex": "M",
    "birth_date": "1971-03-14",
    "nationality": "UTO",
}


@pytest.fixture
def data_dir(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> Path:
    folder = tmp_path / "post"
    monkeypatch.setenv("CONSULAR_DATA_DIR", str(folder))
    monkeypatch.setenv("CONSULAR_PASSWORD", "clerk-demo-1")
    assert main(["init", "--demo"]) == 0
    capsys.readouterr()
    return folder


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _file(tmp_path: Path, data: Any, name: str) -> str:
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return str(path)


def _added(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> int:
    code, out, _ = _run(
        capsys, "person", "add", _file(tmp_path, JUERGEN, "add.json"), "--officer", "clerk"
    )
    assert code == 0
    return int(out.strip())


def _audit_entries(capsys: pytest.CaptureFixture[str]) -> int:
    _, info, _ = _run(capsys, "--json", "info")
    return int(json.loads(info)["audit_entries"])


def test_show_output_edited_in_place_corrects_the_record(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    person_id = _added(tmp_path, capsys)
    _, shown, _ = _run(capsys, "--json", "person", "show", str(person_id))
    before = _file(tmp_path, json.loads(shown), "before.json")
    record = json.loads(shown)
    record["surname"] = "Müller-Lüdenscheid"
    del record["surname_latin"]  # stored as given: left out, it follows the written name
    record["identifiers"] = [{"kind": "passport", "number": "X1234567", "issuer": "UTO"}]
    edited = _file(tmp_path, record, "edited.json")

    code, out, err = _run(
        capsys, "person", "update", str(person_id), edited, "--officer", "clerk", "--expect", before
    )
    assert (code, err) == (0, "")
    assert out.strip() == f"{person_id} MÜLLER-LÜDENSCHEID, Jürgen"
    code, out, _ = _run(capsys, "--json", "person", "search", "ludenscheid")
    assert [r["id"] for r in json.loads(out)["results"]] == [person_id]
    _, shown, _ = _run(capsys, "--json", "person", "show", str(person_id))
    assert json.loads(shown)["identifiers"][0]["number"] == "X1234567"

    # The record the edit started from is stale now: exit 5, nothing written.
    entries = _audit_entries(capsys)
    record["phone"] = "+41 22 555 01 23"
    code, out, err = _run(
        capsys,
        "--json",
        "person",
        "update",
        str(person_id),
        _file(tmp_path, record, "again.json"),
        "--officer",
        "clerk",
        "--expect",
        before,
    )
    assert code == 5 and out == ""
    assert json.loads(err)["error"] == "person.changed_meanwhile"
    assert "changed by someone else" in json.loads(err)["message"]
    assert _audit_entries(capsys) == entries + 1  # the sign-in only


def test_a_bad_field_exits_2_naming_it_and_nothing_is_written(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    person_id = _added(tmp_path, capsys)
    entries = _audit_entries(capsys)
    bad = _file(tmp_path, {**JUERGEN, "surname": "Mueller", "birth_date": "1971-14-03"}, "b.json")
    code, out, err = _run(
        capsys, "--json", "person", "update", str(person_id), bad, "--officer", "clerk"
    )
    assert code == 2 and out == ""
    assert json.loads(err)["errors"] == [
        {"field": "birth_date", "message": "Birth date has no such month: 1971-14-03."}
    ]
    code, _, err = _run(capsys, "person", "update", str(person_id), bad, "--officer", "clerk")
    assert code == 2 and "Birth date" in err
    _, shown, _ = _run(capsys, "--json", "person", "show", str(person_id))
    assert json.loads(shown)["surname"] == "Muller"
    assert _audit_entries(capsys) == entries + 2  # the two sign-ins only


def test_an_id_in_the_file_for_another_person_is_refused_at_the_id(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    person_id = _added(tmp_path, capsys)
    other = _file(tmp_path, {**JUERGEN, "id": person_id + 7}, "other.json")
    code, _, err = _run(
        capsys, "--json", "person", "update", str(person_id), other, "--officer", "clerk"
    )
    assert code == 2
    assert json.loads(err)["errors"][0]["field"] == "id"


def test_a_bad_expect_file_is_named_as_such(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    person_id = _added(tmp_path, capsys)
    data = _file(tmp_path, JUERGEN, "data.json")
    expect = _file(tmp_path, {**JUERGEN, "sex": "male"}, "expect.json")
    code, _, err = _run(
        capsys,
        "--json",
        "person",
        "update",
        str(person_id),
        data,
        "--officer",
        "clerk",
        "--expect",
        expect,
    )
    assert code == 2
    assert [e["field"] for e in json.loads(err)["errors"]] == ["expect.sex"]


def test_an_unknown_person_exits_4_and_a_wrong_password_3(
    data_dir: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    data = _file(tmp_path, JUERGEN, "data.json")
    code, _, err = _run(capsys, "person", "update", "999", data, "--officer", "clerk")
    assert code == 4 and "No person with id 999" in err
    monkeypatch.setenv("CONSULAR_PASSWORD", "wrong-password")
    code, _, _ = _run(capsys, "person", "update", "999", data, "--officer", "clerk")
    assert code == 3
