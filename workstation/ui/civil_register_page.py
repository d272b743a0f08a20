"""The registrar's page: the civil register's entries (filtered by kind and state), the entry
opened beside them, and the forms that register a birth, a marriage or a death.

Everything that reads or writes goes through the task runner: the list, an entry with its
history, a registration, a decision, a certificate. Keys: F5 reads the register again; Alt+B,
Alt+M, Alt+D open the forms; Esc goes back from a form to the entry; in a form Enter or Ctrl+S
registers.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any, Protocol

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from forms import FormError, load_form
from workstation.domain.audit import AuditEntry
from workstation.domain.civil.entries import CivilEntry
from workstation.domain.civil.records import EventKind
from workstation.domain.civil.timeliness import RegistrationRules
from workstation.domain.officers import Officer, Permission
from workstation.domain.posts import Post
from workstation.rules.loader import load_registration_rules
from workstation.services.clock import Clock, local_date
from workstation.ui.civil_register_detail import CivilEntryView
from workstation.ui.civil_register_dialogs import entry_dialog
from workstation.ui.civil_register_form import FORM_OF, CivilRegistrar, RegistrationFormPage
from workstation.ui.civil_register_list import (
    CivilEntryFilter,
    CivilEntryTableModel,
    StateFilter,
    fit_columns,
)
from workstation.ui.civil_register_services import CertificatePrinter, CivilDecisions
from workstation.ui.civil_register_texts import kind_text
from workstation.ui.tasks import TaskHandle, TaskRunner


class CivilService(CivilRegistrar, CivilDecisions, Protocol):
    """What the page needs of the civil registration service."""

    def get(self, register_number: str) -> CivilEntry: ...

    def list(
        self,
        kind: EventKind | str | None = None,
        state: Any = None,
        year: int | None = None,
        limit: int = 200,
    ) -> Sequence[CivilEntry]: ...


class AuditTrail(Protocol):
    def trail(self, record_type: str, record_id: str, limit: int = 200) -> list[AuditEntry]: ...


class CivilRegisterPage(QWidget):
    """``CivilRegisterPage(services.civil, officer, runner, post=services.post,
    clock=services.clock, audit=services.audit)``; ``entry_opened(register_number)``."""

    entry_opened = Signal(str)
    listed = Signal()  # the register was read (tests, indicators)

    LIMIT = 1000

    def __init__(
        self,
        civil: CivilService,
        officer: Officer,
        task_runner: TaskRunner,
        *,
        post: Post,
        clock: Clock,
        audit: AuditTrail | None = None,
        printer: CertificatePrinter | None = None,
        registration_rules: RegistrationRules | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("civilRegisterPage")
        self._civil = civil
        self._officer = officer
        self._runner = task_runner
        self._post = post
        self._audit = audit
        self._rules = registration_rules
        self.today: Callable[[], dt.date] = lambda: local_date(clock, post.time_zone)
        self._list_task: TaskHandle | None = None
        self._entry_task: TaskHandle | None = None
        self._select_after_list = ""
        self.forms: dict[EventKind, RegistrationFormPage] = {}
        self.duplicate_dialog: QDialog | None = None
        self.model = CivilEntryTableModel(self)
        self.proxy = CivilEntryFilter(self)
        self.proxy.setSourceModel(self.model)
        self.detail = CivilEntryView(civil, officer, task_runner, printer=printer, today=self.today)
        self.detail.entry_changed.connect(self._on_detail_entry_changed)
        self._build()
        self.retranslate()
        if self._rules is None:
            self._runner.run(
                lambda: load_registration_rules(post.issuing_state),
                on_success=self._on_rules_loaded,
                on_failure=lambda _error: None,  # registering is refused, named, on Save
                owner=self,
                description="civil registration rules",
            )

    def _build(self) -> None:
        self.kind_label, self.kind_filter = QLabel(), QComboBox()
        self.kind_filter.setObjectName("kindFilter")
        self.kind_label.setBuddy(self.kind_filter)
        self.state_label, self.state_filter = QLabel(), QComboBox()
        self.state_filter.setObjectName("stateFilter")
        self.state_label.setBuddy(self.state_filter)
        self.kind_filter.currentIndexChanged.connect(self._on_filter_changed)
        self.state_filter.currentIndexChanged.connect(self._on_filter_changed)
        self.refresh_button = QPushButton()
        self.refresh_button.setObjectName("refresh")
        self.refresh_button.clicked.connect(self.refresh)
        self.table = QTableView()
        self.table.setObjectName("civilEntries")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        fit_columns(self.table)
        self.table.selectionModel().currentRowChanged.connect(self._on_table_current_changed)
        self.new_buttons: dict[EventKind, QPushButton] = {}
        buttons = QHBoxLayout()
        for kind in EventKind:
            button = QPushButton()
            button.setObjectName(f"new_{kind.value}")
            button.clicked.connect(lambda _c=False, k=kind: self.open_form(k))
            button.setEnabled(self._officer.can(Permission.REGISTER_CIVIL) and _has_form(kind))
            self.new_buttons[kind] = button
            buttons.addWidget(button)
        buttons.addStretch(1)
        filters = QHBoxLayout()
        for widget in (self.kind_label, self.kind_filter, self.state_label, self.state_filter):
            filters.addWidget(widget)
        filters.addStretch(1)
        filters.addWidget(self.refresh_button)
        self.count_label = QLabel()
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(buttons)
        left_layout.addLayout(filters)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.count_label)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.detail)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        QShortcut(QKeySequence("F5"), self, self.refresh, context=context)
        QShortcut(QKeySequence("Esc"), self, self.show_detail, context=context)
        QWidget.setTabOrder(self.kind_filter, self.state_filter)
        QWidget.setTabOrder(self.state_filter, self.table)

    # -- texts -----------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.kind_label.setText(self.tr("&Kind:"))
        self.state_label.setText(self.tr("S&how:"))
        texts = {
            EventKind.BIRTH: self.tr("New &birth…"),
            EventKind.MARRIAGE: self.tr("New &marriage…"),
            EventKind.DEATH: self.tr("New &death…"),
        }
        for kind, button in self.new_buttons.items():
            button.setText(texts[kind])
            if not _has_form(kind):
                button.setToolTip(self.tr("No form for this kind on this workstation"))
        self.refresh_button.setText(self.tr("&Refresh"))
        self.refresh_button.setToolTip(self.tr("Read the register again (F5)"))
        kind, state = self.kind_filter.currentData(), self.state_filter.currentData()
        self.kind_filter.blockSignals(True)
        self.kind_filter.clear()
        self.kind_filter.addItem(self.tr("All kinds"), None)
        for event_kind in EventKind:
            self.kind_filter.addItem(kind_text(event_kind), event_kind.value)
        self.kind_filter.setCurrentIndex(max(self.kind_filter.findData(kind), 0))
        self.kind_filter.blockSignals(False)
        self.state_filter.blockSignals(True)
        self.state_filter.clear()
        states = {
            StateFilter.ALL: self.tr("All entries"),
            StateFilter.PENDING: self.tr("Pending approval"),
            StateFilter.REFERRED: self.tr("Referred (nationality follow-up)"),
            StateFilter.REGISTERED: self.tr("Registered"),
            StateFilter.REJECTED: self.tr("Rejected"),
        }
        for value, text in states.items():
            self.state_filter.addItem(text, value.value)
        self.state_filter.setCurrentIndex(max(self.state_filter.findData(state), 0))
        self.state_filter.blockSignals(False)
        self.model.retranslate()
        self._update_count()

    def _update_count(self) -> None:
        self.count_label.setText(
            self.tr("{shown} of {total} entries").format(
                shown=self.proxy.rowCount(), total=self.model.rowCount()
            )
        )

    # -- the list --------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()

    def refresh(self) -> None:
        """Read the register again on a worker (the open entry stays selected)."""
        if self._list_task is not None:
            return
        civil, limit = self._civil, self.LIMIT
        self._list_task = self._runner.run(
            lambda: civil.list(limit=limit),
            on_success=self._on_listed,
            on_failure=self._on_list_failed,
            owner=self,
            description="civil list",
        )

    def _on_listed(self, entries: Sequence[CivilEntry]) -> None:
        self._list_task = None
        wanted = self._select_after_list or (
            self.detail.entry.register_number if self.detail.entry else ""
        )
        self._select_after_list = ""
        self.model.set_rows(reversed(list(entries)))  # newest first
        self._update_count()
        if wanted:
            self.select(wanted, open_entry=False)
        self.listed.emit()

    def _on_list_failed(self, error: BaseException) -> None:
        self._list_task = None
        self.count_label.setText(self._runner.reporter.report(error, self, inline=True))

    def _on_filter_changed(self, _index: int) -> None:
        kind = self.kind_filter.currentData()
        self.proxy.set_kind(EventKind(kind) if kind else None)
        self.proxy.set_state(StateFilter(self.state_filter.currentData() or "all"))
        self._update_count()

    def select(self, register_number: str, *, open_entry: bool = True) -> bool:
        """Make the entry the table's current row (and open it); False when not listed."""
        row = self.model.row_of(register_number)
        if row is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            return False
        selection = self.table.selectionModel()
        selection.blockSignals(True)
        selection.setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        selection.blockSignals(False)
        self.table.viewport().update()
        self.table.scrollTo(index)
        if open_entry:
            self.open_entry(register_number)
        return True

    def _on_table_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            entry = self.model.entry(self.proxy.mapToSource(current).row())
            self.open_entry(entry.register_number)

    # -- an entry --------------------------------------------------------------------------------

    def open_entry(self, register_number: str) -> None:
        """Read the entry and its history on a worker, then show it."""
        if self._entry_task is not None:
            self._entry_task.cancel()
        civil, audit = self._civil, self._audit

        def read() -> tuple[CivilEntry, list[AuditEntry]]:
            entry = civil.get(register_number)
            return entry, (audit.trail("civil_entry", register_number) if audit else [])

        self._entry_task = self._runner.run(
            read,
            on_success=self._on_entry_read,
            owner=self,
            description="civil show",
        )

    def _on_entry_read(self, result: tuple[CivilEntry, list[AuditEntry]]) -> None:
        self._entry_task = None
        entry, trail = result
        self.detail.show_entry(entry, trail)
        self.show_detail()
        self.entry_opened.emit(entry.register_number)

    def show_detail(self) -> None:
        self.stack.setCurrentWidget(self.detail)

    def _on_detail_entry_changed(self, entry: CivilEntry) -> None:
        self._select_after_list = entry.register_number
        self.refresh()
        self.open_entry(entry.register_number)

    # -- registering -----------------------------------------------------------------------------

    def _on_rules_loaded(self, rules: RegistrationRules) -> None:
        self._rules = rules
        for form in self.forms.values():
            form.set_registration_rules(rules)

    def open_form(self, kind: EventKind) -> RegistrationFormPage | None:
        """The form registering ``kind`` (made on first use), shown with focus on its first
        field."""
        if not self.new_buttons[kind].isEnabled():
            return None
        page = self.forms.get(kind)
        if page is None:
            page = RegistrationFormPage(
                self._civil,
                self._officer,
                self._runner,
                load_form(FORM_OF[kind]),
                today=self.today,
                registration_rules=self._rules,
            )
            page.registered.connect(self._on_form_registered)
            page.duplicate_found.connect(self._on_form_duplicate_found)
            self.forms[kind] = page
            self.stack.addWidget(page)
        elif not page.fields.isEnabled():
            page.new_entry()
        self.stack.setCurrentWidget(page)
        page.fields.focus_chain()[0].setFocus(Qt.FocusReason.OtherFocusReason)
        return page

    def _on_form_registered(self, entry: CivilEntry) -> None:
        self._select_after_list = entry.register_number
        self.refresh()

    def _on_form_duplicate_found(self, register_number: str) -> None:
        """Show the entry already registered beside the form (a window that does not block)."""
        self.select(register_number, open_entry=False)
        civil = self._civil
        self._runner.run(
            lambda: civil.get(register_number),
            on_success=self._show_duplicate,
            owner=self,
            description="civil show duplicate",
        )

    def _show_duplicate(self, entry: CivilEntry) -> None:
        self.duplicate_dialog = entry_dialog(entry, self)
        self.duplicate_dialog.open()


def _has_form(kind: EventKind) -> bool:
    try:
        load_form(FORM_OF[kind])
    except FormError:
        return False
    return True
