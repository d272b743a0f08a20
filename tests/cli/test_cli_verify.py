"""``consular verify``: anyone checks a printed document's seal, no sign-in; exit 0 genuine,
6 not genuine or signer not trusted here, 2 nothing readable."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
from pathlib import Path

import pytest

from templates import DocumentView, load_layout, render_pdf
from workstation.cli import main
from workstation.domain.vds import encode_etd_seal, etd_header
from workstation.security import keys as k
from workstation.security.seal_verifier import sign_seal
from workstation.services.keys import DEMO_KEY_PASSPHRASE
from workstation.wiring import build_services

# The ICAO specimen ETD, valid until 2036 (the specimen itself expired on 27 June 2026).
ETD_MRZ = ("PUUTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<", "D231458907UTO7408122F3606274<<<<<<<6")
ISSUED = dt.date(2026, 11, 20)


@pytest.fixture
def demo(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    folder = tmp_path / "demo"
    assert main(["--data-dir", str(folder), "init", "--demo"]) == 0
    capsys.readouterr()
    return folder


def _our_seal(demo: Path) -> bytes:
    store = k.KeyStore.for_data_dir(demo)
    identity = store.load_signer_identity()
    signed = encode_etd_seal(
        etd_header("UTO", identity.signer, identity.cert_ref, ISSUED, ISSUED), ETD_MRZ
    )
    return sign_seal(signed, store.load_signer_key(DEMO_KEY_PASSPHRASE))


def _foreign_seal() -> bytes:
    """Signed by another post (signer UTNB) whose certificates we were never given."""
    other = k.create_demo_keys("UT", "NB", "Embassy of Utopia, Nairobi", dt.datetime.now(dt.UTC))
    signed = encode_etd_seal(
        etd_header("UTO", other.signer.signer, other.signer.cert_ref, ISSUED, ISSUED), ETD_MRZ
    )
    return sign_seal(signed, other.signer_key)


def _pdf(path: Path, seal: bytes | None) -> Path:
    view = DocumentView(document_number="D23145890", mrz=ETD_MRZ, seal=seal)
    path.write_bytes(render_pdf(load_layout("emergency_travel_document"), view, specimen=False))
    return path


def _pdftoppm() -> str:
    tool = shutil.which("pdftoppm")
    if tool is None:
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    return tool


def test_our_pdf_verifies_without_sign_in(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _pdftoppm()
    monkeypatch.delenv("CONSULAR_PASSWORD", raising=False)
    pdf = _pdf(tmp_path / "etd.pdf", _our_seal(demo))
    assert main(["--data-dir", str(demo), "verify", str(pdf)]) == 0
    out = capsys.readouterr().out
    assert "VALID" in out and "NOT VALID" not in out
    assert "UTGV" in out and "ICAO ETD" in out
    for line in ETD_MRZ:
        assert line in out


def test_a_png_of_the_page_verifies(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tool = _pdftoppm()
    pdf = _pdf(tmp_path / "etd.pdf", _our_seal(demo))
    subprocess.run(
        [tool, "-r", "600", "-png", "-singlefile", str(pdf), str(tmp_path / "scan")],
        check=True,
        timeout=120,
    )
    assert main(["--data-dir", str(demo), "--json", "verify", str(tmp_path / "scan.png")]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["verdict"] == "valid"
    [seal] = report["seals"]
    assert (seal["signer"], seal["cert_ref"], seal["profile"]) == ("UTGV", "10", "ICAO ETD")
    assert seal["mrz"] == list(ETD_MRZ)
    assert seal["issue_date"] == ISSUED.isoformat()


def test_hex_input_and_json_report(demo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    seal = _our_seal(demo)
    assert main(["--data-dir", str(demo), "--json", "verify", "--hex", seal.hex()]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["seals"][0]["code"] == "vds.verify.valid"
    tampered = seal[:-1] + bytes([seal[-1] ^ 1])
    assert main(["--data-dir", str(demo), "verify", "--hex", tampered.hex()]) == 6
    assert "does not match" in capsys.readouterr().out


def test_a_seal_from_a_post_we_do_not_trust_is_exit_6(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _pdftoppm()
    pdf = _pdf(tmp_path / "foreign.pdf", _foreign_seal())
    assert main(["--data-dir", str(demo), "verify", str(pdf)]) == 6
    out = capsys.readouterr().out
    assert "unknown signer" in out and "UTNB" in out
    assert main(["--data-dir", str(demo), "--json", "verify", str(pdf)]) == 6
    report = json.loads(capsys.readouterr().out)
    assert report["verdict"] == "invalid"
    assert report["seals"][0]["code"] == "vds.verify.unknown_signer"


def test_a_pdf_without_a_seal_is_exit_2_with_a_clear_message(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _pdftoppm()
    pdf = _pdf(tmp_path / "plain.pdf", None)
    assert main(["--data-dir", str(demo), "verify", str(pdf)]) == 2
    err = capsys.readouterr().err
    assert "no visible digital seal" in err and "plain.pdf" in err


def test_unreadable_inputs_are_exit_2(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = tmp_path / "notes.txt"
    text.write_text("not a document")
    assert main(["--data-dir", str(demo), "verify", str(text)]) == 2
    assert "cannot read this file" in capsys.readouterr().err
    assert main(["--data-dir", str(demo), "verify", str(tmp_path / "missing.pdf")]) == 2
    assert "missing.pdf" in capsys.readouterr().err
    assert main(["--data-dir", str(demo), "--json", "verify", "--hex", "not hex"]) == 2
    assert json.loads(capsys.readouterr().err)["error"] == "verify.bad_hex"


def test_verification_writes_no_audit_entry(demo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    def audit_entries() -> int:
        services = build_services(demo)
        try:
            return services.audit.verify().entries_checked
        finally:
            services.close()

    before = audit_entries()
    assert before > 0
    assert main(["--data-dir", str(demo), "verify", "--hex", _our_seal(demo).hex()]) == 0
    assert main(["--data-dir", str(demo), "verify", "--hex", _foreign_seal().hex()]) == 6
    assert audit_entries() == before


def test_a_verifier_with_no_post_trusts_what_it_is_given(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A border officer's machine: no post, just the issuing post's published trust list."""
    post = tmp_path / "post"
    assert main(["--data-dir", str(post), "init", "--demo"]) == 0
    trust = tmp_path / "utopia-trust.json"
    assert main(["--data-dir", str(post), "keys", "export-trust", "--out", str(trust)]) == 0
    store = k.KeyStore.for_data_dir(post)
    identity = store.load_signer_identity()
    header = etd_header(
        "UTO", identity.signer, identity.cert_ref, dt.date(2026, 11, 25), dt.date(2026, 11, 25)
    )
    seal = sign_seal(encode_etd_seal(header, ETD_MRZ), store.load_signer_key(DEMO_KEY_PASSPHRASE))
    elsewhere = str(tmp_path / "border")
    capsys.readouterr()
    assert main(["--data-dir", elsewhere, "verify", "--hex", seal.hex()]) == 2  # no post, no trust
    capsys.readouterr()
    assert (
        main(["--data-dir", elsewhere, "verify", "--hex", seal.hex(), "--trust", str(trust)]) == 0
    )
    assert "VALID" in capsys.readouterr().out
    signer_pem = post / "keys" / "signer.crt.pem"
    assert (
        main(["--data-dir", elsewhere, "verify", "--hex", seal.hex(), "--trust", str(signer_pem)])
        == 0
    )
    capsys.readouterr()
    csca = post / "keys" / "csca.crt.pem"
    assert main(["--data-dir", elsewhere, "verify", "--hex", seal.hex(), "--trust", str(csca)]) == 2
    assert "CA certificate alone" in capsys.readouterr().err
