"""Screen lock: after a quiet spell, or on Ctrl+L, the session's windows are covered until the
same officer types their password again.

:class:`IdleLock` watches every keyboard and mouse event of the application (an event filter on
``QApplication``) and restarts a timer on each; when the timer runs out it covers each open window
of the application (the main window and the dialogs open over it, modal ones included) with an
opaque panel and opens :class:`LockDialog`, application-modal, above them. Nothing is closed
and nothing is reset: a search being typed, a form half filled and a modal dialog waiting for an
answer are all there again after unlocking. The password is checked by the account service on
the task runner (argon2 is slow on purpose; the GUI thread never waits), which also audits each
failed attempt. "Sign out" emits :attr:`IdleLock.sign_out_requested`; the composition root
decides what ending the session means (``workstation.app`` goes back to the sign-in dialog).
"""

from __future__ import annotations

from typing import Protocol

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workstation.domain.errors import DomainError
from workstation.domain.officers import Officer
from workstation.ui.tasks import TaskHandle, TaskRunner

#: The object name of :attr:`IdleLock.lock_action`, to find it with ``findChild``.
LOCK_ACTION_NAME = "lockScreenAction"

_INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.TabletPress,
        QEvent.Type.TabletMove,
        QEvent.Type.InputMethod,
    }
)
# Windows that hold content to cover (menus, tooltips and other popups are closed instead).
_COVERED_TYPES = frozenset(
    {Qt.WindowType.Window, Qt.WindowType.Dialog, Qt.WindowType.Sheet, Qt.WindowType.Tool}
)


class Authenticator(Protocol):
    """What the lock needs from the account service."""

    def authenticate(self, username: str, password: str) -> Officer: ...


class _Cover(QWidget):
    """An opaque panel over the whole of one window, kept on top and at the window's size."""

    def __init__(self, window: QWidget, text: str) -> None:
        super().__init__(window)
        self.setObjectName("lockCover")
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.Window)
        self.setAttribute(Qt.WidgetAttribute.WA_NoMousePropagation)
        label = QLabel(text)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        self.setGeometry(window.rect())
        window.installEventFilter(self)
        self.show()
        self.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Resize and isinstance(watched, QWidget):
            self.setGeometry(watched.rect())
        elif kind == QEvent.Type.ChildAdded:
            # A widget added to the window later must not show above the cover.
            QTimer.singleShot(0, self._raise_if_alive)
        return False

    def _raise_if_alive(self) -> None:
        if shiboken6.isValid(self):
            self.raise_()


