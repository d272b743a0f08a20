"""The counter's paths through the main window, on the real stacks: a consular ID card from the
search to the PDF printed on the cups-pdf card queue; an ETD through supervisor approval printed
on A4; a stopped queue with its condition and Retry; chip encoding on pcscd + vpcd + vicc. A
stall detector checks that the GUI thread keeps answering (<= 100 ms) while printing and
encoding."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QDialogButtonBox

from devices.registry import DeviceMap
from tests.support.cups import A4_QUEUE, CARD_QUEUE, ThrowawayCups
from tests.support.pcsc import PcscStack
from tests.support.portraits import compliant_jpeg
from tests.ui.keyboard import type_text
from tests.ui.stall import StallDetector
from tests.ui.windows import session_window
from workstation.domain.documents import Document, DocumentAction, DocumentState
from workstation.domain.officers import Officer
from workstation.domain.printing import PrintJob, PrintJobState
from workstation.services.keys import DEMO_KEY_PASSPHRASE
from workstation.ui.document_preview import PREVIEW_DPI
from workstation.ui.issue_dialogs import EtdRequestDialog, PassphraseDialog, ReasonDialog
from workstation.ui.main_window import MainWindow
from workstation.ui.workspace import Workspace
from workstation.wiring import Services

STALL_LIMIT_MS = 100.0
PRINT_TIMEOUT_MS = 60_000


@pytest.fixture
def supervisor(services: Services) -> Officer:
    return services.accounts.authenticate("supervisor", "supervisor-demo-1")


@pytest.fixture
def open_window(qtbot, services, runner, fixed_probe) -> Callable[..., MainWindow]:
    def make(officer: Officer, device_map: DeviceMap | None = None) -> Workspace:
        window = session_window(
            services, officer, runner, device_map or DeviceMap(), probe=fixed_probe
        )
        qtbot.addWidget(window.window())
        window.window().show()
        qtbot.waitExposed(window.window())
        return window

    return make


def find_and_open(qtbot, window: Workspace, text: str) -> None:
    """Type in the search (Ctrl+F first), Enter, and wait for the person's documents."""
    window.find_action.trigger()
    with qtbot.waitSignal(
        window.search.results_shown, timeout=10_000, check_params_cb=lambda r: r is not None
    ):
        type_text(window.search.search_edit, text)
    with qtbot.waitSignals(
        [window.person_shown, window.issue_page.documents_loaded], timeout=10_000
    ):
        qtbot.keyClick(window.search.search_edit, Qt.Key.Key_Return)


def click_ok(qtbot, dialog: PassphraseDialog | ReasonDialog | EtdRequestDialog) -> None:
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
    )


def selected(window: Workspace) -> Document:
    document = window.issue_page.selected_document()
    assert document is not None
    return document


def wait_for_state(qtbot, window: Workspace, state: DocumentState) -> None:
    qtbot.waitUntil(lambda: selected(window).state is state, timeout=PRINT_TIMEOUT_MS)


def issue_with_passphrase(qtbot, window: Workspace) -> None:
    page = window.issue_page
    assert page.issue_action.isEnabled()
    page.issue_action.trigger()
    dialog = page.dialog
    assert isinstance(dialog, PassphraseDialog)
    type_text(dialog.passphrase_edit, DEMO_KEY_PASSPHRASE)
    click_ok(qtbot, dialog)


def red_share(image: QImage) -> float:
    """The share of clearly red pixels (the specimen watermark is #C00000 at 35 %)."""
    red = total = 0
    for y in range(0, image.height(), 3):
        for x in range(0, image.width(), 3):
            colour = image.pixelColor(x, y)
            total += 1
            red += colour.red() > colour.green() + 50 and colour.red() > colour.blue() + 50
    return red / total


def page_size_mm(pdf: Path) -> tuple[float, float]:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    line = next(x for x in info.stdout.splitlines() if x.startswith("Page size:"))
    width, _x, height = line.split()[2:5]
    return round(float(width) * 25.4 / 72, 1), round(float(height) * 25.4 / 72, 1)


