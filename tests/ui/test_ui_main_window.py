"""MainWindow: header, search as you type (worker, debounce, latest result only), details,
device status bar, keyboard access."""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit

from devices.registry import DeviceMap, probe_all
from devices.status import DeviceKind
from tests.ui.focus import tab_chain
from tests.ui.windows import session_window
from workstation.domain.officers import Officer
from workstation.ui.person_table_model import PERSON_ROLE, PersonColumn
from workstation.ui.workspace import Workspace
from workstation.wiring import Services


@pytest.fixture
def window(qtbot, services, clerk, runner, fixed_probe) -> Workspace:
    main = session_window(services, clerk, runner, DeviceMap(), probe=fixed_probe)
    qtbot.addWidget(main.window())
    main.window().show()
    qtbot.waitExposed(main.window())
    return main


def type_text(widget: QLineEdit, text: str) -> None:
    """Type any text, one key press and release per character.

    Not ``qtbot.keyClicks`` (Qt aborts the process on a non-ASCII character) and not
    ``QTest.sendKeyEvent`` either: PySide6 6.10 binds a one-character ``str`` to its ``char``
    overload, so "ü" arrives as "Ã" (the first UTF-8 byte). A QKeyEvent carries the text as is.
    """
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
            QApplication.sendEvent(widget, event)


def search(qtbot, window: Workspace, text: str) -> None:
    window.search.search_edit.clear()
    with qtbot.waitSignal(
        window.search.results_shown,
        timeout=5000,
        check_params_cb=lambda r: r is not None and r.terms,
    ):
        type_text(window.search.search_edit, text)


def shown_names(window: Workspace) -> list[str]:
    return [
        window.search.proxy.index(r, PersonColumn.NAME).data()
        for r in range(window.search.proxy.rowCount())
    ]


def test_header_shows_post_and_signed_in_officer(window: Workspace) -> None:
    assert "UTO-GVA" in window.window().windowTitle()
    assert "UTO-GVA" in window.header.post_label.text()
    assert "Consulate General of Utopia" in window.header.post_label.text()
    assert window.header.post_detail_label.text() == "Geneva · issuing state UTO"
    assert window.header.officer_label.text() == "Carla Clerk"
    assert window.header.roles_label.text() == "Clerk · user name clerk"
    assert window.window().database_label.text() == "Database: SQLite"


def test_typing_ascii_mueller_finds_mueller_luedenscheid(qtbot, window, mueller_id) -> None:
    qtbot.keyClicks(window.search.search_edit, "mueller")
    qtbot.waitUntil(lambda: window.search.proxy.rowCount() == 1)
    assert shown_names(window) == ["MÜLLER-LÜDENSCHEID, Jürgen"]
    row = window.search.proxy.index(0, PersonColumn.AS_WRITTEN)
    assert row.data() == "Müller-Lüdenscheid, Jürgen"
    assert window.search.proxy.index(0, PersonColumn.ID).data() == mueller_id
    assert window.search.hint.text() == "Persons found: 1"


def test_typing_non_ascii_mueller_finds_the_same_person(qtbot, window, mueller_id) -> None:
    search(qtbot, window, "Müller")
    assert window.search.search_edit.text() == "Müller"
    assert shown_names(window) == ["MÜLLER-LÜDENSCHEID, Jürgen"]
    search(qtbot, window, "lüdensch jür")
    assert window.search.proxy.rowCount() == 1


def test_search_waits_for_a_pause_and_runs_once(qtbot, window, mueller_id) -> None:
    shown = []
    window.search.results_shown.connect(shown.append)
    type_text(window.search.search_edit, "mue")
    assert window.search.proxy.rowCount() == 0 and shown == []  # nothing before the pause
    qtbot.waitUntil(lambda: len(shown) == 1)
    assert shown[0].terms and window.search.proxy.rowCount() == 1


def test_only_the_latest_query_result_is_shown(
    qtbot, services, clerk, runner, fixed_probe, mueller_id
) -> None:
    """A slow first query finishing after the second must not overwrite its result."""
    gate, held = threading.Event(), threading.Event()
    persons = services.persons

    class SlowFirstQuery:
        def search(self, text, born=None, limit=50):
            if text == "zzz":
                held.set()
                gate.wait(10)
            return persons.search(text, born, limit)

    gated: Services = dataclasses.replace(services, persons=SlowFirstQuery())
    window = session_window(gated, clerk, runner, DeviceMap(), probe=fixed_probe)
    qtbot.addWidget(window.window())
    try:
        window.search.search_edit.setText("zzz")  # matches nobody, and is held back
        qtbot.waitUntil(held.is_set)
        with qtbot.waitSignal(window.search.results_shown) as blocker:
            window.search.search_edit.setText("mueller")
        assert [hit.person.id for hit in blocker.args[0].hits] == [mueller_id]
    finally:
        gate.set()
    qtbot.waitUntil(lambda: runner.pending_count == 0)
    assert shown_names(window) == ["MÜLLER-LÜDENSCHEID, Jürgen"]


