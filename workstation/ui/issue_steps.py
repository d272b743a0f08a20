"""The steps of the Documents page: new requests, issue and print, chip encoding, and the
corrections with a reason (print again, spoiled copy, void). A mixin of :class:`IssuePage`,
kept apart so each module reads in one sitting; the page provides the state and hooks
declared in the protocol ``_IssuePage``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QWidget

from workstation.domain.document_kinds import DocumentKind
from workstation.domain.documents import Document, DocumentAction, DocumentState
from workstation.domain.errors import DomainError
from workstation.domain.officers import Officer, Permission
from workstation.domain.people import Person
from workstation.domain.portrait import PortraitRecord
from workstation.ui.document_table_model import kind_name
from workstation.ui.issue_dialogs import EtdRequestDialog, PassphraseDialog, ReasonDialog
from workstation.ui.issue_services import IssueServices
from workstation.ui.issue_step_rules import CARD, ETD, PRE_PRODUCTION
from workstation.ui.print_panel import PrintPanel

AnyDialog = PassphraseDialog | ReasonDialog | EtdRequestDialog


def _tr(text: str) -> str:
    return QCoreApplication.translate("IssuePage", text)


class _IssuePage(Protocol):
    """What the steps need of the page they are mixed into (:class:`IssuePage`): its state,
    its widgets and signals, and the hooks that run a step and open a dialog."""

    _services: IssueServices
    _officer: Officer
    _person: Person | None
    _portrait: PortraitRecord | None
    _kinds: dict[str, DocumentKind]
    _passphrase: str | None
    _busy: bool
    _reader: str | None
    print_panel: PrintPanel
    status_label: QLabel
    document_changed: Any  # Signal(object)
    chip_encoded: Any  # Signal(object)

    def selected_document(self) -> Document | None: ...

    def _dialog_parent(self) -> QWidget: ...

    def _run_step(
        self,
        text: str,
        work: Callable[[], object],
        done: Callable[[object], None],
        dialog: AnyDialog | None = ...,
        *,
        for_dialog: Callable[[DomainError], bool] = ...,
    ) -> None: ...

    def _open(self, dialog: AnyDialog) -> None: ...

    def _after(self, document_id: int) -> Callable[[object], None]: ...

    # The steps' own helpers, called through ``self``.
    def _request(
        self,
        kind_code: str,
        person_id: int,
        data: dict[str, str] | None,
        portrait_id: int | None,
        dialog: EtdRequestDialog | None,
    ) -> None: ...

    def _produce(
        self, document: Document, passphrase: str, dialog: PassphraseDialog | None
    ) -> None: ...


class DocumentSteps:
    """Each step runs its use case on the task runner through :meth:`_run_step`. The methods
    take the page as ``self`` typed :class:`_IssuePage`, so mypy checks that the class this is
    mixed into provides all of it."""

    # The one attribute a step sets (mypy takes the first assignment as its declaration).
    _passphrase: str | None

    # -- requests ---------------------------------------------------------------------------

    def request_card(self: _IssuePage) -> None:
        """A card request with the person's latest checked portrait, submitted (and approved
        at once when the kind needs no second officer, as the site configures it)."""
        person = self._person
        if person is None or person.id is None or self._busy:
            return
        portrait = self._portrait
        if portrait is None:
            self.status_label.setText(
                _tr(
                    "{name} has no photo yet: a consular ID card needs one. Take or import it "
                    "on the photo page first."
                ).format(name=person.display_name)
            )
            return
        self._request(CARD, person.id, None, portrait.id, None)

    def request_etd(self: _IssuePage) -> None:
        person = self._person
        if person is None or person.id is None or self._busy:
            return
        dialog = EtdRequestDialog(person.display_name, self._dialog_parent())
        portrait_id = self._portrait.id if self._portrait else None
        person_id = person.id
        dialog.submitted.connect(
            lambda: self._request(ETD, person_id, dialog.request_data(), portrait_id, dialog)
        )
        self._open(dialog)

    def _request(
        self: _IssuePage,
        kind_code: str,
        person_id: int,
        data: dict[str, str] | None,
        portrait_id: int | None,
        dialog: EtdRequestDialog | None,
    ) -> None:
        services, officer = self._services, self._officer
        kind = self._kinds.get(kind_code)
        approve_now = kind is not None and not kind.requires_approval

        def work() -> int:
            document_id = services.documents.create(officer, kind_code, person_id, data)
            if portrait_id is not None:
                services.photos.use_for_document(officer, portrait_id, document_id)
            services.documents.act(officer, document_id, DocumentAction.SUBMIT)
            if approve_now:
                services.documents.act(officer, document_id, DocumentAction.APPROVE)
            return document_id

        def done(document_id: object) -> None:
            assert isinstance(document_id, int)
            self._after(document_id)(document_id)

        self._run_step(
            _tr("Recording the {kind} request…").format(kind=kind_name(kind_code)),
            work,
            done,
            dialog,
        )

    def submit_selected(self: _IssuePage) -> None:
        document = self.selected_document()
        if document is None or document.id is None or self._busy:
            return
        documents, officer, document_id = self._services.documents, self._officer, document.id
        self._run_step(
            _tr("Submitting…"),
            lambda: documents.act(officer, document_id, DocumentAction.SUBMIT),
            self._after(document_id),
        )

    # -- issue and print --------------------------------------------------------------------

    def issue_selected(self: _IssuePage) -> None:
        """Approved: produce (asking for the key passphrase once per session), then print.
        Produced: print (a job that failed can also be retried from the print panel)."""
        document = self.selected_document()
        if document is None or document.id is None or self._busy:
            return
        if document.state is DocumentState.PRODUCED:
            self.print_panel.print_document(document)
            return
        if document.state is not DocumentState.APPROVED:
            return
        if self._passphrase is None:
            dialog = PassphraseDialog(self._dialog_parent())
            dialog.submitted.connect(lambda: self._produce(document, dialog.passphrase, dialog))
            self._open(dialog)
        else:
            self._produce(document, self._passphrase, None)

    def _produce(
        self: _IssuePage, document: Document, passphrase: str, dialog: PassphraseDialog | None
    ) -> None:
        assert document.id is not None
        documents, officer, document_id = self._services.documents, self._officer, document.id

        def work() -> Document:
            return documents.act(
                officer, document_id, DocumentAction.PRODUCE, passphrase=passphrase
            )

        def done(produced: object) -> None:
            assert isinstance(produced, Document)
            self._passphrase = passphrase  # it worked: not asked again this session
            self.document_changed.emit(produced)
            self.print_panel.print_document(produced)
            self._after(document_id)(produced)

        # Only a key problem is the passphrase dialog's to fix; a refusal to issue (not a
        # national, no photo) closes it and is reported.
        self._run_step(
            _tr("Numbering, sealing and signing…"),
            work,
            done,
            dialog,
            for_dialog=lambda error: error.code.startswith("keys."),
        )

    def reprint_selected(self: _IssuePage) -> None:
        document = self.selected_document()
        if document is None or document.id is None or self._busy:
            return
        dialog = ReasonDialog(
            _tr("Reprint"),
            _tr(
                "Print document {number} again (same number). Say why: it is kept in the "
                "document's history."
            ).format(number=document.number),
            parent=self._dialog_parent(),
        )

        def start() -> None:
            dialog.accept()
            self.print_panel.print_document(document, dialog.reason)

        dialog.submitted.connect(start)
        self._open(dialog)

    def encode_chip(self: _IssuePage) -> None:
        document = self.selected_document()
        if document is None or document.id is None or self._busy:
            return
        chip, officer, document_id, reader = (
            self._services.chip,
            self._officer,
            document.id,
            self._reader,
        )

        def done(report: object) -> None:
            self.status_label.setText(
                _tr("Chip written, read back and verified ({bytes} bytes of portrait).").format(
                    bytes=getattr(report, "portrait_bytes", 0)
                )
            )
            self.chip_encoded.emit(report)
            self._after(document_id)(report)

        self._run_step(
            _tr("Encoding the chip: keep the card in the reader…"),
            lambda: chip.encode(officer, document_id, reader),
            done,
        )

    # -- corrections ------------------------------------------------------------------------

    def spoil_selected(self: _IssuePage) -> None:
        document = self.selected_document()
        if document is None or document.id is None or self._busy:
            return
        dialog = ReasonDialog(
            _tr("Spoiled copy"),
            _tr(
                "Record an unusable copy of document {number} (failed chip, damaged card). "
                "The document keeps its number."
            ).format(number=document.number),
            parent=self._dialog_parent(),
        )
        documents, officer, document_id = self._services.documents, self._officer, document.id
        dialog.submitted.connect(
            lambda: self._run_step(
                _tr("Recording the spoiled copy…"),
                lambda: documents.act(
                    officer, document_id, DocumentAction.SPOIL_COPY, dialog.reason
                ),
                self._after(document_id),
                dialog,
            )
        )
        self._open(dialog)

    def void_selected(self: _IssuePage) -> None:
        """Void with a reason; a produced or issued document needs a supervisor, who signs
        the step in the dialog when the signed-in officer is not one."""
        document = self.selected_document()
        if document is None or document.id is None or self._busy:
            return
        needs_supervisor = document.state not in PRE_PRODUCTION and not self._officer.can(
            Permission.DOCUMENT_VOID
        )
        dialog = ReasonDialog(
            _tr("Void document"),
            _tr(
                "Void {kind} {number} for good. The number stays used and the reason is kept."
            ).format(kind=kind_name(document.kind), number=document.number or f"#{document.id}"),
            supervisor=needs_supervisor,
            parent=self._dialog_parent(),
        )
        services, officer, document_id = self._services, self._officer, document.id

        def work() -> Document:
            credentials = dialog.credentials
            actor = services.accounts.authenticate(*credentials) if credentials else officer
            return services.documents.act(actor, document_id, DocumentAction.VOID, dialog.reason)

        dialog.submitted.connect(
            lambda: self._run_step(_tr("Voiding…"), work, self._after(document_id), dialog)
        )
        self._open(dialog)
