"""The civil-registration seal (profile 0xFB, docs/vds-profiles.md): what it carries, that the
post's key signs it like a card's seal, and that the verifier reads it back and refuses what our
issuer could not have written."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.rendering import certificate_samples as samples
from tests.support.demo_post import init_demo_post, open_services, produce_certificate
from workstation.domain.civil.records import PersonRef
from workstation.domain.errors import DomainError
from workstation.domain.vds import SealHeader, encode_message, encode_seal, parse_seal
from workstation.domain.vds_profiles import (
    CIVIL_DOC_TYPE_CATEGORY,
    CIVIL_FEATURE_DEF_REF,
    CIVIL_NAME_MAX,
    CivilCertificateType,
    CivilSealContent,
    civil_content,
    civil_features,
    civil_name,
)
from workstation.security import keys as k
from workstation.security.seal_verifier import sign_seal
from workstation.services.certificates import CertificateKind
from workstation.services.keys import DEMO_KEY_PASSPHRASE
from workstation.services.verification import (
    CONTENT_MALFORMED,
    PROFILE_CIVIL,
    VerificationService,
    check_seal,
)
from workstation.wiring import Services

CONTENT = CivilSealContent(
    register_number="UTO-GVA/B/2026/000123",
    certificate_type=CivilCertificateType.BIRTH_FULL,
    event_date=dt.date(2025, 9, 30),
    registered_on=dt.date(2026, 11, 20),
    principal="MUELLER<LUEDENSCHEID<<ZOE<OLENA",
    second_person=None,
    place_country="CHE",
    post_code="UTO-GVA",
    annotations=2,
)
# The worked example of docs/vds-profiles.md, byte for byte.
DOC_EXAMPLE = bytes.fromhex(
    "010ED9C5160458081 3B527 1419A52038 020101 03038DF009 0403AAEDEA"
    "0516A7E3A03BC252D76274D9675B8C2C18F571159F2CFE42 0702675B 0806D9C51604FE42 090102".replace(
        " ", ""
    )
)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return init_demo_post(tmp_path_factory.mktemp("certificates") / "demo")


@pytest.fixture(scope="module")
def services(demo: Path) -> Iterator[Services]:
    with open_services(demo) as built:
        yield built


# --- the profile without keys ------------------------------------------------------------------


def test_message_matches_the_worked_example_in_the_docs() -> None:
    assert encode_message(civil_features(CONTENT)) == DOC_EXAMPLE


@pytest.mark.parametrize(
    "content",
    [
        CONTENT,
        dataclasses.replace(CONTENT, certificate_type=CivilCertificateType.BIRTH_EXTRACT),
        dataclasses.replace(
            CONTENT,
            register_number="UTO-GVA-MOBILE/M/2026/000007",
            certificate_type=CivilCertificateType.MARRIAGE,
            second_person="OESTER<<LARS<AEVAR",
            place_country="D<<",
            post_code="UTO-GVA-MOBILE",
            annotations=0,
        ),
        dataclasses.replace(
            CONTENT,
            register_number="UTO-GVA/D/2026/999999",
            certificate_type=CivilCertificateType.DEATH,
            principal="NGUYEN",
            annotations=255,
        ),
    ],
)
def test_content_round_trips_through_a_signed_seal(
    content: CivilSealContent, demo: Path, services: Services
) -> None:
    seal = _sign(demo, civil_features(content))
    assert civil_content(parse_seal(seal)) == content
    report = check_seal(seal, services.keys.trust().signers)
    assert report.valid and report.profile == PROFILE_CIVIL
    assert report.civil == content and report.post_code == content.post_code
    assert report.to_dict()["civil"]["register_number"] == content.register_number


def _sign(demo: Path, features: list[tuple[int, bytes]]) -> bytes:
    store = k.KeyStore.for_data_dir(demo)
    identity = store.load_signer_identity()
    header = SealHeader(
        "UTO",
        identity.signer,
        identity.cert_ref,
        samples.ISSUED_ON,
        samples.ISSUED_ON,
        CIVIL_FEATURE_DEF_REF,
        CIVIL_DOC_TYPE_CATEGORY,
    )
    return sign_seal(encode_seal(header, features), store.load_signer_key(DEMO_KEY_PASSPHRASE))


def _features_with(tag: int, value: bytes | None) -> list[tuple[int, bytes]]:
    features = [(t, v) for t, v in civil_features(CONTENT) if t != tag]
    if value is not None:
        features.append((tag, value))
        features.sort()
    return features


@pytest.mark.parametrize(
    ("name", "features"),
    [
        ("kind 3 on a birth number", _features_with(0x02, b"\x03")),
        ("unknown kind", _features_with(0x02, b"\x09")),
        ("second person on a birth", _features_with(0x06, bytes.fromhex("A7E3A03B"))),
        ("no principal", _features_with(0x05, None)),
        ("two-byte annotation count", _features_with(0x09, b"\x00\x02")),
        ("unknown tag", _features_with(0x0A, b"\x01")),
        ("entries out of order", list(reversed(civil_features(CONTENT)))),
    ],
)
def test_genuine_seal_whose_content_breaks_the_profile_is_not_valid(
    name: str, features: list[tuple[int, bytes]], demo: Path, services: Services
) -> None:
    report = check_seal(_sign(demo, features), services.keys.trust().signers)
    assert not report.valid, name
    assert report.code == CONTENT_MALFORMED and report.profile == PROFILE_CIVIL


def test_features_refuse_what_the_profile_cannot_carry() -> None:
    for bad in (
        dataclasses.replace(CONTENT, register_number="UTO-GVA/B/26/123"),
        dataclasses.replace(CONTENT, second_person="OESTER<<LARS"),  # not a marriage
        dataclasses.replace(CONTENT, certificate_type=CivilCertificateType.MARRIAGE),
        dataclasses.replace(CONTENT, principal="Müller"),
        dataclasses.replace(CONTENT, annotations=256),
    ):
        with pytest.raises(DomainError):
            civil_features(bad)


def test_long_names_are_truncated_as_doc_9303_truncates() -> None:
    name = civil_name(
        "WOLFESCHLEGELSTEINHAUSENBERGERDORFF<VON<HOHENSTEIN", "HUBERT<BLAINE<JOHN<ADOLPH"
    )
    assert len(name) == CIVIL_NAME_MAX and name.startswith("WOLFESCHLEGELSTEINHAUSENBERGERDORFF")
    assert "<<H" in name and not name.endswith("<")


# --- the producer: signed with the post's key, names transliterated ----------------------------


def test_certificate_seal_is_signed_with_the_posts_key_and_certifies_the_entry(
    services: Services,
) -> None:
    entry = samples.birth(samples.RECOGNITION, samples.CORRECTION)
    produced = produce_certificate(services, entry)
    report = VerificationService(services.keys).verify_bytes(produced.seal)
    assert report.valid, report
    assert (report.signer, report.cert_ref, report.issuing_country) == ("UTGV", "10", "UTO")
    assert report.issue_date == report.signature_date == samples.ISSUED_ON
    assert report.civil == CONTENT  # the worked example is this very entry


def test_kinds_and_names_of_each_certificate(services: Services) -> None:
    cases = [
        (samples.birth(samples.RECOGNITION), CertificateKind.EXTRACT, "BIRTH_EXTRACT"),
        (samples.marriage(divorced=True), CertificateKind.FULL, "MARRIAGE"),
        (samples.death(), CertificateKind.FULL, "DEATH"),
    ]
    seen = []
    for entry, kind, expected in cases:
        civil = civil_content(parse_seal(produce_certificate(services, entry, kind).seal))
        assert civil.certificate_type is CivilCertificateType[expected]
        assert civil.register_number == entry.register_number
        assert civil.event_date == entry.current.event_date
        assert civil.annotations == len(entry.annotations)
        seen.append((civil.principal, civil.second_person))
    assert seen == [
        ("MUELLER<LUEDENSCHEID<<ZOE<OLENA", None),
        ("DUBOIS<<ELOISE", "OESTER<<LARS<AEVAR"),
        ("AANGSTROEM<<BJOERN", None),
    ]


def test_marriage_and_death_have_no_extract(services: Services) -> None:
    for entry in (samples.marriage(), samples.death()):
        with pytest.raises(DomainError) as caught:
            produce_certificate(services, entry, CertificateKind.EXTRACT)
        assert caught.value.code == "civil.certificate.no_extract"


def test_register_number_of_another_register_is_refused(services: Services) -> None:
    entry = dataclasses.replace(samples.death(), register_number=samples.BIRTH_NUMBER)
    with pytest.raises(DomainError) as caught:
        produce_certificate(services, entry)
    assert caught.value.code == "civil.register_number.invalid"


def test_a_name_without_an_icao_rule_needs_its_latin_form(services: Services) -> None:
    greek = PersonRef("Παπαδοπούλου", "Ώλενα")
    entry = samples.birth()
    record = dataclasses.replace(entry.current, child=greek)
    with pytest.raises(DomainError) as caught:
        produce_certificate(services, dataclasses.replace(entry, current=record))
    assert caught.value.code == "transliteration.no_rule"

    latin = dataclasses.replace(greek, surname_latin="Papadopoulou", given_names_latin="Olena")
    record = dataclasses.replace(entry.current, child=latin)
    produced = produce_certificate(services, dataclasses.replace(entry, current=record))
    assert civil_content(parse_seal(produced.seal)).principal == "PAPADOPOULOU<<OLENA"
