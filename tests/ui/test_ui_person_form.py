"""The person page built from forms/person.toml, on the demo post's real services: validation at
the field as the officer types, Save refused with nothing written, non-ASCII names typed key by
key, prefill from the ICAO specimen MRZ and from an ePassport chip on the real PC/SC stack."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from devices.smartcard import AccessKey
from forms import load_form
from tests.support.pcsc import PcscStack, VirtualCard, pcsc_missing
from tests.support.portraits import compliant_jpeg
from tests.ui.focus import tab_chain
from workstation.domain.officers import Officer
from workstation.ui.etd_request_form import EtdRequestPage
from workstation.ui.form_fields import ChoiceEditor, IdentifierEditor, LineEditor
from workstation.ui.person_form import PersonFormPage
from workstation.ui.tasks import TaskRunner
from workstation.wiring import Services

TODAY = dt.date(2026, 11, 25)
# ICAO Doc 9303 Part 4, the TD3 specimen (Anna Maria Eriksson of Utopia).
SPECIMEN = (
    "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
    "L898902C36UTO7408122F1204159ZE184226B<<<<<10",
)


def type_text(widget: QWidget, text: str) -> None:
    """One key press and release per character, carrying its text.

    Not ``qtbot.keyClicks`` (Qt aborts on a non-ASCII character), and not ``QTest.sendKeyEvent``
    either: PySide6 6.10 binds a one-character ``str`` to its ``char`` overload, so "Ø" arrives
    as "Ã" (the first UTF-8 byte). A QKeyEvent carries the text as it is.
    """
    widget.setFocus()
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
            QApplication.sendEvent(widget, event)


def line(page: PersonFormPage, name: str) -> QLineEdit:
    editor = page.fields.editor(name)
    assert isinstance(editor, LineEditor)
    return editor.edit


def choose(page: PersonFormPage, name: str, value: str) -> None:
    editor = page.fields.editor(name)
    assert isinstance(editor, ChoiceEditor)
    editor.combo.setCurrentIndex(editor.combo.findData(value))


@pytest.fixture
def page(
    qtbot: QtBot, services: Services, clerk: Officer, runner: TaskRunner
) -> Iterator[PersonFormPage]:
    widget = PersonFormPage(
        services.persons, clerk, runner, chip=services.chip, today=lambda: TODAY
    )
    qtbot.addWidget(widget)
    widget.show()
    yield widget
    widget.cancel()


def person_count(services: Services) -> int:
    return len(services.persons.search("eriksson").hits)


def test_the_page_follows_the_form_order_labels_and_required_marks(page: PersonFormPage) -> None:
    form = load_form("person")
    assert list(page.fields.rows) == [f.name for f in form.fields]
    assert page.fields.rows["surname"].label.text() == "Surname (as written) *"
    assert page.fields.rows["given_names"].label.text() == "Given names (as written)"
    chain = page.fields.focus_chain()
    assert tab_chain(chain[0], len(chain)) == [*chain[1:], page.save_button]
    assert [w.objectName() for w in chain[:6]] == [
        "surname",
        "given_names",
        "surname_latin",
        "given_names_latin",
        "sex",
        "birth_date",
    ]


def test_a_bad_birth_date_is_shown_at_its_field_and_save_writes_nothing(
    qtbot: QtBot, page: PersonFormPage, services: Services
) -> None:
    assert person_count(services) == 0
    type_text(line(page, "surname"), "Eriksson")
    choose(page, "sex", "F")
    type_text(line(page, "nationality"), "uto")
    birth = page.fields.rows["birth_date"]
    type_text(line(page, "birth_date"), "1974-13-40")
    qtbot.waitUntil(lambda: birth.error.isVisible(), timeout=3000)
    assert birth.message == "Birth date has no such month: 1974-13-40."
    assert line(page, "birth_date").accessibleDescription() == birth.message
    # Untouched fields do not shout while the officer types.
    assert not page.fields.rows["phone"].error.isVisible()
    assert line(page, "nationality").text() == "UTO"

    with qtbot.assertNotEmitted(page.saved):
        page.save_button.click()
    assert "Correct the fields" in page.status.text()
    assert not page.busy and person_count(services) == 0
    assert page.focusWidget() is line(page, "birth_date")

    line(page, "birth_date").clear()
    type_text(line(page, "birth_date"), "1974-08-12")
    qtbot.waitUntil(lambda: not birth.error.isVisible(), timeout=3000)
    assert line(page, "birth_date").accessibleDescription() == birth.spec.help


def test_save_with_empty_required_fields_marks_each_of_them(
    qtbot: QtBot, page: PersonFormPage
) -> None:
    page.save()
    messages = {name: row.message for name, row in page.fields.rows.items() if row.message}
    assert messages == {
        "surname": "Surname is required.",
        "sex": "Sex is required.",
        "birth_date": "Birth date is required.",
        "nationality": "Nationality is required.",
    }


def test_a_non_ascii_name_typed_key_by_key_is_saved_and_found_by_search(
    qtbot: QtBot, page: PersonFormPage, services: Services
) -> None:
    type_text(line(page, "surname"), "Ødegård-Łukasiewicz")
    type_text(line(page, "given_names"), "Zoë Ñúñez")
    choose(page, "sex", "X")
    type_text(line(page, "birth_date"), "1990-02")
    type_text(line(page, "nationality"), "UTO")
    assert line(page, "surname").text() == "Ødegård-Łukasiewicz"
    with qtbot.waitSignal(page.saved, timeout=5000) as saved:
        page.save_button.click()
    person_id = saved.args[0]
    found = services.persons.search("odegard zoe")
    assert [hit.person.id for hit in found.hits] == [person_id]
    person = found.hits[0].person
    assert (person.surname, person.given_names) == ("Ødegård-Łukasiewicz", "Zoë Ñúñez")
    assert person.birth_date.isoformat() == "1990-02"
    assert page.status.text().startswith("Saved.")
    # Saving again would add the same person twice: the page waits for New.
    assert page.locked and not page.save_button.isEnabled()
    with qtbot.assertNotEmitted(page.saved):
        page.save()
    page.new_button.click()
    assert not page.locked and page.fields.values()["surname"] == ""


def test_a_name_in_cyrillic_shows_its_automatic_latin_form(
    qtbot: QtBot, page: PersonFormPage
) -> None:
    type_text(line(page, "surname"), "Шевченко")
    assert line(page, "surname_latin").placeholderText() == "Automatic: Shevchenko"
    assert page.fields.rows["surname_latin"].label.text() == "Surname (Latin letters)"
    line(page, "surname").clear()
    type_text(line(page, "surname"), "Smith")
    assert line(page, "surname_latin").placeholderText() == ""


def test_mrz_prefill_from_the_icao_specimen_fills_the_fields(
    qtbot: QtBot, page: PersonFormPage
) -> None:
    dialog = page.open_mrz_dialog()
    assert dialog is not None
    dialog.set_text("\n".join(SPECIMEN))
    assert all(not label.isVisible() for label in dialog.line_messages)
    assert "ERIKSSON" in dialog.summary.text()
    with qtbot.waitSignal(page.prefilled) as prefilled:
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert prefilled.args == ["mrz"]
    values = page.fields.values()
    assert (values["surname"], values["given_names"]) == ("ERIKSSON", "ANNA MARIA")
    assert (values["sex"], values["birth_date"], values["nationality"]) == (
        "F",
        "1974-08-12",
        "UTO",
    )
    assert values["identifiers"] == [{"kind": "passport", "number": "L898902C3", "issuer": "UTO"}]
    assert not any(row.message for row in page.fields.rows.values())
    # The access key for the chip comes from the typed MRZ.
    chip_dialog = page.open_chip_dialog()
    assert chip_dialog is not None
    assert (chip_dialog.number.text(), chip_dialog.birth.text(), chip_dialog.expiry.text()) == (
        "L898902C3",
        "740812",
        "120415",
    )
    chip_dialog.reject()


def test_a_wrong_check_digit_is_pointed_at_its_line_and_blocks_the_prefill(
    qtbot: QtBot, page: PersonFormPage
) -> None:
    dialog = page.open_mrz_dialog()
    assert dialog is not None
    wrong = SPECIMEN[1][:19] + "3" + SPECIMEN[1][20:]  # birth date check digit 2 -> 3
    dialog.set_text(f"{SPECIMEN[0]}\n{wrong}")
    first, second, _third = dialog.line_messages
    assert not first.isVisible()
    assert second.isVisible()
    assert "birth date" in second.text() and "3 is written" in second.text()
    assert "the data gives 2" in second.text()
    assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()

    dialog.set_text(f"{SPECIMEN[0]}\n{SPECIMEN[1][:-3]}")
    assert "MRZ line 2 has 41 characters" in second.text()
    dialog.set_text(f"{SPECIMEN[0].replace('ERIKSSON', 'ERIKSSØN')}\n{SPECIMEN[1]}")
    assert "character 12 (Ø)" in first.text()
    dialog.reject()
    assert page.fields.values()["surname"] == ""


def test_the_etd_request_page_is_built_from_its_form_and_creates_the_request(
    qtbot: QtBot, services: Services, clerk: Officer, runner: TaskRunner, mueller_id: int
) -> None:
    page = EtdRequestPage(services.documents, clerk, runner)
    qtbot.addWidget(page)
    page.show()
    assert list(page.fields.rows) == ["destination", "transit_points", "replaced_passport"]
    page.set_person(mueller_id)
    destination = page.fields.rows["destination"]
    edit = page.fields.editor("destination")
    assert isinstance(edit, LineEditor)
    type_text(edit.edit, "Utopia City")
    edit.edit.clear()
    qtbot.waitUntil(lambda: destination.message == "Destination is required.", timeout=3000)
    type_text(edit.edit, "Utopia City")
    page.fields.set_values({"replaced_passport": "C01X00T47 (stolen)"})
    with qtbot.waitSignal(page.saved, timeout=5000) as saved:
        page.save()
    document = services.documents.get(saved.args[0])
    assert document.person_id == mueller_id
    assert document.data["destination"] == "Utopia City"
    assert document.data["replaced_passport"] == "C01X00T47 (stolen)"


# -- chip prefill on the real PC/SC stack --------------------------------------------------


@pytest.fixture
def passport(pcsc_stack: PcscStack, tmp_path: Path) -> Iterator[VirtualCard]:
    if pcsc_missing() is not None:
        pytest.skip(str(pcsc_missing()))
    photo = tmp_path / "chip-face.jpg"
    Image.open(io.BytesIO(compliant_jpeg())).resize((240, 308)).save(photo, "JPEG", quality=80)
    env = {"VICC_EPASS_MRZ": "".join(SPECIMEN), "VICC_EPASS_PHOTO": str(photo)}
    card = pcsc_stack.insert(1, "ePass", env)
    yield card
    card.remove()


def test_chip_prefill_reads_the_epassport_and_offers_its_portrait(
    qtbot: QtBot, services: Services, clerk: Officer, runner: TaskRunner, passport: VirtualCard
) -> None:
    page = PersonFormPage(
        services.persons,
        clerk,
        runner,
        chip=services.chip,
        chip_reader=passport.reader,
        today=lambda: TODAY,
    )
    qtbot.addWidget(page)
    dialog = page.open_chip_dialog()
    assert dialog is not None
    dialog.number.setText("L898902C3")
    dialog.birth.setText("740812")
    dialog.expiry.setText("120415")
    portraits: list[bytes] = []
    page.chip_portrait_read.connect(portraits.append)
    with qtbot.waitSignal(page.prefilled, timeout=30_000) as prefilled:
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
        assert "Reading the chip" in page.status.text()
    assert prefilled.args == ["chip"]
    values = page.fields.values()
    assert (values["surname"], values["given_names"], values["sex"]) == (
        "ERIKSSON",
        "ANNA MARIA",
        "F",
    )
    assert (values["birth_date"], values["nationality"]) == ("1974-08-12", "UTO")
    assert values["identifiers"][0]["number"] == "L898902C3"
    assert len(portraits) == 1 and portraits[0].startswith(b"\xff\xd8")


def test_wrong_chip_keys_are_explained_in_the_status_line(
    qtbot: QtBot, services: Services, clerk: Officer, runner: TaskRunner, passport: VirtualCard
) -> None:
    page = PersonFormPage(
        services.persons, clerk, runner, chip=services.chip, chip_reader=passport.reader
    )
    qtbot.addWidget(page)
    page.read_chip(AccessKey("L898902C3", "740812", "120416"))
    qtbot.waitUntil(lambda: page.chip_button.isEnabled(), timeout=30_000)
    assert "refused the access keys" in page.status.text()
    assert page.fields.values()["surname"] == ""


def test_identifier_editor_keeps_other_identifiers_of_a_stored_person() -> None:
    editor = IdentifierEditor(load_form("person").field("identifiers"))
    stored = [
        {"kind": "passport", "number": "X1", "issuer": "UTO"},
        {"kind": "national_id", "number": "N2", "issuer": ""},
    ]
    editor.set_value(stored)
    assert editor.value() == stored
