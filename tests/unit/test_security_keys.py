"""Post keys: CSCA and document signer are generated, certified, imported and stored safely."""

from __future__ import annotations

import datetime as dt
import stat
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from workstation.domain.errors import DomainError
from workstation.security import keys
from workstation.security.keys import Curve, KeyStore

NOW = dt.datetime(2026, 11, 25, 9, 0, tzinfo=dt.UTC)
POST = "Consulate General of Utopia"


@pytest.fixture(scope="module")
def demo() -> keys.DemoKeys:
    return keys.create_demo_keys("UT", "GV", POST, NOW)


def test_demo_csca_is_a_self_signed_ca(demo: keys.DemoKeys) -> None:
    ca = demo.csca_certificate
    assert keys.is_ca_certificate(ca)
    assert keys.is_issued_by(ca, ca)
    constraints = ca.extensions.get_extension_for_class(x509.BasicConstraints)
    assert constraints.critical and constraints.value.path_length == 0
    usage = ca.extensions.get_extension_for_class(x509.KeyUsage).value
    assert usage.key_cert_sign and usage.crl_sign and not usage.digital_signature
    assert ca.not_valid_after_utc == NOW.replace(year=2036)
    assert isinstance(demo.csca_key.curve, ec.BrainpoolP256R1)


def test_demo_signer_certificate_verifies_against_csca(demo: keys.DemoKeys) -> None:
    certificate = demo.signer.certificate
    assert keys.is_issued_by(certificate, demo.csca_certificate)
    keys.check_signer_chain(certificate, demo.csca_certificate, NOW)
    assert keys.is_signer_certificate(certificate)
    assert not keys.is_ca_certificate(certificate)
    usage = certificate.extensions.get_extension_for_class(x509.KeyUsage).value
    assert usage.digital_signature and not usage.key_cert_sign
    assert demo.signer.key == ("UTGV", "10")
    assert certificate.serial_number == 0x10
    subject = certificate.subject
    assert subject.get_attributes_for_oid(NameOID.COUNTRY_NAME)[0].value == "UT"
    assert subject.get_attributes_for_oid(NameOID.COMMON_NAME)[0].value == "UTGV"
    assert subject.get_attributes_for_oid(NameOID.ORGANIZATION_NAME)[0].value == POST


def test_signer_certificate_from_another_ca_fails_the_chain(demo: keys.DemoKeys) -> None:
    _, other_ca = keys.generate_csca("UT", "Elsewhere", NOW)
    with pytest.raises(DomainError) as caught:
        keys.check_signer_chain(demo.signer.certificate, other_ca, NOW)
    assert caught.value.code == "keys.not_issued_by_csca"


def test_p256_is_configurable() -> None:
    key, ca = keys.generate_csca("UT", POST, NOW, curve=Curve.P256, validity_years=5)
    assert isinstance(key.curve, ec.SECP256R1)
    assert ca.not_valid_after_utc == NOW.replace(year=2031)


def test_csr_to_certificate_to_import() -> None:
    ca_key, ca = keys.generate_csca("UT", "Ministry of Foreign Affairs", NOW)
    signer_key, csr = keys.generate_signer_request("ut", "gv", POST)
    assert csr.is_signature_valid
    # The CSR travels as PEM; the certificate comes back as PEM.
    received = keys.load_csr(keys.csr_pem(csr))
    issued = keys.issue_signer_certificate(received, ca_key, ca, NOW, issued_serials={0x10, 0x11})
    assert issued.key == ("UTGV", "12")
    identity = keys.import_signer_certificate(
        keys.certificate_pem(issued.certificate), signer_key, NOW, csca_certificate=ca
    )
    assert identity == issued
    assert identity.certificate.not_valid_after_utc == NOW.replace(year=2029)


def test_serials_give_short_even_length_references() -> None:
    assert keys.next_serial() == 0x10
    assert keys.next_serial(range(0x10, 0x100)) == 0x1000
    with pytest.raises(DomainError) as caught:
        keys.next_serial(list(range(0x10, 0x100)) + list(range(0x1000, 0x10000)))
    assert caught.value.code == "keys.serials_exhausted"


def test_issue_refuses_a_used_serial(demo: keys.DemoKeys) -> None:
    with pytest.raises(DomainError) as caught:
        keys.issue_signer_certificate(
            demo.csr, demo.csca_key, demo.csca_certificate, NOW, serial=0x10, issued_serials=[16]
        )
    assert caught.value.code == "keys.serial_in_use"


def test_issue_refuses_a_signer_of_another_country(demo: keys.DemoKeys) -> None:
    _, csr = keys.generate_signer_request("XY", "GV", POST)
    with pytest.raises(DomainError) as caught:
        keys.issue_signer_certificate(csr, demo.csca_key, demo.csca_certificate, NOW)
    assert caught.value.code == "keys.wrong_country"


def test_signer_certificate_never_outlives_its_csca() -> None:
    ca_key, ca = keys.generate_csca("UT", POST, NOW, validity_years=2)
    _, csr = keys.generate_signer_request("UT", "GV", POST)
    issued = keys.issue_signer_certificate(csr, ca_key, ca, NOW, validity_years=5)
    assert issued.certificate.not_valid_after_utc == ca.not_valid_after_utc


def test_bad_signer_code_is_refused() -> None:
    with pytest.raises(DomainError) as caught:
        keys.generate_signer_request("UT", "G-", POST)
    assert caught.value.code == "keys.bad_signer_code"
    with pytest.raises(DomainError) as caught:
        keys.generate_signer_request("UTO", "GV", POST)
    assert caught.value.code == "keys.bad_country"


