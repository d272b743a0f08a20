"""The registrar's page on the real demo services: registering births from the form (typed like
an officer, non-ASCII included), the list, a supervisor's approval and a certificate as PDF."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.ui.keyboard import type_text
from workstation.domain.civil.entries import EntryState
from workstation.domain.civil.records import EventKind
from workstation.domain.officers import Officer
from workstation.services.clock import local_date
from workstation.ui.civil_register_form import RegistrationFormPage
from workstation.ui.civil_register_page import CivilRegisterPage
from workstation.ui.form_fields import ChoiceEditor, LineEditor
from workstation.ui.tasks import TaskRunner
from workstation.wiring import Services

EXAMPLES = Path(__file__).resolve().parents[2] / "docs" / "examples"
CHILD = "Åström-Nuñez"


@pytest.fixture
def registrar(services: Services) -> Officer:
    return services.accounts.authenticate("registrar", "registrar-demo-1")


@pytest.fixture
def supervisor(services: Services) -> Officer:
    return services.accounts.authenticate("supervisor", "supervisor-demo-1")


def _today(services: Services) -> dt.date:
    return local_date(services.clock, services.post.time_zone)


def make_page(
    qtbot: QtBot, services: Services, officer: Officer, runner: TaskRunner
) -> CivilRegisterPage:
    page = CivilRegisterPage(
        services.civil,
        officer,
        runner,
        post=services.post,
        clock=services.clock,
        audit=services.audit,
    )
    qtbot.addWidget(page)
    page.resize(1500, 900)
    with qtbot.waitSignal(page.listed, timeout=10_000):
        page.show()
    return page


def open_birth_form(qtbot: QtBot, page: CivilRegisterPage) -> RegistrationFormPage:
    form = page.open_form(EventKind.BIRTH)
    assert form is not None
    qtbot.waitUntil(lambda: form._rules is not None, timeout=10_000)
    return form


def line(form: RegistrationFormPage, name: str) -> Any:
    editor = form.fields.editor(name)
    assert isinstance(editor, LineEditor)
    return editor.edit


def choose(form: RegistrationFormPage, name: str, value: str) -> None:
    editor = form.fields.editor(name)
    assert isinstance(editor, ChoiceEditor)
    editor.combo.setCurrentIndex(editor.combo.findData(value))


def fill_birth(form: RegistrationFormPage, born: dt.date) -> None:
    """Everything but the child's surname, as a registrar would: typed, or chosen."""
    for name, text in {
        "child_given_names": "Elin Maja",
        "birth_date": born.isoformat(),
        "birth_country": "CHE",
        "birth_place": "Genève, HUG",
        "mother_surname": "Nordin",
        "mother_given_names": "Karin",
        "mother_birth_date": "1991-06-14",
        "mother_country_of_birth": "UTO",
        "mother_nationality": "UTO",
    }.items():
        type_text(line(form, name), text)
    choose(form, "sex", "F")
    choose(form, "mother_nationality_evidence", "passport")
    choose(form, "parents_marital_status", "married")
    choose(form, "informant_capacity", "mother")


def register_from_form(qtbot: QtBot, form: RegistrationFormPage) -> Any:
    with qtbot.waitSignal(form.registered, timeout=15_000) as blocker:
        qtbot.keyClick(
            form.fields.focus_chain()[0], Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier
        )
    return blocker.args[0]


def test_on_time_birth_typed_with_non_ascii_name_is_listed(
    qtbot: QtBot, services: Services, registrar: Officer, runner: TaskRunner
) -> None:
    page = make_page(qtbot, services, registrar, runner)
    form = open_birth_form(qtbot, page)
    surname = line(form, "child_surname")
    assert surname.hasFocus() or form.fields.focus_chain()[0] is surname
    type_text(surname, CHILD)
    assert surname.text() == CHILD
    fill_birth(form, _today(services) - dt.timedelta(days=10))
    qtbot.waitUntil(lambda: form.timeliness is not None)
    assert form.timeliness is not None and form.timeliness.value == "current"
    assert "On time" in form.timeliness_label.text()
    form.evidence_box_for("local_birth_certificate").setChecked(True)
    form.evidence_box_for("parent_identity").setChecked(True)

    entry = register_from_form(qtbot, form)

    assert entry.state is EntryState.REGISTERED
    assert entry.original.child.surname == CHILD
    assert entry.register_number in form.status.text()
    with qtbot.waitSignal(page.listed, timeout=10_000):
        page.refresh()
    row = page.model.row_of(entry.register_number)
    assert row is not None
    assert CHILD in page.model.index(row, 2).data()
    assert page.model.index(row, 0).data() == entry.register_number
    # Opening it shows the nationality outcome in words.
    with qtbot.waitSignal(page.entry_opened, timeout=10_000):
        page.select(entry.register_number)
    text = page.detail.text.toPlainText()
    assert CHILD in text and "Nationality" in text and "acquires" in text.lower()


