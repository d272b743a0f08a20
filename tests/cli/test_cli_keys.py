"""The post's signing keys from the command line: demo keys, a CSR answered by the country's CA,
trust lists exchanged between posts."""

import datetime as dt
import json
import stat
from pathlib import Path

import pytest

from workstation.cli import main
from workstation.security import keys as k
from workstation.services.keys import DEMO_KEY_PASSPHRASE


def _json(capsys: pytest.CaptureFixture[str], *argv: str) -> dict:  # type: ignore[type-arg]
    capsys.readouterr()  # what earlier commands printed
    assert main(["--json", *argv]) == 0
    return json.loads(capsys.readouterr().out)  # type: ignore[no-any-return]


@pytest.fixture
def demo(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    folder = tmp_path / "demo"
    init = _json(capsys, "--data-dir", str(folder), "init", "--demo")
    assert (init["signer"], init["cert_ref"]) == ("UTGV", "10")
    return folder


def test_a_demo_post_signs_with_encrypted_keys(
    demo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status = _json(capsys, "--data-dir", str(demo), "keys", "status")
    assert status["signer"] == "UTGV" and status["trusted_signers"] == 1
    assert "C=UT" in status["csca"]
    key_file = demo / "keys" / "signer.key.pem"
    assert b"ENCRYPTED PRIVATE KEY" in key_file.read_bytes()
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600


def test_a_real_post_requests_a_certificate_and_posts_exchange_trust_lists(
    demo: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    nairobi = str(tmp_path / "nairobi")
    monkeypatch.setenv("CONSULAR_NEW_PASSWORD", "first-admin-pass")
    assert (
        main(
            [
                "--data-dir",
                nairobi,
                "init",
                "--post-code",
                "UTO-NBO",
                "--state",
                "UTO",
                "--name",
                "Embassy of Utopia",
                "--city",
                "Nairobi",
                "--time-zone",
                "Africa/Nairobi",
                "--admin",
                "amina",
            ]
        )
        == 0
    )
    monkeypatch.setenv("CONSULAR_PASSWORD", "first-admin-pass")
    monkeypatch.setenv("CONSULAR_KEY_PASSPHRASE", "nairobi-key-pass")
    csr_path = tmp_path / "nairobi.csr"
    assert (
        main(
            [
                "--data-dir",
                nairobi,
                "keys",
                "request",
                "--country",
                "UT",
                "--signer-code",
                "NB",
                "--out",
                str(csr_path),
                "--officer",
                "amina",
            ]
        )
        == 0
    )
    assert _json(capsys, "--data-dir", nairobi, "keys", "status")["pending_request"] is True

    # The country's signing CA (here the demo post's CSCA) answers the request.
    store = k.KeyStore.for_data_dir(demo)
    issued = k.issue_signer_certificate(
        k.load_csr(csr_path.read_bytes()),
        store.load_csca_key(DEMO_KEY_PASSPHRASE),
        store.load_csca_certificate(),
        dt.datetime.now(dt.UTC),
        issued_serials={0x10},
    )
    certificate = tmp_path / "nairobi.crt"
    certificate.write_bytes(k.certificate_pem(issued.certificate))
    imported = _json(
        capsys,
        "--data-dir",
        nairobi,
        "keys",
        "import",
        str(certificate),
        "--ca",
        str(demo / "keys" / "csca.crt.pem"),
        "--officer",
        "amina",
    )
    assert imported["signer"] == "UTNB"

    trust = tmp_path / "nairobi-trust.json"
    assert main(["--data-dir", nairobi, "keys", "export-trust", "--out", str(trust)]) == 0
    monkeypatch.setenv("CONSULAR_PASSWORD", "admin-demo-1")
    merged = _json(
        capsys, "--data-dir", str(demo), "keys", "import-trust", str(trust), "--officer", "admin"
    )
    assert sorted(merged["trusted_signers"]) == ["UTGV:10", f"UTNB:{issued.cert_ref}"]
    assert main(["--data-dir", str(demo), "audit", "verify"]) == 0


def test_a_certificate_for_another_key_is_refused(
    demo: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("CONSULAR_PASSWORD", "admin-demo-1")
    monkeypatch.setenv("CONSULAR_KEY_PASSPHRASE", DEMO_KEY_PASSPHRASE)
    other = k.create_demo_keys("UT", "XY", "Elsewhere", dt.datetime.now(dt.UTC))
    wrong = tmp_path / "wrong.crt"
    wrong.write_bytes(k.certificate_pem(other.signer.certificate))
    code = main(["--data-dir", str(demo), "keys", "import", str(wrong), "--officer", "admin"])
    assert code == 2
    assert "does not belong to this post's signing key" in capsys.readouterr().err
    assert _json(capsys, "--data-dir", str(demo), "keys", "status")["signer"] == "UTGV"


def test_wrong_passphrase_and_wrong_role_are_refused(
    demo: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("CONSULAR_PASSWORD", "admin-demo-1")
    monkeypatch.setenv("CONSULAR_KEY_PASSPHRASE", "not-the-passphrase")
    cert = demo / "keys" / "signer.crt.pem"
    assert main(["--data-dir", str(demo), "keys", "import", str(cert), "--officer", "admin"]) == 2
    assert "passphrase" in capsys.readouterr().err
    monkeypatch.setenv("CONSULAR_PASSWORD", "clerk-demo-1")
    code = main(
        [
            "--data-dir",
            str(demo),
            "keys",
            "request",
            "--country",
            "UT",
            "--signer-code",
            "ZZ",
            "--out",
            str(tmp_path / "x.csr"),
            "--officer",
            "clerk",
        ]
    )
    assert code == 3