def test_importing_a_certificate_for_another_key_is_a_mismatch(demo: keys.DemoKeys) -> None:
    other_key, _ = keys.generate_signer_request("UT", "GV", POST)
    with pytest.raises(DomainError) as caught:
        keys.import_signer_certificate(
            keys.certificate_pem(demo.signer.certificate), other_key, NOW
        )
    assert caught.value.code == "keys.certificate_mismatch"


def test_importing_the_ca_certificate_is_not_a_signer_certificate(demo: keys.DemoKeys) -> None:
    with pytest.raises(DomainError) as caught:
        keys.import_signer_certificate(
            keys.certificate_pem(demo.csca_certificate), demo.csca_key, NOW
        )
    assert caught.value.code == "keys.not_a_signer_certificate"


def test_importing_an_expired_certificate(demo: keys.DemoKeys) -> None:
    later = NOW.replace(year=2030)
    with pytest.raises(DomainError) as caught:
        keys.import_signer_certificate(
            keys.certificate_pem(demo.signer.certificate), demo.signer_key, later
        )
    assert caught.value.code == "keys.expired"


def test_importing_garbage_is_a_bad_certificate(demo: keys.DemoKeys) -> None:
    with pytest.raises(DomainError) as caught:
        keys.import_signer_certificate(b"not a certificate", demo.signer_key, NOW)
    assert caught.value.code == "keys.bad_certificate"


def test_import_accepts_der(demo: keys.DemoKeys) -> None:
    from cryptography.hazmat.primitives.serialization import Encoding

    der = demo.signer.certificate.public_bytes(Encoding.DER)
    identity = keys.import_signer_certificate(der, demo.signer_key, NOW)
    assert identity.key == ("UTGV", "10")


def test_icao_vector_naming_reads_as_country_plus_cn() -> None:
    vector = Path(__file__).parents[1] / "vectors" / "sealgen_UTTS5B.crt"
    certificate = keys.load_certificate(vector.read_bytes())
    assert keys.signer_identity(certificate).key == ("UTTS", "5B")


def test_private_key_is_encrypted_at_rest(demo: keys.DemoKeys) -> None:
    pem = keys.encrypt_private_key(demo.signer_key, "correct horse")
    assert b"ENCRYPTED" in pem
    loaded = keys.decrypt_private_key(pem, "correct horse")
    assert loaded.private_numbers() == demo.signer_key.private_numbers()


def test_wrong_passphrase_is_a_coded_error(demo: keys.DemoKeys) -> None:
    pem = keys.encrypt_private_key(demo.signer_key, "correct horse")
    with pytest.raises(DomainError) as caught:
        keys.decrypt_private_key(pem, "battery staple")
    assert caught.value.code == "keys.wrong_passphrase"


def test_unencrypted_or_empty_passphrase_refused(demo: keys.DemoKeys) -> None:
    from cryptography.hazmat.primitives import serialization

    clear = demo.signer_key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    with pytest.raises(DomainError) as caught:
        keys.decrypt_private_key(clear, "x")
    assert caught.value.code == "keys.not_encrypted"
    with pytest.raises(DomainError) as caught:
        keys.encrypt_private_key(demo.signer_key, "")
    assert caught.value.code == "keys.passphrase_required"


def test_key_store_round_trip_and_permissions(tmp_path: Path, demo: keys.DemoKeys) -> None:
    store = KeyStore.for_data_dir(tmp_path)
    store.save_demo_keys(demo, "pass phrase")
    folder = tmp_path / "keys"
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    for name in (KeyStore.SIGNER_KEY, KeyStore.CSCA_KEY):
        assert stat.S_IMODE((folder / name).stat().st_mode) == 0o600
        assert b"ENCRYPTED PRIVATE KEY" in (folder / name).read_bytes()
    for name in (KeyStore.SIGNER_CERTIFICATE, KeyStore.CSCA_CERTIFICATE, KeyStore.CSR):
        assert (folder / name).is_file()
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        [
            "signer.key.pem",
            "signer.crt.pem",
            "csca.crt.pem",
            "csca.key.pem",
            "csr.pem",
        ]
    )
    loaded = store.load_signer_key("pass phrase")
    assert loaded.private_numbers() == demo.signer_key.private_numbers()
    assert store.load_signer_identity() == demo.signer
    assert store.load_csca_certificate() == demo.csca_certificate
    assert store.load_csr() == demo.csr
    with pytest.raises(DomainError) as caught:
        store.load_signer_key("wrong")
    assert caught.value.code == "keys.wrong_passphrase"


def test_key_store_overwrite_keeps_mode_0600(tmp_path: Path, demo: keys.DemoKeys) -> None:
    store = KeyStore(tmp_path / "k")
    store.save_signer_key(demo.signer_key, "a")
    path = store.save_signer_key(demo.csca_key, "b")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert store.load_signer_key("b").private_numbers() == demo.csca_key.private_numbers()


def test_key_store_missing_file_is_named(tmp_path: Path) -> None:
    store = KeyStore(tmp_path / "keys")
    assert not store.has(KeyStore.SIGNER_CERTIFICATE)
    with pytest.raises(DomainError) as caught:
        store.load_signer_certificate()
    assert caught.value.code == "keys.missing_file"
    assert caught.value.field == "signer.crt.pem"