def test_late_birth_waits_and_the_supervisor_approves(
    qtbot: QtBot,
    services: Services,
    registrar: Officer,
    supervisor: Officer,
    runner: TaskRunner,
) -> None:
    page = make_page(qtbot, services, registrar, runner)
    form = open_birth_form(qtbot, page)
    type_text(line(form, "child_surname"), "Øberg")
    fill_birth(form, _today(services) - dt.timedelta(days=100))
    qtbot.waitUntil(lambda: form.timeliness is not None and form.timeliness.value == "late")
    assert "Late" in form.timeliness_label.text()
    for code in ("local_birth_certificate", "parent_identity", "parent_nationality_proof"):
        form.evidence_box_for(code).setChecked(True)
    form.evidence_box_for("reason_for_delay").setChecked(True)
    entry = register_from_form(qtbot, form)
    assert entry.state is EntryState.PENDING_APPROVAL
    # The registrar sees it, but has no decision to take.
    with qtbot.waitSignal(page.entry_opened, timeout=10_000):
        page.refresh()
        qtbot.waitUntil(lambda: page.model.row_of(entry.register_number) is not None)
        page.select(entry.register_number)
    assert not page.detail.decision_box.isVisible()

    boss = make_page(qtbot, services, supervisor, runner)
    boss.state_filter.setCurrentIndex(boss.state_filter.findData("pending_approval"))
    assert boss.proxy.rowCount() == 1
    with qtbot.waitSignal(boss.entry_opened, timeout=10_000):
        boss.select(entry.register_number)
    assert boss.detail.decision_box.isVisible()
    with qtbot.waitSignal(boss.detail.entry_changed, timeout=10_000) as blocker:
        qtbot.mouseClick(boss.detail.approve_button, Qt.MouseButton.LeftButton)
    assert blocker.args[0].state is EntryState.REGISTERED
    assert services.civil.get(entry.register_number).state is EntryState.REGISTERED
    qtbot.waitUntil(lambda: boss.proxy.rowCount() == 0)


def test_supervisor_cannot_approve_their_own_late_registration(
    qtbot: QtBot, services: Services, supervisor: Officer, runner: TaskRunner
) -> None:
    data = _example("birth-current.json", _today(services) - dt.timedelta(days=100))
    data["evidence_presented"] += ["parent_nationality_proof", "reason_for_delay"]
    entry = services.civil.register(supervisor, "birth", data)
    page = make_page(qtbot, services, supervisor, runner)
    with qtbot.waitSignal(page.entry_opened, timeout=10_000):
        page.select(entry.register_number)
    page.detail.approve()
    qtbot.waitUntil(lambda: "another officer" in page.detail.decision_message.text())
    assert page.detail.decision_box.isVisible()
    assert services.civil.get(entry.register_number).state is EntryState.PENDING_APPROVAL


def test_a_bad_field_shows_its_message_and_nothing_is_written(
    qtbot: QtBot, services: Services, registrar: Officer, runner: TaskRunner
) -> None:
    page = make_page(qtbot, services, registrar, runner)
    form = open_birth_form(qtbot, page)
    type_text(line(form, "child_surname"), CHILD)
    fill_birth(form, _today(services) - dt.timedelta(days=10))
    date = line(form, "birth_date")
    date.clear()
    with qtbot.waitSignal(form.validated, timeout=5_000):
        type_text(date, "2026-13-40")
    error = form.fields.rows["birth_date"].error
    assert error.isVisible() or not error.isHidden()
    assert "Date of birth" in error.text()
    form.save()
    assert not form.busy
    assert form.fields.rows["birth_date"].message
    assert list(services.civil.list()) == []


def test_a_duplicate_shows_the_entry_already_registered(
    qtbot: QtBot, services: Services, registrar: Officer, runner: TaskRunner
) -> None:
    born = _today(services) - dt.timedelta(days=10)
    first = services.civil.register(registrar, "birth", _example("birth-current.json", born))
    page = make_page(qtbot, services, registrar, runner)
    form = open_birth_form(qtbot, page)
    type_text(line(form, "child_surname"), "NORDIN")
    fill_birth(form, born)
    form.evidence_box_for("local_birth_certificate").setChecked(True)
    form.evidence_box_for("parent_identity").setChecked(True)
    with qtbot.waitSignal(form.duplicate_found, timeout=15_000) as blocker:
        form.save()
    assert blocker.args[0] == first.register_number
    qtbot.waitUntil(lambda: page.duplicate_dialog is not None)
    assert page.duplicate_dialog is not None
    assert first.register_number in page.duplicate_dialog.windowTitle()
    assert first.register_number in form.status.text()
    assert len(services.civil.list()) == 1


def test_certificate_is_saved_as_pdf(
    qtbot: QtBot, services: Services, registrar: Officer, runner: TaskRunner, tmp_path: Path
) -> None:
    data = _example("birth-current.json", _today(services) - dt.timedelta(days=5))
    entry = services.civil.register(registrar, "birth", data)
    page = make_page(qtbot, services, registrar, runner)
    with qtbot.waitSignal(page.entry_opened, timeout=10_000):
        page.select(entry.register_number)
    detail = page.detail
    assert detail.certificate_box.isVisible()
    detail.kind_combo.setCurrentIndex(detail.kind_combo.findData("extract"))
    target = tmp_path / "extract.pdf"
    detail.make_certificate(target)
    dialog = detail.passphrase_dialog
    assert dialog is not None
    type_text(dialog.passphrase_edit, "demo-signing-key")
    with qtbot.waitSignal(detail.certificate_done, timeout=30_000):
        dialog.buttons.accepted.emit()
    assert target.read_bytes().startswith(b"%PDF")
    assert "extract.pdf" in detail.certificate_message.text()


def _example(name: str, born: dt.date) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((EXAMPLES / name).read_text(encoding="utf-8"))
    data["birth_date"] = born.isoformat()
    return data
