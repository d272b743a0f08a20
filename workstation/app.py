"""Composition root of the desktop workstation: the main window at once, the post's services
opened behind it, then sign-in and the officer's workspace in that window.

The only module that wires everything. The window is built from light modules and shown first;
SQLAlchemy, argon2, the site configuration, the database and the workspace's modules load on a
worker meanwhile (cold start is measured against a bare QMainWindow: benchmarks/startup_bench).
"""

from __future__ import annotations

import argparse
import gc
import logging
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTranslator, Signal
from PySide6.QtWidgets import QApplication

from workstation import __version__
from workstation.paths import DATA_DIR_ENV, data_dir, site_file

if TYPE_CHECKING:
    from devices.camera.qt_base import QtStillSource
    from workstation.domain.officers import Officer
    from workstation.ui.card_events import CardEventBridge
    from workstation.ui.idle_lock import IdleLock
    from workstation.ui.main_window import MainWindow
    from workstation.ui.tasks import TaskRunner
    from workstation.ui.workspace import Workspace
    from workstation.wiring import Services

_log = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_NOT_SET_UP = 2


def _tr(text: str) -> str:
    return QCoreApplication.translate("app", text)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="consular-workstation", description="Consular workstation (desktop)."
    )
    parser.add_argument(
        "--version", action="version", version=f"consular-workstation {__version__}"
    )
    parser.add_argument(
        "--data-dir", help=f"data folder (default: ${DATA_DIR_ENV} or the user's data folder)"
    )
    return parser


def _load_services(folder: Path) -> Services:
    """Open the post's services (on a worker: SQLAlchemy, argon2, the site configuration and
    the database are imported and opened while the window is already on screen)."""
    from workstation.wiring import build_services

    return build_services(folder)


def _startup_problem(error: BaseException, folder: Path) -> tuple[int, str]:
    """The exit code and the officer's explanation for services that cannot be opened."""
    from workstation.config import ConfigError
    from workstation.domain.errors import DomainError

    if isinstance(error, ConfigError):
        _log.error("site configuration: %s", error)
        if not site_file(folder).exists():
            return EXIT_NOT_SET_UP, _tr(
                "This workstation is not set up yet: there is no site configuration in\n"
                "{folder}\n\nTo try it with a demonstration post and accounts, run:\n\n"
                '    consular --data-dir "{folder}" init --demo\n\n'
                "then start the workstation again."
            ).format(folder=folder)
        return EXIT_NOT_SET_UP, _tr(
            "The site configuration cannot be used:\n{path}\n\nSetting: {key}\nProblem: "
            "{problem}\n\nCorrect the file (or ask your IT support) and start again."
        ).format(path=error.path, key=error.key or "–", problem=error.problem)
    if isinstance(error, DomainError):
        _log.error("post not usable: %s", error)
        from workstation.i18n.messages import Translator

        return EXIT_NOT_SET_UP, _tr(
            "{problem}\n\nData folder: {folder}\n\nTo set up a demonstration post, run:"
            '\n\n    consular --data-dir "{folder}" init --demo'
        ).format(problem=Translator().describe(error), folder=folder)
    # Database server down, disk unreadable...: the details are for support staff.
    _log.error("cannot open the post database", exc_info=(type(error), error, error.__traceback__))
    return EXIT_FAILURE, _tr(
        "The post database cannot be opened. Check the network connection and try again; "
        "if it keeps happening, tell your IT support (the details are in the log)."
    )


def _camera(configured: str | None) -> QtStillSource | None:
    """The configured camera for the photo page's live preview (None: file import only).
    QtMultimedia loads only when a camera is configured; a machine without it imports files."""
    if not configured:
        return None
    try:
        from devices.camera.qt_camera import QtCameraSource
    except ImportError:
        _log.warning("camera %s configured but Qt Multimedia cannot be loaded", configured)
        return None
    return QtCameraSource(configured)


def build_workspace(
    services: Services, officer: Officer, runner: TaskRunner, card_events: CardEventBridge
) -> Workspace:
    """The workspace of ``officer`` with the post's devices (not shown).

    Shared with the tests of the whole window, so that they exercise what the app shows."""
    from devices.registry import DeviceMap
    from workstation.services.device_inventory import probe_statuses
    from workstation.ui.workspace import Workspace

    devices = services.config.devices
    camera = _camera(devices.camera)
    workspace = Workspace(
        services,
        officer,
        runner,
        DeviceMap(
            reader=devices.reader,
            card_printer=devices.card_printer,
            a4_printer=devices.a4_printer,
            camera=devices.camera,
        ),
        probe=probe_statuses,
        card_events=card_events,
        camera=camera,
    )
    if camera is not None:
        camera.setParent(workspace)
    return workspace


@dataclass
class _Session:
    """What a sign-in starts beside the workspace (which the window holds), stopped with it."""

    lock: IdleLock
    card_events: CardEventBridge


