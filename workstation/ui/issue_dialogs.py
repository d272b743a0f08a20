"""Small dialogs of the issue page: the signing key's passphrase, a reason (with a supervisor's
sign-in when the step needs one), and an emergency travel document's request data.

They are opened with ``open()`` (never ``exec()``): no nested event loop, so task results keep
arriving while a dialog waits, and tests fill them like an officer would. OK emits
:attr:`_FormDialog.submitted`; the page does the work on a worker and either closes the dialog
(``accept()``) or shows the service's refusal in it (:meth:`_FormDialog.show_problem`), so the
officer corrects it without starting over. The rules themselves stay in the services.

The dialogs' own texts (:meth:`_FormDialog.keep_text`) are set again when the language changes;
a title and an introduction given by the caller stay as given.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("issue_dialogs", text)


class _FormDialog(QDialog):
    """A title line, a form, a message line for problems, OK/Cancel."""

    submitted = Signal()

    def __init__(self, title: str, intro: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._kept: list[tuple[Callable[[str], None], str, dict[str, str]]] = []
        self._busy = False
        self.setWindowTitle(title)
        self.setModal(True)
        self.intro = QLabel(intro)
        self.intro.setWordWrap(True)
        # Room above the first line: capitals with diacritics (MÜLLER) reach above the ascent.
        self.intro.setContentsMargins(0, 3, 0, 0)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.message_label = QLabel()
        self.message_label.setObjectName("dialogMessage")
        self.message_label.setWordWrap(True)
        self.message_label.setStyleSheet("color: #b00020;")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.message_label)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)

    def keep_text(self, setter: Callable[[str], None], source: object, **values: str) -> None:
        """``setter(source)`` translated (``values`` filled in), now and on each change of
        language; ``source`` is a text of the ``issue_dialogs`` context (QT_TRANSLATE_NOOP)."""
        text = str(source)
        self._kept.append((setter, text, values))
        setter(_tr(text).format(**values) if values else _tr(text))

    def add_row(self, source: object, field: QWidget) -> None:
        """A row with the label ``source`` (translated; kept in step with the language)."""
        caption = QLabel()
        caption.setBuddy(field)
        self.keep_text(caption.setText, source)
        self.form.addRow(caption, field)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            for setter, source, values in self._kept:
                setter(_tr(source).format(**values) if values else _tr(source))
            if self._busy:
                self.message_label.setText(_tr("Working…"))
        super().changeEvent(event)

    def problem(self) -> str | None:
        """What stops the dialog from being accepted, or None."""
        return None

    def show_problem(self, text: str) -> None:
        self.message_label.setText(text)
        self.set_busy(False)

    def set_busy(self, busy: bool) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(not busy)
        self._busy = busy
        if busy:
            self.message_label.setText(_tr("Working…"))

    def _on_buttons_accepted(self) -> None:
        problem = self.problem()
        if problem:
            self.show_problem(problem)
            return
        self.set_busy(True)
        self.submitted.emit()


class PassphraseDialog(_FormDialog):
    """Asked once per session: the passphrase of the post's document-signing key."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("", "", parent)
        self.keep_text(self.setWindowTitle, QT_TRANSLATE_NOOP("issue_dialogs", "Signing key"))
        self.keep_text(
            self.intro.setText,
            QT_TRANSLATE_NOOP(
                "issue_dialogs",
                "Issuing numbers, seals and signs the document with the post's signing key. "
                "Type the key's passphrase (asked once per session).",
            ),
        )
        self.passphrase_edit = QLineEdit()
        self.passphrase_edit.setObjectName("passphrase")
        self.passphrase_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.add_row(QT_TRANSLATE_NOOP("issue_dialogs", "Key &passphrase:"), self.passphrase_edit)
        self.passphrase_edit.setFocus()

    def problem(self) -> str | None:
        return None if self.passphrase_edit.text() else _tr("Type the passphrase.")

    @property
    def passphrase(self) -> str:
        return self.passphrase_edit.text()


