"""A person's documents (or the approval queue) as a Qt table model, with their states."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from enum import IntEnum

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QColor

from workstation.domain.documents import Document, DocumentState
from workstation.ui.read_only_table_model import ROW_ROLE, Column, ReadOnlyTableModel

DOCUMENT_ROLE = ROW_ROLE
"""Returns the :class:`Document` of a row (any column)."""


def _tr(text: str) -> str:
    return QCoreApplication.translate("documents", text)


def kind_name(code: str) -> str:
    return {
        "consular_id_card": _tr("Consular ID card"),
        "emergency_travel_document": _tr("Emergency travel document"),
    }.get(code, code.replace("_", " "))


def state_name(state: DocumentState) -> str:
    return {
        DocumentState.DRAFT: _tr("draft"),
        DocumentState.SUBMITTED: _tr("submitted"),
        DocumentState.APPROVED: _tr("approved"),
        DocumentState.PRODUCED: _tr("produced (not printed yet)"),
        DocumentState.ISSUED: _tr("issued"),
        DocumentState.DELIVERED: _tr("delivered"),
        DocumentState.VOIDED: _tr("voided"),
    }[state]


#: Text colours for states (dark enough on white for WCAG AA).
STATE_COLOURS = {
    DocumentState.SUBMITTED: "#8a5300",
    DocumentState.APPROVED: "#1b5e20",
    DocumentState.PRODUCED: "#0d47a1",
    DocumentState.ISSUED: "#1b5e20",
    DocumentState.VOIDED: "#b00020",
}


class DocumentColumn(IntEnum):
    KIND = 0
    STATE = 1
    NUMBER = 2
    ISSUED = 3
    EXPIRES = 4
    DETAIL = 5


def _state_text(document: Document) -> str:
    text = state_name(document.state)
    if document.spoiled_copies:
        text += _tr(" · {count} spoiled").format(count=document.spoiled_copies)
    return text


def _state_colour(document: Document) -> QColor | None:
    colour = STATE_COLOURS.get(document.state)
    return QColor(colour) if colour else None


def _date(day: dt.date | None) -> str:
    return day.isoformat() if day else "–"


#: The columns but the detail (the model's own: it asks ``describe``).
_COLUMNS: dict[DocumentColumn, Column[Document]] = {
    DocumentColumn.KIND: Column(lambda: _tr("Document"), lambda d: kind_name(d.kind)),
    DocumentColumn.STATE: Column(
        lambda: _tr("State"), _state_text, {Qt.ItemDataRole.ForegroundRole: _state_colour}
    ),
    DocumentColumn.NUMBER: Column(lambda: _tr("Number"), lambda d: d.number or "–"),
    DocumentColumn.ISSUED: Column(lambda: _tr("Issued"), lambda d: _date(d.issued_on)),
    DocumentColumn.EXPIRES: Column(lambda: _tr("Expires"), lambda d: _date(d.expires_on)),
}


class DocumentTableModel(ReadOnlyTableModel[Document]):
    """One row per document, in the order given. ``describe`` (optional) says more in the
    detail column (the approval queue: the applicant and who asked)."""

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        describe: Callable[[Document], str] | None = None,
    ) -> None:
        columns = {**_COLUMNS, DocumentColumn.DETAIL: Column(lambda: _tr("Detail"), self._detail)}
        super().__init__([columns[column] for column in DocumentColumn], parent)
        self._describe = describe

    def set_describe(self, describe: Callable[[Document], str] | None) -> None:
        self._describe = describe

    def set_documents(self, documents: Sequence[Document]) -> None:
        self.set_rows(documents)

    def document(self, row: int) -> Document:
        return self.row_at(row)

    @property
    def documents(self) -> tuple[Document, ...]:
        return self.rows

    def row_of(self, document_id: int) -> int | None:
        return self.find_row(lambda document: document.id == document_id)

    def _detail(self, document: Document) -> str:
        parts = []
        if self._describe is not None:
            parts.append(self._describe(document))
        destination = document.data.get("destination")
        if destination:
            parts.append(_tr("to {destination}").format(destination=destination))
        if document.id is not None:
            parts.append(f"#{document.id}")
        return " · ".join(parts)
