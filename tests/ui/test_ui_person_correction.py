"""Correcting a person's record from the GUI, on the demo post's real services: the details
panel's Edit record… opens the person form in correction mode, a non-ASCII surname typed key by
key is saved through ``PersonService.update`` and audited, a bad value stays at its field with
nothing written, and a record changed meanwhile by someone else is not overwritten.

The window wiring (``details.edit_requested`` -> ``person_form.edit``) is done here by hand, as
the main window does it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from tests.ui.keyboard import type_text
from workstation.domain.officers import Officer
from workstation.domain.people import Person
from workstation.ui.form_fields import LineEditor
from workstation.ui.person_details import PersonDetailsPanel
from workstation.ui.person_form import PersonFormPage
from workstation.ui.tasks import TaskRunner
from workstation.wiring import Services

TODAY = dt.date(2026, 11, 25)
NEW_SURNAME = "Müller-Ødegård"


def line(page: PersonFormPage, name: str) -> QLineEdit:
    editor = page.fields.editor(name)
    assert isinstance(editor, LineEditor)
    return editor.edit


def retype(page: PersonFormPage, name: str, text: str) -> None:
    edit = line(page, name)
    edit.clear()
    edit.setFocus()
    type_text(edit, text)


def audit_head(services: Services) -> int:
    with services.db.reading() as uow:
        return uow.audit.head()[0]


@pytest.fixture
def page(
    qtbot: QtBot, services: Services, clerk: Officer, runner: TaskRunner
) -> Iterator[PersonFormPage]:
    widget = PersonFormPage(services.persons, clerk, runner, today=lambda: TODAY)
    qtbot.addWidget(widget)
    widget.show()
    yield widget
    widget.cancel()


@pytest.fixture
def details(qtbot: QtBot, services: Services, page: PersonFormPage) -> PersonDetailsPanel:
    panel = PersonDetailsPanel(services.post.time_zone)
    qtbot.addWidget(panel)
    panel.edit_requested.connect(page.edit)
    panel.show()
    return panel


def open_for_correction(
    qtbot: QtBot, services: Services, details: PersonDetailsPanel, person_id: int
) -> Person:
    stored = services.persons.get(person_id)
    details.show_loading(stored)
    assert not details.edit_button.isEnabled()  # not before the whole record is there
    details.show_record(stored, [], services.audit.trail("person", str(person_id)))
    assert details.edit_button.isEnabled()
    with qtbot.waitSignal(details.edit_requested) as requested:
        details.edit_button.click()
    assert requested.args == [stored]
    return stored


def test_edit_record_has_a_mnemonic_and_waits_for_the_whole_record(
    details: PersonDetailsPanel, services: Services, mueller_id: int
) -> None:
    assert details.edit_button.text() == "&Edit record…"
    assert QKeySequence.mnemonic(details.edit_button.text()) == QKeySequence("Alt+E")
    assert not details.edit_button.isEnabled()
    details.show_record(services.persons.get(mueller_id), [], [])
    assert details.edit_button.isEnabled()
    assert "Müller-Lüdenscheid" in details.toPlainText()
    details.show_nothing()
    assert not details.edit_button.isEnabled()


def test_a_surname_corrected_with_non_ascii_text_is_saved_and_audited(
    qtbot: QtBot,
    page: PersonFormPage,
    details: PersonDetailsPanel,
    services: Services,
    mueller_id: int,
) -> None:
    open_for_correction(qtbot, services, details, mueller_id)
    assert page.person_id == mueller_id
    assert page.title.text() == (
        f"Correction of a record: MÜLLER-LÜDENSCHEID, Jürgen (registry ID {mueller_id})"
    )
    assert line(page, "surname").text() == "Müller-Lüdenscheid"
    assert line(page, "surname_latin").text() == ""  # automatic: it follows the correction
    assert line(page, "phone").text() == "+41 22 555 01 23"

    retype(page, "surname", NEW_SURNAME)
    assert line(page, "surname").text() == NEW_SURNAME
    with qtbot.waitSignal(page.saved, timeout=5000) as saved:
        page.save_button.click()

    assert saved.args == [mueller_id]
    assert page.status.text() == "Saved: the record is corrected."
    stored = services.persons.get(mueller_id)
    assert (stored.surname, stored.given_names) == (NEW_SURNAME, "Jürgen")
    assert stored.surname_latin == NEW_SURNAME
    assert stored.identifiers[0].number == "C01X00T47"  # the rest is kept
    assert [h.person.id for h in services.persons.search("odegard jurgen").hits] == [mueller_id]
    trail = services.audit.trail("person", str(mueller_id))
    assert [e.action for e in trail] == ["person.update", "person.add"]
    assert trail[0].actor == "clerk"
    assert trail[0].details["changes"]["surname"] == {
        "old": "Müller-Lüdenscheid",
        "new": NEW_SURNAME,
    }
    # The page keeps correcting the record as now stored; the history says what changed.
    assert page.editing == stored and "MÜLLER-ØDEGÅRD" in page.title.text()
    details.show_record(stored, [], trail)
    history = details.toPlainText()
    assert "record corrected" in history
    assert f"Surname: Müller-Lüdenscheid → {NEW_SURNAME}" in history
    # New goes back to adding a person.
    page.new_button.click()
    assert page.person_id is None and page.title.text() == "New person"
    assert page.fields.values()["surname"] == ""


def test_a_bad_value_is_shown_at_its_field_and_nothing_is_written(
    qtbot: QtBot,
    page: PersonFormPage,
    details: PersonDetailsPanel,
    services: Services,
    mueller_id: int,
) -> None:
    stored = open_for_correction(qtbot, services, details, mueller_id)
    before = audit_head(services)
    retype(page, "surname", NEW_SURNAME)
    retype(page, "birth_date", "1984-13-40")
    birth = page.fields.rows["birth_date"]
    qtbot.waitUntil(lambda: birth.error.isVisible(), timeout=3000)
    assert birth.message == "Birth date has no such month: 1984-13-40."

    with qtbot.assertNotEmitted(page.saved):
        page.save_button.click()
    assert "Correct the fields" in page.status.text()
    assert page.focusWidget() is line(page, "birth_date")
    assert not page.busy
    assert services.persons.get(mueller_id) == stored
    assert audit_head(services) == before


def test_saving_an_unchanged_record_writes_nothing(
    qtbot: QtBot,
    page: PersonFormPage,
    details: PersonDetailsPanel,
    services: Services,
    mueller_id: int,
) -> None:
    """Every field round-trips through the form: an untouched correction changes nothing."""
    stored = open_for_correction(qtbot, services, details, mueller_id)
    before = audit_head(services)
    with qtbot.waitSignal(page.saved, timeout=5000):
        page.save()
    assert services.persons.get(mueller_id) == stored
    assert audit_head(services) == before


def test_a_record_changed_meanwhile_is_not_overwritten(
    qtbot: QtBot,
    page: PersonFormPage,
    details: PersonDetailsPanel,
    services: Services,
    clerk: Officer,
    mueller_id: int,
) -> None:
    open_for_correction(qtbot, services, details, mueller_id)
    # Another officer corrects the telephone number while this one edits the surname.
    data = {**page.fields.values(), "phone": "+41 22 555 99 99"}
    services.persons.update(clerk, mueller_id, data)
    before = audit_head(services)

    retype(page, "surname", NEW_SURNAME)
    page.save_button.click()
    qtbot.waitUntil(lambda: not page.busy, timeout=5000)

    assert "changed by someone else" in page.status.text()
    stored = services.persons.get(mueller_id)
    assert (stored.surname, stored.phone) == ("Müller-Lüdenscheid", "+41 22 555 99 99")
    assert audit_head(services) == before
