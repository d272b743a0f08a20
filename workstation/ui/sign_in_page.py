"""Sign-in, the main window's first page: user name and password, checked on a worker thread
(argon2 is slow on purpose).

The page is on screen before the post's database is open (the window shows at once; the
services open in the background). The officer can type meanwhile; a Sign in pressed before the
database is ready is kept and runs as soon as it is (:meth:`SignInPage.set_accounts`).
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
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
    """What the page needs from the account service."""

    def authenticate(self, username: str, password: str) -> Officer: ...


class SignInPage(QWidget):
    """Asks for the officer's credentials and emits :attr:`signed_in` with the officer.

    A refusal (wrong password, disabled account) is shown under the fields, not in a pop-up, so
    the officer can correct and retry with the keyboard alone.
    """

    signed_in = Signal(object)  # Officer
    quit_requested = Signal()  # the Quit button shown with a start-up problem

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._accounts: Authenticator | None = None
        self._runner: TaskRunner | None = None
        self._post: Post | None = None
        self._task: TaskHandle | None = None
        self._waiting = False  # Sign in pressed before the database was open
        self._problem = False  # the post's records cannot be opened: no sign-in

        self.setObjectName("signInPage")
        self._title = QLabel()
        self._title.setObjectName("signInTitle")
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
        self._username_label = QLabel()
        self._username_label.setBuddy(self.username_edit)
        self._password_label = QLabel()
        self._password_label.setBuddy(self.password_edit)
        form = QFormLayout()
        form.addRow(self._username_label, self.username_edit)
        form.addRow(self._password_label, self.password_edit)

        self.message_label = QLabel()
        self.message_label.setObjectName("signInMessage")
        self.message_label.setWordWrap(True)
        self.message_label.setStyleSheet("color: #b00020;")
        self.message_label.hide()
        self.problem_label = QLabel()
        self.problem_label.setObjectName("signInProblem")
        self.problem_label.setWordWrap(True)
        self.problem_label.hide()
        self.status_label = QLabel()
        self.status_label.setObjectName("signInStatus")
        self.status_label.setWordWrap(True)

        self.sign_in_button = QPushButton()
        self.sign_in_button.setObjectName("signIn")
        self.sign_in_button.setDefault(True)
        self.sign_in_button.clicked.connect(self._on_sign_in_clicked)
        for edit in (self.username_edit, self.password_edit):
            edit.returnPressed.connect(self._on_sign_in_clicked)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status_label, 1)
        buttons.addWidget(self.sign_in_button)

        panel = QFrame()
        panel.setObjectName("signInPanel")
        panel.setFrameShape(QFrame.Shape.StyledPanel)
        panel.setMaximumWidth(520)
        panel.setMinimumWidth(420)
        inner = QVBoxLayout(panel)
        inner.setContentsMargins(24, 20, 24, 20)
        inner.setSpacing(10)
        inner.addWidget(self._title)
        inner.addWidget(self._subtitle)
        inner.addSpacing(6)
        self._form = QWidget()
        self._form.setLayout(form)
        form.setContentsMargins(0, 0, 0, 0)
        inner.addWidget(self._form)
        inner.addWidget(self.message_label)
        inner.addWidget(self.problem_label)
        inner.addLayout(buttons)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(panel)
        row.addStretch(1)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)

        QWidget.setTabOrder(self.username_edit, self.password_edit)
        QWidget.setTabOrder(self.password_edit, self.sign_in_button)
        self.setFocusProxy(self.username_edit)
        self._retranslate()

    @property
    def busy(self) -> bool:
        """A sign-in is being checked, or waits for the database."""
        return self._task is not None or self._waiting

    @property
    def ready(self) -> bool:
        """The post's accounts are available: Sign in checks at once."""
        return self._accounts is not None

    def set_accounts(self, accounts: Authenticator, post: Post, task_runner: TaskRunner) -> None:
        """The post's database is open: sign-in can be checked (and one pressed before runs)."""
        self._accounts, self._post, self._runner = accounts, post, task_runner
        self._retranslate()
        if self._waiting:
            self._waiting = False
            self._check()

    @property
    def problem(self) -> str | None:
        """The start-up problem shown in place of the fields, if any."""
        return self.problem_label.text() if self._problem else None

    def show_problem(self, text: str) -> None:
        """The post's records cannot be opened: say why instead of asking to sign in; the
        button becomes Quit."""
        from PySide6.QtCore import Qt  # see _show_message

        self._problem = True
        self._waiting = False
        self._form.hide()
        self.message_label.hide()
        self.problem_label.setTextFormat(Qt.TextFormat.PlainText)
        self.problem_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.problem_label.setText(text)
        self.problem_label.show()
        self.sign_in_button.setEnabled(True)
        self._retranslate()
        self.sign_in_button.setFocus()

    def reset(self) -> None:
        """Empty fields and messages, focus on the user name: ready for the next officer."""
        if self._task is not None:
            self._task.cancel()
        self._task = None
        self._waiting = False
        self.username_edit.clear()
        self.password_edit.clear()
        self.message_label.hide()
        self._set_enabled(True)
        self._retranslate()
        self.username_edit.setFocus()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        post = self._post
        if post is None:
            self._title.setText(self.tr("Consular workstation"))
            self._subtitle.setText(self.tr("Opening the post's records…"))
        else:
            self._title.setText(post.name)
            self._subtitle.setText(
                self.tr("{code} · {city} · issuing state {state}").format(
                    code=post.code, city=post.city, state=post.issuing_state
                )
            )
        self._username_label.setText(self.tr("&User name:"))
        self._password_label.setText(self.tr("&Password:"))
        if self._problem:
            self._subtitle.setText(self.tr("The post's records cannot be opened."))
            self.sign_in_button.setText(self.tr("&Quit"))
        else:
            self.sign_in_button.setText(
                self.tr("Signing in…") if self.busy else self.tr("&Sign in")
            )
        if self._waiting:
            self.status_label.setText(self.tr("Signing in once the records are open…"))
        else:
            self.status_label.clear()

    def _on_sign_in_clicked(self) -> None:
        if self._problem:
            self.quit_requested.emit()
            return
        if self.busy:
            return
        if not self.username_edit.text().strip():
            self._show_message(self.tr("Type your user name."), self.username_edit)
            return
        if not self.password_edit.text():
            self._show_message(self.tr("Type your password."), self.password_edit)
            return
        self.message_label.hide()
        if self._accounts is None:
            self._waiting = True
            self._set_enabled(False)
            self._retranslate()
            return
        self._check()

    def _check(self) -> None:
        accounts, runner = self._accounts, self._runner
        if accounts is None or runner is None:
            return
        username = self.username_edit.text().strip()
        password = self.password_edit.text()
        self._set_enabled(False)
        self._task = runner.run(
            lambda: accounts.authenticate(username, password),
            on_success=self._on_authenticate_succeeded,
            on_failure=self._on_authenticate_failed,
            owner=self,
            description="sign-in",
        )
        self._retranslate()

    def _set_enabled(self, enabled: bool) -> None:
        for widget in (self.username_edit, self.password_edit, self.sign_in_button):
            widget.setEnabled(enabled)

    def _on_authenticate_succeeded(self, officer: Officer) -> None:
        self._task = None
        self._set_enabled(True)
        self.password_edit.clear()
        self._retranslate()
        self.signed_in.emit(officer)

    def _on_authenticate_failed(self, error: BaseException) -> None:
        self._task = None
        self._set_enabled(True)
        self._retranslate()
        runner = self._runner
        assert runner is not None  # a check ran, so the runner was given
        if isinstance(error, DomainError):
            message = runner.reporter.translator.describe(error)
        else:
            # An outage (database unreachable...) rather than a refusal: the reporter logs it.
            message = runner.reporter.report(error, self)
        self._show_message(message, self.password_edit)

    def _show_message(self, text: str, focus: QLineEdit) -> None:
        # Plain text, whatever the message holds. Set here, not when the page is built: the
        # first use of PySide6's Qt namespace costs ~20 ms, before the window first shows.
        from PySide6.QtCore import Qt

        self.message_label.setTextFormat(Qt.TextFormat.PlainText)
        self.message_label.setText(text)
        self.message_label.show()
        if focus is self.password_edit:
            self.password_edit.clear()
        focus.setFocus()
