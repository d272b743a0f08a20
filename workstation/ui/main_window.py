"""The main window: who and where at the top, person search always at hand, devices below."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QEvent, Qt, QTimer, Signal, qVersion
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from devices.registry import DeviceMap, probe_all
from devices.smartcard import CardEvent, CardEventKind
from devices.status import DeviceStatus
from workstation import __version__
from workstation.domain.audit import AuditEntry
from workstation.domain.documents import Document
from workstation.domain.officers import Officer
from workstation.domain.people import Person
from workstation.domain.portrait import PortraitRecord
from workstation.domain.posts import Post
from workstation.domain.printing import PrintTarget
from workstation.services.accounts import AccountService
from workstation.services.audit import AuditService
from workstation.services.chip import ChipService
from workstation.services.documents import DocumentService
from workstation.services.persons import PersonService
from workstation.services.photos import PhotoService
from workstation.services.printing import PrintService
from workstation.ui.approval_queue import ApprovalQueuePage, may_approve
from workstation.ui.card_events import CardEventBridge
from workstation.ui.device_status_bar import DeviceStatusBar
from workstation.ui.issue_page import IssuePage
from workstation.ui.issue_services import IssueServices
from workstation.ui.person_details import PersonDetailsPanel
from workstation.ui.person_form import PersonFormPage
from workstation.ui.person_search_panel import PersonSearchPanel
from workstation.ui.photo_page import PhotoPage
from workstation.ui.session_header import SessionHeader
from workstation.ui.tasks import TaskHandle, TaskRunner

if TYPE_CHECKING:
    from devices.camera.qt_base import QtStillSource


class DatabaseInfo(Protocol):
    @property
    def url(self) -> str: ...

    @property
    def backend(self) -> str: ...


class WindowServices(Protocol):
    """What the window uses of the composition root's ``Services`` (the UI never imports the
    wiring, nor storage: the import contracts in pyproject.toml enforce it)."""

    @property
    def post(self) -> Post: ...

    @property
    def db(self) -> DatabaseInfo: ...

    @property
    def persons(self) -> PersonService: ...

    @property
    def documents(self) -> DocumentService: ...

    @property
    def audit(self) -> AuditService: ...

    @property
    def accounts(self) -> AccountService: ...

    @property
    def photos(self) -> PhotoService: ...

    @property
    def printing(self) -> PrintService: ...

    @property
    def chip(self) -> ChipService: ...


DeviceProbe = Callable[[DeviceMap], list[DeviceStatus]]
_Civil = list[tuple[str, str, str]] | None  # (register number, event and role, state)
_Record = tuple[Person, list[Document], list[AuditEntry], list[PortraitRecord], _Civil]


class CivilEntries(Protocol):
    """What the record uses of the civil register, when the workstation keeps one."""

    def list(
        self,
        kind: str | None = None,
        state: str | None = None,
        year: int | None = None,
        limit: int = 200,
    ) -> Sequence[CivilEntryLike]: ...


class CivilEntryLike(Protocol):
    @property
    def register_number(self) -> str: ...

    @property
    def kind(self) -> str: ...

    @property
    def state(self) -> str: ...

    @property
    def links(self) -> Mapping[str, int | None]: ...


#: Entries read to find a person's (a post registers a few hundred events a year).
CIVIL_SCAN_LIMIT = 20_000


def civil_rows(civil: CivilEntries, person_id: int) -> list[tuple[str, str, str]]:
    """The civil-register entries that name ``person_id`` in a role (child, spouse ...)."""
    return [
        (entry.register_number, f"{entry.kind} · {role}", str(entry.state))
        for entry in civil.list(limit=CIVIL_SCAN_LIMIT)
        for role, linked in entry.links.items()
        if linked == person_id
    ]


class MainWindow(QMainWindow):
    """The officer's workspace after sign-in.

    Every query and probe runs on the task runner; the window only shows results. Devices are
    probed at start and on F5, one probe at a time (drivers are not safe to probe concurrently).
    """

    person_shown = Signal(object)  # Person as stored, once the details panel shows it
    devices_probed = Signal(list)  # list[DeviceStatus], once the status bar shows them

    def __init__(
        self,
        services: WindowServices,
        officer: Officer,
        task_runner: TaskRunner,
        device_map: DeviceMap,
        *,
        probe: DeviceProbe = probe_all,
        card_events: CardEventBridge | None = None,
        camera: QtStillSource | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._officer = officer
        self._runner = task_runner
        self._device_map = device_map
        self._probe = probe
        self._details_task: TaskHandle | None = None
        self._probe_task: TaskHandle | None = None
        self._probe_again = False

        self.setObjectName("mainWindow")
        self.header = SessionHeader(services.post, officer)
        self.search = PersonSearchPanel(services.persons, task_runner)
        self.search.person_selected.connect(self._on_search_person_selected)
        self.details = PersonDetailsPanel(services.post.time_zone)
        self.issue_page = IssuePage(
            IssueServices(
                services.documents,
                services.photos,
                services.printing,
                services.chip,
                services.accounts,
            ),
            officer,
            task_runner,
            reader=device_map.reader,
            queues=[
                q
                for q in (
                    services.printing.queue_for(PrintTarget.CARD),
                    services.printing.queue_for(PrintTarget.A4),
                )
                if q
            ],
        )
        self.issue_page.history_changed.connect(self._on_issue_page_history_changed)
        self.approvals: ApprovalQueuePage | None = None
        self.tabs = QTabWidget()
        self.tabs.setObjectName("personTabs")
        self.tabs.addTab(self.details, "")
        self.tabs.addTab(self.issue_page, "")
        if may_approve(officer):
            self.approvals = ApprovalQueuePage(
                services.documents, services.persons, services.accounts, officer, task_runner
            )
            self.approvals.decided.connect(self._on_approvals_decided)
            self.tabs.addTab(self.approvals, "")
        self.photo_page = PhotoPage(services.photos, officer, task_runner, camera=camera)
        self.photo_page.portrait_stored.connect(self._on_photo_page_portrait_stored)
        self.person_form = PersonFormPage(
            services.persons,
            officer,
            task_runner,
            chip=services.chip,
            chip_reader=device_map.reader,
        )
        self.person_form.saved.connect(self._on_person_form_saved)
        self.tabs.insertTab(2, self.photo_page, "")
        self.tabs.insertTab(3, self.person_form, "")
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)
        self.issue_page.set_tab_order()
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.search)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([520, 760])
        splitter.setChildrenCollapsible(False)

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        body = QVBoxLayout()
        body.setContentsMargins(10, 8, 10, 4)
        body.addWidget(splitter, 1)
        layout.addLayout(body, 1)
        self.setCentralWidget(central)
        # Results, then the page tabs (arrow keys switch pages), then the page itself.
        self.tabs.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        QWidget.setTabOrder(self.search.results_view, self.tabs.tabBar())
        QWidget.setTabOrder(self.tabs.tabBar(), self.details)

        self.device_bar = DeviceStatusBar()
        self.database_label = QLabel()
        self.database_label.setObjectName("databaseLabel")
        self.statusBar().addWidget(self.device_bar, 1)
        self.statusBar().addPermanentWidget(self.database_label)
        self._build_actions()

        self._retranslate()
        # Wide enough for the search beside the photo page (its three panes); capped by the
        # screen (a counter PC has 1920 x 1080; a laptop less).
        screen = self.screen().availableGeometry()
        self.resize(min(1600, screen.width()), min(960, screen.height()))
        self.search.search_edit.setFocus()
        QTimer.singleShot(0, self.refresh_devices)
        if card_events is not None:
            # A card or reader came or went, or pcscd stopped: the reader's state changed.
            card_events.changed.connect(self._on_card_events_changed)

    def _build_actions(self) -> None:
        self.find_action = QAction(self)
        self.find_action.setShortcut(QKeySequence.StandardKey.Find)
        self.find_action.triggered.connect(self.search.focus_search)
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
        self.tab_actions: list[QAction] = []
        for number in range(self.tabs.count()):
            action = QAction(self)
            action.setShortcut(QKeySequence(f"Ctrl+{number + 1}"))
            action.triggered.connect(lambda _checked=False, n=number: self.show_tab(n))
            self.tab_actions.append(action)

        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.file_menu.addAction(self.quit_action)
        self.registry_menu = bar.addMenu("")
        self.registry_menu.addAction(self.find_action)
        self.registry_menu.addSeparator()
        self.registry_menu.addActions(self.tab_actions)
        self.documents_menu = bar.addMenu("")
        self.documents_menu.addActions(self.issue_page.actions())
        self.devices_menu = bar.addMenu("")
        self.devices_menu.addAction(self.refresh_devices_action)
        self.help_menu = bar.addMenu("")
        self.help_menu.addAction(self.about_action)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        post = self._services.post
        self.setWindowTitle(
            self.tr("{code} {name} – Consular workstation").format(code=post.code, name=post.name)
        )
        self.database_label.setText(
            self.tr("Database: {backend}").format(backend=self.backend_name())
        )
        self.database_label.setToolTip(self._services.db.url)
        self.find_action.setText(self.tr("&Find person"))
        self.refresh_devices_action.setText(self.tr("&Check devices again"))
        self.quit_action.setText(self.tr("&Quit"))
        self.about_action.setText(self.tr("&About"))
        tab_names: dict[QWidget | None, str] = {
            self.details: self.tr("Detai&ls"),
            self.issue_page: self.tr("Docu&ments"),
            self.photo_page: self.tr("Photo"),  # Ctrl+3: every letter is taken on the page
            self.person_form: self.tr("New person"),  # Ctrl+4
            self.approvals: self.tr("A&pprovals"),
        }
        for number in range(self.tabs.count()):
            name = tab_names[self.tabs.widget(number)]
            self.tabs.setTabText(number, name)
            self.tabs.setTabToolTip(number, f"Ctrl+{number + 1}")
            self.tab_actions[number].setText(
                self.tr("Show {page}").format(page=name.replace("&", ""))
            )
        self.file_menu.setTitle(self.tr("&File"))
        self.registry_menu.setTitle(self.tr("&Registry"))
        self.documents_menu.setTitle(self.tr("Doc&uments"))
        self.devices_menu.setTitle(self.tr("&Devices"))
        self.help_menu.setTitle(self.tr("&Help"))

    def backend_name(self) -> str:
        backend = self._services.db.backend
        return {"sqlite": "SQLite", "postgresql": "PostgreSQL"}.get(backend, backend)

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
            backend=self.backend_name(),
            url=db.url,
            qt=qVersion(),
        )

    def _on_about_action_triggered(self) -> None:
        QMessageBox.about(self, self.tr("About the consular workstation"), self.about_text())

    # -- details ----------------------------------------------------------------------------

    def _on_search_person_selected(self, person: Person | None) -> None:
        if self._details_task is not None:
            self._details_task.cancel()
            self._details_task = None
        if person is None or person.id is None:
            self.details.show_nothing()
            self.issue_page.show_person(None)
            self.photo_page.set_person(None)
            return
        self.details.show_loading(person)
        self.issue_page.show_person(person)
        self.photo_page.set_person(person.id)
        self._load_details(person.id)

    def _load_details(self, person_id: int) -> None:
        if self._details_task is not None:
            self._details_task.cancel()
        services, officer = self._services, self._officer

        def load() -> _Record:
            documents = services.documents.for_person(person_id)
            trail = services.audit.trail("person", str(person_id))
            for document in documents:
                trail += services.audit.trail("document", str(document.id))
            trail.sort(key=lambda e: e.at, reverse=True)
            civil = getattr(services, "civil", None)  # a workstation may keep no register
            return (
                services.persons.get(person_id),
                documents,
                trail,
                services.photos.for_person(officer, person_id),
                civil_rows(civil, person_id) if civil is not None else None,
            )

        self._details_task = self._runner.run(
            load,
            on_success=self._on_details_loaded,
            on_failure=self._on_details_failed,
            owner=self,
            description="person details",
        )

    def _on_details_loaded(self, record: _Record) -> None:
        self._details_task = None
        person, documents, trail, portraits, civil = record
        self.details.show_record(person, documents, trail, portraits, civil)
        self.person_shown.emit(person)

    def _on_photo_page_portrait_stored(self, _portrait_id: int) -> None:
        person = self.issue_page.person
        if person is not None and person.id is not None:
            self.issue_page.reload()  # new cards use the new photo
            self._on_issue_page_history_changed(person.id)
        self.statusBar().showMessage(self.tr("Photo stored: new requests use it."), 5000)

    def _on_person_form_saved(self, person_id: int) -> None:
        """A new person: show their record, ready for a photo and a request."""
        persons = self._services.persons
        self._runner.run(
            lambda: persons.get(person_id),
            on_success=self._on_search_person_selected,
            owner=self,
            description="new person",
        )
        self.statusBar().showMessage(
            self.tr("Person saved (registry ID {id}).").format(id=person_id), 5000
        )

    def _on_issue_page_history_changed(self, person_id: int) -> None:
        shown = self.details.person
        if shown is not None and shown.id == person_id:
            self._load_details(person_id)

    def _on_approvals_decided(self, document: Document) -> None:
        self._on_issue_page_history_changed(document.person_id)
        shown = self.issue_page.person
        if shown is not None and shown.id == document.person_id:
            self.issue_page.reload()

    def _on_tabs_current_changed(self, index: int) -> None:
        if self.approvals is not None and self.tabs.widget(index) is self.approvals:
            self.approvals.refresh()

    def show_tab(self, number: int) -> None:
        """Ctrl+1, Ctrl+2 ...: a page of the person tabs, with the keyboard focus in it."""
        if 0 <= number < self.tabs.count():
            self.tabs.setCurrentIndex(number)
            page = self.tabs.currentWidget()
            target: QWidget = page
            if page is self.issue_page:
                target = self.issue_page.documents_view
            elif self.approvals is not None and page is self.approvals:
                target = self.approvals.queue_view
            target.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _on_details_failed(self, error: BaseException) -> None:
        self._details_task = None
        self.details.show_failed()
        self._runner.reporter.report(error, self)

    # -- devices ----------------------------------------------------------------------------

    def refresh_devices(self) -> None:
        """Probe every device again, in the worker (a probe can take seconds)."""
        if self._probe_task is not None:
            # One probe at a time; the running one may have started before the change that
            # asked for this one, so probe once more when it reports.
            self._probe_again = True
            return
        self.device_bar.set_checking()
        probe, device_map = self._probe, self._device_map
        self._probe_task = self._runner.run(
            lambda: probe(device_map),
            on_success=self._on_probe_succeeded,
            on_failure=self._on_probe_failed,
            owner=self,
            description="device probe",
        )

    def _on_card_events_changed(self, event: CardEvent) -> None:
        messages = {
            CardEventKind.CARD_INSERTED: self.tr("Card inserted in {reader}"),
            CardEventKind.CARD_REMOVED: self.tr("Card removed from {reader}"),
            CardEventKind.READER_ADDED: self.tr("Reader connected: {reader}"),
            CardEventKind.READER_REMOVED: self.tr("Reader disconnected: {reader}"),
            CardEventKind.SERVICE_LOST: self.tr("The smart-card service stopped"),
            CardEventKind.SERVICE_RESTORED: self.tr("The smart-card service is back"),
        }
        self.statusBar().showMessage(messages[event.kind].format(reader=event.reader or ""), 5000)
        self.refresh_devices()

    def _on_probe_succeeded(self, statuses: list[DeviceStatus]) -> None:
        self._probe_task = None
        self.device_bar.set_statuses(statuses)
        self.devices_probed.emit(statuses)
        self._probe_pending()

    def _on_probe_failed(self, error: BaseException) -> None:
        self._probe_task = None
        self.device_bar.set_failed()
        self._runner.reporter.report(error, self)
        self._probe_pending()

    def _probe_pending(self) -> None:
        if self._probe_again:
            self._probe_again = False
            self.refresh_devices()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.search.cancel()
        self.issue_page.shutdown()
        self.photo_page.cancel()
        self.person_form.cancel()
        for task in (self._details_task, self._probe_task):
            if task is not None:
                task.cancel()
        super().closeEvent(event)