def test_a_consular_id_card_from_search_to_the_pdf_printed_on_the_card_queue(
    qtbot, open_window, services: Services, clerk, mueller_id, cups: ThrowawayCups, tmp_path
) -> None:
    window = open_window(clerk)
    page = window.issue_page
    find_and_open(qtbot, window, "Müller")
    assert page.portrait is None  # no photo yet

    # The photo from a file, on the photo page (Ctrl+3): checked off the GUI thread, stored.
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentWidget() is window.photo_page
    photo = tmp_path / "applicant.jpg"
    photo.write_bytes(compliant_jpeg())
    with qtbot.waitSignal(window.photo_page.checked, timeout=20_000):
        window.photo_page.import_file(photo)
    with qtbot.waitSignal(page.documents_loaded, timeout=20_000):
        qtbot.mouseClick(window.photo_page.use_button, Qt.MouseButton.LeftButton)
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentWidget() is page
    assert page.portrait is not None and "Photo of" in page.photo_note.text()

    with qtbot.waitSignals([page.documents_loaded, page.preview_shown], timeout=20_000):
        qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    card = selected(window)
    # A card needs no second officer (site.toml): requested, submitted and approved at once.
    assert (card.kind, card.state) == ("consular_id_card", DocumentState.APPROVED)
    image = page.preview.image
    # Front and back of an ID-1 card (85.6 mm wide), one above the other.
    assert image is not None and abs(image.width() - 85.6 / 25.4 * PREVIEW_DPI) < 3
    assert image.height() > 2 * 54 / 25.4 * PREVIEW_DPI
    assert red_share(image) > 0.02  # the translucent red "SPECIMEN - NOT VALID" watermark

    page.print_panel.choose_queue(CARD_QUEUE)
    before = set(cups.output_pdfs())
    states: list[PrintJobState] = []
    page.print_panel.job_changed.connect(lambda job: states.append(job.state))
    issue_with_passphrase(qtbot, window)
    with StallDetector() as stalls:  # producing, printing and following
        with qtbot.waitSignal(
            page.print_panel.job_settled,
            timeout=PRINT_TIMEOUT_MS,
            check_params_cb=lambda job: job.state is PrintJobState.COMPLETED,
        ):
            pass
        wait_for_state(qtbot, window, DocumentState.ISSUED)
    print(f"largest GUI stall while producing and printing: {stalls.report()}")
    assert stalls.ticks > 10 and stalls.worst_ms < STALL_LIMIT_MS, stalls.report()
    assert states[0] is PrintJobState.QUEUED and states[-1] is PrintJobState.COMPLETED
    assert "printed" in page.print_panel.state_label.text()
    issued = selected(window)
    assert issued.number and issued.number.startswith("CI")
    # The preview is now the issued document itself: no watermark.
    qtbot.waitUntil(
        lambda: page.preview.image is not None and red_share(page.preview.image) < 0.005
    )
    (output,) = set(cups.output_pdfs()) - before
    assert page_size_mm(output) == (85.6, 54.0)
    # The record shows the issued document and the steps, in the officer's words.
    qtbot.waitUntil(lambda: "sent to the printer" in window.details.toPlainText())
    assert issued.number in window.details.toPlainText()
    # Asked once per session: the next card is issued without the dialog.
    assert page._passphrase == DEMO_KEY_PASSPHRASE


def test_an_etd_goes_through_supervisor_approval_and_prints_on_a4(
    qtbot, open_window, services: Services, clerk, supervisor, mueller_id, cups
) -> None:
    clerk_window = open_window(clerk)
    assert clerk_window.approvals is None  # a clerk has no approval queue
    page = clerk_window.issue_page
    find_and_open(qtbot, clerk_window, "mueller")
    page.new_etd_action.trigger()
    dialog = page.dialog
    assert isinstance(dialog, EtdRequestDialog)
    click_ok(qtbot, dialog)  # nothing typed: the service's refusal shows in the dialog
    qtbot.waitUntil(lambda: "Destination is required" in dialog.message_label.text())
    type_text(dialog.destination_edit, "Zénith, Utopia")
    type_text(dialog.transit_edit, "Frankfurt")
    type_text(dialog.replaced_edit, "C01X00T47 (stolen)")
    with qtbot.waitSignal(page.documents_loaded, timeout=10_000):
        click_ok(qtbot, dialog)
    etd = selected(clerk_window)
    assert (etd.kind, etd.state) == ("emergency_travel_document", DocumentState.SUBMITTED)
    assert not page.issue_action.isEnabled()

    # The supervisor's own request cannot be approved by them either (four eyes).
    supervisor_window = open_window(supervisor)
    queue = supervisor_window.approvals
    assert queue is not None
    own = services.documents.create(
        supervisor,
        "emergency_travel_document",
        mueller_id,
        {"destination": "Zenith", "replaced_passport": "C01X00T47 (lost)"},
    )
    services.documents.act(supervisor, own, DocumentAction.SUBMIT)
    with qtbot.waitSignal(queue.queue_loaded, timeout=10_000):
        supervisor_window.show_tab(4)
    assert [d.id for d in queue.model.documents] == [etd.id, own]
    queue.queue_view.selectRow(1)
    assert not queue.approve_action.isEnabled()
    assert queue.own_label.isVisible() and "another officer" in queue.own_label.text()
    queue.approve_selected()  # forced anyway: the domain refuses in readable words
    qtbot.waitUntil(lambda: "approved by another officer" in queue.message_label.text())

    queue.queue_view.selectRow(0)
    assert queue.approve_action.isEnabled()
    assert "Zénith, Utopia" in queue.request_label.text()
    with qtbot.waitSignal(queue.decided, timeout=10_000) as decided:
        qtbot.keyClick(
            queue.queue_view,
            Qt.Key.Key_A,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )
    assert decided.args[0].state is DocumentState.APPROVED

    with qtbot.waitSignal(page.documents_loaded, timeout=10_000):
        page.reload()
    assert selected(clerk_window).state is DocumentState.APPROVED
    page.print_panel.choose_queue(A4_QUEUE)
    before = set(cups.output_pdfs())
    issue_with_passphrase(qtbot, clerk_window)
    with StallDetector() as stalls:  # producing, printing and following
        wait_for_state(qtbot, clerk_window, DocumentState.ISSUED)
    print(f"largest GUI stall while issuing the ETD: {stalls.report()}")
    assert stalls.worst_ms < STALL_LIMIT_MS, stalls.report()
    (output,) = set(cups.output_pdfs()) - before
    width, height = page_size_mm(output)
    assert abs(width - 210) < 0.5 and abs(height - 297) < 0.5  # A4 (595 x 842 pt)


