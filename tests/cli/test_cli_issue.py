"""`consular issue id-card|etd`: from the registry to an issued, signed, rendered document."""

import json
import subprocess
from pathlib import Path

import pytest

from templates import DocumentView, load_layout, render_pdf
from tests.support.demo_post import etd_request, init_clerk_post, open_services
from tests.support.portraits import compliant_jpeg
from workstation.cli import main
from workstation.domain.numbering import check_digit

ERIKSSON = {
    "surname": "Eriksson",
    "given_names": "Anna Maria",
    "sex": "F",
    "birth_date": "1974-08-12",
    "nationality": "UTO",
}


@pytest.fixture
def post(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> Path:
    init_clerk_post(tmp_path, monkeypatch, ERIKSSON)
    # The card carries the processed portrait: the photo must be a real, compliant one.
    (tmp_path / "photo.jpg").write_bytes(compliant_jpeg())
    capsys.readouterr()
    return tmp_path


def test_an_id_card_is_issued_and_its_pdf_written(
    post: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = post / "card.pdf"
    code = main(
        [
            "--json",
            "issue",
            "id-card",
            "1",
            "--photo",
            str(post / "photo.jpg"),
            "--out",
            str(out),
            "--officer",
            "clerk",
        ]
    )
    issued = json.loads(capsys.readouterr().out)
    assert code == 0 and issued["number"].startswith("CI000001")
    assert issued["mrz"][0].startswith("ICUTO" + issued["number"])
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True)
    assert "Pages:           2" in info.stdout and "242.646 x 153.014 pts" in info.stdout


def test_an_etd_waits_for_a_supervisor(
    post: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert main(etd_request("X1234567 (stolen)", "--transit", "DOH")) == 0
    request = capsys.readouterr().out.strip()
    assert main(["document", "issue", request, "--officer", "clerk"]) == 5  # not approved yet
    monkeypatch.setenv("CONSULAR_PASSWORD", "supervisor-demo-1")
    assert main(["document", "approve", request, "--officer", "supervisor"]) == 0
    monkeypatch.setenv("CONSULAR_PASSWORD", "clerk-demo-1")
    capsys.readouterr()
    assert main(["--json", "document", "issue", request, "--officer", "clerk"]) == 0
    assert json.loads(capsys.readouterr().out)["number"].startswith("ET")
    assert main(["document", "pdf", request, "--out", str(post / "etd.pdf")]) == 0
    text = subprocess.run(
        ["pdftotext", str(post / "etd.pdf"), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Utopia City" in text and "X1234567 (stolen)" in text


def test_a_card_without_a_readable_photo_is_refused(
    post: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (post / "notes.txt").write_text("not a photo")
    code = main(["issue", "id-card", "1", "--photo", str(post / "notes.txt"), "--officer", "clerk"])
    assert code == 2 and "Photo" in capsys.readouterr().err
    assert main(["document", "show", "1"]) == 4  # no request was left behind


def test_an_issued_card_verifies_from_its_pdf_and_an_altered_one_does_not(
    post: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    card = _issue_card(post)
    capsys.readouterr()
    assert main(["--json", "verify", str(card)]) == 0
    (seal,) = json.loads(capsys.readouterr().out)["seals"]
    assert seal["profile"] == "consular ID card" and seal["printed_mrz_matches"] is True
    assert seal["mrz"][2].startswith("ERIKSSON<<ANNA<MARIA")
    # Someone reprints the card with another name in the MRZ and keeps the genuine seal.
    forged = post / "forged.pdf"
    view = DocumentView(
        seal["mrz"][0][5:14],
        {"surname": "MALLORY"},
        (seal["mrz"][0], seal["mrz"][1], "MALLORY<<EVE" + "<" * 18),
        bytes.fromhex(_seal_hex(post)),
        None,
    )
    forged.write_bytes(render_pdf(load_layout("consular_id_card"), view, specimen=False))
    code = main(["verify", str(forged)])
    assert code == 6
    assert "not the one the seal signed" in capsys.readouterr().out


def _seal_hex(post: Path) -> str:
    with open_services(post / "post") as services:
        return str(services.documents.get(1).data["seal"])


def test_a_preview_is_marked_specimen_and_uses_no_number(
    post: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(etd_request("X1234567 (lost)")) == 0
    request = capsys.readouterr().out.strip()
    preview = post / "preview.pdf"
    assert main(["document", "preview", request, "--out", str(preview)]) == 0
    text = subprocess.run(
        ["pdftotext", "-raw", str(preview), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "SPECIMEN" in " ".join(text.split()) and "Utopia City" in text
    assert "ET000000" + check_digit("ET000000") in text  # a number no real document has
    capsys.readouterr()
    assert main(["--json", "numbering", "check"]) == 0
    stock = json.loads(capsys.readouterr().out)
    assert [s["last_sequence"] for s in stock] == [0, 0]


def test_the_seal_verifies_from_a_300_dpi_scan_of_the_card(
    post: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    card = _issue_card(post)
    subprocess.run(
        [
            "pdftoppm",
            "-r",
            "300",
            "-png",
            "-f",
            "2",
            "-l",
            "2",
            "-singlefile",
            str(card),
            str(post / "back"),
        ],
        check=True,
    )
    capsys.readouterr()
    assert main(["verify", str(post / "back.png")]) == 0
    assert "VALID" in capsys.readouterr().out


def _issue_card(post: Path) -> Path:
    """Issue the card of person 1 and return its PDF."""
    card = post / "card.pdf"
    argv = ["issue", "id-card", "1", "--photo", str(post / "photo.jpg"), "--out", str(card)]
    assert main([*argv, "--officer", "clerk"]) == 0
    return card
