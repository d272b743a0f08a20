"""The main window: who and where at the top, person search always at hand, devices below."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
    qVersion,
)
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from devices.registry import DeviceMap, probe_all
from devices.status import DeviceStatus
from workstation import __version__
from workstation.domain.audit import AuditEntry
from workstation.domain.dates import PartialDate
from workstation.domain.documents import Document
from workstation.domain.errors import DomainError
from workstation.domain.officers import Officer, Role
from workstation.domain.people import Person
from workstation.ui.device_status_bar import DeviceStatusBar
from workstation.ui.person_details import PersonDetailsPanel
from workstation.ui.person_table_model import PERSON_ROLE, PersonColumn, PersonSearchTableModel
from workstation.ui.tasks import TaskHandle, TaskRunner

if TYPE_CHECKING:
    from workstation.services.persons import SearchResult
    from workstation.wiring import Services

DeviceProbe = Callable[[DeviceMap], list[DeviceStatus]]


class MainWindow(QMainWindow):
    """The officer's workspace after sign-in.

    Every query runs on the task runner; a search result is shown only if it answers the latest
    query typed, so a slow early query can never overwrite a later one.
    """

    results_shown = Signal(object)  # SearchResult | None, once the table shows it
    person_shown = Signal(object)  # Person, once documents and history are shown
    devices_probed = Signal(list)  # list[DeviceStatus], once the status bar shows them

    SEARCH_DELAY_MS = 150
    SEARCH_LIMIT = 50

    def __init__(
        self,
        services: Services,
        officer: Officer,
        task_runner: TaskRunner,
        device_map: DeviceMap,
        *,
        probe: DeviceProbe = probe_all,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._officer = officer
        self._runner = task_runner
        self._device_map = device_map
        self._probe = probe
        self._search_task: TaskHandle | None = None
        self._details_task: TaskHandle | None = None
        self._probe_task: TaskHandle | None = None
        self._shown_person_id: int | None = None

        self.setObjectName("mainWindow")
        self._build_header()
        self._build_search()
        self._build_results()
        self._build_status_bar()
        self._build_actions()

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self._header)
        body = QVBoxLayout()
        body.setContentsMargins(10, 8, 10, 4)
        body.addLayout(self._search_row)
        body.addWidget(self.search_hint)
        body.addWidget(self._splitter, 1)
        layout.addLayout(body, 1)
        self.setCentralWidget(central)

        QWidget.setTabOrder(self.search_edit, self.born_edit)
        QWidget.setTabOrder(self.born_edit, self.results_view)
        QWidget.setTabOrder(self.results_view, self.details)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(self.SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._on_search_timer_timeout)
        self.search_edit.textChanged.connect(self._on_search_edit_changed)
        self.search_edit.returnPressed.connect(self._on_search_edit_return_pressed)
        self.born_edit.textChanged.connect(self._on_search_edit_changed)
        self.born_edit.returnPressed.connect(self._on_search_edit_return_pressed)

        self._retranslate()
        self.resize(1180, 740)
        self.search_edit.setFocus()
        QTimer.singleShot(0, self.refresh_devices)

    # -- construction -----------------------------------------------------------------------

    def _build_header(self) -> None:
        self._header = QFrame()
        self._header.setObjectName("header")
        self._header.setStyleSheet(
            "#header { background: #1f3a5f; } #header QLabel { color: #ffffff; }"
        )
        self.post_label = QLabel()
        self.post_label.setObjectName("postLabel")
        font = self.post_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        font.setBold(True)
        self.post_label.setFont(font)
        self.post_detail_label = QLabel()
        self.officer_label = QLabel()
        self.officer_label.setObjectName("officerLabel")
        self.officer_label.setFont(font)
        self.officer_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.roles_label = QLabel()
        self.roles_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        left, right = QVBoxLayout(), QVBoxLayout()
        for column, labels in (
            (left, (self.post_label, self.post_detail_label)),
            (right, (self.officer_label, self.roles_label)),
        ):
            column.setSpacing(2)
            for label in labels:
                label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                column.addWidget(label)
        row = QHBoxLayout(self._header)
        row.setContentsMargins(12, 8, 12, 8)
        row.addLayout(left, 1)
        row.addLayout(right)

    def _build_search(self) -> None:
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("search")
        self.search_edit.setClearButtonEnabled(True)
        self.born_edit = QLineEdit()
        self.born_edit.setObjectName("born")
        self.born_edit.setMaxLength(10)
        self.born_edit.setFixedWidth(self.born_edit.fontMetrics().horizontalAdvance("0") * 16)
        self._search_label = QLabel()
        self._search_label.setBuddy(self.search_edit)
        self._born_label = QLabel()
        self._born_label.setBuddy(self.born_edit)
        self._search_row = QHBoxLayout()
        self._search_row.addWidget(self._search_label)
        self._search_row.addWidget(self.search_edit, 1)
        self._search_row.addSpacing(12)
        self._search_row.addWidget(self._born_label)
        self._search_row.addWidget(self.born_edit)
        self.search_hint = QLabel()
        self.search_hint.setObjectName("searchHint")
        self.search_hint.setWordWrap(True)

    def _build_results(self) -> None:
        self.model = PersonSearchTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setSortLocaleAware(True)
        self.results_view = QTableView()
        self.results_view.setObjectName("results")
        self.results_view.setModel(self.proxy)
        self.results_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.results_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.results_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results_view.setAlternatingRowColors(True)
        self.results_view.setWordWrap(False)
        self.results_view.verticalHeader().hide()
        header = self.results_view.horizontalHeader()
        # No sort column at first: the service's ranking (exact matches first) is the order.
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        header.setSortIndicatorClearable(True)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(PersonColumn.NAME, QHeaderView.ResizeMode.Stretch)
        self.results_view.setSortingEnabled(True)
        self.results_view.selectionModel().currentRowChanged.connect(
            self._on_results_current_changed
        )
        self.details = PersonDetailsPanel(self._services.post.time_zone)
        self._splitter = QSplitter(Qt.Orientation.Horizontal)
        self._splitter.addWidget(self.results_view)
        self._splitter.addWidget(self.details)
        self._splitter.setStretchFactor(0, 3)
        self._splitter.setStretchFactor(1, 2)
        self._splitter.setChildrenCollapsible(False)

    def _build_status_bar(self) -> None:
        self.device_bar = DeviceStatusBar()
        self.database_label = QLabel()
        self.database_label.setObjectName("databaseLabel")
        self.statusBar().addWidget(self.device_bar, 1)
        self.statusBar().addPermanentWidget(self.database_label)

    def _build_actions(self) -> None:
        self.find_action = QAction(self)
        self.find_action.setShortcut(QKeySequence.StandardKey.Find)
        self.find_action.triggered.connect(self._on_find_action_triggered)
        self.refresh_devices_action = QAction(self)
        self.refresh_devices_action.setShortcut(QKeySequence(Qt.Key.Key_F5))
        self.refresh_devices_action.triggered.connect(self.refresh_devices)
        self.quit_action = QAction(self)
        # Explicit: QKeySequence.Quit has no binding on Windows.
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit_action.triggered.connect(self.close)
        self.about_action = QAction(self)
        self.about_action.setShortcut(QKeySequence(Qt.Key.Key_F1))
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self._on_about_action_triggered)

        bar = self.menuBar()
        self._file_menu = bar.addMenu("")
        self._file_menu.addAction(self.quit_action)
        self._registry_menu = bar.addMenu("")
        self._registry_menu.addAction(self.find_action)
        self._devices_menu = bar.addMenu("")
        self._devices_menu.addAction(self.refresh_devices_action)
        self._help_menu = bar.addMenu("")
        self._help_menu.addAction(self.about_action)

    # -- texts ------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        post, officer = self._services.post, self._officer
        self.setWindowTitle(
            self.tr("{code} {name} – Consular workstation").format(code=post.code, name=post.name)
        )
        self.post_label.setText(f"{post.code}  ·  {post.name}")
        self.post_detail_label.setText(
            self.tr("{city} · issuing state {state}").format(
                city=post.city, state=post.issuing_state
            )
        )
        self.officer_label.setText(officer.full_name)
        self.roles_label.setText(
            self.tr("Signed in as {user} · {roles}").format(
                user=officer.username, roles=self.roles_text(officer)
            )
        )
        self._search_label.setText(self.tr("&Find:"))
        self.search_edit.setPlaceholderText(self.tr("Any part of any name, any spelling (Ctrl+F)"))
        self._born_label.setText(self.tr("&Born:"))
        self.born_edit.setPlaceholderText(self.tr("YYYY-MM-DD"))
        self.born_edit.setToolTip(self.tr("Birth year, year and month, or full date"))
        self.database_label.setText(
            self.tr("Database: {backend}").format(backend=self._services.db.backend)
        )
        self.find_action.setText(self.tr("&Find person"))
        self.refresh_devices_action.setText(self.tr("&Check devices again"))
        self.quit_action.setText(self.tr("&Quit"))
        self.about_action.setText(self.tr("&About"))
        self._file_menu.setTitle(self.tr("&File"))
        self._registry_menu.setTitle(self.tr("&Registry"))
        self._devices_menu.setTitle(self.tr("&Devices"))
        self._help_menu.setTitle(self.tr("&Help"))
        self.model.retranslate()
        self._show_hint()

    def roles_text(self, officer: Officer) -> str:
        names = {
            Role.CLERK: self.tr("clerk"),
            Role.REGISTRAR: self.tr("registrar"),
            Role.SUPERVISOR: self.tr("supervisor"),
            Role.ADMIN: self.tr("administrator"),
        }
        return ", ".join(names[role] for role in sorted(officer.roles))

    def about_text(self) -> str:
        post, db = self._services.post, self._services.db
        return self.tr(
            "Consular workstation {version}\n\nPost: {code}, {name}, {city} (issuing state "
            "{state})\nDatabase: {backend}, {url}\nQt {qt}"
        ).format(
            version=__version__,
            code=post.code,
            name=post.name,
            city=post.city,
            state=post.issuing_state,
            backend=db.backend,
            url=db.url,
            qt=qVersion(),
        )

    def _on_about_action_triggered(self) -> None:
        QMessageBox.about(self, self.tr("About the consular workstation"), self.about_text())

    def _on_find_action_triggered(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    # -- search -----------------------------------------------------------------------------

    def _on_search_edit_changed(self, _text: str) -> None:
        self._search_timer.start()  # restarts: the search runs once the officer pauses

    def _on_search_edit_return_pressed(self) -> None:
        if self._search_timer.isActive():
            self._search_timer.stop()
            self._on_search_timer_timeout()
        if self.proxy.rowCount() > 0:
            self.results_view.setFocus(Qt.FocusReason.OtherFocusReason)
            if not self.results_view.currentIndex().isValid():
                self.results_view.selectRow(0)

    def _on_search_timer_timeout(self) -> None:
        if self._search_task is not None:
            self._search_task.cancel()  # its result, if it still comes, is stale
            self._search_task = None
        text = self.search_edit.text()
        born_valid, born = self._parsed_born()
        if not born_valid:
            return
        if not text.strip():
            self._show_result(None)
            return
        persons, limit = self._services.persons, self.SEARCH_LIMIT
        self._search_task = self._runner.run(
            lambda: persons.search(text, born, limit),
            on_success=self._on_search_succeeded,
            on_failure=self._on_search_failed,
            owner=self,
            description="person search",
        )
        self._show_hint(self.tr("Searching…"))

    def _parsed_born(self) -> tuple[bool, PartialDate | None]:
        """(valid, the birth-date filter or None); shows a message when it is not a date."""
        text = self.born_edit.text().strip()
        if not text:
            return True, None
        try:
            return True, PartialDate.parse(text, "birth_date")
        except DomainError as error:
            self._show_hint(self._runner.reporter.translator.describe(error), error=True)
            return False, None

    def _on_search_succeeded(self, result: SearchResult) -> None:
        self._search_task = None
        self._show_result(result)

    def _on_search_failed(self, error: BaseException) -> None:
        self._search_task = None
        self._show_hint(self._runner.reporter.report(error, self), error=True)

    def _show_result(self, result: SearchResult | None) -> None:
        keep = self._shown_person_id
        self.model.set_result(result)
        row = self.model.row_of(keep) if keep is not None else None
        if row is not None:
            index = self.proxy.mapFromSource(self.model.index(row, 0))
            self.results_view.selectionModel().setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        else:
            self._clear_details()
        self._show_hint()
        self.results_shown.emit(result)

    def _show_hint(self, text: str | None = None, *, error: bool = False) -> None:
        if text is None:
            result = self.model.result
            count = self.model.rowCount()
            if result is None:
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
        self.search_hint.setText(text)
        self.search_hint.setStyleSheet("color: #b00020;" if error else "")

    # -- details ----------------------------------------------------------------------------

    def _on_results_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        person = current.data(PERSON_ROLE)
        if isinstance(person, Person) and person.id != self._shown_person_id:
            self._load_details(person)

    def _load_details(self, person: Person) -> None:
        if self._details_task is not None:
            self._details_task.cancel()
        person_id = person.id
        assert person_id is not None
        self._shown_person_id = person_id
        self.details.show_person(person)
        documents, audit = self._services.documents, self._services.audit

        def load() -> tuple[list[Document], list[AuditEntry]]:
            return documents.for_person(person_id), audit.trail("person", str(person_id))

        def show(records: tuple[Sequence[Document], Sequence[AuditEntry]]) -> None:
            self._details_task = None
            self.details.show_records(*records)
            self.person_shown.emit(person)

        def failed(error: BaseException) -> None:
            self._details_task = None
            self.details.show_records_failed()
            self._runner.reporter.report(error, self)

        self._details_task = self._runner.run(
            load, on_success=show, on_failure=failed, owner=self, description="person details"
        )

    def _clear_details(self) -> None:
        if self._details_task is not None:
            self._details_task.cancel()
            self._details_task = None
        self._shown_person_id = None
        self.details.show_nothing()

    # -- devices ----------------------------------------------------------------------------

    def refresh_devices(self) -> None:
        """Probe every device again, in the worker (a probe can take seconds)."""
        if self._probe_task is not None:
            return  # one probe at a time; the running one reports soon
        self.device_bar.set_checking()
        probe, device_map = self._probe, self._device_map
        self._probe_task = self._runner.run(
            lambda: probe(device_map),
            on_success=self._on_probe_succeeded,
            on_failure=self._on_probe_failed,
            owner=self,
            description="device probe",
        )

    def _on_probe_succeeded(self, statuses: list[DeviceStatus]) -> None:
        self._probe_task = None
        self.device_bar.set_statuses(statuses)
        self.devices_probed.emit(statuses)

    def _on_probe_failed(self, error: BaseException) -> None:
        self._probe_task = None
        self.device_bar.set_failed()
        self._runner.reporter.report(error, self)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._search_timer.stop()
        for task in (self._search_task, self._details_task, self._probe_task):
            if task is not None:
                task.cancel()
        super().closeEvent(event)
