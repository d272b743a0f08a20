"""Issuing for real: checks on the request, MRZ, signed seal and PDF in one transaction."""

import io
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image

import templates
from workstation.cli import main
from workstation.domain.documents import DocumentAction, DocumentState
from workstation.domain.errors import DomainError, ValidationError
from workstation.domain.mrz import parse
from workstation.domain.vds import etd_mrz, parse_seal
from workstation.security.seal_verifier import verify_seal
from workstation.services.keys import DEMO_KEY_PASSPHRASE
from workstation.wiring import Services, build_services

PERSON = {
    "surname": "Eriksson",
    "given_names": "Anna Maria",
    "sex": "F",
    "birth_date": "1974-08-12",
    "nationality": "UTO",
    "place_of_birth": "Zenith",
}


def _jpeg() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (350, 450), (220, 220, 225)).save(out, "JPEG")
    return out.getvalue()


@pytest.fixture
def services(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Iterator[Services]:
    assert main(["--data-dir", str(tmp_path), "init", "--demo"]) == 0
    capsys.readouterr()
    built = build_services(tmp_path)
    yield built
    built.close()


def _officer(services: Services, name: str) -> object:
    return services.accounts.authenticate(name, f"{name}-demo-1")


def _card_request(services: Services, person: dict[str, str] | None = None) -> int:
    clerk = _officer(services, "clerk")
    person_id = services.persons.add(clerk, person or PERSON)  # type: ignore[arg-type]
    document_id = services.documents.create(clerk, "consular_id_card", person_id)  # type: ignore[arg-type]
    services.documents.act(clerk, document_id, DocumentAction.SUBMIT)  # type: ignore[arg-type]
    services.documents.act(clerk, document_id, DocumentAction.APPROVE)  # type: ignore[arg-type]
    return document_id


def test_an_id_card_is_issued_with_its_mrz_seal_and_pdf(services: Services) -> None:
    clerk = _officer(services, "clerk")
    document_id = _card_request(services)
    services.documents.attach_portrait(clerk, document_id, _jpeg())  # type: ignore[arg-type]
    issued = services.documents.act(
        clerk,
        document_id,
        DocumentAction.PRODUCE,  # type: ignore[arg-type]
        passphrase=DEMO_KEY_PASSPHRASE,
    )
    assert issued.number is not None
    mrz = parse(tuple(issued.data["mrz"]), today=issued.issued_on)  # type: ignore[arg-type]
    assert mrz.valid and mrz.data.document_number == issued.number
    assert mrz.data.primary_identifier == "ERIKSSON"
    seal = bytes.fromhex(issued.data["seal"])
    assert verify_seal(seal, services.keys.trust().signers).valid
    assert services.documents.pdf(document_id).startswith(b"%PDF")


def test_an_etd_needs_approval_and_only_one_may_be_valid(services: Services) -> None:
    clerk, supervisor = _officer(services, "clerk"), _officer(services, "supervisor")
    person_id = services.persons.add(clerk, PERSON)  # type: ignore[arg-type]
    request = {"destination": "Utopia City", "replaced_passport": "X1234567 (stolen)"}

    def etd() -> int:
        document_id = services.documents.create(
            clerk,
            "emergency_travel_document",  # type: ignore[arg-type]
            person_id,
            request,
        )
        services.documents.act(clerk, document_id, DocumentAction.SUBMIT)  # type: ignore[arg-type]
        services.documents.act(supervisor, document_id, DocumentAction.APPROVE)  # type: ignore[arg-type]
        return document_id

    first = services.documents.act(
        clerk,
        etd(),
        DocumentAction.PRODUCE,  # type: ignore[arg-type]
        passphrase=DEMO_KEY_PASSPHRASE,
    )
    seal = parse_seal(bytes.fromhex(first.data["seal"]))
    assert (seal.header.feature_def_ref, seal.header.doc_type_category) == (94, 3)
    assert etd_mrz(seal) == tuple(first.data["mrz"])
    assert first.data["mrz"][0].startswith("PUUTOERIKSSON<<ANNA<MARIA")
    second = etd()
    with pytest.raises(DomainError) as caught:
        services.documents.act(
            clerk,
            second,
            DocumentAction.PRODUCE,  # type: ignore[arg-type]
            passphrase=DEMO_KEY_PASSPHRASE,
        )
    assert caught.value.code == "issue.etd_already_valid"
    assert caught.value.params["number"] == first.number
    assert services.documents.get(second).state == DocumentState.APPROVED


def test_an_etd_request_names_destination_and_replaced_passport(services: Services) -> None:
    clerk = _officer(services, "clerk")
    person_id = services.persons.add(clerk, PERSON)  # type: ignore[arg-type]
    with pytest.raises(ValidationError) as caught:
        services.documents.create(
            clerk,
            "emergency_travel_document",
            person_id,  # type: ignore[arg-type]
            {"destination": " ", "transit": "DOH"},
        )
    assert {(e.field, e.code) for e in caught.value.errors} == {
        ("transit", "field.unknown"),
        ("destination", "field.required"),
        ("replaced_passport", "field.required"),
    }


def test_no_photo_or_no_nationality_means_no_card_and_no_number_used(services: Services) -> None:
    clerk = _officer(services, "clerk")
    document_id = _card_request(services)
    with pytest.raises(DomainError) as caught:
        services.documents.act(
            clerk,
            document_id,
            DocumentAction.PRODUCE,  # type: ignore[arg-type]
            passphrase=DEMO_KEY_PASSPHRASE,
        )
    assert (caught.value.code, caught.value.field) == ("issue.photo_missing", "photo")
    foreigner = _card_request(services, {**PERSON, "nationality": "FRA"})
    services.documents.attach_portrait(clerk, foreigner, _jpeg())  # type: ignore[arg-type]
    with pytest.raises(DomainError) as refused:
        services.documents.act(
            clerk,
            foreigner,
            DocumentAction.PRODUCE,  # type: ignore[arg-type]
            passphrase=DEMO_KEY_PASSPHRASE,
        )
    assert refused.value.code == "issue.not_a_national"
    card = next(r for r in services.documents.reconcile_stock() if "consular" in r.series)
    assert card.last_sequence == 0


def test_a_rendering_failure_rolls_the_whole_issue_back(
    services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    clerk = _officer(services, "clerk")
    document_id = _card_request(services)
    services.documents.attach_portrait(clerk, document_id, _jpeg())  # type: ignore[arg-type]
    audit_before = services.audit.verify().last_seq

    def broken(*args: object, **kwargs: object) -> bytes:
        raise OSError("printer font missing")

    # production imports the renderer when it renders (ReportLab is not loaded at start).
    monkeypatch.setattr(templates, "render_pdf", broken)
    with pytest.raises(OSError):
        services.documents.act(
            clerk,
            document_id,
            DocumentAction.PRODUCE,  # type: ignore[arg-type]
            passphrase=DEMO_KEY_PASSPHRASE,
        )
    document = services.documents.get(document_id)
    assert (document.state, document.number) == (DocumentState.APPROVED, None)
    assert services.audit.verify().last_seq == audit_before
    with pytest.raises(DomainError):
        services.documents.pdf(document_id)


def test_a_wrong_key_passphrase_issues_nothing(services: Services) -> None:
    clerk = _officer(services, "clerk")
    document_id = _card_request(services)
    services.documents.attach_portrait(clerk, document_id, _jpeg())  # type: ignore[arg-type]
    with pytest.raises(DomainError) as caught:
        services.documents.act(
            clerk,
            document_id,
            DocumentAction.PRODUCE,  # type: ignore[arg-type]
            passphrase="not-it",
        )
    assert caught.value.code == "keys.wrong_passphrase"
    assert services.documents.get(document_id).number is None


def test_a_file_that_is_not_a_photo_is_refused(services: Services) -> None:
    clerk = _officer(services, "clerk")
    document_id = _card_request(services)
    with pytest.raises(DomainError) as caught:
        services.documents.attach_portrait(clerk, document_id, b"%PDF-1.4 not a photo")  # type: ignore[arg-type]
    assert (caught.value.code, caught.value.field) == ("photo.unreadable", "photo")


def test_names_and_places_in_cyrillic_print_in_latin_letters(services: Services) -> None:
    clerk = _officer(services, "clerk")
    person = {**PERSON, "surname": "Петренко", "given_names": "Олена", "place_of_birth": "Одеса"}
    document_id = _card_request(services, person)
    services.documents.attach_portrait(clerk, document_id, _jpeg())  # type: ignore[arg-type]
    issued = services.documents.act(
        clerk,
        document_id,
        DocumentAction.PRODUCE,  # type: ignore[arg-type]
        passphrase=DEMO_KEY_PASSPHRASE,
    )
    assert issued.data["mrz"][2].startswith("PETRENKO<<OLENA<")
    pdf = Path(services.db.url.removeprefix("sqlite:///")).parent / "card.pdf"
    pdf.write_bytes(services.documents.pdf(document_id))
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "PETRENKO" in text and "Odesa" in text and "Одеса" not in text