def test_born_filter_narrows_and_a_bad_date_is_explained(qtbot, window, mueller_id) -> None:
    search(qtbot, window, "mueller")
    with qtbot.waitSignal(window.search.results_shown):
        window.search.born_edit.setText("1985")
    assert window.search.proxy.rowCount() == 0 and window.search.hint.text() == "No person found."
    with qtbot.waitSignal(window.search.results_shown):
        window.search.born_edit.setText("1984-07")
    assert window.search.proxy.rowCount() == 1
    window.search.born_edit.setText("84")
    qtbot.waitUntil(lambda: "YYYY" in window.search.hint.text())
    assert window.search.hint.text().startswith("Birth date must be a date")
    assert window.search.proxy.rowCount() == 1  # the last good result stays


def test_more_results_than_the_limit_shows_a_hint(qtbot, window, services, clerk) -> None:
    for given in ("Anna", "Berta", "Clara"):
        services.persons.add(
            clerk,
            {
                "surname": "Weber",
                "given_names": given,
                "sex": "F",
                "birth_date": "1990",
                "nationality": "UTO",
            },
        )
    window.search.SEARCH_LIMIT = 2
    search(qtbot, window, "weber")
    assert window.search.model.truncated and window.search.proxy.rowCount() == 2
    assert "Showing the first 2 persons" in window.search.hint.text()


def test_selecting_a_row_shows_the_person_documents_and_history(
    qtbot, window, services, clerk: Officer, mueller_id
) -> None:
    services.documents.create(clerk, "consular_id_card", mueller_id)
    search(qtbot, window, "jürgen")
    with qtbot.waitSignal(window.person_shown, timeout=5000) as blocker:
        window.search.results_view.selectRow(0)
    assert blocker.args[0].id == mueller_id
    text = window.details.toPlainText()
    for expected in (
        "MÜLLER-LÜDENSCHEID, Jürgen",
        "Müller-Lüdenscheid, Jürgen",
        "male",
        "1984-07-21 in Zürich, CHE",
        "Passport C01X00T47 (UTO)",
        "Rue du Rhône 12, 1204 Genève, CHE",
        "+41 22 555 01 23",
        "j.mueller@example.org",
        "Consular ID card",
        "draft",
        "added to the registry",
        "clerk",
    ):
        assert expected in text, expected


def test_selection_survives_a_new_search_that_still_finds_the_person(
    qtbot, window, mueller_id
) -> None:
    search(qtbot, window, "mueller")
    with qtbot.waitSignal(window.person_shown):
        window.search.results_view.selectRow(0)
    with qtbot.assertNotEmitted(window.person_shown, wait=50):
        search(qtbot, window, "mueller jue")
    assert window.search.results_view.currentIndex().data(PERSON_ROLE).id == mueller_id
    search(qtbot, window, "nobody")
    assert window.details.person is None


def test_results_sort_through_the_proxy(qtbot, window, services, clerk) -> None:
    for given, born in (("Zoe", "2001"), ("Adam", "1950"), ("Mia", "1980")):
        services.persons.add(
            clerk,
            {
                "surname": "Keller",
                "given_names": given,
                "sex": "X",
                "birth_date": born,
                "nationality": "UTO",
            },
        )
    search(qtbot, window, "keller")
    window.search.results_view.sortByColumn(PersonColumn.BIRTH_DATE, Qt.SortOrder.AscendingOrder)
    assert shown_names(window) == ["KELLER, Adam", "KELLER, Mia", "KELLER, Zoe"]
    window.search.results_view.sortByColumn(PersonColumn.NAME, Qt.SortOrder.DescendingOrder)
    assert shown_names(window)[0] == "KELLER, Zoe"


