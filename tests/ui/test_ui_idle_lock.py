"""IdleLock: locks after the quiet interval or at once, covers the window and its dialogs, unlocks
only with the same officer's password (checked on a worker), keeps the work, signs out."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QMessageBox, QVBoxLayout, QWidget

from devices.registry import DeviceMap
from tests.ui.windows import session_window
from workstation.app import main
from workstation.domain.officers import Officer
from workstation.ui.idle_lock import LOCK_ACTION_NAME, IdleLock, LockDialog
from workstation.ui.main_window import MainWindow
from workstation.ui.workspace import Workspace
from workstation.wiring import Services

QUIET = 60_000  # ms: long enough that only lock_now() locks


class SpyAccounts:
    """The real account service, noting the thread each check runs on."""

    def __init__(self, services: Services) -> None:
        self._accounts = services.accounts
        self.threads: list[int] = []

    def authenticate(self, username: str, password: str) -> Officer:
        self.threads.append(threading.get_ident())
        return self._accounts.authenticate(username, password)


@pytest.fixture
def window(qtbot, services, clerk, runner, fixed_probe) -> Workspace:
    main_window = session_window(services, clerk, runner, DeviceMap(), probe=fixed_probe)
    qtbot.addWidget(main_window.window())
    main_window.window().show()
    qtbot.waitExposed(main_window.window())
    return main_window


@pytest.fixture
def accounts(services) -> SpyAccounts:
    return SpyAccounts(services)


@pytest.fixture
def make_lock(window, clerk, accounts, runner) -> Iterator[Callable[[int], IdleLock]]:
    made: list[IdleLock] = []

    def make(interval_ms: int) -> IdleLock:
        lock = IdleLock(window.window(), clerk, accounts, runner, interval_ms=interval_ms)
        made.append(lock)
        return lock

    yield make
    for lock in made:
        if shiboken6.isValid(lock):
            lock.stop()


def covered(widget: QWidget) -> bool:
    """True when what is drawn at the centre and corners of ``widget`` is the lock's cover."""
    rect = widget.rect()
    for point in (rect.center(), QPoint(5, 5), rect.bottomRight() - QPoint(5, 5)):
        child = widget.childAt(point)
        while child is not None and child.objectName() != "lockCover":
            child = child.parentWidget() if child.parentWidget() is not widget else None
        if child is None:
            return False
    return True


def unlock_with(qtbot, lock: IdleLock, password: str) -> None:
    lock.dialog.password_edit.setText(password)
    qtbot.keyClick(lock.dialog.password_edit, Qt.Key.Key_Return)


def test_no_input_for_the_interval_locks_and_covers_the_window(qtbot, window, make_lock) -> None:
    lock = make_lock(150)
    with qtbot.waitSignal(lock.locked, timeout=5000):
        pass
    assert lock.is_locked and lock.dialog.isVisible()
    assert covered(window.window())
    assert QApplication.activeModalWidget() is lock.dialog  # input to the window is blocked
    assert lock.dialog.focusWidget() is lock.dialog.password_edit


def test_typing_restarts_the_quiet_interval(qtbot, window, make_lock) -> None:
    lock = make_lock(10_000)
    qtbot.waitUntil(lambda: 0 <= lock.remaining_ms() < 9000, timeout=5000)
    qtbot.keyClick(window.search.search_edit, "m")
    assert lock.remaining_ms() > 9000
    assert not lock.is_locked and not covered(window.window())


def test_wrong_password_says_so_stays_locked_and_is_audited(
    qtbot, services, window, make_lock, runner
) -> None:
    lock = make_lock(QUIET)
    lock.lock_now()
    unlock_with(qtbot, lock, "not-the-password")
    qtbot.waitUntil(lambda: lock.dialog.message_label.isVisible(), timeout=10_000)
    assert lock.dialog.message_label.text() == "Wrong password. Try again, or sign out."
    assert lock.is_locked and lock.dialog.isVisible() and covered(window.window())
    assert lock.dialog.password_edit.text() == ""
    trail = services.audit.trail("officer", "clerk")
    assert trail[0].action == "auth.sign_in_failed"


