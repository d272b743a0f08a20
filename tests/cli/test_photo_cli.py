"""`consular photo check|attach|list|export` and the photo in `consular issue id-card`."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import pytest
from PIL import Image

from tests.support import portraits as samples
from tests.support.demo_post import etd_request, init_clerk_post, open_services, run_cli

OLD = dt.datetime(2025, 1, 10, 12, 0)
COLLINS = {
    "surname": "Collins",
    "given_names": "Eileen",
    "sex": "F",
    "birth_date": "1956-11-19",
    "nationality": "UTO",
}


@pytest.fixture
def files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("CONSULAR_DATA_DIR", str(tmp_path / "no-post"))
    (tmp_path / "good.jpg").write_bytes(samples.compliant_jpeg())
    (tmp_path / "small.png").write_bytes(samples.png(samples.astronaut()))
    (tmp_path / "old.jpg").write_bytes(samples.jpeg(samples.good(), captured=OLD))
    (tmp_path / "notes.txt").write_text("not a photo")
    return tmp_path


def test_check_prints_every_check_and_writes_the_portrait(
    files: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out, chip = files / "portrait.jpg", files / "chip.jpg"
    code, text, _ = run_cli(
        capsys,
        "photo",
        "check",
        str(files / "good.jpg"),
        "--out",
        str(out),
        "--chip-out",
        str(chip),
    )
    assert code == 0
    lines = text.splitlines()
    assert sum(line.startswith("PASS") for line in lines) == 11
    assert any("distance between the eyes" in line and "(>= 90)" in line for line in lines)
    assert "COMPLIANT" in lines
    assert Image.open(out).size == (413, 531)
    assert chip.stat().st_size <= 15000


def test_check_of_a_non_compliant_photo_exits_6_and_names_the_check(
    files: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, text, _ = run_cli(capsys, "photo", "check", str(files / "small.png"), "--json")
    report = json.loads(text)
    assert code == 6 and report["compliant"] is False and report["failed"] == ["eye_distance"]
    (eyes,) = [c for c in report["checks"] if c["code"] == "eye_distance"]
    assert eyes["value"] < 90 and eyes["threshold"] == ">= 90" and eyes["passed"] is False
    code, text, _ = run_cli(capsys, "photo", "check", str(files / "small.png"))
    assert code == 6
    assert any(
        line.startswith("FAIL")
        and "distance between the eyes" in line
        and "below the minimum" in line
        for line in text.splitlines()
    )


def test_check_of_an_unreadable_file_exits_2(
    files: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run_cli(capsys, "photo", "check", str(files / "notes.txt"))
    assert code == 2 and "not a readable JPEG or PNG" in err
    code, _, _ = run_cli(capsys, "photo", "check", str(files / "missing.jpg"))
    assert code == 2


@pytest.fixture
def post(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> Path:
    init_clerk_post(tmp_path, monkeypatch, COLLINS)
    (tmp_path / "good.jpg").write_bytes(samples.compliant_jpeg())
    (tmp_path / "old.jpg").write_bytes(samples.jpeg(samples.good(), captured=OLD))
    capsys.readouterr()
    return tmp_path


def test_the_site_configuration_sets_the_thresholds(
    post: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (post / "small.png").write_bytes(samples.png(samples.astronaut()))
    assert run_cli(capsys, "photo", "check", str(post / "small.png"))[0] == 6
    site = post / "post" / "site.toml"
    site.write_text(site.read_text() + "\n[photo]\nmin_eye_distance_px = 40\n")
    assert run_cli(capsys, "photo", "check", str(post / "small.png"))[0] == 0
    site.write_text(site.read_text() + "smile_required = true\n")
    code, _, err = run_cli(capsys, "photo", "check", str(post / "small.png"))
    assert code == 2 and "photo.smile_required" in err


def test_a_card_with_an_old_photo_is_refused_unless_overridden_and_the_override_is_audited(
    post: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    card = ["issue", "id-card", "1", "--photo", str(post / "old.jpg"), "--officer", "clerk"]
    code, _, err = run_cli(capsys, *card)
    assert code == 2 and "photo_age" in err and "not compliant" in err
    assert run_cli(capsys, "document", "show", "1")[0] == 4  # no request was recorded
    code, _, err = run_cli(capsys, *card, "--override", "face_count=trust me")
    assert code == 2 and "cannot be overridden" in err
    justification = "Compared with the applicant at the counter"
    code, out, _ = run_cli(
        capsys,
        "--json",
        *card,
        "--override",
        f"photo_age={justification}",
        "--out",
        str(post / "card.pdf"),
    )
    assert code == 0 and json.loads(out)["number"].startswith("CI")
    monkeypatch.setenv("CONSULAR_PASSWORD", "supervisor-demo-1")
    code, out, _ = run_cli(capsys, "--json", "audit", "log", "--officer", "supervisor")
    entries = json.loads(out)
    (override,) = [e for e in entries if e["action"] == "photo.check_overridden"]
    assert override["record"] == "person:1"
    assert override["details"]["code"] == "photo_age"
    assert override["details"]["justification"] == justification
    assert override["details"]["value"] > 183
    # The card carries the processed portrait, not the file given.
    code, out, _ = run_cli(capsys, "--json", "photo", "list", "1", "--officer", "supervisor")
    (stored,) = json.loads(out)
    assert stored["document_id"] == 1 and stored["compliant"] is False
    assert stored["overrides"] == [{"code": "photo_age", "justification": justification}]
    portrait = post / "portrait.jpg"
    assert (
        run_cli(
            capsys,
            "photo",
            "export",
            str(stored["id"]),
            "--portrait",
            str(portrait),
            "--officer",
            "supervisor",
        )[0]
        == 0
    )
    assert Image.open(portrait).size == (413, 531)
    with open_services(post / "post") as services, services.db.reading() as uow:
        assert uow.documents.file(1, "portrait") == ("image/jpeg", portrait.read_bytes())


def test_an_etd_request_carries_the_processed_portrait(
    post: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run_cli(
        capsys, *etd_request("X1234567 (lost)", "--photo", str(post / "good.jpg"))
    )
    assert code == 0
    with open_services(post / "post") as services, services.db.reading() as uow:
        found = uow.documents.file(int(out), "portrait")
        (stored,) = uow.portraits.for_person(1)
        processed = uow.portraits.images(stored.id)
    assert processed is not None and found == ("image/jpeg", processed.print_jpeg)
    assert stored.document_id == int(out) and stored.compliant


def test_attach_list_and_export_for_a_supervisor_to_compare(
    post: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run_cli(
        capsys, "photo", "attach", "1", str(post / "good.jpg"), "--officer", "clerk"
    )
    assert code == 0
    portrait_id = out.strip()
    code, _, err = run_cli(
        capsys, "photo", "attach", "1", str(post / "old.jpg"), "--officer", "clerk"
    )
    assert code == 2 and "photo_age" in err
    code, _, err = run_cli(
        capsys,
        "photo",
        "attach",
        "1",
        str(post / "old.jpg"),
        "--override",
        "photo_age",
        "--officer",
        "clerk",
    )
    assert code == 2 and "CHECK=JUSTIFICATION" in err
    code, out, _ = run_cli(capsys, "photo", "list", "1", "--officer", "clerk")
    assert code == 0 and out.split()[0] == portrait_id and "compliant" in out
    original, printed = post / "original.jpg", post / "printed.jpg"
    code, _, _ = run_cli(
        capsys,
        "photo",
        "export",
        portrait_id,
        "--original",
        str(original),
        "--portrait",
        str(printed),
        "--officer",
        "clerk",
    )
    assert code == 0
    assert original.read_bytes() == (post / "good.jpg").read_bytes()
    assert Image.open(io.BytesIO(printed.read_bytes())).size == (413, 531)
    assert run_cli(capsys, "photo", "list", "7", "--officer", "clerk")[0] == 4
