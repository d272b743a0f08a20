"""The officer's workspace, shown in the main window once signed in: who and where at the top,
person search always at hand, the person's pages beside it, devices in the status bar.

Every query and probe runs on the task runner; the workspace only shows results. This module
(and what it imports: the services, the photo pipeline's numpy ...) loads while the sign-in page
is already on screen, so that the window itself comes up at once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QSplitter, QTabWidget, QVBoxLayout, QWidget

from devices.registry import DeviceMap, probe_all
from workstation.domain.documents import Document
from workstation.domain.officers import Officer, Permission
from workstation.domain.people import Person
from workstation.domain.posts import Post
from workstation.domain.printing import PrintTarget
from workstation.services.accounts import AccountService
from workstation.services.certificate_printing import FollowedCertificatePrinter
from workstation.services.chip import ChipService
from workstation.services.printing import PrintService
from workstation.ui.approval_queue import ApprovalQueuePage, may_approve
from workstation.ui.card_events import CardEventBridge
from workstation.ui.civil_register_page import CivilRegisterPage
from workstation.ui.device_monitor import DeviceMonitor, DeviceProbe
from workstation.ui.device_status_bar import DeviceStatusBar
from workstation.ui.issue_page import IssuePage
from workstation.ui.issue_services import IssueServices
from workstation.ui.person_details import PersonDetailsPanel
from workstation.ui.person_form import PersonFormPage
from workstation.ui.person_record import PersonRecord, RecordServices, load_person_record
from workstation.ui.person_search_panel import PersonSearchPanel
from workstation.ui.photo_page import PhotoPage
from workstation.ui.session_header import SessionHeader
from workstation.ui.tasks import TaskHandle, TaskRunner

if TYPE_CHECKING:
    from devices.camera.qt_base import QtStillSource


class WorkspaceServices(RecordServices, Protocol):
    """What the workspace uses of the composition root's ``Services`` (the UI never imports
    the wiring, nor storage: the import contracts in pyproject.toml enforce it): what a
    person's record is read from, and these."""

    @property
    def post(self) -> Post: ...

    @property
    def accounts(self) -> AccountService: ...

    @property
    def printing(self) -> PrintService: ...

    @property
    def chip(self) -> ChipService: ...