def test_the_sign_out_question_is_not_covered_and_asked_once(qtbot, window, make_lock) -> None:
    lock = make_lock(QUIET)
    lock.lock_now()
    lock.dialog.sign_out_button.click()
    box = lock.dialog.confirm_box
    assert isinstance(box, QMessageBox)
    qtbot.waitExposed(box)
    # The question is a window of its own, opened by the lock: the officer must see it.
    assert not covered(box) and covered(window.window())
    lock.dialog.sign_out_button.click()  # clicked again while the question is open
    questions = [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QMessageBox) and w.objectName() == "signOutQuestion" and w.isVisible()
    ]
    assert questions == [box]
    button = box.button(QMessageBox.StandardButton.No)
    assert button is not None
    button.click()
    assert lock.is_locked and lock.dialog.isVisible()


def test_a_refusal_makes_the_lock_taller_and_keeps_its_explanation(
    qtbot, window, make_lock
) -> None:
    lock = make_lock(QUIET)
    lock.lock_now()
    explanation = lock.dialog._explanation
    height = explanation.height()
    unlock_with(qtbot, lock, "not-the-password")
    qtbot.waitUntil(lambda: lock.dialog.message_label.isVisible(), timeout=10_000)
    qtbot.wait(50)  # the layout settles
    assert explanation.height() >= explanation.heightForWidth(explanation.width()) >= height


def test_right_password_unlocks_and_the_work_is_still_there(qtbot, window, make_lock) -> None:
    qtbot.keyClicks(window.search.search_edit, "Mueller")
    lock = make_lock(QUIET)
    lock.lock_now()
    assert covered(window.window())
    with qtbot.waitSignal(lock.unlocked, timeout=10_000):
        unlock_with(qtbot, lock, "clerk-demo-1")
    assert not lock.is_locked and not lock.dialog.isVisible() and not covered(window.window())
    assert window.search.search_edit.text() == "Mueller"
    assert window.focusWidget() is window.search.search_edit
    assert lock.remaining_ms() > QUIET - 5000  # quiet time counts again


def test_another_officers_password_does_not_unlock(qtbot, window, make_lock) -> None:
    lock = make_lock(QUIET)
    lock.lock_now()
    with qtbot.assertNotEmitted(lock.unlocked):
        unlock_with(qtbot, lock, "registrar-demo-1")
        qtbot.waitUntil(lambda: lock.dialog.message_label.isVisible(), timeout=10_000)
    assert lock.is_locked and covered(window.window())


def test_the_password_is_checked_off_the_gui_thread(qtbot, window, make_lock, accounts) -> None:
    lock = make_lock(QUIET)
    lock.lock_now()
    with qtbot.waitSignal(lock.unlocked, timeout=10_000):
        unlock_with(qtbot, lock, "clerk-demo-1")
        assert lock.dialog.busy and not lock.dialog.unlock_button.isEnabled()
    assert accounts.threads and threading.main_thread().ident not in accounts.threads


def test_ctrl_l_locks_at_once_and_escape_does_not_unlock(qtbot, window, make_lock) -> None:
    lock = make_lock(QUIET)
    action = window.window().findChild(QAction, LOCK_ACTION_NAME)
    assert action is lock.lock_action and action in window.window().actions()
    assert action.shortcut().toString() == "Ctrl+L"
    with qtbot.waitSignal(lock.locked, timeout=1000):
        action.trigger()
    qtbot.keyClick(lock.dialog, Qt.Key.Key_Escape)
    assert lock.dialog.isVisible()
    lock.dialog.close()  # the program may close it; the officer's close button may not...
    assert lock.is_locked and covered(window.window())
    lock.lock_now()  # ...and locking again asks again, in the same dialog
    assert lock.dialog.isVisible()
    shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, LockDialog)]
    assert [w for w in shown if w.isVisible()] == [lock.dialog]


def test_open_dialogs_are_covered_and_kept(qtbot, window, make_lock) -> None:
    dialog = QDialog(window)
    edit = QLineEdit(dialog)
    QVBoxLayout(dialog).addWidget(edit)
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(edit, "half-typed")
    lock = make_lock(QUIET)
    lock.lock_now()
    assert covered(dialog) and covered(window.window())
    assert QApplication.activeModalWidget() is lock.dialog
    with qtbot.waitSignal(lock.unlocked, timeout=10_000):
        unlock_with(qtbot, lock, "clerk-demo-1")
    assert dialog.isVisible() and edit.text() == "half-typed" and not covered(dialog)
    dialog.close()


