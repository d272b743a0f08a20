"""The rarer paths of the Documents page and the approval queue, printing into the demo post's
folder queue: a photo is needed, reprint / spoiled copy / void with a reason (a supervisor signs
a clerk's void), reject with a reason and submit again; and errors that never take the window
down (a worker raising, an exception in a slot, a device error in words)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import pytest
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QDialogButtonBox

from devices.errors import DeviceError
from devices.registry import DeviceMap
from tests.support.documents import produced_card
from tests.support.portraits import compliant_jpeg
from tests.ui.focus import tab_chain
from tests.ui.keyboard import type_text
from tests.ui.windows import session_window
from workstation.domain.document_kinds import CONSULAR_ID_CARD, EMERGENCY_TRAVEL_DOCUMENT
from workstation.domain.documents import Document, DocumentAction, DocumentState
from workstation.domain.officers import Officer
from workstation.domain.printing import PrintJobState, PrintPurpose
from workstation.services.keys import DEMO_KEY_PASSPHRASE
from workstation.ui.issue_dialogs import ReasonDialog
from workstation.ui.main_window import MainWindow
from workstation.ui.tasks import ErrorReporter, install_exception_hook
from workstation.ui.workspace import Workspace
from workstation.wiring import Services

TIMEOUT_MS = 30_000


@pytest.fixture
def supervisor(services: Services) -> Officer:
    return services.accounts.authenticate("supervisor", "supervisor-demo-1")


@pytest.fixture
def open_window(qtbot, services, runner, fixed_probe) -> Callable[..., MainWindow]:
    def make(officer: Officer, with_services: Services | None = None) -> Workspace:
        window = session_window(
            with_services or services, officer, runner, DeviceMap(), probe=fixed_probe
        )
        qtbot.addWidget(window.window())
        window.window().show()
        qtbot.waitExposed(window.window())
        return window

    return make


def open_person(qtbot, window: Workspace, text: str = "mueller") -> None:
    window.find_action.trigger()
    with qtbot.waitSignal(
        window.search.results_shown, timeout=10_000, check_params_cb=lambda r: r is not None
    ):
        type_text(window.search.search_edit, text)
    with qtbot.waitSignal(window.issue_page.documents_loaded, timeout=10_000):
        qtbot.keyClick(window.search.search_edit, Qt.Key.Key_Return)
    window.show_tab(1)


def selected(window: Workspace) -> Document:
    document = window.issue_page.selected_document()
    assert document is not None
    return document


def fill_reason(qtbot, dialog: object, reason: str, credentials: tuple[str, str] | None = None):
    assert isinstance(dialog, ReasonDialog)
    type_text(dialog.reason_edit, reason)
    if credentials is not None:
        type_text(dialog.username_edit, credentials[0])
        type_text(dialog.password_edit, credentials[1])
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
    )
    return dialog


def test_a_card_request_without_a_photo_says_one_is_needed(
    qtbot, open_window, services, clerk, mueller_id
) -> None:
    window = open_window(clerk)
    page = window.issue_page
    open_person(qtbot, window)
    assert page.portrait is None and "No photo yet" in page.photo_note.text()
    page.new_card_action.trigger()
    assert "needs one" in page.status_label.text()
    assert services.documents.for_person(mueller_id) == []


def test_reprint_spoiled_copy_and_a_void_signed_by_a_supervisor(
    qtbot, open_window, services: Services, clerk, mueller_id
) -> None:
    document_id = produced_card(services, clerk, mueller_id)
    window = open_window(clerk)
    page, panel = window.issue_page, window.issue_page.print_panel
    open_person(qtbot, window)
    assert panel.chosen_queue() == "folder:cards"  # the site's card queue
    page.issue_action.trigger()
    qtbot.waitUntil(lambda: selected(window).state is DocumentState.ISSUED, timeout=TIMEOUT_MS)
    assert page.reprint_action.isEnabled() and not page.issue_action.isEnabled()

    page.reprint_action.trigger()
    with qtbot.waitSignal(
        panel.job_settled,
        timeout=TIMEOUT_MS,
        check_params_cb=lambda job: job.state is PrintJobState.COMPLETED,
    ) as settled:
        fill_reason(qtbot, page.dialog, "Holder's card was damaged at the counter")
    assert settled.args[0].purpose is PrintPurpose.REPRINT
    assert "reprint" in panel.state_label.text()

    page.spoil_action.trigger()
    fill_reason(qtbot, page.dialog, "Chip failed on the first card")
    qtbot.waitUntil(lambda: selected(window).spoiled_copies == 1, timeout=TIMEOUT_MS)
    assert "1 spoiled" in page.model.index(0, 1).data()

    # A clerk may not void an issued document alone: a supervisor signs in the dialog.
    page.void_action.trigger()
    dialog = page.dialog
    assert isinstance(dialog, ReasonDialog) and dialog.supervisor
    fill_reason(qtbot, dialog, "Issued to the wrong person", ("supervisor", "wrong-password"))
    qtbot.waitUntil(lambda: "Wrong user name or password" in dialog.message_label.text())
    dialog.password_edit.clear()
    type_text(dialog.password_edit, "supervisor-demo-1")
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
    )
    qtbot.waitUntil(lambda: selected(window).state is DocumentState.VOIDED, timeout=TIMEOUT_MS)
    voided = services.documents.get(document_id)
    assert voided.state is DocumentState.VOIDED
    assert (
        voided.events[-1].officer_id
        == services.accounts.authenticate("supervisor", "supervisor-demo-1").id
    )
    assert not page.void_action.isEnabled()
    qtbot.waitUntil(lambda: "voided" in window.details.toPlainText())


def test_a_rejected_request_goes_back_to_the_clerk_who_submits_it_again(
    qtbot, open_window, services: Services, clerk, supervisor, mueller_id
) -> None:
    document_id = services.documents.create(
        clerk,
        "emergency_travel_document",
        mueller_id,
        {"destination": "Zenith", "replaced_passport": "C01X00T47 (lost)"},
    )
    services.documents.act(clerk, document_id, DocumentAction.SUBMIT)
    supervisor_window = open_window(supervisor)
    queue = supervisor_window.approvals
    assert queue is not None
    with qtbot.waitSignal(queue.queue_loaded, timeout=10_000):
        supervisor_window.show_tab(4)
    assert queue.title_label.text() == "Requests waiting for approval: 1"
    queue.reject_action.trigger()
    with qtbot.waitSignal(queue.decided, timeout=TIMEOUT_MS):
        fill_reason(qtbot, queue.dialog, "The replaced passport number is incomplete")
    with qtbot.waitSignal(queue.queue_loaded, timeout=10_000):
        pass
    assert queue.model.rowCount() == 0
    assert queue.title_label.text() == "No request is waiting for approval."

    clerk_window = open_window(clerk)
    page = clerk_window.issue_page
    open_person(qtbot, clerk_window)
    assert selected(clerk_window).state is DocumentState.DRAFT
    assert page.submit_action.isEnabled()
    page.submit_action.trigger()
    qtbot.waitUntil(
        lambda: selected(clerk_window).state is DocumentState.SUBMITTED, timeout=TIMEOUT_MS
    )


class _BrokenPreview:
    """The document service, except that the preview fails like a bug would."""

    def __init__(self, documents: object) -> None:
        self._documents = documents

    def __getattr__(self, name: str) -> object:
        return getattr(self._documents, name)

    def preview(self, document_id: int) -> bytes:
        raise RuntimeError(f"renderer crashed on {document_id}")


def test_a_worker_error_reaches_the_reporter_and_the_window_lives_on(
    qtbot, open_window, services: Services, clerk, mueller_id, reporter: ErrorReporter
) -> None:
    services.documents.create(clerk, "consular_id_card", mueller_id)
    broken = dataclasses.replace(services, documents=_BrokenPreview(services.documents))
    window = open_window(clerk, broken)
    with qtbot.waitSignal(reporter.error_reported, timeout=10_000) as reported:
        open_person(qtbot, window)
    assert "unexpected problem" in reported.args[0]
    assert "RuntimeError" not in reported.args[0]
    qtbot.waitUntil(lambda: "unexpected problem" in window.issue_page.preview.text())
    # Still working: another search answers.
    with qtbot.waitSignal(window.search.results_shown, timeout=10_000):
        window.search.search_edit.setText("nobody-like-this")
    assert window.search.hint.text() == "No person found."


class _Emitter(QObject):
    fired = Signal()


def test_an_exception_raised_in_a_slot_reaches_the_reporter(qtbot, reporter) -> None:
    emitter = _Emitter()

    def broken_slot() -> None:
        raise KeyError("a bug in a slot")

    emitter.fired.connect(broken_slot)
    uninstall = install_exception_hook(reporter)
    try:
        with qtbot.waitSignal(reporter.error_reported, timeout=5_000) as reported:
            emitter.fired.emit()
    finally:
        uninstall()
    assert "unexpected problem" in reported.args[0]


def test_device_errors_are_described_in_the_officers_words(reporter: ErrorReporter) -> None:
    assert reporter.describe(DeviceError("card.absent", "SCARD_E_NO_SMARTCARD")) == (
        "There is no card in the reader."
    )
    assert reporter.describe(DeviceError("printer.queue_stopped")).startswith(
        "The printer queue is stopped"
    )
    unknown = reporter.describe(DeviceError("camera.exploded", "errno 5"))
    assert "camera.exploded" in unknown and "errno" not in unknown


BIRTH = {  # docs/examples/birth-current.json
    "child": {"surname": "NORDIN", "given_names": "Elin Maja"},
    "sex": "F",
    "birth_date": "2026-11-02",
    "birth_time": "07:45",
    "place_of_birth": {"country": "CHE", "place": "Geneva, Hopitaux Universitaires"},
    "mother": {
        "person": {"surname": "NORDIN", "given_names": "Karin"},
        "nationalities": [{"code": "UTO", "evidence": "passport", "reference": "P1234567"}],
        "birth_date": "1991-06-14",
        "country_of_birth": "UTO",
        "place_of_birth": "Utopia City",
    },
    "father": {
        "person": {"surname": "MEIER", "given_names": "Lukas"},
        "nationalities": [{"code": "CHE", "evidence": "passport", "reference": "X9876543"}],
        "birth_date": "1989-02-03",
        "country_of_birth": "CHE",
    },
    "parents_marital_status": "married",
    "informant": {"person": {"surname": "NORDIN", "given_names": "Karin"}, "capacity": "mother"},
    "evidence_presented": ["local_birth_certificate", "parent_identity"],
    "create_persons": {"child": {}, "mother": {}},
}


def test_the_record_shows_the_civil_registration_entries_naming_the_person(
    qtbot, open_window, services: Services, clerk
) -> None:
    registrar = services.accounts.authenticate("registrar", "registrar-demo-1")
    entry = services.civil.register(registrar, "birth", BIRTH)
    window = open_window(clerk)
    open_person(qtbot, window, "Karin Nordin")
    qtbot.waitUntil(lambda: "Civil registration" in window.details.toPlainText())
    text = window.details.toPlainText()
    assert entry.register_number in text and "birth · mother" in text


def test_the_documents_page_is_keyboard_first(qtbot, open_window, clerk, mueller_id) -> None:
    window = open_window(clerk)
    page = window.issue_page
    open_person(qtbot, window)
    # Tab follows the page: the step buttons (enabled ones), the documents, the printer queue.
    enabled_buttons = [b for b in page.buttons if b.isEnabled() and b.isVisible()]
    assert [b.text() for b in enabled_buttons] == ["New &card", "New &ETD…"]
    assert tab_chain(enabled_buttons[0], 3) == [
        enabled_buttons[1],
        page.documents_view,
        page.print_panel.queue_combo,
    ]
    # Every step has a shortcut and a mnemonic of its own.
    shortcuts = [a.shortcut().toString() for a in page.actions()]
    assert all(shortcuts) and len(set(shortcuts)) == len(shortcuts)
    mnemonics = [b.text().split("&")[1][0].lower() for b in page.buttons]
    assert len(set(mnemonics)) == len(mnemonics)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.focusWidget() is window.search.search_edit


def test_a_kind_configured_to_need_approval_waits_in_the_queue(
    qtbot, open_window, services: Services, clerk, supervisor, mueller_id
) -> None:
    """site.toml's ``requires_approval`` per kind: here the ID card needs a second officer."""
    services.setup.sync_kinds(
        [
            dataclasses.replace(CONSULAR_ID_CARD, requires_approval=True),
            EMERGENCY_TRAVEL_DOCUMENT,
        ]
    )
    services.photos.capture_for_person(clerk, mueller_id, compliant_jpeg())
    window = open_window(clerk)
    page = window.issue_page
    open_person(qtbot, window)
    page.new_card_action.trigger()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=TIMEOUT_MS)
    assert selected(window).state is DocumentState.SUBMITTED
    assert not page.issue_action.isEnabled()
    assert "supervisor" in page.status_label.text()

    supervisor_window = open_window(supervisor)
    queue = supervisor_window.approvals
    assert queue is not None
    with qtbot.waitSignal(queue.queue_loaded, timeout=10_000):
        supervisor_window.show_tab(4)
    assert [d.kind for d in queue.model.documents] == ["consular_id_card"]