class LockDialog(QDialog):
    """Asks the signed-in officer for their password; cannot be closed any other way.

    Escape, the window's close button and Alt+F4 do nothing; the dialog goes away when the
    password is right (:attr:`unlocked`) or after "Sign out" (:attr:`sign_out_requested`).
    """

    unlocked = Signal()
    sign_out_requested = Signal()

    def __init__(
        self,
        officer: Officer,
        accounts: Authenticator,
        task_runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._officer = officer
        self._accounts = accounts
        self._runner = task_runner
        self._task: TaskHandle | None = None
        self._may_close = False

        self.setObjectName("lockDialog")
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.setWindowFlags(
            Qt.WindowType.Dialog
            | Qt.WindowType.CustomizeWindowHint
            | Qt.WindowType.WindowTitleHint
            | Qt.WindowType.WindowStaysOnTopHint
        )
        self._title = QLabel()
        font = self._title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self._title.setFont(font)
        self._explanation = QLabel()
        self._explanation.setWordWrap(True)
        self._password_label = QLabel()
        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("lockPassword")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self._password_label.setBuddy(self.password_edit)
        self.message_label = QLabel()
        self.message_label.setObjectName("lockMessage")
        self.message_label.setWordWrap(True)
        self.message_label.setTextFormat(Qt.TextFormat.PlainText)
        self.message_label.setStyleSheet("color: #b00020;")
        self.message_label.hide()

        buttons = QDialogButtonBox()
        self.unlock_button: QPushButton = buttons.addButton(
            "", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.unlock_button.setObjectName("unlock")
        self.unlock_button.setDefault(True)
        self.sign_out_button: QPushButton = buttons.addButton(
            "", QDialogButtonBox.ButtonRole.DestructiveRole
        )
        self.sign_out_button.setObjectName("signOut")
        self.unlock_button.clicked.connect(self._on_unlock_clicked)
        self.sign_out_button.clicked.connect(self._on_sign_out_clicked)
        self.confirm_box: QMessageBox | None = None

        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(self._title)
        layout.addWidget(self._explanation)
        layout.addWidget(self._password_label)
        layout.addWidget(self.password_edit)
        layout.addWidget(self.message_label)
        layout.addStretch(1)
        layout.addWidget(buttons)
        QWidget.setTabOrder(self.password_edit, self.unlock_button)
        QWidget.setTabOrder(self.unlock_button, self.sign_out_button)
        self.setMinimumWidth(420)
        self._retranslate()

    @property
    def busy(self) -> bool:
        """True while the password is being checked on the worker."""
        return self._task is not None

    def begin(self) -> None:
        """Show the dialog, empty, with the focus in the password field."""
        self._may_close = False
        self.password_edit.clear()
        self.message_label.hide()
        self._set_busy(False)
        self.show()
        self.raise_()
        self.activateWindow()
        self.password_edit.setFocus()

    def end(self) -> None:
        """Hide the dialog and drop a password check still running."""
        if self._task is not None:
            self._task.cancel()
        self._set_busy(False)
        if self.confirm_box is not None:
            self.confirm_box.close()
            self.confirm_box = None
        self.password_edit.clear()
        self._may_close = True
        self.hide()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        officer = self._officer
        self.setWindowTitle(self.tr("Workstation locked"))
        self._title.setText(self.tr("Locked"))
        self._explanation.setText(
            self.tr(
                "{name} ({username}) is signed in. Type the password to go on where you left "
                "off, or sign out."
            ).format(name=officer.full_name, username=officer.username)
        )
        self._password_label.setText(self.tr("&Password:"))
        self.unlock_button.setText(self.tr("Checking…") if self.busy else self.tr("&Unlock"))
        self.sign_out_button.setText(self.tr("Sign &out"))

    def reject(self) -> None:
        """Escape does not close a lock."""

    def closeEvent(self, event: QCloseEvent) -> None:
        # The officer cannot close it (close button, Alt+F4); the application quitting can.
        if self._may_close or not event.spontaneous():
            super().closeEvent(event)
        else:
            event.ignore()

    def _on_unlock_clicked(self) -> None:
        if self.busy:
            return
        password = self.password_edit.text()
        if not password:
            self._show_message(self.tr("Type your password."))
            return
        self.message_label.hide()
        self._set_busy(True)
        accounts, username = self._accounts, self._officer.username
        self._task = self._runner.run(
            lambda: accounts.authenticate(username, password),
            on_success=self._on_authenticate_succeeded,
            on_failure=self._on_authenticate_failed,
            owner=self,
            description="unlock",
        )

    def _set_busy(self, busy: bool) -> None:
        self.password_edit.setEnabled(not busy)
        self.unlock_button.setEnabled(not busy)
        if not busy:
            self._task = None
        self.unlock_button.setText(self.tr("Checking…") if busy else self.tr("&Unlock"))

    def _on_authenticate_succeeded(self, officer: Officer) -> None:
        self._set_busy(False)
        if officer.id != self._officer.id:  # cannot happen with one user name; never unlock
            self._show_message(
                self.tr("Only {name} can unlock.").format(name=self._officer.full_name)
            )
            return
        self.password_edit.clear()
        self.unlocked.emit()

    def _on_authenticate_failed(self, error: BaseException) -> None:
        self._set_busy(False)
        if isinstance(error, DomainError) and error.code == "auth.invalid_credentials":
            self._show_message(self.tr("Wrong password. Try again, or sign out."))
        elif isinstance(error, DomainError):
            self._show_message(self._runner.reporter.translator.describe(error))
        else:
            # An outage (database unreachable...): logged by the reporter, told here.
            self._show_message(self._runner.reporter.describe(error))
            self._runner.reporter.report(error, self)

    def _show_message(self, text: str) -> None:
        self.message_label.setText(text)
        self.message_label.show()
        self.password_edit.clear()
        self.password_edit.setFocus()

    def _on_sign_out_clicked(self) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Sign out"),
            self.tr(
                "Sign {name} out? Windows left open are closed and work not saved in them is lost."
            ).format(name=self._officer.full_name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setObjectName("signOutQuestion")
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(lambda _result: self._on_confirm_box_finished(box))
        self.confirm_box = box
        box.open()  # not exec(): no nested event loop under the lock

    def _on_confirm_box_finished(self, box: QMessageBox) -> None:
        self.confirm_box = None
        if box.clickedButton() is box.button(QMessageBox.StandardButton.Yes):
            self.sign_out_requested.emit()


class IdleLock(QObject):
    """Locks the session after ``minutes`` without keyboard or mouse input, or on :meth:`lock_now`.

    Created by the composition root around the main window, a child of it::

        lock = IdleLock(window, officer, services.accounts, runner, minutes)

    ``interval_ms`` replaces ``minutes`` (tests use a few milliseconds). :attr:`lock_action`
    (Ctrl+L) locks at once; it is added to the window's actions so the shortcut works, and a menu
    takes it with ``menu.addAction(lock.lock_action)`` (or :meth:`add_to_menu`).
    """

    locked = Signal()
    unlocked = Signal()
    sign_out_requested = Signal(object)  # Officer

    def __init__(
        self,
        window: QWidget,
        officer: Officer,
        accounts: Authenticator,
        task_runner: TaskRunner,
        minutes: int = 5,
        *,
        interval_ms: int | None = None,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._officer = officer
        self._is_locked = False
        self._stopped = False
        self._covers: list[_Cover] = []
        self._focus: QWidget | None = None

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(interval_ms if interval_ms is not None else minutes * 60_000)
        self._timer.timeout.connect(self.lock_now)

        self.dialog = LockDialog(officer, accounts, task_runner)
        self.dialog.unlocked.connect(self._on_dialog_unlocked)
        self.dialog.sign_out_requested.connect(self._on_dialog_sign_out_requested)

        self.lock_action = QAction(self)
        self.lock_action.setObjectName(LOCK_ACTION_NAME)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.triggered.connect(self.lock_now)
        window.addAction(self.lock_action)
        self._retranslate()

        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self._timer.start()

    @property
    def is_locked(self) -> bool:
        return self._is_locked

    @property
    def interval_ms(self) -> int:
        return self._timer.interval()

    def remaining_ms(self) -> int:
        """Milliseconds of quiet left before the lock (-1 while locked or stopped)."""
        return self._timer.remainingTime() if self._timer.isActive() else -1

    def add_to_menu(self, menu: QMenu, before: QAction | None = None) -> None:
        """Put the lock action in ``menu`` (before ``before`` when given)."""
        if before is None:
            menu.addAction(self.lock_action)
        else:
            menu.insertAction(before, self.lock_action)

    def lock_now(self) -> None:
        """Cover the windows and ask for the password; does nothing more if already locked."""
        if self._stopped:
            return
        if self._is_locked:
            if not self.dialog.isVisible():  # closed by the program: ask again
                self.dialog.begin()
            self._raise_dialog()
            return
        self._timer.stop()
        self._is_locked = True
        self._focus = QApplication.focusWidget()
        popup = QApplication.activePopupWidget()
        while popup is not None:  # open menus, completers: closing them loses nothing
            popup.close()
            next_popup = QApplication.activePopupWidget()
            popup = None if next_popup is popup else next_popup
        for widget in QApplication.topLevelWidgets():
            self._cover(widget)
        self._place_dialog()
        self.dialog.begin()
        self.locked.emit()

    def stop(self) -> None:
        """Stop watching (the session ends): no more locking; covers and dialog go away."""
        if self._stopped:
            return
        self._stopped = True
        self._timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self._uncover()
        self._is_locked = False
        self.dialog.end()
        self.dialog.deleteLater()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in _INPUT_EVENTS:
            if not self._is_locked and not self._stopped:
                self._timer.start()
        elif kind == QEvent.Type.LanguageChange and watched is self._window:
            self._retranslate()
        elif (
            kind == QEvent.Type.Show
            and self._is_locked
            and isinstance(watched, QWidget)
            and watched.isWindow()
            and self._cover(watched)
        ):
            # A window opened while locked (an error message...): covered, and the lock stays
            # in front of it.
            QTimer.singleShot(0, self._raise_dialog)
        return False

    def _cover(self, widget: QWidget) -> bool:
        if (
            widget is self.dialog
            or self.dialog.isAncestorOf(widget)
            or not widget.isVisible()
            or widget.windowType() not in _COVERED_TYPES
            or any(cover.parentWidget() is widget for cover in self._covers)
        ):
            return False
        text = self.tr("Locked – {name}").format(name=self._officer.full_name)
        self._covers.append(_Cover(widget, text))
        return True

    def _uncover(self) -> None:
        for cover in self._covers:
            if shiboken6.isValid(cover):
                parent = cover.parentWidget()
                if parent is not None:
                    parent.removeEventFilter(cover)
                cover.hide()
                cover.deleteLater()
        self._covers.clear()

    def _place_dialog(self) -> None:
        self.dialog.adjustSize()
        frame = self.dialog.frameGeometry()
        frame.moveCenter(self._window.frameGeometry().center())
        self.dialog.move(frame.topLeft())

    def _raise_dialog(self) -> None:
        if not self._is_locked or not shiboken6.isValid(self.dialog):
            return
        if QApplication.activeModalWidget() is not self.dialog and self.dialog.isVisible():
            # A modal window shown after the lock would take the input: show the lock again,
            # which puts it back on top of the modal stack (what was typed stays).
            self.dialog.hide()
            self.dialog.show()
        self.dialog.raise_()
        self.dialog.activateWindow()

    def _on_dialog_unlocked(self) -> None:
        self.dialog.end()
        self._uncover()
        self._is_locked = False
        focus, self._focus = self._focus, None
        if focus is not None and shiboken6.isValid(focus) and focus.isVisible():
            focus.activateWindow()
            focus.setFocus(Qt.FocusReason.OtherFocusReason)
        self._timer.start()
        self.unlocked.emit()

    def _on_dialog_sign_out_requested(self) -> None:
        officer = self._officer
        self.stop()
        self.sign_out_requested.emit(officer)

    def _retranslate(self) -> None:
        self.lock_action.setText(self.tr("&Lock screen"))
        self.lock_action.setToolTip(self.tr("Cover the windows until your password is typed"))