class Workstation(QObject):
    """The running application: the window at once, the post's services opened behind it, then
    one session per sign-in until the window closes.

    ``launch()`` shows the window and starts opening the services on the task runner;
    :attr:`ready` fires when sign-in can be checked, :attr:`session_opened` when an officer's
    workspace is shown; after ``app.exec()`` returns, :meth:`finish` ends the workers and
    closes the services.
    """

    ready = Signal()
    session_opened = Signal(object)  # Workspace

    def __init__(self, app: QApplication, folder: Path) -> None:
        super().__init__()
        from workstation.i18n.messages import Translator
        from workstation.ui.main_window import MainWindow
        from workstation.ui.tasks import ErrorReporter, TaskRunner, install_exception_hook

        self._app, self._folder = app, folder
        self._runner = TaskRunner(ErrorReporter(Translator()))
        # An exception raised in a slot reaches the error reporter (logged, shown in words).
        self._uninstall_hook = install_exception_hook(self._runner.reporter)
        self._services: Services | None = None
        self._opened: list[Services] = []  # appended by the loading worker
        self._session: _Session | None = None
        self._frozen = False
        self._exit_code: int | None = None
        self._qt_translator: QTranslator | None = None
        self.window = MainWindow()
        self.window.sign_in.signed_in.connect(self._on_signed_in)

    def launch(self) -> None:
        self.window.show()
        folder, opened = self._folder, self._opened

        def load() -> Services:
            services = _load_services(folder)
            opened.append(services)
            # The workspace's modules (the services' own, numpy for photos ...), here rather
            # than on the GUI thread when the officer signs in.
            import workstation.ui.workspace  # noqa: F401

            return services

        self._runner.run(
            load,
            on_success=self._on_services_loaded,
            on_failure=self._on_services_failed,
            owner=self.window,
            description="opening the post's records",
        )

    def _on_services_loaded(self, services: Services) -> None:
        from workstation.i18n.messages import Translator
        from workstation.ui.translations import install_translator

        self._services = services
        language = services.config.ui.language
        self._runner.reporter.use_translator(Translator(language))
        # The widgets in the post's language: installing sends LanguageChange, on which the
        # window and its sign-in page set their texts again. Kept referenced for the app's life.
        self._qt_translator = install_translator(self._app, language)
        self.window.set_post(services.post, services.db)
        self.window.sign_in.set_accounts(services.accounts, services.post, self._runner)
        self.ready.emit()

    def _on_services_failed(self, error: BaseException) -> None:
        """Say why in the window, in place of the sign-in (the text can be selected, to copy a
        command or a file name); closing the window then ends with the exit code."""
        code, text = _startup_problem(error, self._folder)
        self._exit_code = code
        self.window.sign_in.show_problem(text)

    def _on_signed_in(self, officer: Officer) -> None:
        from workstation.ui.card_events import CardEventBridge

        services = self._services
        if services is None or self._session is not None:
            return
        card_events = CardEventBridge()
        workspace = build_workspace(services, officer, self._runner, card_events)
        card_events.setParent(workspace)
        self.window.open_session(workspace)
        lock = _install_lock(self.window, officer, services, self._runner)
        lock.sign_out_requested.connect(self._on_sign_out_requested)
        self._session = _Session(lock, card_events)
        if not self._frozen:
            # What start-up made lives as long as the process: keep it out of the collector,
            # so a full collection later walks only what the counter work allocates (a pause
            # for every thread).
            gc.freeze()
            self._frozen = True
        card_events.start()  # a thread of its own; a machine without PC/SC just reports it
        _log.info("%s signed in", officer.username)
        self.session_opened.emit(workspace)

    def _on_sign_out_requested(self, officer: Officer) -> None:
        """Sign-out from the lock: close the session's dialogs, then back to sign-in."""
        for widget in QApplication.topLevelWidgets():
            if widget is not self.window and widget.isVisible():
                widget.close()  # a modal dialog's exec() returns, as if cancelled
                widget.hide()  # in case it refused to close
        self._end_session()
        _log.info("%s signed out", officer.username)

    def _end_session(self) -> None:
        session, self._session = self._session, None
        if session is None:
            return
        session.card_events.stop()
        session.lock.stop()
        session.lock.deleteLater()
        workspace = self.window.close_session()
        if workspace is not None:
            workspace.deleteLater()

    def finish(self, code: int) -> int:
        """After the event loop: end the session and the workers, close the services."""
        if self._session is not None:
            self._session.card_events.stop()
            self._session.lock.stop()
        # Workers may still hold a database session: end them before the engine goes.
        self._runner.shutdown()
        self._uninstall_hook()
        if self._qt_translator is not None:  # the application may outlive this workstation
            from workstation.ui.translations import uninstall_translators

            uninstall_translators(self._app)
        for services in self._opened:
            services.close()
        return self._exit_code if self._exit_code is not None else code


def _install_lock(
    window: MainWindow, officer: Officer, services: Services, runner: TaskRunner
) -> IdleLock:
    """The screen lock around ``window``: after ``[ui] idle_lock_minutes`` quiet, or Ctrl+L."""
    from workstation.ui.idle_lock import IdleLock

    minutes = services.config.ui.idle_lock_minutes
    lock = IdleLock(window, officer, services.accounts, runner, minutes)
    # File > Lock screen (Ctrl+L); signing out is done from the lock.
    lock.add_to_menu(window.file_menu, before=window.quit_action)
    return lock


def launch(app: QApplication, folder: Path) -> Workstation:
    """Show the window for the post in ``folder`` and start opening its records."""
    workstation = Workstation(app, folder)
    workstation.launch()
    return workstation


def _start_application(qt_args: Sequence[str]) -> QApplication:
    """Logging, then the QApplication (the existing one under a test runner)."""
    # Our own INFO lines (device details, refusals) are for support staff; libraries stay quiet.
    logging.basicConfig(
        level=logging.WARNING, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    for name in ("workstation", "devices"):
        logging.getLogger(name).setLevel(logging.INFO)
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication([sys.argv[0], *qt_args])
        app.setApplicationName("consular-workstation")
        app.setApplicationVersion(__version__)
    return app


def main(argv: Sequence[str] | None = None) -> int:
    """Start the workstation; returns the process exit code (2: not set up)."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    # Unknown options (-platform, -style ...) are Qt's.
    args, qt_args = build_parser().parse_known_args(arguments)
    app = _start_application(qt_args)
    workstation = launch(app, data_dir(args.data_dir))
    code = app.exec()
    return workstation.finish(code)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