def test_a_wrong_passphrase_is_asked_again_and_a_refusal_to_issue_closes_the_dialog(
    qtbot, open_window, services: Services, clerk, mueller_id
) -> None:
    person_id = services.persons.add(
        clerk,
        {
            "surname": "Keller",
            "given_names": "Zoe",
            "sex": "F",
            "birth_date": "1990-03-04",
            "nationality": "CHE",  # not a national of the post's state
        },
    )
    services.photos.capture_for_person(clerk, person_id, compliant_jpeg())
    window = open_window(clerk)
    page = window.issue_page
    open_person(qtbot, window, "keller")
    page.new_card_action.trigger()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=TIMEOUT_MS)
    page.issue_action.trigger()
    dialog = page.dialog
    assert dialog is not None
    type_text(dialog.passphrase_edit, "not-the-passphrase")
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
    )
    # The refusal to issue comes first here (checked before the key is opened) ...
    qtbot.waitUntil(lambda: page.dialog is None, timeout=TIMEOUT_MS)
    assert "nationals of UTO" in page.status_label.text()
    assert selected(window).state is DocumentState.APPROVED

    # ... while for a national, a wrong passphrase is the dialog's to correct.
    services.photos.capture_for_person(clerk, mueller_id, compliant_jpeg())
    open_person(qtbot, window, "mueller")
    page.new_card_action.trigger()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=TIMEOUT_MS)
    page.issue_action.trigger()
    dialog = page.dialog
    assert dialog is not None
    type_text(dialog.passphrase_edit, "not-the-passphrase")
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Wrong key passphrase" in dialog.message_label.text())
    assert page.dialog is dialog and ok.isEnabled()
    dialog.passphrase_edit.clear()
    type_text(dialog.passphrase_edit, DEMO_KEY_PASSPHRASE)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: selected(window).state is DocumentState.ISSUED, timeout=TIMEOUT_MS)
