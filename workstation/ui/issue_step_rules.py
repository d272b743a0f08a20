"""Which steps of the Documents page apply to the selected document, the hint shown for its
state and the steps' texts: rules on the document, the officer and what is running, apart
from the widgets that show them."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from workstation.domain.documents import Document, DocumentState
from workstation.domain.officers import Officer, Permission
from workstation.domain.printing import PrintJob
from workstation.ui.document_table_model import kind_name, state_name

CARD = "consular_id_card"
ETD = "emergency_travel_document"
PRE_PRODUCTION = frozenset({DocumentState.DRAFT, DocumentState.SUBMITTED, DocumentState.APPROVED})
PRODUCED = frozenset({DocumentState.PRODUCED, DocumentState.ISSUED, DocumentState.DELIVERED})


def _tr(text: str) -> str:
    return QCoreApplication.translate("IssuePage", text)


@dataclass(frozen=True, slots=True)
class StepsEnabled:
    """Each step of the page: may the officer take it now?"""

    new_card: bool
    new_etd: bool
    submit: bool
    issue: bool
    chip: bool
    reprint: bool
    spoil: bool
    void: bool


def steps_enabled(
    document: Document | None,
    officer: Officer,
    *,
    has_person: bool,
    busy: bool,
    printing: bool,
    job: PrintJob | None,
    reader: str | None,
) -> StepsEnabled:
    """``busy``: a step runs; ``printing``: the print panel sends or follows a job; ``job``:
    the job the print panel shows (a live one for this document is not sent again)."""
    state = document.state if document is not None else None
    idle = not busy
    prepare = has_person and idle and officer.can(Permission.DOCUMENT_PREPARE)
    issue = officer.can(Permission.DOCUMENT_ISSUE)
    in_print = printing or (
        job is not None and document is not None and job.document_id == document.id and job.live
    )
    return StepsEnabled(
        new_card=prepare,
        new_etd=prepare,
        submit=idle and state is DocumentState.DRAFT,
        # A document already in a print job is not sent again (its job's Retry is): two jobs
        # would print two cards with one number.
        issue=idle
        and not in_print
        and state in (DocumentState.APPROVED, DocumentState.PRODUCED)
        and issue,
        chip=idle
        and document is not None
        and document.kind == CARD
        and bool(reader)
        and state in PRODUCED
        and issue,
        reprint=idle
        and not in_print
        and state in (DocumentState.ISSUED, DocumentState.DELIVERED)
        and issue,
        spoil=idle
        and state in (DocumentState.PRODUCED, DocumentState.ISSUED)
        and officer.can(Permission.DOCUMENT_SPOIL),
        void=idle and state is not None and state is not DocumentState.VOIDED,
    )


def step_texts() -> dict[str, tuple[str, str]]:
    """Each step action's text and tooltip, by the action's object name."""
    return {
        "newCard": (_tr("New &card"), _tr("Request a consular ID card")),
        "newEtd": (
            _tr("New &ETD…"),
            _tr("Request an emergency travel document (needs a supervisor)"),
        ),
        "submit": (_tr("Submi&t"), _tr("Submit the request again")),
        "issue": (_tr("&Issue"), _tr("Number, seal and sign the document, then print it")),
        "encodeChip": (_tr("&Write chip"), _tr("Write the card's chip")),
        "reprint": (_tr("Print a&gain…"), _tr("Print an issued document again")),
        "spoilCopy": (_tr("Sp&oiled copy…"), _tr("Record an unusable copy of the document")),
        "void": (_tr("&Void…"), _tr("Cancel the document for good")),
    }


def state_hint(document: Document) -> str:
    """``Consular ID card, approved: ready to issue (Ctrl+I).``"""
    hints = {
        DocumentState.DRAFT: _tr("submit it when the request is complete."),
        DocumentState.SUBMITTED: _tr("waiting for a supervisor's approval."),
        DocumentState.APPROVED: _tr("ready to issue (Ctrl+I)."),
        DocumentState.PRODUCED: _tr(
            "numbered and signed; it becomes issued when its print completes."
        ),
        DocumentState.ISSUED: _tr(
            "printed. Print again (Ctrl+Shift+P) replaces a damaged copy; Void "
            "(Ctrl+Shift+D) ends it."
        ),
        DocumentState.DELIVERED: _tr("handed to the holder."),
        DocumentState.VOIDED: _tr("no longer valid."),
    }
    return f"{kind_name(document.kind)}, {state_name(document.state)}: {hints[document.state]}"
