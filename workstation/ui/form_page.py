"""What the form pages share: fields from a form definition, the domain's verdict shown at each
field as the officer types (after a pause), and a Save that writes in a worker.

A page hands the base class how the domain checks the values (a :data:`Check`, which raises
the domain's :class:`ValidationError`) and how they are written (a :data:`Write`, whose work runs
on the task runner). Errors the service raises on Save come back to their fields the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from forms import FormSpec
from workstation.domain.errors import DomainError
from workstation.i18n.messages import Translator
from workstation.ui.form_fields import ERROR_COLOUR, FormFields
from workstation.ui.tasks import TaskHandle, TaskRunner

#: Raises the domain's ValidationError when the values are not acceptable.
Check = Callable[[Mapping[str, Any]], None]
#: Makes, on the GUI thread, what stores the values; that runs on a worker, so it must touch
#: services only (no widget), and returns the record's id (see ``FormPage._on_write_succeeded``).
Write = Callable[[Mapping[str, Any]], Callable[[], Any]]


class FormPage(QWidget):
    """Fields, a status line and a button row ending with Save (Ctrl+S).

    ``check`` and ``write`` are the page's domain rule and service call (often bound methods of
    the subclass).
    """

    saved = Signal(int)  # the id the service returned
    validated = Signal()  # after each check of the values (tests, the window's indicators)

    VALIDATE_DELAY_MS = 250

    def __init__(
        self,
        form: FormSpec,
        task_runner: TaskRunner,
        check: Check,
        write: Write,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(f"{form.service}Page")
        self._runner = task_runner
        self._check = check
        self._write = write
        self._task: TaskHandle | None = None
        self.fields = FormFields(form)
        self.title = QLabel()
        self.title.setObjectName("formTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.status = QLabel()
        self.status.setObjectName("formStatus")
        self.status.setWordWrap(True)
        self.save_button = QPushButton()
        self.save_button.setObjectName("save")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.button_row = QHBoxLayout()
        self.button_row.addStretch(1)
        self.button_row.addWidget(self.save_button)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self.fields)
        self.top_row = QHBoxLayout()
        self.top_row.addWidget(self.title, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(self.top_row)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.status)
        layout.addLayout(self.button_row)
        QShortcut(
            QKeySequence.StandardKey.Save,
            self,
            self.save,
            context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
        )
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(self.VALIDATE_DELAY_MS)
        self._timer.timeout.connect(self.validate)
        self.fields.edited.connect(self._on_fields_edited)

    # -- for subclasses ------------------------------------------------------------------------

    @property
    def translator(self) -> Translator:
        return self._runner.reporter.translator

    def after_edit(self, name: str) -> None:
        """A field changed (before the delayed check): dependent fields react here."""

    def retranslate(self) -> None:
        self.save_button.setText(self.tr("&Save"))
        self.save_button.setToolTip(self.tr("Save (Ctrl+S)"))

    # -- behaviour -----------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    @property
    def busy(self) -> bool:
        return self._task is not None

    def problems(self) -> list[tuple[str, str]]:
        """(field path, translated message) for every problem the domain finds now."""
        try:
            self._check(self.fields.values())
        except DomainError as error:
            return self.translator.field_errors(error)
        return []

    def validate(self, *, everything: bool = False) -> list[tuple[str, str]]:
        """Show the domain's verdict at the fields (those touched, or all) and return it."""
        self._timer.stop()
        found = self.problems()
        elsewhere = self.fields.show_errors(found, only_touched=not everything)
        if everything and elsewhere:
            self.show_status("\n".join(message for _field, message in elsewhere), error=True)
        self.validated.emit()
        return found

    def save(self) -> None:
        """Check everything; write in a worker only when the domain finds nothing wrong."""
        if self.busy:
            return
        self.fields.touch_all()
        found = self.validate(everything=True)
        if found:
            self.show_status(self.tr("Correct the fields marked in red, then save."), error=True)
            self._focus_first_error()
            return
        values = self.fields.values()
        self.save_button.setEnabled(False)
        self.show_status(self.tr("Saving…"))
        self._task = self._runner.run(
            self._write(values),
            on_success=self._on_write_succeeded,
            on_failure=self._on_write_failed,
            owner=self,
            description=f"save {self.fields.form.service}",
        )

    def show_status(self, text: str, *, error: bool = False) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(f"color: {ERROR_COLOUR};" if error else "")
        self.status.setAccessibleDescription(text)

    def cancel(self) -> None:
        """Forget a pending save's outcome (the page is closing)."""
        self._timer.stop()
        if self._task is not None:
            self._task.cancel()
            self._task = None
            self.save_button.setEnabled(True)

    def _focus_first_error(self) -> None:
        for row in self.fields.rows.values():
            if row.message:
                row.editor.focus_widgets()[0].setFocus(Qt.FocusReason.OtherFocusReason)
                return

    def _on_fields_edited(self, name: str) -> None:
        self.after_edit(name)
        self._timer.start()

    def _on_write_succeeded(self, record_id: Any) -> None:
        """The write's result, the record's id (a page whose write returns more overrides
        this and passes the id on)."""
        self._task = None
        self.save_button.setEnabled(True)
        self.show_status(self.tr("Saved."))
        self.saved.emit(record_id)

    def _on_write_failed(self, error: BaseException) -> None:
        self._task = None
        self.save_button.setEnabled(True)
        if not isinstance(error, DomainError):
            self.show_status(self._runner.reporter.report(error, self), error=True)
            return
        problems = self.translator.field_errors(error)
        elsewhere = self.fields.show_errors(problems)
        texts = [message for _field, message in elsewhere]
        self.show_status(
            "\n".join(texts) or self.tr("Not saved: see the fields marked in red."), error=True
        )
        self._focus_first_error()