class ReasonDialog(_FormDialog):
    """A reason for a step (reprint, void, spoil, reject, manual print); with
    ``supervisor=True`` also a supervisor's user name and password, for a step the signed-in
    officer may not take alone."""

    def __init__(
        self,
        title: str,
        intro: str,
        *,
        supervisor: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(title, intro, parent)
        self.reason_edit = QPlainTextEdit()
        self.reason_edit.setObjectName("reason")
        self.reason_edit.setTabChangesFocus(True)
        self.reason_edit.setFixedHeight(self.reason_edit.fontMetrics().lineSpacing() * 4 + 12)
        self.add_row(QT_TRANSLATE_NOOP("issue_dialogs", "&Reason:"), self.reason_edit)
        self.supervisor = supervisor
        self.username_edit = QLineEdit()
        self.username_edit.setObjectName("supervisorUsername")
        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("supervisorPassword")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        if supervisor:
            self.add_row(QT_TRANSLATE_NOOP("issue_dialogs", "&Supervisor:"), self.username_edit)
            self.add_row(
                QT_TRANSLATE_NOOP("issue_dialogs", "Supervisor's pass&word:"), self.password_edit
            )
        self.reason_edit.setFocus()

    def problem(self) -> str | None:
        if not self.reason.strip():
            return _tr("Give a reason: it is kept in the document's history.")
        if self.supervisor and not (self.username_edit.text() and self.password_edit.text()):
            return _tr("A supervisor signs this step: their user name and password.")
        return None

    @property
    def reason(self) -> str:
        return self.reason_edit.toPlainText()

    @property
    def credentials(self) -> tuple[str, str] | None:
        if not self.supervisor:
            return None
        return self.username_edit.text().strip(), self.password_edit.text()


class EtdRequestDialog(_FormDialog):
    """What an emergency travel document request needs besides the person."""

    def __init__(self, person_name: str, parent: QWidget | None = None) -> None:
        super().__init__("", "", parent)
        self.keep_text(
            self.setWindowTitle, QT_TRANSLATE_NOOP("issue_dialogs", "New emergency travel document")
        )
        self.keep_text(
            self.intro.setText,
            QT_TRANSLATE_NOOP(
                "issue_dialogs",
                "For {name}: a single journey home. The request goes to a supervisor for approval.",
            ),
            name=person_name,
        )
        self.destination_edit = QLineEdit()
        self.destination_edit.setObjectName("destination")
        self.keep_text(
            self.destination_edit.setPlaceholderText,
            QT_TRANSLATE_NOOP("issue_dialogs", "City and country of destination"),
        )
        self.transit_edit = QLineEdit()
        self.transit_edit.setObjectName("transit")
        self.keep_text(
            self.transit_edit.setPlaceholderText,
            QT_TRANSLATE_NOOP("issue_dialogs", "Comma-separated; empty for a direct trip"),
        )
        self.replaced_edit = QLineEdit()
        self.replaced_edit.setObjectName("replacedPassport")
        self.keep_text(
            self.replaced_edit.setPlaceholderText,
            QT_TRANSLATE_NOOP("issue_dialogs", "e.g. X1234567 (stolen)"),
        )
        self.add_row(QT_TRANSLATE_NOOP("issue_dialogs", "&Destination:"), self.destination_edit)
        self.add_row(QT_TRANSLATE_NOOP("issue_dialogs", "&Transit points:"), self.transit_edit)
        self.add_row(QT_TRANSLATE_NOOP("issue_dialogs", "&Passport replaced:"), self.replaced_edit)
        self.destination_edit.setFocus()

    def request_data(self) -> dict[str, str]:
        return {
            "destination": self.destination_edit.text().strip(),
            "transit_points": self.transit_edit.text().strip(),
            "replaced_passport": self.replaced_edit.text().strip(),
        }
