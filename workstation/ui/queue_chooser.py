"""The printer chooser of the Documents page: the post's queue for the document's kind of
output first, then the print queues the spooler reports, each with its state (a stopped queue
with the spooler's reason), listed on a worker (asking CUPS can take a moment, and there may be
no CUPS at all: then the configured queues only).

Each entry shows the queue's name and what is known of it; the name is the item's data, and
what the officer types into the editable combo is taken as a queue name as it is.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QStyle, QToolButton, QWidget

from devices.printers import QueueState
from workstation.domain.printing import PrintTarget
from workstation.services.print_queues import QueueChoice, QueueKind
from workstation.ui.tasks import TaskHandle, TaskRunner

NAME_ROLE = Qt.ItemDataRole.UserRole
CHOICE_ROLE = Qt.ItemDataRole.UserRole + 1
_STOPPED_COLOUR = QColor("#b00020")


class QueueLister(Protocol):
    """What the chooser uses of ``PrintService``."""

    def available_queues(self, target: PrintTarget) -> list[QueueChoice]: ...


class QueueChooser(QWidget):
    """Label, editable combo (``combo``) and a button that lists the printers again."""

    queues_listed = Signal(list)  # list[QueueChoice], once the combo shows them

    def __init__(
        self, printing: QueueLister, task_runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._printing = printing
        self._runner = task_runner
        self._target: PrintTarget | None = None
        self._task: TaskHandle | None = None
        self._choices: list[QueueChoice] = []
        self.setObjectName("queueChooser")
        self.combo = QComboBox()
        self.combo.setObjectName("queue")
        self.combo.setEditable(True)
        self.combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.combo.setMinimumContentsLength(18)
        self.combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.label = QLabel()
        self.label.setBuddy(self.combo)
        self.refresh_button = QToolButton()
        self.refresh_button.setObjectName("refreshQueues")
        self.refresh_button.setIcon(
            self.style().standardIcon(QStyle.StandardPixmap.SP_BrowserReload)
        )
        self.refresh_button.clicked.connect(self.refresh)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.combo, 1)
        layout.addWidget(self.refresh_button)
        self._retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            if self._choices:
                self._fill(self._choices)
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.label.setText(self.tr("Printer &queue:"))
        self.combo.setToolTip(
            self.tr("The post's queue for this document, another print queue, or a queue name")
        )
        self.refresh_button.setText(self.tr("Refresh"))
        self.refresh_button.setToolTip(self.tr("List the printers and their states again (F5)"))

    # -- the choice -------------------------------------------------------------------------

    @property
    def choices(self) -> list[QueueChoice]:
        """What the last listing found (empty until one finished)."""
        return list(self._choices)

    @property
    def listing(self) -> bool:
        return self._task is not None

    def set_names(self, names: list[str]) -> None:
        """Offer ``names`` (the configured queues) until a listing brings their states."""
        current = self.chosen()
        self.combo.clear()
        for name in dict.fromkeys(n for n in names if n):
            self.combo.addItem(name, name)
        self.choose(current)

    def choose(self, queue: str | None) -> None:
        """Select ``queue`` (added to the list when not in it); None keeps the choice."""
        if not queue:
            return
        index = self.combo.findData(queue, NAME_ROLE)
        if index < 0:
            self.combo.addItem(queue, queue)
            index = self.combo.count() - 1
        self.combo.setCurrentIndex(index)

    def chosen(self) -> str | None:
        """The queue name selected, or typed as it is."""
        text = self.combo.currentText().strip()
        index = self.combo.findText(text, Qt.MatchFlag.MatchExactly)
        if index >= 0:
            name = self.combo.itemData(index, NAME_ROLE)
            return name if isinstance(name, str) and name else text
        return text or None

    def chosen_choice(self) -> QueueChoice | None:
        """What the last listing said of the chosen queue."""
        name = self.chosen()
        return next((c for c in self._choices if c.name == name), None)

    # -- listing ----------------------------------------------------------------------------

    def set_target(self, target: PrintTarget, queue: str | None) -> None:
        """The kind of output to print next: select ``queue`` and list the printers for it."""
        self.choose(queue)
        if target is not self._target:
            self._target = target
            self.refresh()

    def refresh(self) -> None:
        """List the printers again on a worker; the choice stays."""
        if self._task is not None:
            self._task.cancel()
        printing, target = self._printing, self._target or PrintTarget.CARD
        self._task = self._runner.run(
            lambda: printing.available_queues(target),
            on_success=lambda choices: self._on_listed(target, choices),
            on_failure=self._on_list_failed,
            owner=self,
            description="print queues",
        )

    def cancel(self) -> None:
        if self._task is not None:
            self._task.cancel()
            self._task = None

    def _on_listed(self, target: PrintTarget, choices: list[QueueChoice]) -> None:
        self._task = None
        if target is not (self._target or PrintTarget.CARD):
            return  # asked for another kind of output meanwhile: its listing follows
        self._choices = list(choices)
        self._fill(self._choices)
        self.queues_listed.emit(self.choices)

    def _on_list_failed(self, error: BaseException) -> None:
        self._task = None
        self._runner.reporter.report(error, self)

    def _fill(self, choices: list[QueueChoice]) -> None:
        text = self.combo.currentText()
        typed = self.combo.findText(text, Qt.MatchFlag.MatchExactly) < 0
        keep = self.chosen()
        self.combo.clear()
        warning = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        for choice in choices:
            self.combo.addItem(self.entry_text(choice), choice.name)
            index = self.combo.count() - 1
            self.combo.setItemData(index, choice, CHOICE_ROLE)
            self.combo.setItemData(index, self._tooltip(choice), Qt.ItemDataRole.ToolTipRole)
            if choice.stopped or choice.problem:
                self.combo.setItemIcon(index, warning)
                self.combo.setItemData(
                    index, QBrush(_STOPPED_COLOUR), Qt.ItemDataRole.ForegroundRole
                )
        if typed and text:
            self.combo.setEditText(text)
        elif keep:
            self.choose(keep)

    # -- texts ------------------------------------------------------------------------------

    def entry_text(self, choice: QueueChoice) -> str:
        """``CardPrinter — the post's card printer, stopped: Card hopper empty``."""
        parts: list[str] = []
        if choice.role is PrintTarget.CARD:
            parts.append(self.tr("the post's card printer"))
        elif choice.role is PrintTarget.A4:
            parts.append(self.tr("the post's A4 printer"))
        parts.append(self.state_text(choice))
        return f"{choice.name} — {', '.join(parts)}"

    def state_text(self, choice: QueueChoice) -> str:
        if choice.kind is QueueKind.FOLDER:
            return self.tr("into a folder")
        if choice.state is None:
            return self._problem_text(choice.problem)
        states = {
            QueueState.IDLE: self.tr("ready"),
            QueueState.PRINTING: self.tr("printing"),
            QueueState.STOPPED: self.tr("stopped"),
        }
        text = states[choice.state]
        if choice.accepting_jobs is False:
            text = self.tr("{state}, not accepting jobs").format(state=text)
        if choice.reason and (choice.stopped or choice.state is QueueState.PRINTING):
            text = self.tr("{state}: {reason}").format(state=text, reason=choice.reason)
        return text

    def _problem_text(self, problem: str | None) -> str:
        if problem == "printer.queue_missing":
            return self.tr("not known to the print service")
        if problem is not None:
            return self.tr("state unknown ({why})").format(
                why=self._runner.reporter.translator.text(problem, None, {}).rstrip(".")
            )
        return self.tr("state unknown")

    def _tooltip(self, choice: QueueChoice) -> str:
        lines = [choice.name]
        if choice.description:
            lines.append(choice.description)
        if choice.reason:
            lines.append(self.tr("The printer says: {reason}").format(reason=choice.reason))
        return "\n".join(lines)
