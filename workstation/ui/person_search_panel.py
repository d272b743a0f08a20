"""Search the registry as the officer types: name and optional birth date, results table.

Each pause in typing (``SEARCH_DELAY_MS``) starts one query on the task runner; a newer query
cancels the older one's delivery, so only the result of what is typed now is ever shown.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from workstation.domain.dates import PartialDate
from workstation.domain.errors import DomainError
from workstation.domain.people import Person
from workstation.ui.person_table_model import PERSON_ROLE, PersonColumn, PersonSearchTableModel
from workstation.ui.tasks import TaskHandle, TaskRunner

if TYPE_CHECKING:
    from workstation.services.persons import SearchResult


class PersonSearcher(Protocol):
    """What the panel needs from the person service."""

    def search(
        self, text: str, born: PartialDate | None = None, limit: int = 50
    ) -> SearchResult: ...


class PersonSearchPanel(QWidget):
    """Search fields, a hint line (counts, truncation, input problems) and the results table."""

    results_shown = Signal(object)  # SearchResult | None, once the table shows it
    person_selected = Signal(object)  # Person, or None when the selection is gone

    SEARCH_DELAY_MS = 150
    SEARCH_LIMIT = 50

    def __init__(
        self, persons: PersonSearcher, task_runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._persons = persons
        self._runner = task_runner
        self._task: TaskHandle | None = None
        self._selected_id: int | None = None
        self._build_fields()
        self._build_table()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addLayout(self._fields_row)
        layout.addWidget(self.hint)
        layout.addWidget(self.results_view, 1)
        QWidget.setTabOrder(self.search_edit, self.born_edit)
        QWidget.setTabOrder(self.born_edit, self.results_view)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(self.SEARCH_DELAY_MS)
        self._timer.timeout.connect(self._on_timer_timeout)
        for edit in (self.search_edit, self.born_edit):
            edit.textChanged.connect(self._on_fields_edited)
            edit.returnPressed.connect(self._on_fields_return_pressed)
        self._retranslate()

    def _build_fields(self) -> None:
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("search")
        self.search_edit.setClearButtonEnabled(True)
        self.born_edit = QLineEdit()
        self.born_edit.setObjectName("born")
        self.born_edit.setMaxLength(10)
        self.born_edit.setFixedWidth(self.born_edit.fontMetrics().horizontalAdvance("0") * 14)
        self._search_label = QLabel()
        self._search_label.setBuddy(self.search_edit)
        self._born_label = QLabel()
        self._born_label.setBuddy(self.born_edit)
        self._fields_row = QHBoxLayout()
        self._fields_row.addWidget(self._search_label)
        self._fields_row.addWidget(self.search_edit, 1)
        self._fields_row.addSpacing(12)
        self._fields_row.addWidget(self._born_label)
        self._fields_row.addWidget(self.born_edit)
        self.hint = QLabel()
        self.hint.setObjectName("searchHint")
        self.hint.setWordWrap(True)

    def _build_table(self) -> None:
        self.model = PersonSearchTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setSortLocaleAware(True)
        view = self.results_view = QTableView()
        view.setObjectName("results")
        view.setModel(self.proxy)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setAlternatingRowColors(True)
        view.setWordWrap(False)
        view.verticalHeader().hide()
        header = view.horizontalHeader()
        # No sort column at first: the service's ranking (exact matches first) is the order.
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        header.setSortIndicatorClearable(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(PersonColumn.NAME, QHeaderView.ResizeMode.Stretch)
        view.setSortingEnabled(True)
        view.selectionModel().currentRowChanged.connect(self._on_results_current_changed)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self._search_label.setText(self.tr("&Find:"))
        self.search_edit.setPlaceholderText(self.tr("Any part of any name, any spelling (Ctrl+F)"))
        self._born_label.setText(self.tr("&Born:"))
        self.born_edit.setPlaceholderText(self.tr("YYYY-MM-DD"))
        self.born_edit.setToolTip(self.tr("Birth year, year and month, or full date"))
        self.model.retranslate()
        self._show_hint()

    def focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def cancel(self) -> None:
        """Stop waiting for a search (the window is closing)."""
        self._timer.stop()
        if self._task is not None:
            self._task.cancel()
            self._task = None

    def _on_fields_edited(self, _text: str) -> None:
        self._timer.start()  # restarts: the search runs once the officer pauses

    def _on_fields_return_pressed(self) -> None:
        if self._timer.isActive():
            self._timer.stop()
            self._on_timer_timeout()
        if self.proxy.rowCount() > 0:
            self.results_view.setFocus(Qt.FocusReason.OtherFocusReason)
            if not self.results_view.currentIndex().isValid():
                self.results_view.selectRow(0)

    def _on_timer_timeout(self) -> None:
        if self._task is not None:
            self._task.cancel()  # its result, if it still comes, is stale
            self._task = None
        text = self.search_edit.text()
        born_valid, born = self._parsed_born()
        if not born_valid:
            return
        if not text.strip():
            self._show_result(None)
            return
        persons, limit = self._persons, self.SEARCH_LIMIT
        self._task = self._runner.run(
            lambda: persons.search(text, born, limit),
            on_success=self._on_search_succeeded,
            on_failure=self._on_search_failed,
            owner=self,
            description="person search",
        )
        self._show_hint(self.tr("Searching…"))

    def _parsed_born(self) -> tuple[bool, PartialDate | None]:
        """(valid, the birth-date filter or None); marks the field when it is not a date."""
        text = self.born_edit.text().strip()
        born: PartialDate | None = None
        try:
            born = PartialDate.parse(text, "birth_date") if text else None
        except DomainError as error:
            self._show_hint(self._runner.reporter.translator.describe(error), error=True)
        valid = born is not None or not text
        self.born_edit.setStyleSheet("" if valid else "QLineEdit { border: 1px solid #b00020; }")
        return valid, born

    def _on_search_succeeded(self, result: SearchResult) -> None:
        self._task = None
        self._show_result(result)

    def _on_search_failed(self, error: BaseException) -> None:
        self._task = None
        self._show_hint(self._runner.reporter.report(error, self), error=True)

    def _show_result(self, result: SearchResult | None) -> None:
        keep = self._selected_id
        self.model.set_result(result)  # resets the selection without signals
        row = self.model.row_of(keep) if keep is not None else None
        if row is not None:
            index = self.proxy.mapFromSource(self.model.index(row, 0))
            self.results_view.selectionModel().setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        elif keep is not None:
            self._selected_id = None
            self.person_selected.emit(None)
        self._show_hint()
        self.results_shown.emit(result)

    def _show_hint(self, text: str | None = None, *, error: bool = False) -> None:
        if text is None:
            count = self.model.rowCount()
            if self.model.result is None:
                text = self.tr("Type a name to search the registry.")
            elif self.model.truncated:
                text = self.tr(
                    "Showing the first {count} persons found: type more of the name "
                    "or add the birth date to narrow the search."
                ).format(count=count)
            elif count == 0:
                text = self.tr("No person found.")
            else:
                text = self.tr("Persons found: {count}").format(count=count)
        self.hint.setText(text)
        self.hint.setStyleSheet("color: #b00020;" if error else "")

    def _on_results_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        person = current.data(PERSON_ROLE)
        if isinstance(person, Person) and person.id != self._selected_id:
            self._selected_id = person.id
            self.person_selected.emit(person)
