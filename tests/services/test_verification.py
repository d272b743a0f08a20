"""Seal verification as a border desk does it: the ICAO vector with its own certificate, a demo
post's seal against the post's trust list, and the same seal read back from a PDF and a PNG."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from cryptography import x509

from templates import DocumentView, load_layout, render_pdf
from workstation.cli import main
from workstation.domain.errors import DomainError
from workstation.domain.vds import encode_etd_seal, encode_seal, etd_header
from workstation.domain.vds_profiles import (
    ID_CARD_DOC_TYPE_CATEGORY,
    ID_CARD_FEATURE_DEF_REF,
    id_card_features,
)
from workstation.security import keys as k
from workstation.security.seal_verifier import sign_seal
from workstation.services.keys import DEMO_KEY_PASSPHRASE
from workstation.services.verification import (
    CONTENT_MALFORMED,
    PROFILE_ETD,
    PROFILE_ID_CARD,
    PROFILE_UNKNOWN,
    VerificationService,
    check_seal,
    parse_hex,
    rasterise_pdf,
)
from workstation.wiring import Services, build_services

VECTORS = Path(__file__).parents[1] / "vectors"
ICAO = json.loads((VECTORS / "vds.json").read_text())["icao_9303_8_appendix_b_etd_seal"]
# The ICAO specimen ETD, valid until 2036 (the specimen itself expired on 27 June 2026).
ETD_MRZ = ("PUUTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<", "D231458907UTO7408122F3606274<<<<<<<6")
TD1_MRZ = (  # the ICAO TD1 specimen as our card, valid until 2036
    "ICUTOD231458907<<<<<<<<<<<<<<<",
    "7408122F3604155UTO<<<<<<<<<<<2",
    "ERIKSSON<<ANNA<MARIA<<<<<<<<<<",
)
ISSUED = dt.date(2026, 11, 20)
SignedPart = Callable[[str, str], bytes]
"""``(signer, cert_ref) -> header + message`` to sign with the demo post's key."""


def _icao_certificates() -> dict[tuple[str, str], x509.Certificate]:
    certificate = x509.load_der_x509_certificate((VECTORS / "sealgen_UTTS5B.crt").read_bytes())
    return {("UTTS", "5B"): certificate}


def test_icao_appendix_b_seal_verifies_with_its_certificate() -> None:
    report = check_seal(bytes.fromhex(ICAO["hex"]), _icao_certificates())
    assert report.valid and report.verdict == "valid", report
    assert report.code == "vds.verify.valid"
    assert (report.signer, report.cert_ref, report.issuing_country) == ("UTTS", "5B", "UTO")
    assert report.issue_date == dt.date(2026, 6, 13)
    assert report.signature_date == dt.date(2023, 8, 23)
    assert report.profile == PROFILE_ETD
    assert report.mrz == tuple(ICAO["expect"]["mrz"])
    assert report.to_dict()["issue_date"] == "2026-06-13"


@pytest.mark.parametrize("position", [20, 60, -1])
def test_one_flipped_bit_makes_the_icao_seal_invalid(position: int) -> None:
    data = bytearray(bytes.fromhex(ICAO["hex"]))
    data[position] ^= 0x01
    report = check_seal(bytes(data), _icao_certificates())
    assert not report.valid and report.verdict == "invalid"
    assert report.code == "vds.verify.bad_signature"


def test_garbage_is_malformed_not_an_exception() -> None:
    report = check_seal(b"\xdc\x03\x00", _icao_certificates())
    assert (report.valid, report.code, report.signer) == (False, "vds.verify.malformed", None)
    assert report.detail == "vds.truncated"


def test_unknown_signer_still_shows_what_the_seal_claims() -> None:
    report = check_seal(bytes.fromhex(ICAO["hex"]), {})
    assert report.code == "vds.verify.unknown_signer" and not report.valid
    assert report.mrz == tuple(ICAO["expect"]["mrz"])


def test_parse_hex_accepts_what_tools_print() -> None:
    assert parse_hex("0xDC 03:ff") == b"\xdc\x03\xff"
    for bad in ("", "zz", "abc"):
        with pytest.raises(DomainError) as caught:
            parse_hex(bad)
        assert caught.value.code == "verify.bad_hex"


# --- a demo post's own seals -------------------------------------------------------------------


