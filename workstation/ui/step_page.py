"""A page whose steps run one at a time on the task runner: the page is busy meanwhile (a
progress bar and the step's text in its status line), and a step asked for in a dialog
reports a refusal the dialog can fix back into that dialog. The Documents page is one."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QProgressBar, QWidget

from workstation.domain.errors import DomainError
from workstation.ui.issue_dialogs import EtdRequestDialog, PassphraseDialog, ReasonDialog
from workstation.ui.tasks import TaskRunner

StepDialog = PassphraseDialog | ReasonDialog | EtdRequestDialog


class StepPage(QWidget):
    """The status line (``status_label``), the busy bar and the open dialog (``dialog``); the
    subclass lays the first two out and updates its actions on ``busy_changed``."""

    busy_changed = Signal(bool)

    def __init__(self, task_runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = task_runner
        self._busy = False
        self.dialog: StepDialog | None = None
        self.status_label = QLabel()
        self.status_label.setObjectName("issueStatus")
        self.status_label.setWordWrap(True)
        self.busy_bar = QProgressBar()
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setTextVisible(False)
        self.busy_bar.setMaximumHeight(8)
        self.busy_bar.hide()

    def _set_busy(self, text: str | None) -> None:
        self._busy = text is not None
        self.busy_bar.setVisible(self._busy)
        if text is not None:
            self.status_label.setText(text)
        self.busy_changed.emit(self._busy)

    def _run_step(
        self,
        text: str,
        work: Callable[[], object],
        done: Callable[[object], None],
        dialog: StepDialog | None = None,
        *,
        for_dialog: Callable[[DomainError], bool] = lambda _error: True,
    ) -> None:
        """Run one use case on a worker with the page busy; a refusal the dialog can fix
        (``for_dialog``) goes back into the dialog that asked, anything else closes it and goes
        to the error reporter."""
        self._set_busy(text)

        def succeeded(result: object) -> None:
            self._set_busy(None)
            if dialog is not None:
                dialog.accept()
            done(result)

        def failed(error: BaseException) -> None:
            self._set_busy(None)
            inline = dialog is not None and isinstance(error, DomainError) and for_dialog(error)
            message = self._runner.reporter.report(error, dialog or self, inline=inline)
            if dialog is not None and inline:
                dialog.show_problem(message)
            else:
                if dialog is not None:
                    dialog.reject()
                self.status_label.setText(message)

        self._runner.run(work, on_success=succeeded, on_failure=failed, owner=self)

    def _open(self, dialog: StepDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.finished.connect(lambda _result: self._forget_dialog(dialog))
        dialog.open()

    def _forget_dialog(self, dialog: object) -> None:
        if self.dialog is dialog:
            self.dialog = None

    def _dialog_parent(self) -> QWidget:
        return self.window()
