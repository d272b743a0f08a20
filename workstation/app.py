"""Composition root of the desktop workstation: data folder -> services -> sign-in -> main window.

The only module that wires everything. Imports are kept to what the first screen needs (the main
window's modules load after sign-in), because cold start is measured against a bare QMainWindow.
"""

from __future__ import annotations

import argparse
import gc
import logging
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from workstation import __version__
from workstation.paths import DATA_DIR_ENV, data_dir, site_file

if TYPE_CHECKING:
    from devices.camera.qt_base import QtStillSource
    from workstation.domain.officers import Officer
    from workstation.ui.card_events import CardEventBridge
    from workstation.ui.idle_lock import IdleLock
    from workstation.ui.main_window import MainWindow
    from workstation.ui.tasks import TaskRunner
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


def _show_startup_error(title: str, text: str) -> None:
    box = QMessageBox(QMessageBox.Icon.Critical, title, text, QMessageBox.StandardButton.Ok)
    # The officer may need to copy the command or the file name into a terminal.
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.exec()


def _open_services(folder: Path) -> Services | int:
    """The services, or the exit code after telling the officer why they cannot be opened."""
    # SQLAlchemy, Alembic, argon2, the site configuration: imported here, not at start.
    from workstation.config import ConfigError
    from workstation.domain.errors import DomainError
    from workstation.wiring import build_services

    title = _tr("Consular workstation")
    try:
        return build_services(folder)
    except ConfigError as error:
        _log.error("site configuration: %s", error)
        if not site_file(folder).exists():
            text = _tr(
                "This workstation is not set up yet: there is no site configuration in\n"
                "{folder}\n\nTo try it with a demonstration post and accounts, run:\n\n"
                '    consular --data-dir "{folder}" init --demo\n\n'
                "then start the workstation again."
            ).format(folder=folder)
        else:
            text = _tr(
                "The site configuration cannot be used:\n{path}\n\nSetting: {key}\nProblem: "
                "{problem}\n\nCorrect the file (or ask your IT support) and start again."
            ).format(path=error.path, key=error.key or "–", problem=error.problem)
        _show_startup_error(title, text)
        return EXIT_NOT_SET_UP
    except DomainError as error:
        _log.error("post not usable: %s", error)
        from workstation.i18n.messages import Translator

        text = _tr(
            "{problem}\n\nData folder: {folder}\n\nTo set up a demonstration post, run:"
            '\n\n    consular --data-dir "{folder}" init --demo'
        ).format(problem=Translator().describe(error), folder=folder)
        _show_startup_error(title, text)
        return EXIT_NOT_SET_UP
    except Exception:
        # Database server down, disk unreadable...: the details are for support staff.
        _log.exception("cannot open the post database")
        _show_startup_error(
            title,
            _tr(
                "The post database cannot be opened. Check the network connection and try again; "
                "if it keeps happening, tell your IT support (the details are in the log)."
            ),
        )
        return EXIT_FAILURE


def _build_window(
    services: Services, officer: Officer, runner: TaskRunner
) -> tuple[MainWindow, CardEventBridge]:
    """The main window for ``officer`` and its card-event bridge (not started, not shown).

    Shared with the cold-start benchmark's driver, so that it measures the window the app shows.
    """
    from devices.registry import DeviceMap
    from workstation.services.device_inventory import probe_statuses
    from workstation.ui.card_events import CardEventBridge
    from workstation.ui.main_window import MainWindow

    devices = services.config.devices
    card_events = CardEventBridge()
    camera = _camera(devices.camera)
    window = MainWindow(
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
        camera.setParent(window)
    return window, card_events


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


def _make_runner(services: Services) -> TaskRunner:
    from workstation.i18n.messages import Translator
    from workstation.ui.tasks import ErrorReporter, TaskRunner

    return TaskRunner(ErrorReporter(Translator(services.config.ui.language)))


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


def _end_session(app: QApplication, window: MainWindow) -> None:
    """Sign-out from the lock: close the session's windows (dialogs first), leave the loops."""
    for widget in QApplication.topLevelWidgets():
        if widget is not window and widget.isVisible():
            widget.close()  # a modal dialog's exec() returns, as if cancelled
            widget.hide()  # in case it refused to close
    window.close()
    window.hide()
    app.exit(EXIT_OK)  # ends every running event loop (nested dialogs' included)


def _run_window(
    app: QApplication, services: Services, runner: TaskRunner, officer: Officer
) -> int | None:
    """The main window until it closes: the exit code, or None when the officer signed out."""
    window, card_events = _build_window(services, officer, runner)
    lock = _install_lock(window, officer, services, runner)
    signed_out: list[Officer] = []
    lock.sign_out_requested.connect(signed_out.append)
    lock.sign_out_requested.connect(lambda _officer: _end_session(app, window))
    window.show()
    # What start-up made lives as long as the session: keep it out of the collector, so a full
    # collection later walks only what the counter work allocates (a pause for every thread).
    gc.freeze()
    card_events.start()  # a thread of its own; a machine without PC/SC just reports it
    try:
        code = app.exec()
    finally:
        card_events.stop()
        lock.stop()
    if signed_out:
        _log.info("%s signed out", signed_out[0].username)
        window.deleteLater()  # with its lock; the next sign-in builds a new window
        return None
    return code


def _run_session(app: QApplication, services: Services) -> int:
    """Sign-in, then the main window until it closes; after a sign-out from the screen lock,
    sign-in again. Returns the exit code."""
    from workstation.ui.login_dialog import LoginDialog
    from workstation.ui.tasks import install_exception_hook

    runner = _make_runner(services)
    # An exception raised in a slot reaches the error reporter (logged, shown in words).
    uninstall_hook = install_exception_hook(runner.reporter)
    try:
        while True:
            login = LoginDialog(services.accounts, services.post, runner)
            if login.exec() != QDialog.DialogCode.Accepted or login.officer is None:
                return EXIT_OK
            code = _run_window(app, services, runner, login.officer)
            if code is not None:
                return code
    finally:
        # Workers may still hold a database session: end them before the engine goes.
        runner.shutdown()
        uninstall_hook()


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
    folder = data_dir(args.data_dir)
    services = _open_services(folder)
    if isinstance(services, int):
        return services
    try:
        return _run_session(app, services)
    finally:
        services.close()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
