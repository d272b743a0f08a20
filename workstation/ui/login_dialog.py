"""Sign-in: user name and password, checked on a worker thread (argon2 is slow on purpose)."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workstation.domain.errors import DomainError
from workstation.domain.officers import Officer
from workstation.domain.posts import Post
from workstation.ui.tasks import TaskHandle, TaskRunner


class Authenticator(Protocol):
    """What the dialog needs from the account service."""

    def authenticate(self, username: str, password: str) -> Officer: ...


class LoginDialog(QDialog):
    """Asks for the officer's credentials; :attr:`officer` holds the result once accepted.

    A refusal (wrong password, disabled account) is shown under the fields, not in a pop-up, so
    the officer can correct and retry with the keyboard alone.
    """

    signed_in = Signal(object)  # Officer

    def __init__(
        self,
        accounts: Authenticator,
        post: Post,
        task_runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._accounts = accounts
        self._post = post
        self._runner = task_runner
        self._officer: Officer | None = None
        self._task: TaskHandle | None = None

        self.setObjectName("loginDialog")
        self._title = QLabel()
        self._title.setObjectName("loginTitle")
        font = self._title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self._title.setFont(font)
        self._subtitle = QLabel()
        self._subtitle.setWordWrap(True)

        self.username_edit = QLineEdit()
        self.username_edit.setObjectName("username")
        self.username_edit.setMaxLength(32)
        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("password")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)

        self._form = QFormLayout()
        self._username_label = QLabel()
        self._username_label.setBuddy(self.username_edit)
        self._password_label = QLabel()
        self._password_label.setBuddy(self.password_edit)
        self._form.addRow(self._username_label, self.username_edit)
        self._form.addRow(self._password_label, self.password_edit)

        self.message_label = QLabel()
        self.message_label.setObjectName("loginMessage")
        self.message_label.setWordWrap(True)
        self.message_label.setTextFormat(Qt.TextFormat.PlainText)
        self.message_label.setStyleSheet("color: #b00020;")
        self.message_label.hide()

        self._buttons = QDialogButtonBox()
        self.sign_in_button: QPushButton = self._buttons.addButton(
            "", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.sign_in_button.setObjectName("signIn")
        self.sign_in_button.setDefault(True)
        self.cancel_button: QPushButton = self._buttons.addButton(
            QDialogButtonBox.StandardButton.Cancel
        )
        self._buttons.accepted.connect(self._on_sign_in_clicked)
        self._buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(self._title)
        layout.addWidget(self._subtitle)
        layout.addSpacing(6)
        layout.addLayout(self._form)
        layout.addWidget(self.message_label)
        layout.addStretch(1)
        layout.addWidget(self._buttons)

        QWidget.setTabOrder(self.username_edit, self.password_edit)
        QWidget.setTabOrder(self.password_edit, self.sign_in_button)
        QWidget.setTabOrder(self.sign_in_button, self.cancel_button)
        self.username_edit.setFocus()
        self.setMinimumWidth(420)
        self._retranslate()

    @property
    def officer(self) -> Officer | None:
        """The signed-in officer once the dialog was accepted, else None."""
        return self._officer

    @property
    def busy(self) -> bool:
        return self._task is not None

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        post = self._post
        self.setWindowTitle(self.tr("Sign in – {post}").format(post=post.code))
        self._title.setText(post.name)
        self._subtitle.setText(
            self.tr("{code} · {city} · issuing state {state}").format(
                code=post.code, city=post.city, state=post.issuing_state
            )
        )
        self._username_label.setText(self.tr("&User name:"))
        self._password_label.setText(self.tr("&Password:"))
        self.sign_in_button.setText(self.tr("Signing in…") if self.busy else self.tr("&Sign in"))

    def reject(self) -> None:
        if self._task is not None:
            self._task.cancel()
            self._task = None
        super().reject()

    def _on_sign_in_clicked(self) -> None:
        if self.busy:
            return
        username = self.username_edit.text().strip()
        password = self.password_edit.text()
        if not username:
            self._show_message(self.tr("Type your user name."), self.username_edit)
            return
        if not password:
            self._show_message(self.tr("Type your password."), self.password_edit)
            return
        self.message_label.hide()
        self._set_busy(True)
        accounts = self._accounts
        self._task = self._runner.run(
            lambda: accounts.authenticate(username, password),
            on_success=self._on_authenticate_succeeded,
            on_failure=self._on_authenticate_failed,
            owner=self,
            description="sign-in",
        )

    def _set_busy(self, busy: bool) -> None:
        for widget in (self.username_edit, self.password_edit, self.sign_in_button):
            widget.setEnabled(not busy)
        if not busy:
            self._task = None
        self.sign_in_button.setText(self.tr("Signing in…") if busy else self.tr("&Sign in"))

    def _on_authenticate_succeeded(self, officer: Officer) -> None:
        self._set_busy(False)
        self._officer = officer
        self.password_edit.clear()
        self.signed_in.emit(officer)
        self.accept()

    def _on_authenticate_failed(self, error: BaseException) -> None:
        self._set_busy(False)
        if not isinstance(error, DomainError):
            # An outage (database unreachable...) rather than a refusal: the reporter logs it.
            message = self._runner.reporter.report(error, self)
            self._show_message(message, self.password_edit)
            return
        self._show_message(self._runner.reporter.translator.describe(error), self.password_edit)

    def _show_message(self, text: str, focus: QLineEdit) -> None:
        self.message_label.setText(text)
        self.message_label.show()
        if focus is self.password_edit:
            self.password_edit.clear()
        focus.setFocus()
