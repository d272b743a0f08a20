"""The card's chip and ICAO chips on a real PC/SC stack (pcscd + vpcd + vicc): encode, read back
and verify; verify a card offline; read an ePassport with BAC; the CLI contracts."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image

from devices.errors import DeviceError
from devices.smartcard import EF_PORTRAIT, EF_SIGNED_DATA, PcscReader, write_files
from tests.support.pcsc import PcscStack, VirtualCard, pcsc_missing
from tests.support.portraits import compliant_jpeg
from workstation.cli import main
from workstation.domain.documents import DocumentAction
from workstation.domain.errors import DomainError
from workstation.domain.officers import Officer
from workstation.services.keys import DEMO_KEY_PASSPHRASE
from workstation.wiring import Services

pytestmark = pytest.mark.skipif(pcsc_missing() is not None, reason=str(pcsc_missing()))

PERSON = {
    "surname": "Eriksson",
    "given_names": "Anna Maria",
    "sex": "F",
    "birth_date": "1974-08-12",
    "nationality": "UTO",
    "place_of_birth": "Zenith",
}
# ICAO 9303 Part 4 specimen (TD3) for the vicc ePass card.
PASSPORT_MRZ = (
    "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
    "L898902C36UTO7408122F1204159ZE184226B<<<<<10",
)


@pytest.fixture
def blank_card(pcsc_stack: PcscStack) -> Iterator[VirtualCard]:
    card = pcsc_stack.insert(0, "iso7816")
    yield card
    card.remove()


@pytest.fixture
def passport(pcsc_stack: PcscStack, tmp_path: Path) -> Iterator[tuple[VirtualCard, bytes]]:
    photo = tmp_path / "chip-face.jpg"
    Image.open(io.BytesIO(compliant_jpeg())).resize((240, 308)).save(photo, "JPEG", quality=80)
    env = {"VICC_EPASS_MRZ": "".join(PASSPORT_MRZ), "VICC_EPASS_PHOTO": str(photo)}
    card = pcsc_stack.insert(1, "ePass", env)
    yield card, photo.read_bytes()
    card.remove()


def _clerk(services: Services) -> Officer:
    return services.accounts.authenticate("clerk", "clerk-demo-1")


def _produced_card(services: Services) -> int:
    clerk = _clerk(services)
    person_id = services.persons.add(clerk, PERSON)  # type: ignore[arg-type]
    document_id = services.documents.create(clerk, "consular_id_card", person_id)
    services.photos.capture_for_person(clerk, person_id, compliant_jpeg(), document_id=document_id)
    for action in (DocumentAction.SUBMIT, DocumentAction.APPROVE):
        services.documents.act(clerk, document_id, action)
    services.documents.act(
        clerk, document_id, DocumentAction.PRODUCE, passphrase=DEMO_KEY_PASSPHRASE
    )
    return document_id


def test_a_card_chip_is_written_read_back_and_verified_before_it_counts_as_encoded(
    services: Services, blank_card: VirtualCard, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document_id = _produced_card(services)
    document = services.documents.get(document_id)
    report = services.chip.encode(_clerk(services), document_id, blank_card.reader)
    assert report.valid and report.seal.code == "vds.verify.valid"
    assert report.seal.mrz == tuple(document.data["mrz"])
    assert report.portrait_size is not None and report.portrait_bytes <= 15_000
    trail = services.audit.trail("document", str(document_id))
    assert trail[0].action == "chip.encoded" and trail[0].details["number"] == document.number
    assert "chip_encoded_at" in services.documents.get(document_id).data

    # Anyone can check the card offline, from another process: `consular chip verify`.
    capsys.readouterr()
    code = main(
        ["--data-dir", str(data_dir), "--json", "chip", "verify", "--reader", blank_card.reader]
    )
    verdict = json.loads(capsys.readouterr().out)
    assert code == 0 and verdict["verdict"] == "valid"
    assert verdict["seal"]["mrz"] == document.data["mrz"]


def test_an_altered_chip_does_not_verify(
    services: Services, blank_card: VirtualCard, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document_id = _produced_card(services)
    seal = bytearray.fromhex(services.documents.get(document_id).data["seal"])
    seal[20] ^= 0x01  # one bit of the signed MRZ
    with PcscReader(blank_card.reader) as reader:
        reader.submit(
            lambda card: write_files(
                card, {EF_SIGNED_DATA: bytes(seal), EF_PORTRAIT: compliant_jpeg()[:4000]}
            )
        ).result(120)
    capsys.readouterr()
    code = main(["--data-dir", str(data_dir), "chip", "verify", "--reader", blank_card.reader])
    out = capsys.readouterr().out
    assert code == 6 and out.startswith("NOT VALID")


def test_encoding_without_a_card_is_refused_and_audited(
    services: Services, pcsc_stack: PcscStack
) -> None:
    document_id = _produced_card(services)
    with pytest.raises(DeviceError) as caught:
        services.chip.encode(_clerk(services), document_id, pcsc_stack.reader(0))
    assert caught.value.code == "card.absent"
    trail = services.audit.trail("document", str(document_id))
    assert trail[0].action == "chip.encoding_failed" and trail[0].details["code"] == "card.absent"
    assert "chip_encoded_at" not in services.documents.get(document_id).data


def test_an_etd_has_no_chip(services: Services) -> None:
    clerk = _clerk(services)
    person_id = services.persons.add(clerk, PERSON)  # type: ignore[arg-type]
    etd = services.documents.create(
        clerk,
        "emergency_travel_document",
        person_id,
        {"destination": "Utopia City", "replaced_passport": "X1234567 (stolen)"},
    )
    with pytest.raises(DomainError) as caught:
        services.chip.encode(clerk, etd)
    assert caught.value.code == "chip.kind_has_no_chip"


def test_an_epassport_is_read_with_keys_from_its_mrz_and_its_portrait_written(
    passport: tuple[VirtualCard, bytes],
    data_dir: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    card, photo = passport
    out = tmp_path / "dg2.jpg"
    capsys.readouterr()
    where = ["--reader", card.reader, "--photo-out", str(out)]
    code = main(
        ["--data-dir", str(data_dir), "--json", "chip", "read", "--mrz", *PASSPORT_MRZ, *where]
    )
    read = json.loads(capsys.readouterr().out)
    assert code == 0
    assert read["mrz"] == list(PASSPORT_MRZ)
    assert (read["surname"], read["given_names"], read["document_number"]) == (
        "ERIKSSON",
        "ANNA MARIA",
        "L898902C3",
    )
    assert read["check_digits_valid"] is True and read["birth_date"] == "1974-08-12"
    assert out.read_bytes() == photo
    assert Image.open(out).size == (240, 308)


def test_wrong_access_keys_give_a_clear_message_and_exit_7(
    passport: tuple[VirtualCard, bytes], data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    card, _photo = passport
    capsys.readouterr()
    keys = ["--number", "L898902C3", "--birth", "740812", "--expiry", "120416"]
    code = main(["--data-dir", str(data_dir), "chip", "read", *keys, "--reader", card.reader])
    err = capsys.readouterr().err
    assert code == 7
    assert "refused the access keys" in err


def test_devices_lists_the_reader_with_its_card_and_the_folder_queues(
    blank_card: VirtualCard, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert main(["--data-dir", str(data_dir), "--json", "devices"]) == 0
    listed = json.loads(capsys.readouterr().out)
    readers = {r["name"]: r for r in listed["readers"]}
    assert readers[blank_card.reader]["card_present"] is True
    queues = {q["name"]: q for q in listed["print_queues"]}
    assert queues["folder:cards"]["role"] == "card" and queues["folder:a4"]["role"] == "a4"
    states = {s["kind"]: s["state"] for s in listed["status"]}
    assert states["card_printer"] == "ready" and states["reader"] == "ready"
