"""Trust lists: our seals verify elsewhere from an exported list, and forged lists are refused."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric import ec

from workstation.domain.errors import DomainError
from workstation.domain.vds import encode_etd_seal, etd_header
from workstation.security import keys
from workstation.security.seal_verifier import VerificationStatus, sign_seal, verify_seal
from workstation.security.trust_list import FORMAT, export_trust_list, import_trust_list

NOW = dt.datetime(2026, 11, 25, 9, 0, tzinfo=dt.UTC)
TODAY = NOW.date()
POST = "Consulate General of Utopia"
MRZ = ("PUUTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<", "D231458907UTO7408122F2606277<<<<<<<8")


@pytest.fixture(scope="module")
def demo() -> keys.DemoKeys:
    return keys.create_demo_keys("UT", "GV", POST, NOW)


def _seal(identity: keys.SignerIdentity, key: ec.EllipticCurvePrivateKey) -> bytes:
    header = etd_header("UTO", identity.signer, identity.cert_ref, TODAY, TODAY)
    return sign_seal(encode_etd_seal(header, MRZ), key)


def _code(data: bytes) -> str:
    with pytest.raises(DomainError) as caught:
        import_trust_list(data, NOW)
    return caught.value.code


def test_seal_verifies_through_exported_and_reimported_trust_list(demo: keys.DemoKeys) -> None:
    exported = export_trust_list([demo.csca_certificate], [demo.signer.certificate])
    document = json.loads(exported)
    assert document["format"] == FORMAT and document["version"] == 1
    assert document["signers"][0]["signer"] == "UTGV"
    assert document["signers"][0]["ref"] == "10"
    assert document["cas"][0]["pem"].startswith("-----BEGIN CERTIFICATE-----")

    trust = import_trust_list(exported, NOW)
    assert set(trust.signers) == {("UTGV", "10")}
    seal = _seal(demo.signer, demo.signer_key)
    assert verify_seal(seal, trust.signers).status is VerificationStatus.VALID
    assert verify_seal(seal, trust.lookup).valid
    tampered = bytearray(seal)
    tampered[-1] ^= 1
    assert verify_seal(bytes(tampered), trust.signers).status is VerificationStatus.BAD_SIGNATURE


def test_seal_of_a_signer_not_in_the_list_is_unknown(demo: keys.DemoKeys) -> None:
    trust = import_trust_list(export_trust_list([demo.csca_certificate], []), NOW)
    seal = _seal(demo.signer, demo.signer_key)
    assert verify_seal(seal, trust.signers).status is VerificationStatus.UNKNOWN_SIGNER


def test_signer_not_issued_by_listed_ca_is_refused(demo: keys.DemoKeys) -> None:
    _, other_ca = keys.generate_csca("UT", "Elsewhere", NOW)
    forged = {
        "format": FORMAT,
        "version": 1,
        "cas": [{"pem": keys.certificate_pem(other_ca).decode()}],
        "signers": [
            {
                "signer": "UTGV",
                "ref": "10",
                "pem": keys.certificate_pem(demo.signer.certificate).decode(),
            }
        ],
    }
    assert _code(json.dumps(forged).encode()) == "trust.not_issued_by_listed_ca"
    with pytest.raises(DomainError) as caught:
        export_trust_list([other_ca], [demo.signer.certificate])
    assert caught.value.code == "trust.not_issued_by_listed_ca"


def test_self_signed_signer_with_its_own_key_is_refused(demo: keys.DemoKeys) -> None:
    # An attacker lists a "CA" that is really just a signer certificate: not a CA.
    forged = json.loads(export_trust_list([demo.csca_certificate], [demo.signer.certificate]))
    forged["cas"] = [{"pem": forged["signers"][0]["pem"]}]
    assert _code(json.dumps(forged).encode()) == "trust.not_a_ca_certificate"


def test_entry_key_must_match_the_certificate(demo: keys.DemoKeys) -> None:
    document = json.loads(export_trust_list([demo.csca_certificate], [demo.signer.certificate]))
    document["signers"][0]["signer"] = "UTXX"
    assert _code(json.dumps(document).encode()) == "trust.key_mismatch"
    document["signers"][0]["signer"] = "UTGV"
    document["signers"][0]["ref"] = "11"
    assert _code(json.dumps(document).encode()) == "trust.key_mismatch"


def test_expired_signer_is_refused(demo: keys.DemoKeys) -> None:
    exported = export_trust_list([demo.csca_certificate], [demo.signer.certificate])
    with pytest.raises(DomainError) as caught:
        import_trust_list(exported, NOW.replace(year=2030))
    assert caught.value.code == "trust.expired"
    assert caught.value.field == "signers[0]"


def test_malformed_documents_are_refused(demo: keys.DemoKeys) -> None:
    assert _code(b"\xff") == "trust.malformed"
    assert _code(b"[]") == "trust.malformed"
    assert _code(json.dumps({"format": FORMAT, "version": 2}).encode()) == (
        "trust.unsupported_version"
    )
    bad_pem = {"format": FORMAT, "version": 1, "cas": [{"pem": "nope"}], "signers": []}
    assert _code(json.dumps(bad_pem).encode()) == "trust.bad_certificate"
    no_list = {"format": FORMAT, "version": 1, "cas": {}, "signers": []}
    assert _code(json.dumps(no_list).encode()) == "trust.malformed"


def test_duplicate_signer_entries_are_refused(demo: keys.DemoKeys) -> None:
    exported = export_trust_list(
        [demo.csca_certificate], [demo.signer.certificate, demo.signer.certificate]
    )
    assert _code(exported) == "trust.duplicate_signer"


def test_several_signers_of_one_csca(demo: keys.DemoKeys) -> None:
    second_key, csr = keys.generate_signer_request("UT", "BE", "Embassy of Utopia in Bern")
    second = keys.issue_signer_certificate(
        csr, demo.csca_key, demo.csca_certificate, NOW, issued_serials=[0x10]
    )
    trust = import_trust_list(
        export_trust_list([demo.csca_certificate], [demo.signer.certificate, second.certificate]),
        NOW,
    )
    assert set(trust.signers) == {("UTGV", "10"), ("UTBE", "11")}
    assert verify_seal(_seal(second, second_key), trust.signers).valid


def test_lists_of_two_countries_merge(demo: keys.DemoKeys) -> None:
    ours = import_trust_list(
        export_trust_list([demo.csca_certificate], [demo.signer.certificate]), NOW
    )
    partner = keys.create_demo_keys("XY", "PA", "Embassy of Xy", NOW)
    theirs = import_trust_list(
        export_trust_list([partner.csca_certificate], [partner.signer.certificate]), NOW
    )
    both = ours.merged(theirs)
    assert set(both.signers) == {("UTGV", "10"), ("XYPA", "10")}
    assert len(both.cas) == 2
    assert verify_seal(_seal(partner.signer, partner.signer_key), both.signers).valid
    assert ours.merged(ours) == ours


def test_merge_refuses_two_certificates_under_one_key(demo: keys.DemoKeys) -> None:
    ours = import_trust_list(
        export_trust_list([demo.csca_certificate], [demo.signer.certificate]), NOW
    )
    impostor = keys.create_demo_keys("UT", "GV", POST, NOW)
    theirs = import_trust_list(
        export_trust_list([impostor.csca_certificate], [impostor.signer.certificate]), NOW
    )
    with pytest.raises(DomainError) as caught:
        ours.merged(theirs)
    assert caught.value.code == "trust.duplicate_signer"


def test_key_store_keeps_the_trust_list(tmp_path: Path, demo: keys.DemoKeys) -> None:
    store = keys.KeyStore.for_data_dir(tmp_path)
    exported = export_trust_list([demo.csca_certificate], [demo.signer.certificate])
    store.save_trust_list(exported)
    trust = import_trust_list(store.load_trust_list_bytes(), NOW)
    assert set(trust.signers) == {("UTGV", "10")}
