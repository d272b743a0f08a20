"""Printing one document: the chosen queue (:mod:`workstation.ui.queue_chooser`), the job's
progress and state as the spooler reports it (in words: :mod:`workstation.ui.print_job_text`),
and the actions a problem allows (retry, cancel, card spoiled, printed by hand).

``PrintService.follow`` blocks while it polls the spooler, so it runs on a task-runner worker;
its ``on_change`` callback fires on that worker and is re-emitted through a Qt signal, which
Qt queues to the GUI thread. A job that waits for the operator (a stopped queue, a held job)
stops being followed: the condition and the allowed actions are shown instead, and Retry
follows it again.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QWidget,
)

from workstation.domain.documents import Document, DocumentState
from workstation.domain.officers import Officer
from workstation.domain.printing import PrintJob, PrintJobState, PrintPurpose, PrintTarget
from workstation.ui.issue_dialogs import ReasonDialog
from workstation.ui.issue_services import Printing
from workstation.ui.print_job_actions import PrintJobActions
from workstation.ui.print_job_text import condition_text, describe_job
from workstation.ui.queue_chooser import QueueChooser
from workstation.ui.tasks import TaskHandle, TaskRunner

#: How long one follow may poll (a card takes about a second; an A4 page a few).
FOLLOW_TIMEOUT_S = 120.0
FOLLOW_POLL_S = 0.25
FINISHED_STATES = frozenset({PrintJobState.COMPLETED, PrintJobState.SPOILED})


class _JobRelay(QObject):
    """Lives on the GUI thread; the follow worker emits through it (queued to the GUI)."""

    changed = Signal(object)  # PrintJob


def target_of(document: Document) -> PrintTarget:
    """Where a document prints (the service decides the same way: cards on the card printer)."""
    return PrintTarget.CARD if document.kind == "consular_id_card" else PrintTarget.A4


class PrintPanel(PrintJobActions, QGroupBox):
    """The printer choice, the current job and its allowed actions."""

    job_changed = Signal(object)  # PrintJob, on the GUI thread, each time the spooler says more
    job_settled = Signal(object)  # PrintJob, when following stops (final or waiting)
    document_changed = Signal(int)  # document id whose state printing changed (issued ...)

    def __init__(
        self,
        printing: Printing,
        officer: Officer,
        task_runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._printing = printing
        self._officer = officer
        self._runner = task_runner
        self._document: Document | None = None
        self._job: PrintJob | None = None
        self._task: TaskHandle | None = None
        self._stop = threading.Event()
        self._relay = _JobRelay(self)
        self._relay.changed.connect(self._on_relay_changed)
        self.dialog: ReasonDialog | None = None
        self._target: PrintTarget | None = None
        self._used: dict[PrintTarget, str] = {}  # the queue last used for each target
        self.setObjectName("printPanel")
        self._build()
        self._retranslate()
        self._show_job(None)

    def _build(self) -> None:
        self.queue_chooser = QueueChooser(self._printing, self._runner)
        self.queue_combo: QComboBox = self.queue_chooser.combo
        self.progress = QProgressBar()
        self.progress.setObjectName("printProgress")
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(10)
        self.state_label = QLabel()
        self.state_label.setObjectName("printState")
        self.state_label.setWordWrap(True)
        self.state_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.retry_button = QPushButton()
        self.retry_button.setObjectName("retryPrint")
        self.cancel_button = QPushButton()
        self.cancel_button.setObjectName("cancelPrint")
        self.spoil_button = QPushButton()
        self.spoil_button.setObjectName("spoilPrint")
        self.manual_button = QPushButton()
        self.manual_button.setObjectName("manualPrint")
        self.retry_button.clicked.connect(self._on_retry_clicked)
        self.cancel_button.clicked.connect(self._on_cancel_clicked)
        self.spoil_button.clicked.connect(self._on_spoil_clicked)
        self.manual_button.clicked.connect(self._on_manual_clicked)
        grid = QGridLayout(self)
        grid.setContentsMargins(8, 6, 8, 6)
        grid.addWidget(self.queue_chooser, 0, 0)
        grid.addWidget(self.progress, 0, 1)
        grid.addWidget(self.state_label, 1, 0, 1, 2)
        buttons = QHBoxLayout()
        for button in (self.retry_button, self.cancel_button, self.spoil_button):
            buttons.addWidget(button)
        buttons.addWidget(self.manual_button)
        buttons.addStretch(1)
        grid.addLayout(buttons, 2, 0, 1, 2)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        """The panel's own texts in the current language (a job's state is described in the
        post's language by the error reporter's translator)."""
        if self._job is None:
            self.state_label.setText(self.tr("No print job for this document yet."))
        self.setTitle(self.tr("Printing"))
        self.retry_button.setText(self.tr("Retr&y"))
        self.cancel_button.setText(self.tr("Cancel &job"))
        self.spoil_button.setText(self.tr("Card &spoiled…"))
        self.manual_button.setText(self.tr("Printed by ha&nd…"))

    # -- state ------------------------------------------------------------------------------

    @property
    def job(self) -> PrintJob | None:
        return self._job

    @property
    def busy(self) -> bool:
        return self._task is not None

    def set_queues(self, queues: list[str]) -> None:
        """The configured queues, offered until the printers are listed (:meth:`refresh_queues`)."""
        self.queue_chooser.set_names(queues)

    def refresh_queues(self) -> None:
        """List the printers the officer may choose again, with their states (on a worker)."""
        self.queue_chooser.refresh()

    def choose_queue(self, queue: str | None) -> None:
        self.queue_chooser.choose(queue)

    def chosen_queue(self) -> str | None:
        return self.queue_chooser.chosen()

    def set_document(self, document: Document | None, jobs: list[PrintJob]) -> None:
        """Show ``document``'s latest job (or none); the configured queue for its kind."""
        if self.busy:
            return  # a job is being sent or followed: keep showing it
        self._document = document
        if document is not None and target_of(document) is not self._target:
            # Cards and A4 documents print on different queues: switch to the one the officer
            # last used for this kind of output, or the configured one. Within one kind the
            # officer's choice stays.
            self._target = target = target_of(document)
            self.queue_chooser.set_target(
                target, self._used.get(target) or self._printing.queue_for(target)
            )
        latest = jobs[-1] if jobs else None
        self._show_job(latest)
        if latest is not None and latest.live and latest.id is not None and latest.spooler_job_id:
            # Sent earlier (before a restart, from another screen): follow it from here. A job
            # without a spooler id is being submitted right now (or the submission was cut
            # short): asking about it would record it as interrupted, so it waits for Retry.
            printing, job_id = self._printing, latest.id
            self._start(
                lambda: printing.refresh(job_id),
                self.tr("Asking the printer about job {id}…").format(id=job_id),
            )

    # -- printing ---------------------------------------------------------------------------

    def print_document(self, document: Document, reason: str = "") -> None:
        """Send ``document`` to the chosen queue and follow the job (reason: a reprint)."""
        assert document.id is not None
        self._document = document
        self._target = target_of(document)
        if self.chosen_queue():
            self._used[self._target] = self.chosen_queue() or ""
        printing, officer, queue, document_id = (
            self._printing,
            self._officer,
            self.chosen_queue(),
            document.id,
        )
        self._start(
            lambda: printing.submit(officer, document_id, queue, reason),
            self.tr("Sending to {queue}…").format(queue=queue or "–"),
        )

    def _start(self, first: Callable[[], PrintJob], text: str) -> None:
        """Run ``first`` (submit or retry), then follow the job it returns, on a worker."""
        self._stop = stop = threading.Event()
        printing, relay = self._printing, self._relay

        def on_change(job: PrintJob) -> None:  # on the worker thread
            relay.changed.emit(job)
            if job.live and job.condition:
                stop.set()  # waiting for the operator: show the actions instead

        def work() -> PrintJob:
            job = first()
            on_change(job)
            if not job.live or job.id is None or stop.is_set():
                return job
            return printing.follow(
                job.id,
                timeout_s=FOLLOW_TIMEOUT_S,
                poll_s=FOLLOW_POLL_S,
                on_change=on_change,
                stop=stop,
            )

        self.progress.setRange(0, 0)  # busy
        self.state_label.setText(text)
        self._set_actions(None)
        self._task = self._runner.run(
            work,
            on_success=self._on_follow_finished,
            on_failure=self._on_follow_failed,
            owner=self,
            description="print and follow",
        )

    def stop(self) -> None:
        """Stop following (the window closes); the job stays recorded and can be followed."""
        self._stop.set()

    def _on_relay_changed(self, job: PrintJob) -> None:
        self._show_job(job, following=True)
        self.job_changed.emit(job)

    def _on_follow_finished(self, job: PrintJob) -> None:
        self._task = None
        self._show_job(job)
        self.job_settled.emit(job)
        self.document_changed.emit(job.document_id)

    def _on_follow_failed(self, error: BaseException) -> None:
        self._task = None
        self._show_job(self._job)
        message = self._runner.reporter.report(error, self)
        self.state_label.setText(message)
        if self._document is not None and self._document.id is not None:
            self.document_changed.emit(self._document.id)

    # -- showing a job ----------------------------------------------------------------------

    def _show_job(self, job: PrintJob | None, *, following: bool = False) -> None:
        self._job = job
        if job is None:
            self.progress.setRange(0, 1)
            self.progress.setValue(0)
            self.state_label.setText(self.tr("No print job for this document yet."))
            self.state_label.setStyleSheet("")
            self._set_actions(None)
            return
        live = job.live and (following or self.busy) and not job.condition
        if live:
            self.progress.setRange(0, 0)
        else:
            self.progress.setRange(0, 100)
            self.progress.setValue(100 if job.state in FINISHED_STATES else 0)
        self.state_label.setText(self.describe(job))
        problem = job.state in (PrintJobState.FAILED, PrintJobState.CANCELLED) or (
            job.live and bool(job.condition)
        )
        self.state_label.setStyleSheet("color: #b00020; font-weight: bold;" if problem else "")
        self._set_actions(job)

    def describe(self, job: PrintJob) -> str:
        return describe_job(job, self._runner.reporter.translator)

    def condition_text(self, condition: str) -> str:
        """The officer's words for a printer condition (queue_stopped ...), or the code."""
        return condition_text(condition, self._runner.reporter.translator)

    def _set_actions(self, job: PrintJob | None) -> None:
        """Only what the job's state allows; while the job is followed, only Cancel."""
        waiting = job is not None and job.live and bool(job.condition)
        can_retry = job is not None and (
            job.retriable or waiting or job.state is PrintJobState.SPOILED
        )
        document_produced = (
            self._document is not None and self._document.state is DocumentState.PRODUCED
        )
        shown = {
            self.retry_button: can_retry,
            self.cancel_button: job is not None and job.live,
            self.spoil_button: job is not None and job.state is not PrintJobState.SPOILED,
            self.manual_button: (
                job is not None
                and job.purpose is PrintPurpose.ISSUE
                and job.state is not PrintJobState.COMPLETED
                and document_produced
            ),
        }
        for button, visible in shown.items():
            if self.busy and button is not self.cancel_button:
                visible = False
            button.setVisible(visible)
            button.setEnabled(visible)

    # -- the actions' outcome (the buttons' slots: PrintJobActions) --------------------------

    def _step(self, work: Callable[[], PrintJob | None]) -> None:
        self._set_actions(None)
        self._runner.run(
            work,
            on_success=self._on_step_done,
            on_failure=self._on_step_failed,
            owner=self,
            description="print action",
        )

    def _on_step_done(self, job: PrintJob | None) -> None:
        if job is not None:
            self._show_job(job)
            self.job_settled.emit(job)
        if self._document is not None and self._document.id is not None:
            self.document_changed.emit(self._document.id)

    def _on_step_failed(self, error: BaseException) -> None:
        self._show_job(self._job)
        self._runner.reporter.report(error, self)
