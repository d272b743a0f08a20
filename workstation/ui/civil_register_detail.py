"""One entry of the register: its text (facts, nationality, referral, annotations, history),
a supervisor's decision on a pending entry, its annotations and its certificate.

Approve (Alt+A) and Reject (Alt+J) call the service on a worker; the service decides who may
(a supervisor other than the registrar, a reason for missing evidence or a rejection) and its
refusal is shown under the buttons. A certificate (full or birth extract) is made on a worker
with the post's signing key (its passphrase asked once) and printed on the A4 queue or saved
as a PDF file. Annotate (Alt+N) opens the annotation dialog of a registered entry
(:mod:`workstation.ui.civil_register_annotation`); the entry saved is shown with the annotation
and its nationality assessed again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from workstation.domain.audit import AuditEntry
from workstation.domain.civil.entries import CivilEntry, EntryState
from workstation.domain.civil.records import EventKind
from workstation.domain.errors import DomainError
from workstation.domain.officers import Officer, Permission, Role
from workstation.services.certificates import CertificateKind
from workstation.ui.civil_register_annotation import AnnotationDialog, annotation_forms
from workstation.ui.civil_register_html import entry_html
from workstation.ui.civil_register_services import CertificatePrinter, CivilDecisions
from workstation.ui.form_fields import ERROR_COLOUR
from workstation.ui.issue_dialogs import PassphraseDialog
from workstation.ui.tasks import TaskHandle, TaskRunner


def may_decide(officer: Officer) -> bool:
    return Role.SUPERVISOR in officer.roles and officer.can(Permission.REGISTER_CIVIL)


class CivilEntryView(QWidget):
    """Shows :meth:`show_entry`; ``entry_changed`` after a decision, ``certificate_done(text)``."""

    entry_changed = Signal(object)  # CivilEntry
    certificate_done = Signal(str)

    def __init__(
        self,
        civil: CivilDecisions,
        officer: Officer,
        task_runner: TaskRunner,
        *,
        printer: CertificatePrinter | None = None,
        today: Callable[[], dt.date] = dt.date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.today = today
        self._civil = civil
        self._officer = officer
        self._runner = task_runner
        self._printer = printer
        self._entry: CivilEntry | None = None
        self._task: TaskHandle | None = None
        self._passphrase = ""
        self.passphrase_dialog: PassphraseDialog | None = None
        self.annotation_dialog: AnnotationDialog | None = None
        self.annotate_button = QPushButton()
        self.annotate_button.setObjectName("annotate")
        self.annotate_button.clicked.connect(self.annotate)
        self.text = QTextBrowser()
        self.text.setObjectName("entryText")
        self.text.setOpenLinks(False)
        self._build_decision()
        self._build_certificate()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text, 1)
        annotate_row = QHBoxLayout()
        annotate_row.addStretch(1)
        annotate_row.addWidget(self.annotate_button)
        layout.addLayout(annotate_row)
        layout.addWidget(self.decision_box)
        layout.addWidget(self.certificate_box)
        self.retranslate()
        self.show_entry(None)

    def _build_decision(self) -> None:
        self.decision_box = QGroupBox()
        self.decision_box.setObjectName("decisionBox")
        self.reason_label = QLabel()
        self.reason_edit = QLineEdit()
        self.reason_edit.setObjectName("decisionReason")
        self.reason_label.setBuddy(self.reason_edit)
        self.approve_button = QPushButton()
        self.approve_button.setObjectName("approve")
        self.approve_button.clicked.connect(self.approve)
        self.reject_button = QPushButton()
        self.reject_button.setObjectName("reject")
        self.reject_button.clicked.connect(self.reject)
        self.decision_message = QLabel()
        self.decision_message.setObjectName("decisionMessage")
        self.decision_message.setWordWrap(True)
        self.decision_message.setStyleSheet(f"color: {ERROR_COLOUR};")
        row = QHBoxLayout()
        row.addWidget(self.reason_label)
        row.addWidget(self.reason_edit, 1)
        row.addWidget(self.approve_button)
        row.addWidget(self.reject_button)
        box = QVBoxLayout(self.decision_box)
        box.addLayout(row)
        box.addWidget(self.decision_message)

    def _build_certificate(self) -> None:
        self.certificate_box = QGroupBox()
        self.certificate_box.setObjectName("certificateBox")
        self.kind_label = QLabel()
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("certificateKind")
        self.kind_label.setBuddy(self.kind_combo)
        self.print_button = QPushButton()
        self.print_button.setObjectName("printCertificate")
        self.print_button.clicked.connect(lambda: self.make_certificate(None))
        self.pdf_button = QPushButton()
        self.pdf_button.setObjectName("saveCertificate")
        self.pdf_button.clicked.connect(self.choose_pdf_file)
        self.certificate_message = QLabel()
        self.certificate_message.setObjectName("certificateMessage")
        self.certificate_message.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.kind_label)
        row.addWidget(self.kind_combo)
        row.addStretch(1)
        row.addWidget(self.print_button)
        row.addWidget(self.pdf_button)
        box = QVBoxLayout(self.certificate_box)
        box.addLayout(row)
        box.addWidget(self.certificate_message)

    # -- showing ---------------------------------------------------------------------------------

    @property
    def entry(self) -> CivilEntry | None:
        return self._entry

    def show_entry(self, entry: CivilEntry | None, trail: Sequence[AuditEntry] = ()) -> None:
        if (
            entry is None
            or self._entry is None
            or entry.register_number != (self._entry.register_number)
        ):
            self.reason_edit.clear()
            self.decision_message.clear()
            self.certificate_message.clear()
        self._entry = entry
        self.text.setHtml(entry_html(entry, trail) if entry is not None else "")
        pending = entry is not None and entry.state is EntryState.PENDING_APPROVAL
        self.decision_box.setVisible(pending and may_decide(self._officer))
        registered = entry is not None and entry.state is EntryState.REGISTERED
        may_register = self._officer.can(Permission.REGISTER_CIVIL)
        self.certificate_box.setVisible(registered and may_register)
        self.annotate_button.setVisible(
            registered and may_register and entry is not None and bool(annotation_forms(entry.kind))
        )
        self._fill_kinds()
        self._set_busy(self._task is not None)

    def _fill_kinds(self) -> None:
        current = self.kind_combo.currentData()
        self.kind_combo.clear()
        self.kind_combo.addItem(self.tr("Full copy"), CertificateKind.FULL.value)
        if self._entry is not None and self._entry.kind is EventKind.BIRTH:
            self.kind_combo.addItem(self.tr("Birth extract"), CertificateKind.EXTRACT.value)
        self.kind_combo.setCurrentIndex(max(self.kind_combo.findData(current), 0))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.decision_box.setTitle(self.tr("Supervisor's decision"))
        self.reason_label.setText(self.tr("Rea&son:"))
        self.reason_edit.setPlaceholderText(
            self.tr("Required to reject, or to approve with evidence missing")
        )
        self.approve_button.setText(self.tr("&Approve"))
        self.reject_button.setText(self.tr("Re&ject"))
        self.certificate_box.setTitle(self.tr("Certificate"))
        self.kind_label.setText(self.tr("&Kind:"))
        self.print_button.setText(self.tr("&Print on A4"))
        self.print_button.setToolTip(
            self.tr("Send the certificate to the post's A4 printer")
            if self._printer is not None
            else self.tr("No A4 printing of certificates on this workstation: save a PDF")
        )
        self.pdf_button.setText(self.tr("Save as P&DF…"))
        self.annotate_button.setText(self.tr("A&nnotate…"))
        self.annotate_button.setToolTip(
            self.tr(
                "Record a later fact: recognition, adoption, change of name, divorce, correction"
            )
        )
        self._fill_kinds()
        if self._entry is not None:
            self.show_entry(self._entry)

    def _set_busy(self, busy: bool) -> None:
        self.approve_button.setEnabled(not busy)
        self.reject_button.setEnabled(not busy)
        self.print_button.setEnabled(not busy and self._printer is not None)
        self.pdf_button.setEnabled(not busy)
        self.annotate_button.setEnabled(not busy)

    # -- decisions -------------------------------------------------------------------------------

    def approve(self) -> None:
        self._decide(approve=True)

    def reject(self) -> None:
        self._decide(approve=False)

    def _decide(self, *, approve: bool) -> None:
        entry = self._entry
        if entry is None or self._task is not None or not self.decision_box.isVisible():
            return
        civil, officer, number = self._civil, self._officer, entry.register_number
        reason = self.reason_edit.text().strip()
        self._set_busy(True)
        self.decision_message.setStyleSheet("")
        self.decision_message.setText(self.tr("Working…"))
        self._task = self._runner.run(
            (lambda: civil.approve(officer, number, reason=reason))
            if approve
            else (lambda: civil.reject(officer, number, reason)),
            on_success=self._on_decided,
            on_failure=self._on_decision_failed,
            owner=self,
            description="civil approve" if approve else "civil reject",
        )

    def _on_decided(self, entry: CivilEntry) -> None:
        self._task = None
        self.decision_message.clear()
        self.show_entry(entry)
        self.entry_changed.emit(entry)

    def _on_decision_failed(self, error: BaseException) -> None:
        self._task = None
        self._set_busy(False)
        self.decision_message.setStyleSheet(f"color: {ERROR_COLOUR};")
        if isinstance(error, DomainError):
            text = self._runner.reporter.translator.describe(error)
            if error.field == "reason":
                self.reason_edit.setFocus()
        else:
            text = self._runner.reporter.report(error, self, inline=True)
        self.decision_message.setText(text)

    # -- annotations -----------------------------------------------------------------------------

    def annotate(self) -> AnnotationDialog | None:
        """Open the annotation dialog of the registered entry shown (a window that does not
        block)."""
        entry = self._entry
        if entry is None or self._task is not None or not self.annotate_button.isVisible():
            return None
        dialog = AnnotationDialog(
            self._civil, self._officer, self._runner, entry, today=self.today, parent=self
        )
        dialog.annotated.connect(self._on_annotated)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda: setattr(self, "annotation_dialog", None))
        self.annotation_dialog = dialog
        dialog.open()
        dialog.page.fields.focus_chain()[0].setFocus(Qt.FocusReason.OtherFocusReason)
        return dialog

    def _on_annotated(self, entry: CivilEntry) -> None:
        self.show_entry(entry)
        self.entry_changed.emit(entry)

    # -- certificates ----------------------------------------------------------------------------

    def choose_pdf_file(self) -> None:
        """Ask where to save (a non-blocking file dialog), then make the certificate."""
        if self._entry is None:
            return
        dialog = QFileDialog(self, self.tr("Save the certificate"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilter(self.tr("PDF files (*.pdf)"))
        dialog.setDefaultSuffix("pdf")
        dialog.selectFile(self._entry.register_number.replace("/", "-") + ".pdf")
        dialog.fileSelected.connect(lambda name: self.make_certificate(Path(name)))
        dialog.open()

    def make_certificate(self, pdf_file: Path | None) -> None:
        """Print the certificate (``pdf_file`` None) or save it there, asking the signing
        key's passphrase first when this session has not given it yet."""
        if self._entry is None or self._task is not None:
            return
        if pdf_file is None and self._printer is None:
            return
        if not self._passphrase:
            dialog = PassphraseDialog(self)
            dialog.submitted.connect(lambda: self._on_passphrase_submitted(dialog, pdf_file))
            self.passphrase_dialog = dialog
            dialog.open()
            return
        self._produce(pdf_file, self._passphrase)

    def _on_passphrase_submitted(self, dialog: PassphraseDialog, pdf_file: Path | None) -> None:
        self._produce(pdf_file, dialog.passphrase, dialog)

    def _produce(
        self, pdf_file: Path | None, passphrase: str, dialog: PassphraseDialog | None = None
    ) -> None:
        entry = self._entry
        assert entry is not None
        civil, officer, printer = self._civil, self._officer, self._printer
        number, kind = entry.register_number, str(self.kind_combo.currentData())

        def work() -> str:
            produced = civil.certificate(officer, number, kind, passphrase)
            if pdf_file is not None:
                pdf_file.write_bytes(produced.pdf)
                return str(pdf_file)
            assert printer is not None
            printer.print_certificate(officer, number, produced.pdf)
            return ""

        self._set_busy(True)
        self.certificate_message.setStyleSheet("")
        self.certificate_message.setText(self.tr("Making the certificate…"))
        self._task = self._runner.run(
            work,
            on_success=lambda where: self._on_certificate_made(where, passphrase, dialog),
            on_failure=lambda error: self._on_certificate_failed(error, dialog),
            owner=self,
            description="civil certificate",
        )

    def _on_certificate_made(
        self, where: str, passphrase: str, dialog: PassphraseDialog | None
    ) -> None:
        self._task = None
        self._passphrase = passphrase
        if dialog is not None:
            dialog.accept()
        self._set_busy(False)
        text = (
            self.tr("Certificate saved: {file}").format(file=where)
            if where
            else self.tr("Certificate printed on the A4 printer.")
        )
        self.certificate_message.setText(text)
        self.certificate_done.emit(text)

    def _on_certificate_failed(self, error: BaseException, dialog: PassphraseDialog | None) -> None:
        self._task = None
        self._set_busy(False)
        text = self._runner.reporter.report(error, self, inline=True)
        if dialog is not None and dialog.isVisible():
            dialog.show_problem(text)
            return
        self._passphrase = ""
        self.certificate_message.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.certificate_message.setText(text)

    def cancel(self) -> None:
        if self._task is not None:
            self._task.cancel()
            self._task = None
            self._set_busy(False)