@pytest.fixture
def demo(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    folder = tmp_path / "demo"
    assert main(["--data-dir", str(folder), "init", "--demo"]) == 0
    capsys.readouterr()
    return folder


@pytest.fixture
def services(demo: Path) -> Iterator[Services]:
    built = build_services(demo)
    yield built
    built.close()


def _sign(demo: Path, signed_part_for: SignedPart) -> bytes:
    store = k.KeyStore.for_data_dir(demo)
    identity = store.load_signer_identity()
    key = store.load_signer_key(DEMO_KEY_PASSPHRASE)
    return sign_seal(signed_part_for(identity.signer, identity.cert_ref), key)


def _etd(signer: str, ref: str) -> bytes:
    return encode_etd_seal(etd_header("UTO", signer, ref, ISSUED, ISSUED), ETD_MRZ)


def _id_card(signer: str, ref: str) -> bytes:
    header = dataclasses.replace(
        etd_header("UTO", signer, ref, ISSUED, ISSUED),
        feature_def_ref=ID_CARD_FEATURE_DEF_REF,
        doc_type_category=ID_CARD_DOC_TYPE_CATEGORY,
    )
    return encode_seal(header, id_card_features(TD1_MRZ, "UTO-GVA"))


def test_demo_post_etd_seal_verifies_through_the_service(demo: Path, services: Services) -> None:
    seal = _sign(demo, _etd)
    report = VerificationService(services.keys).verify_bytes(seal)
    assert report.valid, report
    assert (report.signer, report.cert_ref) == ("UTGV", "10")
    assert report.profile == PROFILE_ETD and report.mrz == ETD_MRZ
    tampered = seal[:-1] + bytes([seal[-1] ^ 0x80])
    assert VerificationService(services.keys).verify_bytes(tampered).code == (
        "vds.verify.bad_signature"
    )


def test_id_card_profile_round_trip(demo: Path, services: Services) -> None:
    report = VerificationService(services.keys).verify_bytes(_sign(demo, _id_card))
    assert report.valid, report
    assert report.profile == PROFILE_ID_CARD
    assert report.mrz == TD1_MRZ
    assert report.post_code == "UTO-GVA"


def test_signed_seal_whose_content_breaks_its_profile_is_not_valid(
    demo: Path, services: Services
) -> None:
    def short_mrz(signer: str, ref: str) -> bytes:
        return encode_seal(etd_header("UTO", signer, ref, ISSUED, ISSUED), [(0x02, b"\x00\x01")])

    report = VerificationService(services.keys).verify_bytes(_sign(demo, short_mrz))
    assert (report.valid, report.code, report.profile) == (False, CONTENT_MALFORMED, PROFILE_ETD)


def test_unlisted_profile_is_reported_as_unknown(demo: Path, services: Services) -> None:
    def other(signer: str, ref: str) -> bytes:
        header = dataclasses.replace(
            etd_header("UTO", signer, ref, ISSUED, ISSUED),
            feature_def_ref=0x10,
            doc_type_category=0x10,
        )
        return encode_seal(header, [(0x01, b"\x01")])

    report = VerificationService(services.keys).verify_bytes(_sign(demo, other))
    assert report.valid and report.profile == PROFILE_UNKNOWN and report.mrz == ()


@pytest.fixture
def etd_pdf(demo: Path, tmp_path: Path) -> Path:
    seal = _sign(demo, _etd)
    view = DocumentView(document_number="D23145890", mrz=ETD_MRZ, seal=seal)
    path = tmp_path / "etd.pdf"
    path.write_bytes(render_pdf(load_layout("emergency_travel_document"), view, specimen=False))
    return path


def _need_pdftoppm() -> None:
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (poppler-utils) is not installed")


def test_seal_is_read_back_from_the_pdf_and_a_png_of_it(
    etd_pdf: Path, services: Services, tmp_path: Path
) -> None:
    _need_pdftoppm()
    service = VerificationService(services.keys)
    [report] = service.verify_file(etd_pdf)
    assert report.valid and report.mrz == ETD_MRZ and report.source == "page 1"

    [png] = rasterise_pdf(etd_pdf, tmp_path)
    [from_png] = service.verify_file(png)
    assert from_png.valid and from_png.mrz == ETD_MRZ


def test_pdf_without_a_seal_is_a_coded_error(services: Services, tmp_path: Path) -> None:
    _need_pdftoppm()
    path = tmp_path / "plain.pdf"
    view = DocumentView(document_number="D23145890", mrz=ETD_MRZ)
    path.write_bytes(render_pdf(load_layout("emergency_travel_document"), view, specimen=False))
    with pytest.raises(DomainError) as caught:
        VerificationService(services.keys).verify_pdf(path)
    assert caught.value.code == "verify.no_seal_found"


def test_missing_pdftoppm_is_a_coded_error(
    etd_pdf: Path, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(shutil, "which", lambda _name: None)
    with pytest.raises(DomainError) as caught:
        VerificationService(services.keys).verify_pdf(etd_pdf)
    assert caught.value.code == "verify.pdftoppm_missing"


def test_a_file_that_is_neither_pdf_nor_image_is_unreadable(
    services: Services, tmp_path: Path
) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("hello")
    with pytest.raises(DomainError) as caught:
        VerificationService(services.keys).verify_file(path)
    assert caught.value.code == "verify.unreadable_file"


def test_a_genuine_seal_on_an_expired_document_is_not_valid(demo: Path, services: Services) -> None:
    """The ETD above expires on 27 June 2036 (its MRZ says 360627)."""
    seal = _sign(demo, _etd)
    on_time = VerificationService(services.keys, today=dt.date(2036, 6, 27))
    assert on_time.verify_bytes(seal).valid
    late = VerificationService(services.keys, today=dt.date(2036, 6, 28)).verify_bytes(seal)
    assert (late.valid, late.code) == (False, "verify.document_expired")
    assert late.expires_on == dt.date(2036, 6, 27)
