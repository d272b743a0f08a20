"""The issue page: one person's documents with their states, new requests, the preview, issue
and print, chip encoding, and the corrections (reprint, void, spoiled copy) with a reason.

Every step calls a service on the task runner; the page only decides which steps to offer for
the selected document's state and shows what the services answer. The signing key's passphrase
is asked once per session (kept in memory only, for this page's lifetime).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QImage, QKeySequence, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from workstation.domain.document_kinds import DocumentKind
from workstation.domain.documents import Document, DocumentState
from workstation.domain.errors import DomainError
from workstation.domain.officers import Officer, Permission
from workstation.domain.people import Person
from workstation.domain.portrait import PortraitRecord
from workstation.domain.printing import PrintJob
from workstation.ui.action_button import ActionButton
from workstation.ui.document_preview import DocumentPreview, render_pdf
from workstation.ui.document_table_model import (
    DOCUMENT_ROLE,
    DocumentColumn,
    DocumentTableModel,
    kind_name,
    state_name,
)
from workstation.ui.issue_dialogs import EtdRequestDialog, PassphraseDialog, ReasonDialog
from workstation.ui.issue_services import IssueServices
from workstation.ui.issue_steps import CARD, PRE_PRODUCTION, DocumentSteps
from workstation.ui.print_panel import PrintPanel
from workstation.ui.tasks import TaskHandle, TaskRunner

_PRODUCED = frozenset({DocumentState.PRODUCED, DocumentState.ISSUED, DocumentState.DELIVERED})


@dataclass(frozen=True, slots=True)
class _Loaded:
    documents: list[Document]
    portrait: PortraitRecord | None
    portrait_image: QImage | None
    kinds: dict[str, DocumentKind]


class IssuePage(DocumentSteps, QWidget):
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
        super().__init__(parent)
        self._services = services
        self._officer = officer
        self._runner = task_runner
        self._reader = reader
        self._person: Person | None = None
        self._kinds: dict[str, DocumentKind] = {}
        self._portrait: PortraitRecord | None = None
        self._passphrase: str | None = None
        self._load_task: TaskHandle | None = None
        self._preview_task: TaskHandle | None = None
        self._busy = False
        self._select_after_load: int | None = None
        self.dialog: PassphraseDialog | ReasonDialog | EtdRequestDialog | None = None
        self.setObjectName("issuePage")
        self._build()
        self._build_actions()
        self.set_tab_order()
        self.print_panel.set_queues(queues or [])
        self._retranslate()
        self.show_person(None)

    # -- building ---------------------------------------------------------------------------

    def _build(self) -> None:
        self.person_label = QLabel()
        self.person_label.setObjectName("issuePerson")
        font = self.person_label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.person_label.setFont(font)
        self.photo_label = QLabel()
        self.photo_label.setObjectName("issuePhoto")
        self.photo_label.setFixedSize(70, 90)
        self.photo_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.photo_label.setStyleSheet("#issuePhoto { background: #eceff1; color: #616161; }")
        self.photo_note = QLabel()
        self.photo_note.setObjectName("photoNote")
        self.photo_note.setWordWrap(True)
        self.status_label = QLabel()
        self.status_label.setObjectName("issueStatus")
        self.status_label.setWordWrap(True)
        self.busy_bar = QProgressBar()
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setTextVisible(False)
        self.busy_bar.setMaximumHeight(8)
        self.busy_bar.hide()

        self.model = DocumentTableModel(self)
        view = self.documents_view = QTableView()
        view.setObjectName("documents")
        view.setModel(self.model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setAlternatingRowColors(True)
        view.setWordWrap(False)
        view.verticalHeader().hide()
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(DocumentColumn.KIND, QHeaderView.ResizeMode.Stretch)
        view.setColumnHidden(DocumentColumn.DETAIL, True)
        # Room for five documents before it scrolls; the preview takes the rest.
        rows = view.verticalHeader().defaultSectionSize() * 5
        view.setMinimumHeight(rows + header.sizeHint().height() + 4)
        view.selectionModel().currentRowChanged.connect(self._on_documents_current_changed)

        self.preview = DocumentPreview()
        self.print_panel = PrintPanel(self._services.printing, self._officer, self._runner)
        self.print_panel.document_changed.connect(self._on_print_panel_document_changed)
        self.print_panel.job_changed.connect(lambda _job: self._update_actions())
        self.print_panel.job_settled.connect(lambda _job: self._update_actions())

        top = QHBoxLayout()
        top.addWidget(self.photo_label)
        who = QVBoxLayout()
        who.addWidget(self.person_label)
        who.addWidget(self.photo_note)
        who.addStretch(1)
        top.addLayout(who, 1)
        self._buttons = QHBoxLayout()
        self._buttons.setSpacing(4)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(top)
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
        texts = {
            self.new_card_action: (self.tr("New &card"), self.tr("Request a consular ID card")),
            self.new_etd_action: (
                self.tr("New &ETD…"),
                self.tr("Request an emergency travel document (needs a supervisor)"),
            ),
            self.submit_action: (self.tr("Submi&t"), self.tr("Submit the request again")),
            self.issue_action: (
                self.tr("&Issue"),
                self.tr("Number, seal and sign the document, then print it"),
            ),
            self.chip_action: (self.tr("&Write chip"), self.tr("Write the card's chip")),
            self.reprint_action: (
                self.tr("Print a&gain…"),
                self.tr("Print an issued document again"),
            ),
            self.spoil_action: (
                self.tr("Sp&oiled copy…"),
                self.tr("Record an unusable copy of the document"),
            ),
            self.void_action: (self.tr("&Void…"), self.tr("Cancel the document for good")),
        }
        for action, (text, tip) in texts.items():
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
            self.photo_label.setPixmap(QPixmap())
            self.preview.show_message(self.tr("Select a document to see its preview."))
            self.print_panel.set_document(None, [])
        if person is None:
            self.person_label.setText(self.tr("No person selected"))
            self.photo_note.setText(self.tr("Find a person (Ctrl+F) to see their documents."))
            self.photo_label.setText("")
            self._update_actions()
            return
        self.person_label.setText(person.display_name)
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
        if loaded.portrait_image is not None and not loaded.portrait_image.isNull():
            self.photo_label.setPixmap(
                QPixmap.fromImage(loaded.portrait_image).scaled(
                    self.photo_label.size(),
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
            taken = loaded.portrait.created_at if loaded.portrait else None
            self.photo_note.setText(
                self.tr("Photo of {date} (portrait {id}): new cards use it.").format(
                    date=taken.strftime("%Y-%m-%d") if taken else "–",
                    id=loaded.portrait.id if loaded.portrait else "–",
                )
            )
        else:
            self.photo_label.setPixmap(QPixmap())
            self.photo_label.setText(self.tr("no photo"))
            self.photo_note.setText(
                self.tr("No photo yet: a card needs one. Take or import it on the photo page.")
            )
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
        if self._preview_task is not None:
            self._preview_task.cancel()
        assert document.id is not None
        documents, document_id = self._services.documents, document.id
        specimen = document.state in PRE_PRODUCTION or not document.number
        self.preview.show_message(self.tr("Rendering the preview…"))

        def render() -> QImage:
            pdf = documents.preview(document_id) if specimen else documents.pdf(document_id)
            return render_pdf(pdf)

        self._preview_task = self._runner.run(
            render,
            on_success=self._on_preview_rendered,
            on_failure=self._on_preview_failed,
            owner=self,
            description="document preview",
        )

    def _on_preview_rendered(self, image: QImage) -> None:
        self._preview_task = None
        self.preview.show_image(image)
        self.preview_shown.emit(image)

    def _on_preview_failed(self, error: BaseException) -> None:
        self._preview_task = None
        self.preview.show_message(self._runner.reporter.report(error, self, inline=True))

    # -- which steps ------------------------------------------------------------------------

    def _update_actions(self) -> None:
        document = self.selected_document()
        state = document.state if document is not None else None
        officer = self._officer
        has_person = self._person is not None and not self._busy
        idle = not self._busy
        is_card = document is not None and document.kind == CARD
        job = self.print_panel.job
        printing = self.print_panel.busy or (
            job is not None and document is not None and job.document_id == document.id and job.live
        )
        enabled = {
            self.new_card_action: has_person and officer.can(Permission.DOCUMENT_PREPARE),
            self.new_etd_action: has_person and officer.can(Permission.DOCUMENT_PREPARE),
            self.submit_action: idle and state is DocumentState.DRAFT,
            # A document already in a print job is not sent again (its job's Retry is):
            # two jobs would print two cards with one number.
            self.issue_action: idle
            and not printing
            and state in (DocumentState.APPROVED, DocumentState.PRODUCED)
            and officer.can(Permission.DOCUMENT_ISSUE),
            self.chip_action: idle
            and is_card
            and bool(self._reader)
            and state in _PRODUCED
            and officer.can(Permission.DOCUMENT_ISSUE),
            self.reprint_action: idle
            and not printing
            and state in (DocumentState.ISSUED, DocumentState.DELIVERED)
            and officer.can(Permission.DOCUMENT_ISSUE),
            self.spoil_action: idle
            and state in (DocumentState.PRODUCED, DocumentState.ISSUED)
            and officer.can(Permission.DOCUMENT_SPOIL),
            self.void_action: idle and state is not None and state is not DocumentState.VOIDED,
        }
        for action, on in enabled.items():
            action.setEnabled(bool(on))
        self.chip_action.setVisible(bool(self._reader))
        if document is not None and not self._busy:
            self.status_label.setText(self._hint(document))

    def _hint(self, document: Document) -> str:
        kind = kind_name(document.kind)
        state = state_name(document.state)
        hints = {
            DocumentState.DRAFT: self.tr("submit it when the request is complete."),
            DocumentState.SUBMITTED: self.tr("waiting for a supervisor's approval."),
            DocumentState.APPROVED: self.tr("ready to issue (Ctrl+I)."),
            DocumentState.PRODUCED: self.tr(
                "numbered and signed; it becomes issued when its print completes."
            ),
            DocumentState.ISSUED: self.tr(
                "printed. Print again (Ctrl+Shift+P) replaces a damaged copy; Void "
                "(Ctrl+Shift+D) ends it."
            ),
            DocumentState.DELIVERED: self.tr("handed to the holder."),
            DocumentState.VOIDED: self.tr("no longer valid."),
        }
        return f"{kind}, {state}: {hints[document.state]}"

    def _set_busy(self, text: str | None) -> None:
        self._busy = text is not None
        self.busy_bar.setVisible(self._busy)
        if text is not None:
            self.status_label.setText(text)
        self._update_actions()

    def _run_step(
        self,
        text: str,
        work: Callable[[], object],
        done: Callable[[object], None],
        dialog: PassphraseDialog | ReasonDialog | EtdRequestDialog | None = None,
        *,
        for_dialog: Callable[[DomainError], bool] = lambda _error: True,
    ) -> None:
        """Run one use case on a worker with the page busy; a refusal the dialog can fix
        (``for_dialog``) goes back into the dialog that asked, anything else closes it and goes
        to the error reporter."""
        self._set_busy(text)

        def succeeded(result: object) -> None:
            self._set_busy(None)
            if dialog is not None:
                dialog.accept()
            done(result)

        def failed(error: BaseException) -> None:
            self._set_busy(None)
            inline = dialog is not None and isinstance(error, DomainError) and for_dialog(error)
            message = self._runner.reporter.report(error, dialog or self, inline=inline)
            if dialog is not None and inline:
                dialog.show_problem(message)
            else:
                if dialog is not None:
                    dialog.reject()
                self.status_label.setText(message)

        self._runner.run(work, on_success=succeeded, on_failure=failed, owner=self)

    def _open(self, dialog: PassphraseDialog | ReasonDialog | EtdRequestDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.finished.connect(lambda _result: self._forget_dialog(dialog))
        dialog.open()

    def _forget_dialog(self, dialog: object) -> None:
        if self.dialog is dialog:
            self.dialog = None

    def _after(self, document_id: int) -> Callable[[object], None]:
        def done(_result: object) -> None:
            self.reload(select=document_id)
            if self._person is not None and self._person.id is not None:
                self.history_changed.emit(self._person.id)

        return done

    def _on_print_panel_document_changed(self, document_id: int) -> None:
        self._after(document_id)(None)

    def _dialog_parent(self) -> QWidget:
        return self.window()

    def shutdown(self) -> None:
        """Stop following a print job (the window closes)."""
        self.print_panel.stop()
        for task in (self._load_task, self._preview_task):
            if task is not None:
                task.cancel()