def test_ctrl_f_focuses_search_and_every_action_has_a_shortcut(qtbot, window) -> None:
    window.search.results_view.setFocus()
    window.find_action.trigger()
    assert window.focusWidget() is window.search.search_edit
    main = window.window()
    actions = [
        a
        for menu in (
            main.file_menu,
            main.registry_menu,
            main.documents_menu,
            main.devices_menu,
            main.help_menu,
        )
        for a in menu.actions()
        if not a.isSeparator()
    ]
    # Quit, Find, Ctrl+1..4 (details, documents, photo, new person: a clerk has no approvals
    # page), 8 document steps, devices, about.
    assert len(actions) == 16
    assert all(not a.shortcut().isEmpty() for a in actions), [
        a.text() for a in actions if a.shortcut().isEmpty()
    ]
    shortcuts = [a.shortcut().toString() for a in actions]
    assert len(set(shortcuts)) == len(shortcuts)  # no shortcut does two things
    assert window.find_action.shortcut().toString() == "Ctrl+F"
    assert main.quit_action.shortcut().toString() == "Ctrl+Q"
    assert window.refresh_devices_action.shortcut().toString() == "F5"


def test_tab_order_follows_the_layout(window) -> None:
    assert tab_chain(window.search.search_edit, 3) == [
        window.search.born_edit,
        window.search.results_view,
        window.details,  # the page shown; Ctrl+1, Ctrl+2 ... switch pages
    ]


def test_enter_in_search_moves_to_the_first_result(qtbot, window, mueller_id) -> None:
    search(qtbot, window, "mueller")
    with qtbot.waitSignal(window.person_shown):
        qtbot.keyClick(window.search.search_edit, Qt.Key.Key_Return)
    assert window.focusWidget() is window.search.results_view


def test_about_names_version_database_and_post(window) -> None:
    text = window.window().about_text()
    assert "0.1.0" in text and "SQLite" in text and "UTO-GVA" in text


@pytest.fixture
def real_probe_window(qtbot, services, clerk, runner) -> Iterator[Workspace]:
    main = session_window(services, clerk, runner, DeviceMap(), probe=probe_all)
    qtbot.addWidget(main.window())
    yield main


def test_device_bar_shows_four_devices_after_the_probe(qtbot, real_probe_window) -> None:
    window = real_probe_window
    labels = window.device_bar.labels()
    assert len(labels) == 4 and all("checking" in label.text() for label in labels)
    with qtbot.waitSignal(window.devices_probed, timeout=20_000) as blocker:
        pass
    assert {s.kind for s in blocker.args[0]} == set(DeviceKind)
    names = ["Card reader", "Card printer", "A4 printer", "Camera"]
    for name, label in zip(names, window.device_bar.labels(), strict=True):
        assert label.accessibleName().startswith(name + ": ")
        assert "checking" not in label.text() and "unknown" not in label.text()
    # No printer queues are configured in the demo post.
    assert (
        window.device_bar.label(DeviceKind.CARD_PRINTER).accessibleName()
        == "Card printer: not set up"
    )
    with qtbot.waitSignal(window.devices_probed, timeout=20_000):
        window.refresh_devices_action.trigger()  # F5


def test_a_failing_probe_is_reported_and_the_window_lives_on(
    qtbot, services, clerk, runner, reporter
) -> None:
    def broken_probe(_map: DeviceMap) -> list:
        raise OSError("driver crashed")

    window = session_window(services, clerk, runner, DeviceMap(), probe=broken_probe)
    qtbot.addWidget(window.window())
    window.window().show()
    with qtbot.waitSignal(reporter.error_reported, timeout=5000) as blocker:
        pass
    assert "unexpected problem" in blocker.args[0]
    assert all(label.accessibleName().endswith(": unknown") for label in window.device_bar.labels())
    assert window.isVisible()
    qtbot.keyClicks(window.search.search_edit, "x")  # still usable
    qtbot.waitUntil(lambda: window.search.model.result is not None)


def test_edit_record_opens_the_person_form_as_a_correction_and_saving_shows_it(
    qtbot, window, services, mueller_id
) -> None:
    search(qtbot, window, "mueller")
    with qtbot.waitSignal(window.person_shown, timeout=5000):
        window.search.results_view.selectRow(0)
    qtbot.waitUntil(window.details.edit_button.isEnabled)
    window.details.edit_button.click()
    assert window.tabs.currentWidget() is window.person_form
    assert "Correction of a record" in window.person_form.title.text()
    assert window.tabs.tabText(window.tabs.currentIndex()) == "Correction"
    phone = window.person_form.fields.editor("phone")
    phone.set_value("+41 22 555 09 99")
    with qtbot.waitSignal(window.person_shown, timeout=10_000) as blocker:
        window.person_form.save()
    assert blocker.args[0].id == mueller_id and blocker.args[0].phone == "+41 22 555 09 99"
    assert services.persons.get(mueller_id).phone == "+41 22 555 09 99"