def _produced_card(services: Services, clerk: Officer, person_id: int) -> int:
    document_id = services.documents.create(clerk, "consular_id_card", person_id)
    services.photos.capture_for_person(clerk, person_id, compliant_jpeg(), document_id=document_id)
    for action in (DocumentAction.SUBMIT, DocumentAction.APPROVE):
        services.documents.act(clerk, document_id, action)
    services.documents.act(
        clerk, document_id, DocumentAction.PRODUCE, passphrase=DEMO_KEY_PASSPHRASE
    )
    return document_id


def test_a_stopped_queue_shows_its_condition_and_retry_completes_after_cupsenable(
    qtbot, open_window, services: Services, clerk, mueller_id, cups: ThrowawayCups
) -> None:
    document_id = _produced_card(services, clerk, mueller_id)
    window = open_window(clerk)
    page, panel = window.issue_page, window.issue_page.print_panel
    find_and_open(qtbot, window, "mueller")
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)  # Documents
    assert window.tabs.currentWidget() is page
    assert selected(window).id == document_id
    assert selected(window).state is DocumentState.PRODUCED
    panel.choose_queue(CARD_QUEUE)
    cups.disable(CARD_QUEUE, "Card hopper empty")
    settled: list[PrintJob] = []
    panel.job_settled.connect(settled.append)
    page.issue_action.trigger()  # produced already: straight to the printer
    qtbot.waitUntil(lambda: bool(settled), timeout=PRINT_TIMEOUT_MS)
    waiting = settled[-1]
    assert (waiting.state, waiting.condition) == (PrintJobState.QUEUED, "queue_stopped")
    text = panel.state_label.text()
    assert "The printer queue is stopped" in text and "Card hopper empty" in text
    assert panel.retry_button.isVisible() and panel.retry_button.isEnabled()
    assert panel.cancel_button.isVisible() and panel.manual_button.isVisible()
    assert selected(window).state is DocumentState.PRODUCED

    cups.enable(CARD_QUEUE)
    with qtbot.waitSignal(
        panel.job_settled,
        timeout=PRINT_TIMEOUT_MS,
        check_params_cb=lambda job: job.state is PrintJobState.COMPLETED,
    ):
        qtbot.mouseClick(panel.retry_button, Qt.MouseButton.LeftButton)
    wait_for_state(qtbot, window, DocumentState.ISSUED)
    assert not panel.retry_button.isVisible()
    assert panel.spoil_button.isVisible()  # a card that came out bad can still be spoiled


def test_chip_encoding_keeps_the_gui_responsive(
    qtbot, open_window, services: Services, clerk, mueller_id, pcsc_stack: PcscStack
) -> None:
    card = pcsc_stack.insert(0, "iso7816")
    try:
        document_id = _produced_card(services, clerk, mueller_id)
        window = open_window(clerk, DeviceMap(reader=card.reader))
        page = window.issue_page
        find_and_open(qtbot, window, "mueller")
        assert selected(window).id == document_id
        assert page.chip_action.isVisible() and page.chip_action.isEnabled()
        with (
            StallDetector() as stalls,
            qtbot.waitSignal(page.chip_encoded, timeout=120_000) as encoded,
        ):
            qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
        print(f"largest GUI stall while encoding the chip: {stalls.report()}")
        assert encoded.args[0].valid
        assert stalls.ticks > 10 and stalls.worst_ms < STALL_LIMIT_MS, stalls.report()
        assert "verified" in page.status_label.text()
        qtbot.waitUntil(lambda: "chip encoded" in window.details.toPlainText())
    finally:
        card.remove()


