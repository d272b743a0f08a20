"""The officer chooses the printer on the Documents page: the combo lists the post's queue
(pre-selected) and the queues the private CUPS scheduler reports, a stopped one with its
reason, listed again on request; a card printed on the chosen CUPS queue lands there."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt

from devices.registry import DeviceMap
from tests.support.cups import A4_QUEUE, CARD_QUEUE, ThrowawayCups
from tests.support.documents import produced_card
from tests.ui.keyboard import type_text
from tests.ui.windows import session_window
from workstation.domain.documents import DocumentState
from workstation.domain.officers import Officer
from workstation.domain.printing import PrintJobState
from workstation.ui.queue_chooser import NAME_ROLE, QueueChooser
from workstation.ui.workspace import Workspace
from workstation.wiring import Services

TIMEOUT_MS = 60_000


@pytest.fixture
def open_window(qtbot, services, runner, fixed_probe) -> Callable[[Officer], Workspace]:
    def make(officer: Officer) -> Workspace:
        window = session_window(services, officer, runner, DeviceMap(), probe=fixed_probe)
        qtbot.addWidget(window.window())
        window.window().show()
        qtbot.waitExposed(window.window())
        return window

    return make


def _open_person(qtbot, window: Workspace) -> None:
    window.find_action.trigger()
    with qtbot.waitSignal(
        window.search.results_shown, timeout=10_000, check_params_cb=lambda r: r is not None
    ):
        type_text(window.search.search_edit, "mueller")
    with qtbot.waitSignal(window.issue_page.documents_loaded, timeout=10_000):
        qtbot.keyClick(window.search.search_edit, Qt.Key.Key_Return)


def _names(chooser: QueueChooser) -> list[str]:
    return [chooser.combo.itemData(i, NAME_ROLE) for i in range(chooser.combo.count())]


def _entry(chooser: QueueChooser, name: str) -> str:
    return chooser.combo.itemText(chooser.combo.findData(name, NAME_ROLE))


def test_the_combo_lists_the_post_queue_and_the_cups_queues_and_prints_on_the_chosen_one(
    qtbot, open_window, services: Services, clerk, mueller_id, cups: ThrowawayCups, demo_dir
) -> None:
    document_id = produced_card(services, clerk, mueller_id)
    window = open_window(clerk)
    page, panel = window.issue_page, window.issue_page.print_panel
    chooser = panel.queue_chooser
    _open_person(qtbot, window)
    assert page.selected_document() is not None
    assert page.selected_document().id == document_id  # type: ignore[union-attr]
    cups.disable(A4_QUEUE, "Paper jam in tray 2")
    try:
        # Showing the Documents page lists the printers (on a worker).
        with qtbot.waitSignal(chooser.queues_listed, timeout=10_000):
            window.show_tab(1)
        qtbot.waitUntil(lambda: panel.chosen_queue() == "folder:cards", timeout=10_000)
        assert _names(chooser) == ["folder:cards", CARD_QUEUE, A4_QUEUE, "folder:a4"]
        assert "the post's card printer" in _entry(chooser, "folder:cards")
        assert "the post's A4 printer" in _entry(chooser, "folder:a4")
        assert _entry(chooser, CARD_QUEUE) == f"{CARD_QUEUE} — ready"
        assert _entry(chooser, A4_QUEUE) == f"{A4_QUEUE} — stopped: Paper jam in tray 2"
    finally:
        cups.enable(A4_QUEUE)
    # Listed again on request (F5 through the page): the A4 queue runs again, the choice stays.
    with qtbot.waitSignal(chooser.queues_listed, timeout=10_000):
        page.refresh_queues()
    assert _entry(chooser, A4_QUEUE) == f"{A4_QUEUE} — ready"
    assert panel.chosen_queue() == "folder:cards"

    # The officer picks the CUPS card queue in the combo; the card prints there.
    chooser.combo.setCurrentIndex(chooser.combo.findData(CARD_QUEUE, NAME_ROLE))
    assert panel.chosen_queue() == CARD_QUEUE
    before = set(cups.output_pdfs())
    with qtbot.waitSignal(
        panel.job_settled,
        timeout=TIMEOUT_MS,
        check_params_cb=lambda job: job.state is PrintJobState.COMPLETED,
    ) as settled:
        page.issue_action.trigger()
    assert settled.args[0].queue == CARD_QUEUE
    assert len(set(cups.output_pdfs()) - before) == 1
    qtbot.waitUntil(
        lambda: services.documents.get(document_id).state is DocumentState.ISSUED,
        timeout=TIMEOUT_MS,
    )
    assert not list((demo_dir / "printed").rglob("*.pdf"))  # nothing went to the folder queue
