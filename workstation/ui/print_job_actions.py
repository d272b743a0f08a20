"""The actions a print job's state allows, behind the print panel's buttons: retry (on the
queue chosen now), cancel, card spoiled and printed by hand (both with a reason). A mixin of
:class:`~workstation.ui.print_panel.PrintPanel`, kept apart so each module reads in one
sitting; the panel provides the state and hooks declared in the protocol ``_PrintPanel``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from workstation.domain.documents import Document
from workstation.domain.officers import Officer
from workstation.domain.printing import PrintJob
from workstation.ui.issue_dialogs import ReasonDialog
from workstation.ui.issue_services import Printing
from workstation.ui.tasks import TaskRunner


class _PrintPanel(Protocol):
    """What the actions need of the panel they are mixed into (:class:`PrintPanel`)."""

    _printing: Printing
    _officer: Officer
    _runner: TaskRunner
    _document: Document | None
    _job: PrintJob | None
    dialog: ReasonDialog | None
    job_settled: Any  # Signal(object)
    document_changed: Any  # Signal(int)

    def tr(self, text: str) -> str: ...

    def window(self) -> QWidget: ...

    def chosen_queue(self) -> str | None: ...

    def stop(self) -> None: ...

    def _start(self, first: Callable[[], PrintJob], text: str) -> None: ...

    def _set_actions(self, job: PrintJob | None) -> None: ...

    def _show_job(self, job: PrintJob | None, *, following: bool = False) -> None: ...

    # The actions' own helpers, called through ``self``.
    def _open_dialog(self, title: str, intro: str) -> ReasonDialog: ...

    def _dialog_step(self, dialog: ReasonDialog, work: Callable[[], PrintJob | None]) -> None: ...

    def _step(self, work: Callable[[], PrintJob | None]) -> None: ...

    def _on_step_done(self, job: PrintJob | None) -> None: ...

    def _on_step_failed(self, error: BaseException) -> None: ...


class PrintJobActions:
    """The buttons' slots; the methods take the panel as ``self`` typed :class:`_PrintPanel`,
    so mypy checks that the class this is mixed into provides all of it."""

    # The one attribute the actions set (mypy takes the first assignment as its declaration).
    dialog: ReasonDialog | None

    def _on_retry_clicked(self: _PrintPanel) -> None:
        job = self._job
        if job is None or job.id is None:
            return
        printing, officer, job_id = self._printing, self._officer, job.id
        queue = self.chosen_queue()
        chosen = queue if queue and queue != job.queue else None
        self._start(
            lambda: printing.retry(officer, job_id, chosen),
            self.tr("Trying job {id} again…").format(id=job_id),
        )

    def _on_cancel_clicked(self: _PrintPanel) -> None:
        job = self._job
        if job is None or job.id is None:
            return
        self.stop()
        printing, officer, job_id = self._printing, self._officer, job.id
        self._step(lambda: printing.cancel(officer, job_id))

    def _on_spoil_clicked(self: _PrintPanel) -> None:
        job = self._job
        if job is None or job.id is None:
            return
        job_id = job.id
        dialog = self._open_dialog(
            self.tr("Card spoiled"),
            self.tr(
                "The card (or sheet) of job {id} is unusable. It is counted against the blank "
                "stock; the document keeps its number and can be printed again (Retry)."
            ).format(id=job_id),
        )
        printing, officer = self._printing, self._officer
        dialog.submitted.connect(
            lambda: self._dialog_step(
                dialog, lambda: printing.spoil(officer, job_id, dialog.reason)
            )
        )

    def _on_manual_clicked(self: _PrintPanel) -> None:
        document = self._document
        if document is None or document.id is None:
            return
        document_id = document.id
        dialog = self._open_dialog(
            self.tr("Printed by hand"),
            self.tr(
                "Confirm that document {number} was printed outside this job (another "
                "printer, another computer). It becomes issued."
            ).format(number=document.number or document_id),
        )
        printing, officer = self._printing, self._officer

        def confirm() -> PrintJob | None:
            printing.confirm_manual_print(officer, document_id, dialog.reason)
            return None

        dialog.submitted.connect(lambda: self._dialog_step(dialog, confirm))

    def _open_dialog(self: _PrintPanel, title: str, intro: str) -> ReasonDialog:
        dialog = ReasonDialog(title, intro, parent=self.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.finished.connect(lambda _result: setattr(self, "dialog", None))
        dialog.open()
        return dialog

    def _dialog_step(
        self: _PrintPanel, dialog: ReasonDialog, work: Callable[[], PrintJob | None]
    ) -> None:
        def done(job: PrintJob | None) -> None:
            dialog.accept()
            self._on_step_done(job)

        def failed(error: BaseException) -> None:
            dialog.show_problem(self._runner.reporter.report(error, dialog, inline=True))

        self._runner.run(work, on_success=done, on_failure=failed, owner=dialog)
