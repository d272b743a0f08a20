"""The workstation's one window: the sign-in page first, then the officer's workspace.

The window is built from light modules only (Qt widgets and the sign-in page), so it is on
screen in about the time a bare QMainWindow takes; the post's database and the workspace's
modules load meanwhile (see :mod:`workstation.app`). Signing out from the screen lock closes the
workspace and shows the sign-in page again, in the same window.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QEvent, qVersion
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMenu, QMessageBox, QStackedWidget, QWidget

from workstation import __version__
from workstation.domain.posts import Post
from workstation.ui.sign_in_page import SignInPage

if TYPE_CHECKING:
    from workstation.ui.workspace import Workspace


class DatabaseInfo(Protocol):
    @property
    def url(self) -> str: ...

    @property
    def backend(self) -> str: ...


class MainWindow(QMainWindow):
    """Menus, the current page (sign-in or workspace) and a status bar.

    File and Help are always there; Registry, Documents and Devices hold the workspace's actions
    and are disabled while nobody is signed in.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._post: Post | None = None
        self._database: DatabaseInfo | None = None
        self.workspace: Workspace | None = None
        self.setObjectName("mainWindow")
        self.sign_in = SignInPage()
        self.sign_in.quit_requested.connect(self.close)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.sign_in)
        self.setCentralWidget(self.pages)
        self.database_label = QLabel()
        self.database_label.setObjectName("databaseLabel")
        self.statusBar().addPermanentWidget(self.database_label)
        self._build_menus()
        self._retranslate()
        # Wide enough for the search beside the photo page (its three panes); capped by the
        # screen (a counter PC has 1920 x 1080; a laptop less).
        screen = self.screen().availableGeometry()
        self.resize(min(1600, screen.width()), min(960, screen.height()))
        self.sign_in.setFocus()

    def _build_menus(self) -> None:
        self.quit_action = QAction(self)
        # Explicit: QKeySequence.Quit has no binding on Windows. setShortcuts, not setShortcut:
        # the latter's overload resolution builds PySide6's whole Qt namespace (its hundred
        # enums, ~20 ms) before the window first shows; see the start-up benchmark.
        self.quit_action.setShortcuts([QKeySequence("Ctrl+Q")])
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit_action.triggered.connect(self.close)
        self.about_action = QAction(self)
        self.about_action.setShortcuts([QKeySequence("F1")])  # not Qt.Key: as for Quit
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self._on_about_action_triggered)
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.file_menu.addAction(self.quit_action)
        self.registry_menu = bar.addMenu("")
        self.documents_menu = bar.addMenu("")
        self.devices_menu = bar.addMenu("")
        self.help_menu = bar.addMenu("")
        self.help_menu.addAction(self.about_action)
        for menu in self._session_menus():
            menu.setEnabled(False)

    def _session_menus(self) -> tuple[QMenu, QMenu, QMenu]:
        return (self.registry_menu, self.documents_menu, self.devices_menu)

    def set_post(self, post: Post, database: DatabaseInfo) -> None:
        """The post's records are open: its name in the title, the database in the status bar."""
        self._post, self._database = post, database
        self._retranslate()

    def open_session(self, workspace: Workspace) -> None:
        """Show ``workspace`` (an officer signed in): its menus, its devices, focus in search."""
        if self.workspace is not None:
            raise RuntimeError("a session is already open in this window")
        self.workspace = workspace
        self.pages.addWidget(workspace)
        self.pages.setCurrentWidget(workspace)
        session_actions: tuple[list[QAction | None], ...] = (
            workspace.registry_actions(),
            [*workspace.documents_actions()],
            [*workspace.devices_actions()],
        )
        for menu, actions in zip(self._session_menus(), session_actions, strict=True):
            for action in actions:
                if action is None:
                    menu.addSeparator()
                else:
                    menu.addAction(action)
            menu.setEnabled(True)
        self.statusBar().insertWidget(0, workspace.device_bar, 1)
        workspace.device_bar.show()
        workspace.status_message.connect(self.statusBar().showMessage)
        workspace.setFocus()

    def close_session(self) -> Workspace | None:
        """Back to the sign-in page; the workspace is stopped and returned for deletion."""
        workspace, self.workspace = self.workspace, None
        if workspace is not None:
            workspace.shutdown()
            for menu in self._session_menus():
                menu.clear()
                menu.setEnabled(False)
            self.statusBar().removeWidget(workspace.device_bar)
            workspace.device_bar.setParent(workspace)  # deleted with it
            self.statusBar().clearMessage()
            self.pages.removeWidget(workspace)
        self.pages.setCurrentWidget(self.sign_in)
        self.sign_in.reset()
        return workspace

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        post = self._post
        if post is None:
            self.setWindowTitle(self.tr("Consular workstation"))
        else:
            self.setWindowTitle(
                self.tr("{code} {name} – Consular workstation").format(
                    code=post.code, name=post.name
                )
            )
        if self._database is not None:
            self.database_label.setText(
                self.tr("Database: {backend}").format(backend=self.backend_name())
            )
            self.database_label.setToolTip(self._database.url)
        self.quit_action.setText(self.tr("&Quit"))
        self.about_action.setText(self.tr("&About"))
        self.file_menu.setTitle(self.tr("&File"))
        self.registry_menu.setTitle(self.tr("&Registry"))
        self.documents_menu.setTitle(self.tr("Doc&uments"))
        self.devices_menu.setTitle(self.tr("&Devices"))
        self.help_menu.setTitle(self.tr("&Help"))

    def backend_name(self) -> str:
        backend = self._database.backend if self._database is not None else ""
        return {"sqlite": "SQLite", "postgresql": "PostgreSQL"}.get(backend, backend)

    def about_text(self) -> str:
        text = self.tr("Consular workstation {version}").format(version=__version__)
        post, database = self._post, self._database
        if post is not None and database is not None:
            text += "\n\n" + self.tr(
                "Post: {code}, {name}, {city} (issuing state {state})\nDatabase: {backend}, {url}"
            ).format(
                code=post.code,
                name=post.name,
                city=post.city,
                state=post.issuing_state,
                backend=self.backend_name(),
                url=database.url,
            )
        return text + "\n" + self.tr("Qt {qt}").format(qt=qVersion())

    def _on_about_action_triggered(self) -> None:
        QMessageBox.about(self, self.tr("About the consular workstation"), self.about_text())

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.workspace is not None:
            self.workspace.shutdown()
        super().closeEvent(event)
