"""The registrar's page on the real demo services: marriages and deaths from their forms (typed
like an officer, non-ASCII included), a bad field refused at the field, and annotating an entry
(a recognition of paternity that makes the child acquire the nationality)."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.ui.keyboard import type_text
from tests.ui.test_ui_civil_register import (
    EXAMPLES,
    _today,
    choose,
    line,
    make_page,
    register_from_form,
)
from workstation.domain.civil.annotations import AnnotationKind
from workstation.domain.civil.entries import EntryState
from workstation.domain.civil.records import EventKind
from workstation.domain.officers import Officer
from workstation.ui.civil_register_form import RegistrationFormPage
from workstation.ui.civil_register_page import CivilRegisterPage
from workstation.ui.tasks import TaskRunner
from workstation.wiring import Services


@pytest.fixture
def registrar(services: Services) -> Officer:
    return services.accounts.authenticate("registrar", "registrar-demo-1")


SPOUSE_1, SPOUSE_2 = "Lindqvist-Åkesson", "Bernasconi Ñúñez"
SHOTS = os.environ.get("CIVIL_SCREENSHOTS", "")  # a folder: the tests save what they show


def shot(widget: Any, name: str) -> None:
    QApplication.processEvents()  # the widgets a layout shows on the next turn of the loop
    if SHOTS:
        widget.grab().save(str(Path(SHOTS) / f"{name}.png"))


def open_form(qtbot: QtBot, page: CivilRegisterPage, kind: EventKind) -> RegistrationFormPage:
    assert page.new_buttons[kind].isEnabled()
    with qtbot.waitExposed(page):
        pass
    form = page.open_form(kind)
    assert form is not None
    qtbot.waitUntil(lambda: form._rules is not None, timeout=10_000)
    return form


def fill_marriage(form: RegistrationFormPage, married: dt.date) -> None:
    for name, text in {
        "marriage_date": married.isoformat(),
        "marriage_country": "CHE",
        "marriage_place": "Genève, État civil",
        "authority": "État civil de Genève",
        "celebrant": "Officière de l'état civil",
        "spouse1_surname": SPOUSE_1,
        "spouse1_given_names": "Oskar Jörg",
        "spouse1_birth_date": "1988-03-12",
        "spouse1_nationality": "UTO",
        "spouse2_surname": SPOUSE_2,
        "spouse2_given_names": "Giulia",
        "spouse2_surname_after": SPOUSE_1,
        "spouse2_nationality": "CHE",
        "witness1_surname": "Holm",
        "witness1_given_names": "Erik",
    }.items():
        type_text(line(form, name), text)
    choose(form, "spouse1_nationality_evidence", "passport")
    choose(form, "spouse1_previous_status", "never_married")
    choose(form, "spouse2_nationality_evidence", "national_id")
    choose(form, "spouse2_previous_status", "divorced")


def test_a_marriage_typed_with_non_ascii_names_is_registered_and_listed(
    qtbot: QtBot,
    services: Services,
    registrar: Officer,
    runner: TaskRunner,
) -> None:
    page = make_page(qtbot, services, registrar, runner)
    form = open_form(qtbot, page, EventKind.MARRIAGE)
    assert form.fields.focus_chain()[0] is line(form, "marriage_date")
    fill_marriage(form, _today(services) - dt.timedelta(days=20))
    assert line(form, "spouse2_surname").text() == SPOUSE_2
    qtbot.waitUntil(lambda: form.timeliness is not None and form.timeliness.value == "current")
    form.evidence_box_for("local_marriage_certificate").setChecked(True)
    form.evidence_box_for("spouse_identity").setChecked(True)
    shot(page, "marriage-form")

    entry = register_from_form(qtbot, form)

    assert entry.state is EntryState.REGISTERED
    assert entry.register_number.split("/")[1] == "M"
    first, second = entry.original.spouses
    assert (first.person.surname, second.person.surname) == (SPOUSE_1, SPOUSE_2)
    assert second.surname_after_marriage == SPOUSE_1
    assert entry.original.witnesses[0].surname == "Holm"
    qtbot.waitUntil(lambda: page.model.row_of(entry.register_number) is not None, timeout=10_000)
    row = page.model.row_of(entry.register_number)
    assert row is not None and SPOUSE_2 in page.model.index(row, 2).data()


def test_a_marriage_with_one_spouse_names_the_other_at_the_field(
    qtbot: QtBot,
    services: Services,
    registrar: Officer,
    runner: TaskRunner,
) -> None:
    page = make_page(qtbot, services, registrar, runner)
    form = open_form(qtbot, page, EventKind.MARRIAGE)
    fill_marriage(form, _today(services) - dt.timedelta(days=20))
    for name in ("spouse2_surname", "spouse2_given_names", "spouse2_surname_after"):
        line(form, name).clear()
    line(form, "spouse2_nationality").clear()
    choose(form, "spouse2_previous_status", "")
    with qtbot.waitSignal(form.validated, timeout=5_000):
        type_text(line(form, "marriage_date"), "")
        form.validate()
    form.save()
    assert not form.busy
    message = form.fields.rows["spouse2_surname"].message
    assert "Second spouse" in message, message
    assert list(services.civil.list()) == []


def test_a_bad_date_of_death_is_shown_at_the_field_and_nothing_is_written(
    qtbot: QtBot,
    services: Services,
    registrar: Officer,
    runner: TaskRunner,
) -> None:
    page = make_page(qtbot, services, registrar, runner)
    form = open_form(qtbot, page, EventKind.DEATH)
    type_text(line(form, "deceased_surname"), "Eriksson")
    with qtbot.waitSignal(form.validated, timeout=5_000):
        type_text(line(form, "death_date"), "2026-02-30")
    error = form.fields.rows["death_date"].error
    assert not error.isHidden()
    assert "Date of death" in error.text()
    form.save()
    assert not form.busy
    assert list(services.civil.list()) == []


def test_a_death_is_registered_and_a_duplicate_shows_the_first(
    qtbot: QtBot,
    services: Services,
    registrar: Officer,
    runner: TaskRunner,
) -> None:
    died = _today(services) - dt.timedelta(days=3)
    page = make_page(qtbot, services, registrar, runner)
    form = open_form(qtbot, page, EventKind.DEATH)
    for name, text in {
        "deceased_surname": "Eriksson",
        "deceased_given_names": "Ingrid Märta",
        "birth_date": "1941-05-17",
        "death_date": died.isoformat(),
        "death_time": "23:10",
        "death_country": "CHE",
        "death_place": "Lausanne, CHUV",
        "cause_reference": "2026-CHUV-88812",
        "informant_surname": "Eriksson",
        "informant_given_names": "Nils",
    }.items():
        type_text(line(form, name), text)
    choose(form, "sex", "F")
    choose(form, "informant_capacity", "relative")
    qtbot.waitUntil(lambda: form.timeliness is not None)
    form.evidence_box_for("local_death_certificate").setChecked(True)
    form.evidence_box_for("deceased_identity").setChecked(True)
    entry = register_from_form(qtbot, form)
    assert entry.state is EntryState.REGISTERED
    assert entry.original.deceased.given_names == "Ingrid Märta"
    assert entry.original.death_time == dt.time(23, 10)

    # The same death again: the first entry is shown, nothing more is written.
    form.new_entry()
    data = json.loads((EXAMPLES / "death.json").read_text(encoding="utf-8"))
    form.fields.set_values(
        {
            "deceased_surname": "ERIKSSON",
            "deceased_given_names": "Ingrid Marta",
            "sex": "F",
            "death_date": died.isoformat(),
            "death_country": "CHE",
            "informant_capacity": "relative",
            "informant_surname": data["informant"]["person"]["surname"],
        }
    )
    qtbot.waitUntil(lambda: form.timeliness is not None)
    form.evidence_box_for("local_death_certificate").setChecked(True)
    form.evidence_box_for("deceased_identity").setChecked(True)
    with qtbot.waitSignal(form.duplicate_found, timeout=15_000) as blocker:
        form.save()
    assert blocker.args[0] == entry.register_number
    qtbot.waitUntil(lambda: page.duplicate_dialog is not None)
    assert len(services.civil.list()) == 1


def _late_birth(services: Services, officer: Officer) -> Any:
    data = json.loads(
        (EXAMPLES / "birth-late-national-father-stateless-mother.json").read_text("utf-8")
    )
    data["birth_date"] = (_today(services) - dt.timedelta(days=30)).isoformat()
    data["evidence_presented"] = ["local_birth_certificate", "parent_identity"]
    data.pop("create_persons", None)
    return services.civil.register(officer, "birth", data)


def test_a_recognition_of_paternity_makes_the_child_acquire_the_nationality(
    qtbot: QtBot,
    services: Services,
    registrar: Officer,
    runner: TaskRunner,
) -> None:
    entry = _late_birth(services, registrar)
    assert entry.state is EntryState.REGISTERED
    assert entry.outcome is not None and entry.outcome["outcome"] != "acquires"
    page = make_page(qtbot, services, registrar, runner)
    with qtbot.waitSignal(page.entry_opened, timeout=10_000):
        page.select(entry.register_number)
    assert page.detail.annotate_button.isVisible()
    qtbot.mouseClick(page.detail.annotate_button, Qt.MouseButton.LeftButton)
    dialog = page.detail.annotation_dialog
    assert dialog is not None
    kinds = [dialog.kind_combo.itemData(i) for i in range(dialog.kind_combo.count())]
    assert "recognition_of_paternity" in kinds and "divorce" not in kinds
    form = dialog.choose(AnnotationKind.RECOGNITION_OF_PATERNITY)
    today = _today(services)
    for name, text in {
        "decided_on": today.isoformat(),
        "authority": "Consul of Utopia, Dubai",
        "reference": "REC-2026-017",
        "reason": "The father recognised the child before the consul",
        "father_surname": "Roe-Ståhl",
        "father_given_names": "John",
        "father_birth_date": "1990-09-09",
        "father_country_of_birth": "UTO",
        "father_nationality": "UTO",
        "father_nationality_reference": "P7654321",
    }.items():
        type_text(line(form, name), text)  # type: ignore[arg-type]
    choose(form, "father_nationality_evidence", "passport")  # type: ignore[arg-type]
    shot(dialog, "annotation-dialog")
    with qtbot.waitSignal(page.detail.entry_changed, timeout=15_000) as blocker:
        qtbot.keyClick(
            form.fields.focus_chain()[0], Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier
        )
    annotated = blocker.args[0]
    assert annotated.outcome["outcome"] == "acquires"
    assert "UTO" in annotated.outcome["nationalities"]
    assert annotated.current.father.person.surname == "Roe-Ståhl"
    stored = services.civil.get(entry.register_number)
    assert len(stored.annotations) == 1
    qtbot.waitUntil(lambda: "Recognition of paternity" in page.detail.text.toPlainText())
    text = page.detail.text.toPlainText()
    assert "Acquires at birth: UTO" in text and "Roe-Ståhl" in text
    assert "Assessed again after annotation 1" in text
    # The list read again: no longer referred.
    qtbot.waitUntil(lambda: "referred" not in page.model.index(0, 5).data(), timeout=10_000)
    shot(page, "annotated-entry")


def test_a_bad_annotation_is_shown_at_its_field_and_nothing_is_written(
    qtbot: QtBot,
    services: Services,
    registrar: Officer,
    runner: TaskRunner,
) -> None:
    entry = _late_birth(services, registrar)
    page = make_page(qtbot, services, registrar, runner)
    with qtbot.waitSignal(page.entry_opened, timeout=10_000):
        page.select(entry.register_number)
    dialog = page.detail.annotate()
    assert dialog is not None
    form = dialog.choose(AnnotationKind.RECOGNITION_OF_PATERNITY)
    type_text(line(form, "father_surname"), "Roe")  # type: ignore[arg-type]
    with qtbot.waitSignal(form.validated, timeout=5_000):
        type_text(line(form, "father_nationality"), "ZZQ")  # type: ignore[arg-type]
    assert "nationality" in form.fields.rows["father_nationality"].message.lower()
    form.save()
    assert not form.busy
    assert form.fields.rows["decided_on"].message
    assert form.fields.rows["reason"].message
    assert services.civil.get(entry.register_number).annotations == ()
