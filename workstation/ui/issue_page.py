"""The issue page: one person's documents with their states, new requests, the preview, issue
and print on the printer the officer chooses, chip encoding, and the corrections (reprint,
void, spoiled copy) with a reason. The steps are in :mod:`issue_steps` (run by
:mod:`step_page`), which apply in :mod:`issue_step_rules`, printing in :mod:`print_panel`.

Every step calls a service on the task runner. The signing key's passphrase is asked once per
session (in memory only). The printers are listed again when the page is shown and on
:meth:`IssuePage.refresh_queues` (F5).
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QImage, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from workstation.domain.document_kinds import DocumentKind
from workstation.domain.documents import Document
from workstation.domain.officers import Officer
from workstation.domain.people import Person
from workstation.domain.portrait import PortraitRecord
from workstation.domain.printing import PrintJob
from workstation.ui.action_button import ActionButton
from workstation.ui.document_preview import DocumentPreview
from workstation.ui.document_table_model import DOCUMENT_ROLE, DocumentTableModel
from workstation.ui.documents_view import DocumentsView
from workstation.ui.issue_person_header import IssuePersonHeader
from workstation.ui.issue_services import IssueServices
from workstation.ui.issue_step_rules import PRE_PRODUCTION, state_hint, step_texts, steps_enabled
from workstation.ui.issue_steps import DocumentSteps
from workstation.ui.print_panel import PrintPanel
from workstation.ui.step_page import StepPage
from workstation.ui.tasks import TaskHandle, TaskRunner

#: The printers are listed again when the page is shown, at most this often (seconds).
QUEUES_SHOWN_AGAIN_S = 5.0


@dataclass(frozen=True, slots=True)
class _Loaded:
    documents: list[Document]
    portrait: PortraitRecord | None
    portrait_image: QImage | None
    kinds: dict[str, DocumentKind]


class IssuePage(DocumentSteps, StepPage):
    """Documents of the person shown; the actions are QActions with shortcuts (the main window
    lists them in its Documents menu) and tool buttons."""

    documents_loaded = Signal(list)  # list[Document], once the table shows them
    preview_shown = Signal(object)  # QImage, once the preview shows it
    document_changed = Signal(object)  # Document after a step the page took
    chip_encoded = Signal(object)  # ChipReport
    history_changed = Signal(int)  # person id whose record (documents, trail) changed

    def __init__(
        self,
        services: IssueServices,
        officer: Officer,
        task_runner: TaskRunner,
        *,
        reader: str | None = None,
        queues: list[str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(task_runner, parent)
        self._services = services
        self._officer = officer
        self._reader = reader
        self._person: Person | None = None
        self._kinds: dict[str, DocumentKind] = {}
        self._portrait: PortraitRecord | None = None
        self._passphrase: str | None = None
        self._load_task: TaskHandle | None = None
        self._select_after_load: int | None = None
        self._queues_listed_at: float | None = None
        self.setObjectName("issuePage")
        self._build()
        self._build_actions()
        self.set_tab_order()
        self.print_panel.set_queues(queues or [])
        self._retranslate()
        self.show_person(None)

    # -- building ---------------------------------------------------------------------------

    def _build(self) -> None:
        self.header = IssuePersonHeader()
        self.photo_note = self.header.photo_note
        self.busy_changed.connect(lambda _busy: self._update_actions())

        self.model = DocumentTableModel(self)
        view = self.documents_view = DocumentsView(self.model)
        view.selectionModel().currentRowChanged.connect(self._on_documents_current_changed)

        self.preview = DocumentPreview()
        self.preview.shown.connect(self.preview_shown)
        self.print_panel = PrintPanel(self._services.printing, self._officer, self._runner)
        self.print_panel.document_changed.connect(self._on_print_panel_document_changed)
        self.print_panel.job_changed.connect(lambda _job: self._update_actions())
        self.print_panel.job_settled.connect(lambda _job: self._update_actions())

        self._buttons = QHBoxLayout()
        self._buttons.setSpacing(4)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.header)
        left_layout.addLayout(self._buttons)
        left_layout.addWidget(self.documents_view, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(left)
        splitter.addWidget(self.preview)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.busy_bar)
        layout.addWidget(self.status_label)
        layout.addWidget(self.print_panel)

    def _action(self, name: str, shortcut: str, slot: Callable[[], None]) -> QAction:
        action = QAction(self)
        action.setObjectName(name)
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.new_card_action = self._action("newCard", "Ctrl+N", self.request_card)
        self.new_etd_action = self._action("newEtd", "Ctrl+Shift+N", self.request_etd)
        self.submit_action = self._action("submit", "Ctrl+Shift+U", self.submit_selected)
        self.issue_action = self._action("issue", "Ctrl+I", self.issue_selected)
        self.chip_action = self._action("encodeChip", "Ctrl+K", self.encode_chip)
        self.reprint_action = self._action("reprint", "Ctrl+Shift+P", self.reprint_selected)
        self.spoil_action = self._action("spoilCopy", "Ctrl+Shift+O", self.spoil_selected)
        self.void_action = self._action("void", "Ctrl+Shift+D", self.void_selected)
        self.buttons: list[ActionButton] = []
        for action in self.actions():
            button = ActionButton(action)
            self.buttons.append(button)
            self._buttons.addWidget(button)
        self._buttons.addStretch(1)

    def set_tab_order(self) -> None:
        """As laid out: the step buttons, the documents, then the printer and its actions.
        Call again once the page is placed in a window (reparenting reorders the chain)."""
        panel = self.print_panel
        chain: list[QWidget] = [
            *self.buttons,
            self.documents_view,
            panel.queue_combo,
            panel.queue_chooser.refresh_button,
            panel.retry_button,
            panel.cancel_button,
            panel.spoil_button,
            panel.manual_button,
        ]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        texts = step_texts()
        for action in self.actions():
            text, tip = texts[action.objectName()]
            action.setText(text)
            action.setToolTip(f"{tip} ({action.shortcut().toString()})")
        self._update_actions()

    # -- person and documents ---------------------------------------------------------------

    @property
    def person(self) -> Person | None:
        return self._person

    @property
    def portrait(self) -> PortraitRecord | None:
        return self._portrait

    def selected_document(self) -> Document | None:
        index = self.documents_view.currentIndex()
        document = index.data(DOCUMENT_ROLE) if index.isValid() else None
        return document if isinstance(document, Document) else None

    def show_person(self, person: Person | None) -> None:
        """Show ``person``'s documents (loaded on a worker); None: nobody selected."""
        if self._load_task is not None:
            self._load_task.cancel()
            self._load_task = None
        changed = person is None or self._person is None or person.id != self._person.id
        self._person = person
        if changed:
            self._portrait = None
            self.model.set_documents([])
            self.header.clear_portrait()
            self.preview.show_message(self.tr("Select a document to see its preview."))
            self.print_panel.set_document(None, [])
        if person is None:
            self.header.show_nobody()
            self._update_actions()
            return
        self.header.show_person(person)
        self.reload()

    def reload(self, select: int | None = None) -> None:
        person = self._person
        if person is None or person.id is None:
            return
        if select is not None:
            self._select_after_load = select
        if self._load_task is not None:
            self._load_task.cancel()
        services, officer, person_id = self._services, self._officer, person.id
        known_kinds = self._kinds

        def load() -> _Loaded:
            portraits = services.photos.for_person(officer, person_id)
            image = None
            if portraits:
                images = services.photos.images(officer, portraits[0].id)
                image = QImage.fromData(images.print_jpeg)
            kinds = known_kinds or {k.code: k for k in services.documents.kinds()}
            return _Loaded(
                list(reversed(services.documents.for_person(person_id))),
                portraits[0] if portraits else None,
                image,
                kinds,
            )

        self._load_task = self._runner.run(
            load,
            on_success=self._on_loaded,
            on_failure=self._on_load_failed,
            owner=self,
            description="person documents",
        )

    def _on_loaded(self, loaded: _Loaded) -> None:
        self._load_task = None
        self._kinds = loaded.kinds
        self._portrait = loaded.portrait
        self.header.show_portrait(loaded.portrait, loaded.portrait_image)
        keep = self._select_after_load
        if keep is None:
            current = self.selected_document()
            keep = current.id if current is not None else None
        self._select_after_load = None
        self.model.set_documents(loaded.documents)
        row = self.model.row_of(keep) if keep is not None else None
        if row is None and self.model.rowCount() > 0:
            row = 0
        if row is not None:
            self.documents_view.selectionModel().setCurrentIndex(
                self.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        self._on_document_selected(self.selected_document())
        self.documents_loaded.emit(loaded.documents)

    def _on_load_failed(self, error: BaseException) -> None:
        self._load_task = None
        self.status_label.setText(self._runner.reporter.report(error, self))

    def _on_documents_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._load_task is None:  # a reload selects once the rows are in
            self._on_document_selected(current.data(DOCUMENT_ROLE) if current.isValid() else None)

    def _on_document_selected(self, document: Document | None) -> None:
        self._update_actions()
        if document is None or document.id is None:
            self.preview.show_message(self.tr("No document selected."))
            self.print_panel.set_document(None, [])
            return
        self._show_preview(document)
        printing, document_id = self._services.printing, document.id
        self._runner.run(
            lambda: printing.jobs_for(document_id),
            on_success=lambda jobs: self._on_jobs_loaded(document_id, jobs),
            owner=self,
            description="print jobs",
        )

    def _on_jobs_loaded(self, document_id: int, jobs: list[PrintJob]) -> None:
        document = self.selected_document()
        if document is not None and document.id == document_id:
            self.print_panel.set_document(document, jobs)
            self._update_actions()  # a live job: not sent again

    # -- preview ----------------------------------------------------------------------------

    def _show_preview(self, document: Document) -> None:
        assert document.id is not None
        documents, document_id = self._services.documents, document.id
        specimen = document.state in PRE_PRODUCTION or not document.number
        make_pdf = documents.preview if specimen else documents.pdf
        self.preview.show_pdf(self._runner, lambda: make_pdf(document_id), "document preview")

    # -- which steps ------------------------------------------------------------------------

    def _update_actions(self) -> None:
        document = self.selected_document()
        panel = self.print_panel
        steps = steps_enabled(
            document,
            self._officer,
            has_person=self._person is not None,
            busy=self._busy,
            printing=panel.busy,
            job=panel.job,
            reader=self._reader,
        )
        enabled = {
            self.new_card_action: steps.new_card,
            self.new_etd_action: steps.new_etd,
            self.submit_action: steps.submit,
            self.issue_action: steps.issue,
            self.chip_action: steps.chip,
            self.reprint_action: steps.reprint,
            self.spoil_action: steps.spoil,
            self.void_action: steps.void,
        }
        for action, on in enabled.items():
            action.setEnabled(on)
        self.chip_action.setVisible(bool(self._reader))
        if document is not None and not self._busy:
            self.status_label.setText(state_hint(document))

    def _after(self, document_id: int) -> Callable[[object], None]:
        def done(_result: object) -> None:
            self.reload(select=document_id)
            if self._person is not None and self._person.id is not None:
                self.history_changed.emit(self._person.id)

        return done

    def _on_print_panel_document_changed(self, document_id: int) -> None:
        self._after(document_id)(None)

    # -- printers ---------------------------------------------------------------------------

    def refresh_queues(self) -> None:
        """List the printers the officer may choose again, with their states (F5)."""
        self._queues_listed_at = time.monotonic()
        self.print_panel.refresh_queues()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        last = self._queues_listed_at
        if last is None or time.monotonic() - last >= QUEUES_SHOWN_AGAIN_S:
            self.refresh_queues()

    def shutdown(self) -> None:
        """Stop following a print job and listing printers (the window closes)."""
        self.print_panel.stop()
        self.print_panel.queue_chooser.cancel()
        self.preview.cancel()
        if self._load_task is not None:
            self._load_task.cancel()
