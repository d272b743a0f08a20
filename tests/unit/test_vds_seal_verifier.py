"""Seal signatures: the ICAO vector must verify, and nothing altered or unknown may."""

import datetime as dt
import json
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import NameOID

from workstation.domain.errors import DomainError
from workstation.domain.vds import encode_etd_seal, etd_header, parse_seal
from workstation.security.seal_verifier import (
    VerificationStatus,
    hash_for_curve,
    sign_seal,
    verify_seal,
)

VECTORS_DIR = Path(__file__).parents[1] / "vectors"
ICAO_SEAL = bytes.fromhex(
    json.loads((VECTORS_DIR / "vds.json").read_text(encoding="utf-8"))[
        "icao_9303_8_appendix_b_etd_seal"
    ]["hex"]
)
ICAO_CERT = x509.load_der_x509_certificate((VECTORS_DIR / "sealgen_UTTS5B.crt").read_bytes())
ICAO_CERTS = {("UTTS", "5B"): ICAO_CERT}
MRZ = ("PUUTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<", "D231458907UTO7408122F2606277<<<<<<<8")
TODAY = dt.date(2026, 11, 25)


def _self_signed(key: ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey) -> x509.Certificate:
    name = x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "UT"),
            x509.NameAttribute(NameOID.COMMON_NAME, "CW"),
        ]
    )
    return (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(0x1A)
        .not_valid_before(dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
        .not_valid_after(dt.datetime(2031, 1, 1, tzinfo=dt.UTC))
        .sign(key, hashes.SHA256())
    )


def _our_seal(key: ec.EllipticCurvePrivateKey) -> bytes:
    header = etd_header("UTO", "UTCW", "1A", TODAY, TODAY)
    return sign_seal(encode_etd_seal(header, MRZ), key)


def test_icao_vector_verifies_with_its_certificate() -> None:
    assert isinstance(ICAO_CERT.public_key(), ec.EllipticCurvePublicKey)
    result = verify_seal(ICAO_SEAL, ICAO_CERTS)
    assert result.valid, result
    assert result.code == "vds.verify.valid"
    assert result.seal is not None and result.seal.header.signer == "UTTS"


def test_icao_certificate_serial_is_the_cert_ref() -> None:
    assert f"{ICAO_CERT.serial_number:X}" == "5B"


def test_certificate_can_come_from_a_lookup_callable() -> None:
    asked: list[tuple[str, str]] = []

    def lookup(signer: str, ref: str) -> x509.Certificate | None:
        asked.append((signer, ref))
        return ICAO_CERTS.get((signer, ref))

    assert verify_seal(ICAO_SEAL, lookup).valid
    assert asked == [("UTTS", "5B")]


def test_every_single_bit_flip_fails() -> None:
    outcomes: set[VerificationStatus] = set()
    for index in range(len(ICAO_SEAL) * 8):
        damaged = bytearray(ICAO_SEAL)
        damaged[index // 8] ^= 0x80 >> (index % 8)
        result = verify_seal(bytes(damaged), ICAO_CERTS)
        assert not result.valid, f"bit {index} flipped still verifies"
        outcomes.add(result.status)
    # Header flips in the signer block end as unknown signer: also a refusal.
    assert outcomes <= {
        VerificationStatus.MALFORMED,
        VerificationStatus.BAD_SIGNATURE,
        VerificationStatus.UNKNOWN_SIGNER,
    }
    assert VerificationStatus.BAD_SIGNATURE in outcomes
    assert VerificationStatus.MALFORMED in outcomes


def test_unknown_signer_is_reported_as_such() -> None:
    result = verify_seal(ICAO_SEAL, {("UTTS", "5C"): ICAO_CERT})
    assert result.status is VerificationStatus.UNKNOWN_SIGNER
    assert result.seal is not None and result.seal.header.cert_ref == "5B"
    assert verify_seal(ICAO_SEAL, lambda signer, ref: None).code == "vds.verify.unknown_signer"


def test_malformed_seal_is_reported_not_raised() -> None:
    result = verify_seal(ICAO_SEAL[:-3], ICAO_CERTS)
    assert result.status is VerificationStatus.MALFORMED
    assert (result.detail, result.field) == ("vds.truncated", "signature")
    assert result.seal is None


@pytest.mark.parametrize(
    ("curve", "half"),
    [(ec.BrainpoolP256R1(), 32), (ec.SECP256R1(), 32), (ec.SECP384R1(), 48), (ec.SECP521R1(), 66)],
)
def test_our_seal_verifies_and_fails_against_another_key(
    curve: ec.EllipticCurve, half: int
) -> None:
    key = ec.generate_private_key(curve)
    seal = _our_seal(key)
    parsed = parse_seal(seal)
    assert len(parsed.signature) == 2 * half
    certificate = _self_signed(key)
    assert verify_seal(seal, {("UTCW", "1A"): certificate}).valid
    other = _self_signed(ec.generate_private_key(curve))
    result = verify_seal(seal, {("UTCW", "1A"): other})
    assert result.status is VerificationStatus.BAD_SIGNATURE


def test_signature_of_the_wrong_size_for_the_key_is_refused() -> None:
    seal = _our_seal(ec.generate_private_key(ec.SECP384R1()))
    p256 = _self_signed(ec.generate_private_key(ec.BrainpoolP256R1()))
    result = verify_seal(seal, {("UTCW", "1A"): p256})
    assert (result.status, result.detail) == (
        VerificationStatus.BAD_SIGNATURE,
        "vds.signature_length",
    )


def test_non_ec_certificate_is_unsupported() -> None:
    rsa_cert = _self_signed(rsa.generate_private_key(public_exponent=65537, key_size=2048))
    result = verify_seal(ICAO_SEAL, {("UTTS", "5B"): rsa_cert})
    assert result.status is VerificationStatus.UNSUPPORTED_KEY


def test_sign_seal_refuses_a_malformed_signed_part() -> None:
    key = ec.generate_private_key(ec.BrainpoolP256R1())
    with pytest.raises(DomainError, match=r"vds\.bad_magic"):
        sign_seal(b"\x00" + ICAO_SEAL[1:18], key)


@pytest.mark.parametrize(
    ("curve", "name"),
    [
        (ec.BrainpoolP256R1(), "sha256"),
        (ec.SECP256R1(), "sha256"),
        (ec.BrainpoolP384R1(), "sha384"),
        (ec.BrainpoolP512R1(), "sha512"),
        (ec.SECP521R1(), "sha512"),
    ],
)
def test_hash_follows_curve_size(curve: ec.EllipticCurve, name: str) -> None:
    assert hash_for_curve(curve).name == name