class Workspace(QWidget):
    """Header, search and the person's pages of one signed-in officer.

    The main window puts :attr:`device_bar` in its status bar and the actions of
    :meth:`registry_actions`, :meth:`documents_actions` and :meth:`devices_actions` in its
    menus; :attr:`status_message` is for its status bar.
    """

    person_shown = Signal(object)  # Person as stored, once the details panel shows it
    devices_probed = Signal(list)  # list[DeviceStatus], once the status bar shows them
    status_message = Signal(str, int)  # text, milliseconds to show it

    def __init__(
        self,
        services: WorkspaceServices,
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
        self._details_task: TaskHandle | None = None
        self.setObjectName("workspace")
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
        if may_approve(officer):
            self.approvals = ApprovalQueuePage(
                services.documents, services.persons, services.accounts, officer, task_runner
            )
            self.approvals.decided.connect(self._on_approvals_decided)
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
        self.details.edit_requested.connect(self._on_details_edit_requested)
        self.person_form.mode_changed.connect(self._retranslate)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("personTabs")
        for page in (self.details, self.issue_page, self.photo_page, self.person_form):
            self.tabs.addTab(page, "")
        if self.approvals is not None:
            self.tabs.addTab(self.approvals, "")
        self.civil_register = self._civil_register_page(services, officer, task_runner)
        if self.civil_register is not None:
            self.tabs.addTab(self.civil_register, "")
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)
        self.issue_page.set_tab_order()
        self._lay_out()

        self.device_bar = DeviceStatusBar()
        self.devices = DeviceMonitor(device_map, probe, task_runner, self.device_bar, self)
        self.devices.probed.connect(self.devices_probed)
        self.devices.message.connect(lambda text: self.status_message.emit(text, 5000))
        self._build_actions()
        self._retranslate()
        self.setFocusProxy(self.search.search_edit)
        QTimer.singleShot(0, self.refresh_devices)
        if card_events is not None:
            # A card or reader came or went, or pcscd stopped: the reader's state changed.
            card_events.changed.connect(self.devices.on_card_event)

    @staticmethod
    def _civil_register_page(
        services: WorkspaceServices, officer: Officer, task_runner: TaskRunner
    ) -> CivilRegisterPage | None:
        """The registrar's page, for officers who record civil events, when the workstation
        keeps a register."""
        civil = getattr(services, "civil", None)
        clock = getattr(services, "clock", None)
        if civil is None or clock is None or not officer.can(Permission.REGISTER_CIVIL):
            return None
        return CivilRegisterPage(
            civil,
            officer,
            task_runner,
            post=services.post,
            clock=clock,
            audit=services.audit,
            # Certificates print on the post's A4 queue, followed until the job ends.
            printer=FollowedCertificatePrinter(services.printing),
        )

    def _lay_out(self) -> None:
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.search)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([520, 760])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        body = QVBoxLayout()
        body.setContentsMargins(10, 8, 10, 4)
        body.addWidget(splitter, 1)
        layout.addLayout(body, 1)
        # Results, then the page tabs (arrow keys switch pages), then the page itself.
        self.tabs.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        QWidget.setTabOrder(self.search.results_view, self.tabs.tabBar())
        QWidget.setTabOrder(self.tabs.tabBar(), self.details)

    def _build_actions(self) -> None:
        self.find_action = QAction(self)
        self.find_action.setShortcut(QKeySequence.StandardKey.Find)
        self.find_action.triggered.connect(self._on_find_action_triggered)
        self.refresh_devices_action = QAction(self)
        self.refresh_devices_action.setShortcut(QKeySequence(Qt.Key.Key_F5))
        self.refresh_devices_action.triggered.connect(self.refresh_devices)
        self.tab_actions: list[QAction] = []
        for number in range(self.tabs.count()):
            action = QAction(self)
            action.setShortcut(QKeySequence(f"Ctrl+{number + 1}"))
            action.triggered.connect(lambda _checked=False, n=number: self.show_tab(n))
            self.tab_actions.append(action)
        # Shortcuts work wherever the focus is in the window, menus or not.
        self.addActions([self.find_action, self.refresh_devices_action, *self.tab_actions])

    def registry_actions(self) -> list[QAction | None]:
        """The Registry menu (None: a separator)."""
        return [self.find_action, None, *self.tab_actions]

    def documents_actions(self) -> list[QAction]:
        return list(self.issue_page.actions())

    def devices_actions(self) -> list[QAction]:
        return [self.refresh_devices_action]

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.find_action.setText(self.tr("&Find person"))
        self.refresh_devices_action.setText(self.tr("&Check devices again"))
        tab_names: dict[QWidget | None, str] = {
            self.details: self.tr("Detai&ls"),
            self.issue_page: self.tr("Docu&ments"),
            self.photo_page: self.tr("Photo"),  # Ctrl+3: every letter is taken on the page
            # Ctrl+4; named for what the form does now (Edit record… makes it a correction).
            self.person_form: self.tr("Correction")
            if self.person_form.editing is not None
            else self.tr("New person"),
            self.approvals: self.tr("A&pprovals"),
            self.civil_register: self.tr("Civil re&gister"),
        }
        for number in range(self.tabs.count()):
            name = tab_names[self.tabs.widget(number)]
            self.tabs.setTabText(number, name)
            self.tabs.setTabToolTip(number, f"Ctrl+{number + 1}")
            self.tab_actions[number].setText(
                self.tr("Show {page}").format(page=name.replace("&", ""))
            )

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

        def load() -> PersonRecord:
            return load_person_record(services, officer, person_id)

        self._details_task = self._runner.run(
            load,
            on_success=self._on_details_loaded,
            on_failure=self._on_details_failed,
            owner=self,
            description="person details",
        )

    def _on_details_loaded(self, record: PersonRecord) -> None:
        self._details_task = None
        person, documents, trail, portraits, civil = record
        self.details.show_record(person, documents, trail, portraits, civil)
        self.person_shown.emit(person)

    def _on_details_failed(self, error: BaseException) -> None:
        self._details_task = None
        self.details.show_failed()
        self._runner.reporter.report(error, self)

    def _on_photo_page_portrait_stored(self, _portrait_id: int) -> None:
        person = self.issue_page.person
        if person is not None and person.id is not None:
            self.issue_page.reload()  # new cards use the new photo
            self._on_issue_page_history_changed(person.id)
        self.status_message.emit(self.tr("Photo stored: new requests use it."), 5000)

    def _on_details_edit_requested(self, person: Person) -> None:
        """Edit record…: the form page, filled from the stored record, as a correction."""
        self.person_form.edit(person)
        self.tabs.setCurrentWidget(self.person_form)

    def _on_person_form_saved(self, person_id: int) -> None:
        """A person added or corrected: show their record, ready for a photo and a request."""
        persons = self._services.persons
        self._runner.run(
            lambda: persons.get(person_id),
            on_success=self._on_search_person_selected,
            owner=self,
            description="new person",
        )
        self.status_message.emit(
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
        page = self.tabs.widget(index)
        if self.approvals is not None and page is self.approvals:
            self.approvals.refresh()
        # The register's list, entry and forms need the whole width; the person search is
        # for the other pages (Ctrl+F brings it back with the person's details).
        self.search.setVisible(self.civil_register is None or page is not self.civil_register)

    def _on_find_action_triggered(self) -> None:
        if not self.search.isVisible():
            self.tabs.setCurrentWidget(self.details)
        self.search.focus_search()

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
            elif page is self.person_form:
                target = self.person_form.fields.focus_chain()[0]  # typing starts the record
            target.setFocus(Qt.FocusReason.ShortcutFocusReason)

    # -- devices ----------------------------------------------------------------------------

    def refresh_devices(self) -> None:
        """Probe every device again, and list the printers again, in the worker (a probe can
        take seconds)."""
        self.devices.refresh()
        self.issue_page.refresh_queues()

    def shutdown(self) -> None:
        """The session ends (window closed, officer signed out): stop what is running."""
        self.search.cancel()
        self.issue_page.shutdown()
        self.photo_page.cancel()
        self.person_form.cancel()
        self.devices.cancel()
        if self._details_task is not None:
            self._details_task.cancel()
            self._details_task = None