def test_a_window_opened_while_locked_is_covered(qtbot, window, make_lock) -> None:
    lock = make_lock(QUIET)
    lock.lock_now()
    lock.dialog.password_edit.setText("clerk-")
    box = QMessageBox(QMessageBox.Icon.Warning, "Printer", "Out of ribbon", parent=window)
    box.open()  # window-modal, as the error reporter shows them
    qtbot.waitExposed(box)
    assert covered(box)
    other = QMessageBox(QMessageBox.Icon.Warning, "Reader", "Card removed")
    other.setWindowModality(Qt.WindowModality.ApplicationModal)
    other.show()  # application-modal: the lock comes back on top of it
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is lock.dialog)
    assert covered(other) and lock.dialog.password_edit.text() == "clerk-"
    box.close()
    other.close()


# -- the whole application: sign-out goes back to the sign-in dialog -------------------------


class WhenShown:
    """Calls ``act`` once for each top-level widget of ``kind`` that becomes visible."""

    def __init__(self, kind: type[QWidget], act: Callable[[QWidget], None]) -> None:
        self.kind, self.act, self.seen = kind, act, []
        self.timer = QTimer()
        self.timer.setInterval(20)
        self.timer.timeout.connect(self._poll)
        self.timer.start()

    def stop(self, qtbot) -> None:
        self.timer.stop()
        alive = [w for w in self.seen if shiboken6.isValid(w)]
        for widget in alive:
            widget.deleteLater()
        qtbot.waitUntil(lambda: not any(shiboken6.isValid(w) for w in alive))

    def _poll(self) -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, self.kind) and widget.isVisible() and widget not in self.seen:
                self.seen.append(widget)
                self.act(widget)
                return


def test_sign_out_from_the_lock_goes_back_to_sign_in(qtbot, demo_dir: Path) -> None:
    windows: list[MainWindow] = []
    workspaces: list[QWidget] = []
    events: list[str] = []

    def poll() -> None:
        if not windows:
            return
        window = windows[0]
        if window.workspace is not None and not workspaces:
            workspaces.append(window.workspace)
            events.append("workspace")
            action = window.findChild(QAction, LOCK_ACTION_NAME)
            assert action is not None
            action.trigger()
        elif workspaces and window.workspace is None and "signed out" not in events:
            events.append("signed out")
            # Back at the sign-in page, in the same window, empty: nobody signs in, the app ends.
            assert window.isVisible() and window.pages.currentWidget() is window.sign_in
            assert window.sign_in.username_edit.text() == ""
            assert not window.registry_menu.isEnabled()
            assert window.findChild(QAction, LOCK_ACTION_NAME) is None
            window.close()

    def on_window(window: QWidget) -> None:
        assert isinstance(window, MainWindow)
        windows.append(window)
        window.sign_in.username_edit.setText("clerk")
        window.sign_in.password_edit.setText("clerk-demo-1")
        window.sign_in.sign_in_button.click()

    def on_lock(dialog: QWidget) -> None:
        assert isinstance(dialog, LockDialog)
        dialog.sign_out_button.click()

    def on_question(box: QWidget) -> None:
        assert isinstance(box, QMessageBox) and box.objectName() == "signOutQuestion"
        button = box.button(QMessageBox.StandardButton.Yes)
        assert button is not None
        button.click()

    safety = QTimer()
    safety.setSingleShot(True)
    safety.timeout.connect(QApplication.closeAllWindows)
    safety.start(30_000)
    poller = QTimer()
    poller.timeout.connect(poll)
    poller.start(20)
    watchers = [
        WhenShown(MainWindow, on_window),
        WhenShown(LockDialog, on_lock),
        WhenShown(QMessageBox, on_question),
    ]
    try:
        assert main(["--data-dir", str(demo_dir)]) == 0
        assert events == ["workspace", "signed out"]
        assert len(watchers[1].seen) == 1 and len(watchers[2].seen) == 1
        assert not shiboken6.isValid(workspaces[0])  # the signed-out workspace is gone
    finally:
        safety.stop()
        poller.stop()
        for watcher in watchers:
            watcher.stop(qtbot)