def test_a_missing_queue_fails_the_job_and_retry_on_the_chosen_queue_completes(
    qtbot, open_window, services: Services, clerk, mueller_id, cups: ThrowawayCups
) -> None:
    document_id = _produced_card(services, clerk, mueller_id)
    window = open_window(clerk)
    page, panel = window.issue_page, window.issue_page.print_panel
    find_and_open(qtbot, window, "mueller")
    window.show_tab(1)
    assert selected(window).id == document_id
    panel.queue_combo.setCurrentText("NoSuchPrinter")
    with qtbot.waitSignal(panel.job_settled, timeout=PRINT_TIMEOUT_MS) as settled:
        page.issue_action.trigger()
    assert (settled.args[0].state, settled.args[0].condition) == (
        PrintJobState.FAILED,
        "queue_missing",
    )
    assert "There is no printer queue of that name" in panel.state_label.text()
    assert panel.retry_button.isVisible() and not panel.cancel_button.isVisible()
    panel.choose_queue(CARD_QUEUE)
    with qtbot.waitSignal(
        panel.job_settled,
        timeout=PRINT_TIMEOUT_MS,
        check_params_cb=lambda job: job.state is PrintJobState.COMPLETED,
    ) as done:
        qtbot.mouseClick(panel.retry_button, Qt.MouseButton.LeftButton)
    assert (done.args[0].queue, done.args[0].attempt) == (CARD_QUEUE, 2)
    wait_for_state(qtbot, window, DocumentState.ISSUED)


def test_a_waiting_job_cancelled_then_confirmed_as_printed_by_hand(
    qtbot, open_window, services: Services, clerk, mueller_id, cups: ThrowawayCups
) -> None:
    document_id = _produced_card(services, clerk, mueller_id)
    window = open_window(clerk)
    page, panel = window.issue_page, window.issue_page.print_panel
    find_and_open(qtbot, window, "mueller")
    window.show_tab(1)
    panel.choose_queue(CARD_QUEUE)
    cups.disable(CARD_QUEUE, "Ribbon out")
    try:
        with qtbot.waitSignal(panel.job_settled, timeout=PRINT_TIMEOUT_MS):
            page.issue_action.trigger()
        assert "Ribbon out" in panel.state_label.text()
        with qtbot.waitSignal(
            panel.job_settled,
            timeout=PRINT_TIMEOUT_MS,
            check_params_cb=lambda job: job.state is PrintJobState.CANCELLED,
        ):
            qtbot.mouseClick(panel.cancel_button, Qt.MouseButton.LeftButton)
        assert "cancelled" in panel.state_label.text()
        # The document is read again after the cancel (on a worker): the actions come back then.
        qtbot.waitUntil(
            lambda: panel.manual_button.isVisible() and panel.retry_button.isVisible(),
            timeout=PRINT_TIMEOUT_MS,
        )
        qtbot.mouseClick(panel.manual_button, Qt.MouseButton.LeftButton)
        dialog = panel.dialog
        assert isinstance(dialog, ReasonDialog)
        type_text(dialog.reason_edit, "Printed on the back-office card printer")
        click_ok(qtbot, dialog)
        wait_for_state(qtbot, window, DocumentState.ISSUED)
    finally:
        cups.enable(CARD_QUEUE)
    issued = services.documents.get(document_id)
    assert issued.events[-1].reason == "printed manually: Printed on the back-office card printer"


def test_a_document_waiting_in_a_print_job_is_not_sent_again(
    qtbot, open_window, services: Services, clerk, mueller_id, cups: ThrowawayCups
) -> None:
    document_id = _produced_card(services, clerk, mueller_id)
    cups.disable(CARD_QUEUE, "Card hopper empty")
    try:
        services.printing.submit(clerk, document_id, CARD_QUEUE)  # waits in the stopped queue
        window = open_window(clerk)
        page = window.issue_page
        find_and_open(qtbot, window, "mueller")
        qtbot.waitUntil(lambda: page.print_panel.job is not None, timeout=10_000)
        assert selected(window).state is DocumentState.PRODUCED
        assert not page.issue_action.isEnabled()  # Retry on the job, not a second job
        # Followed from here: the stopped queue is shown with its actions.
        qtbot.waitUntil(lambda: page.print_panel.retry_button.isVisibleTo(page), timeout=10_000)
        assert "Card hopper empty" in page.print_panel.state_label.text()
        assert not page.issue_action.isEnabled()
    finally:
        cups.enable(CARD_QUEUE)