def test_a_registrar_has_the_civil_register_page_and_a_clerk_does_not(
    qtbot, services, clerk, runner, fixed_probe
) -> None:
    registrar = services.accounts.authenticate("registrar", "registrar-demo-1")
    workspace = session_window(services, registrar, runner, DeviceMap(), probe=fixed_probe)
    qtbot.addWidget(workspace.window())
    assert workspace.civil_register is not None
    number = workspace.tabs.indexOf(workspace.civil_register)
    assert workspace.tabs.tabText(number) == "Civil re&gister"
    workspace.tab_actions[number].trigger()  # Ctrl+<n>
    assert workspace.tabs.currentWidget() is workspace.civil_register
    assert workspace.tab_actions[number].shortcut().toString() == f"Ctrl+{number + 1}"
    counter = session_window(services, clerk, runner, DeviceMap(), probe=fixed_probe)
    qtbot.addWidget(counter.window())
    assert counter.civil_register is None


def test_a_registrar_prints_a_birth_certificate_on_the_posts_a4_printer(
    qtbot, services, demo_dir, runner, fixed_probe
) -> None:
    import datetime as dt
    import json

    from tests.ui.keyboard import type_text
    from workstation.services.clock import local_date

    registrar = services.accounts.authenticate("registrar", "registrar-demo-1")
    data = json.loads(
        (Path(__file__).parents[2] / "docs/examples/birth-current.json").read_text("utf-8")
    )
    born = local_date(services.clock, services.post.time_zone) - dt.timedelta(days=5)
    data["birth_date"] = born.isoformat()
    entry = services.civil.register(registrar, "birth", data)
    workspace = session_window(services, registrar, runner, DeviceMap(), probe=fixed_probe)
    qtbot.addWidget(workspace.window())
    page = workspace.civil_register
    assert page is not None
    workspace.window().show()
    with qtbot.waitSignal(page.listed, timeout=10_000):  # the page reads the list when shown
        workspace.show_tab(workspace.tabs.indexOf(page))
    with qtbot.waitSignal(page.entry_opened, timeout=10_000):
        page.select(entry.register_number)
    detail = page.detail
    assert detail.print_button.isEnabled()  # the workspace gave the page the A4 printer
    detail.print_button.click()
    dialog = detail.passphrase_dialog
    assert dialog is not None
    type_text(dialog.passphrase_edit, "demo-signing-key")
    with qtbot.waitSignal(detail.certificate_done, timeout=60_000):
        dialog.buttons.accepted.emit()
    printed = list((demo_dir / "printed" / "a4").glob("*.pdf"))  # the demo post's folder:a4
    assert len(printed) == 1 and printed[0].read_bytes().startswith(b"%PDF")
    jobs = services.printing.certificate_jobs(entry.register_number)
    assert [job.state.value for job in jobs] == ["completed"]


def test_the_civil_register_takes_the_width_and_ctrl_f_brings_the_search_back(
    qtbot, services, runner, fixed_probe
) -> None:
    registrar = services.accounts.authenticate("registrar", "registrar-demo-1")
    workspace = session_window(services, registrar, runner, DeviceMap(), probe=fixed_probe)
    qtbot.addWidget(workspace.window())
    workspace.window().show()
    qtbot.waitExposed(workspace.window())
    assert workspace.civil_register is not None
    workspace.show_tab(workspace.tabs.indexOf(workspace.civil_register))
    assert not workspace.search.isVisible()
    workspace.find_action.trigger()  # Ctrl+F
    assert workspace.search.isVisible() and workspace.tabs.currentWidget() is workspace.details
    assert workspace.focusWidget() is workspace.search.search_edit


def test_ctrl_4_puts_the_cursor_in_the_new_persons_first_field(qtbot, window) -> None:
    window.tab_actions[window.tabs.indexOf(window.person_form)].trigger()  # Ctrl+4
    first = window.person_form.fields.focus_chain()[0]
    assert window.tabs.currentWidget() is window.person_form
    assert window.focusWidget() is first
    qtbot.keyClicks(first, "Eriksson")
    assert window.person_form.fields.values()["surname"] == "Eriksson"
