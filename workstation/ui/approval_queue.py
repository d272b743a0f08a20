"""The supervisor's approval queue: submitted requests that need a second officer (ETDs by
default; ``requires_approval`` per kind in site.toml), approve or reject with a reason.

A clerk never approves their own request: the domain refuses it (``lifecycle.four_eyes``), and
the page already disables Approve on a request the signed-in officer submitted, saying why.
Shown only to officers who hold the approve permission.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QHideEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from workstation.domain.documents import Document, DocumentAction
from workstation.domain.errors import DomainError
from workstation.domain.officers import Officer, Permission
from workstation.domain.people import Person
from workstation.ui.action_button import ActionButton
from workstation.ui.document_preview import DocumentPreview
from workstation.ui.document_table_model import (
    DOCUMENT_ROLE,
    DocumentColumn,
    DocumentTableModel,
    kind_name,
)
from workstation.ui.issue_dialogs import ReasonDialog
from workstation.ui.tasks import TaskHandle, TaskRunner

#: How often the queue is read again while it is shown.
AUTO_REFRESH_MS = 30_000


class QueueDocuments(Protocol):
    def awaiting_approval(self) -> list[Document]: ...

    def act(
        self,
        officer: Officer,
        document_id: int,
        action: DocumentAction,
        reason: str = "",
        passphrase: str | None = None,
    ) -> Document: ...

    def preview(self, document_id: int) -> bytes: ...


class QueuePersons(Protocol):
    def get(self, person_id: int) -> Person: ...


class QueueAccounts(Protocol):
    def usernames(self) -> dict[int, str]: ...


@dataclass(frozen=True, slots=True)
class _Queue:
    documents: list[Document]
    names: dict[int, str]  # person id -> display name
    officers: dict[int, str]  # officer id -> user name


def may_approve(officer: Officer) -> bool:
    """Whether the page is shown at all."""
    return officer.can(Permission.DOCUMENT_APPROVE)


class ApprovalQueuePage(QWidget):
    queue_loaded = Signal(list)  # list[Document]
    decided = Signal(object)  # Document after approval or rejection

    def __init__(
        self,
        documents: QueueDocuments,
        persons: QueuePersons,
        accounts: QueueAccounts,
        officer: Officer,
        task_runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._documents = documents
        self._persons = persons
        self._accounts = accounts
        self._officer = officer
        self._runner = task_runner
        self._names: dict[int, str] = {}
        self._officers: dict[int, str] = {}
        self._task: TaskHandle | None = None
        self._busy = False
        self.dialog: ReasonDialog | None = None
        self.setObjectName("approvalQueue")
        self._build()
        # Other counters submit requests too: look again while the page is shown.
        self._auto_refresh = QTimer(self)
        self._auto_refresh.setInterval(AUTO_REFRESH_MS)
        self._auto_refresh.timeout.connect(self._on_auto_refresh_timeout)
        self._retranslate()

    def _build(self) -> None:
        self.model = DocumentTableModel(self, describe=self._describe)
        view = self.queue_view = QTableView()
        view.setObjectName("approvalTable")
        view.setModel(self.model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setAlternatingRowColors(True)
        view.setWordWrap(False)
        view.verticalHeader().hide()
        for column in (DocumentColumn.NUMBER, DocumentColumn.ISSUED, DocumentColumn.EXPIRES):
            view.setColumnHidden(column, True)
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(DocumentColumn.DETAIL, QHeaderView.ResizeMode.Stretch)
        view.selectionModel().currentRowChanged.connect(self._on_queue_current_changed)

        self.title_label = QLabel()
        font = self.title_label.font()
        font.setBold(True)
        self.title_label.setFont(font)
        self.request_label = QLabel()
        self.request_label.setObjectName("requestDetails")
        self.request_label.setWordWrap(True)
        self.request_label.setContentsMargins(0, 3, 0, 0)  # room for Ü on the first line
        self.request_label.setTextFormat(Qt.TextFormat.PlainText)
        self.request_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.own_label = QLabel()
        self.own_label.setObjectName("ownRequest")
        self.own_label.setStyleSheet("color: #8a5300; font-weight: bold;")
        self.own_label.hide()
        self.message_label = QLabel()
        self.message_label.setObjectName("approvalMessage")
        self.message_label.setWordWrap(True)
        self.preview = DocumentPreview()

        self.approve_action = self._action("approve", "Ctrl+Shift+A", self.approve_selected)
        self.reject_action = self._action("reject", "Ctrl+Shift+J", self.reject_selected)
        self.refresh_action = self._action("refreshQueue", "Ctrl+R", self.refresh)
        buttons = QHBoxLayout()
        self.approve_button = ActionButton(self.approve_action)
        self.reject_button = ActionButton(self.reject_action)
        self.refresh_button = ActionButton(self.refresh_action)
        for button in (self.approve_button, self.reject_button, self.refresh_button):
            buttons.addWidget(button)
        buttons.addStretch(1)

        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.title_label)
        top_layout.addLayout(buttons)
        top_layout.addWidget(self.queue_view, 1)
        top_layout.addWidget(self.request_label)
        top_layout.addWidget(self.own_label)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(self.preview)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.message_label)

    def _action(self, name: str, shortcut: str, slot: Callable[[], None]) -> QAction:
        action = QAction(self)
        action.setObjectName(name)
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._auto_refresh.start()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self._auto_refresh.stop()

    def _on_auto_refresh_timeout(self) -> None:
        if self._task is None and not self._busy and self.dialog is None:
            self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.approve_action.setText(self.tr("&Approve"))
        self.reject_action.setText(self.tr("Re&ject…"))
        self.refresh_action.setText(self.tr("Refre&sh"))
        self.own_label.setText(
            self.tr("You submitted this request: another officer must approve it.")
        )
        for action in (self.approve_action, self.reject_action, self.refresh_action):
            action.setToolTip(f"{action.text().replace('&', '')} ({action.shortcut().toString()})")
        self._show_count()
        self._update_actions()

    def _describe(self, document: Document) -> str:
        name = self._names.get(document.person_id, f"#{document.person_id}")
        submitter = document.last_officer_for(DocumentAction.SUBMIT)
        by = self._officers.get(submitter, "?") if submitter is not None else "?"
        return self.tr("{name}, asked by {officer}").format(name=name, officer=by)

    # -- loading ----------------------------------------------------------------------------

    def selected_document(self) -> Document | None:
        index = self.queue_view.currentIndex()
        document = index.data(DOCUMENT_ROLE) if index.isValid() else None
        return document if isinstance(document, Document) else None

    def refresh(self) -> None:
        if self._task is not None:
            self._task.cancel()
        documents, persons, accounts = self._documents, self._persons, self._accounts

        def load() -> _Queue:
            waiting = documents.awaiting_approval()
            names = {
                person_id: persons.get(person_id).display_name
                for person_id in {d.person_id for d in waiting}
            }
            return _Queue(waiting, names, accounts.usernames())

        self._task = self._runner.run(
            load, on_success=self._on_loaded, owner=self, description="approval queue"
        )

    def _on_loaded(self, queue: _Queue) -> None:
        self._task = None
        current = self.selected_document()
        self._names, self._officers = queue.names, queue.officers
        self.model.set_documents(queue.documents)
        row = self.model.row_of(current.id) if current and current.id is not None else None
        if row is None and queue.documents:
            row = 0
        if row is not None:
            self.queue_view.selectionModel().setCurrentIndex(
                self.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        self._on_selected(self.selected_document())
        self._show_count()
        self.queue_loaded.emit(queue.documents)

    def _show_count(self) -> None:
        count = self.model.rowCount()
        self.title_label.setText(
            self.tr("Requests waiting for approval: {count}").format(count=count)
            if count
            else self.tr("No request is waiting for approval.")
        )

    def _on_queue_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._task is None:
            self._on_selected(current.data(DOCUMENT_ROLE) if current.isValid() else None)

    def own_request(self, document: Document) -> bool:
        return document.last_officer_for(DocumentAction.SUBMIT) == self._officer.id

    def _on_selected(self, document: Document | None) -> None:
        self._update_actions()
        if document is None or document.id is None:
            self.request_label.setText("")
            self.own_label.hide()
            self.preview.show_message(self.tr("No request selected."))
            return
        data = document.data
        # Plain text: rich text in a QLabel drew the dots of capitals like Ü too faint to read.
        lines = [f"{kind_name(document.kind)} – {self._describe(document)}"]
        for key, label in (
            ("destination", self.tr("Destination")),
            ("transit_points", self.tr("Transit points")),
            ("replaced_passport", self.tr("Passport replaced")),
        ):
            if data.get(key):
                lines.append(f"{label}: {data[key]}")
        self.request_label.setText("\n".join(lines))
        own = self.own_request(document)
        self.own_label.setVisible(own)
        documents, document_id = self._documents, document.id
        self.preview.show_pdf(
            self._runner, lambda: documents.preview(document_id), "request preview"
        )

    def _update_actions(self) -> None:
        document = self.selected_document()
        own = document is not None and self.own_request(document)
        self.approve_action.setEnabled(document is not None and not own and not self._busy)
        self.reject_action.setEnabled(document is not None and not self._busy)
        self.approve_button.setToolTip(
            self.tr("You submitted this request: another officer approves it.")
            if own
            else self.approve_action.toolTip()
        )

    # -- deciding ---------------------------------------------------------------------------

    def approve_selected(self) -> None:
        document = self.selected_document()
        if document is None or document.id is None or self._busy:
            return
        documents, officer, document_id = self._documents, self._officer, document.id
        self._decide(lambda: documents.act(officer, document_id, DocumentAction.APPROVE), None)

    def reject_selected(self) -> None:
        document = self.selected_document()
        if document is None or document.id is None or self._busy:
            return
        dialog = ReasonDialog(
            self.tr("Reject request"),
            self.tr(
                "The request goes back to the officer who prepared it, with your reason, "
                "to correct and submit again."
            ),
            parent=self.window(),
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.finished.connect(lambda _result: setattr(self, "dialog", None))
        documents, officer, document_id = self._documents, self._officer, document.id
        dialog.submitted.connect(
            lambda: self._decide(
                lambda: documents.act(officer, document_id, DocumentAction.REJECT, dialog.reason),
                dialog,
            )
        )
        dialog.open()

    def _decide(self, work: Callable[[], Document], dialog: ReasonDialog | None) -> None:
        self._busy = True
        self._update_actions()

        def done(document: Document) -> None:
            self._busy = False
            if dialog is not None:
                dialog.accept()
            verb = (
                self.tr("approved")
                if document.events[-1].action is DocumentAction.APPROVE
                else self.tr("sent back to its officer")
            )
            self.message_label.setStyleSheet("")
            self.message_label.setText(
                self.tr("Request #{id} {verb}.").format(id=document.id, verb=verb)
            )
            self.decided.emit(document)
            self.refresh()

        def failed(error: BaseException) -> None:
            self._busy = False
            self._update_actions()
            inline = isinstance(error, DomainError)
            message = self._runner.reporter.report(error, dialog or self, inline=inline)
            self.message_label.setStyleSheet("color: #b00020;")
            self.message_label.setText(message)
            if dialog is not None and inline:
                dialog.show_problem(message)

        self._runner.run(work, on_success=done, on_failure=failed, owner=self)
