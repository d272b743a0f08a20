"""The screen lock's dialog: the signed-in officer's password, or "Sign out".

:class:`LockDialog` is what :class:`~workstation.ui.idle_lock.IdleLock` opens above the covered
windows. It cannot be closed by Escape, the close button or Alt+F4; the password is checked by
the account service on the task runner (argon2 is slow on purpose; the GUI thread never waits),
which also audits each failed attempt.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workstation.domain.errors import DomainError
from workstation.domain.officers import Officer
from workstation.ui.tasks import TaskHandle, TaskRunner

__all__ = ["Authenticator", "LockDialog"]


class Authenticator(Protocol):
    """What the lock needs from the account service."""

    def authenticate(self, username: str, password: str) -> Officer: ...


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
        self.adjustSize()  # taller, rather than squeezing the explanation above
        self.password_edit.clear()
        self.password_edit.setFocus()

    def _on_sign_out_clicked(self) -> None:
        if self.confirm_box is not None:  # asked already: bring the question back
            self.confirm_box.raise_()
            self.confirm_box.activateWindow()
            return
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
        box.raise_()
        box.activateWindow()

    def _on_confirm_box_finished(self, box: QMessageBox) -> None:
        self.confirm_box = None
        if box.clickedButton() is box.button(QMessageBox.StandardButton.Yes):
            self.sign_out_requested.emit()
