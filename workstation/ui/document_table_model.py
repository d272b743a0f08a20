"""A person's documents (or the approval queue) as a Qt table model, with their states."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from workstation.domain.documents import Document, DocumentState

DOCUMENT_ROLE = Qt.ItemDataRole.UserRole + 1
"""Returns the :class:`Document` of a row (any column)."""

_Index = QModelIndex | QPersistentModelIndex


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


class DocumentTableModel(QAbstractTableModel):
    """One row per document, in the order given. ``describe`` (optional) says more in the
    detail column (the approval queue: the applicant and who asked)."""

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        describe: Callable[[Document], str] | None = None,
    ) -> None:
        super().__init__(parent)
        self._documents: tuple[Document, ...] = ()
        self._describe = describe

    def set_describe(self, describe: Callable[[Document], str] | None) -> None:
        self._describe = describe

    def set_documents(self, documents: Sequence[Document]) -> None:
        self.beginResetModel()
        self._documents = tuple(documents)
        self.endResetModel()

    def document(self, row: int) -> Document:
        return self._documents[row]

    @property
    def documents(self) -> tuple[Document, ...]:
        return self._documents

    def row_of(self, document_id: int) -> int | None:
        for row, document in enumerate(self._documents):
            if document.id == document_id:
                return row
        return None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._documents)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(DocumentColumn)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._documents):
            return None
        document = self._documents[index.row()]
        if role == DOCUMENT_ROLE:
            return document
        column = DocumentColumn(index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._display(document, column)
        if role == Qt.ItemDataRole.ForegroundRole and column == DocumentColumn.STATE:
            colour = STATE_COLOURS.get(document.state)
            return QColor(colour) if colour else None
        return None

    def _display(self, document: Document, column: DocumentColumn) -> str:
        if column == DocumentColumn.KIND:
            return kind_name(document.kind)
        if column == DocumentColumn.STATE:
            text = state_name(document.state)
            if document.spoiled_copies:
                text += _tr(" · {count} spoiled").format(count=document.spoiled_copies)
            return text
        if column == DocumentColumn.NUMBER:
            return document.number or "–"
        if column == DocumentColumn.ISSUED:
            return document.issued_on.isoformat() if document.issued_on else "–"
        if column == DocumentColumn.EXPIRES:
            return document.expires_on.isoformat() if document.expires_on else "–"
        return self._detail(document)

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

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < len(DocumentColumn):
            return None
        return {
            DocumentColumn.KIND: _tr("Document"),
            DocumentColumn.STATE: _tr("State"),
            DocumentColumn.NUMBER: _tr("Number"),
            DocumentColumn.ISSUED: _tr("Issued"),
            DocumentColumn.EXPIRES: _tr("Expires"),
            DocumentColumn.DETAIL: _tr("Detail"),
        }[DocumentColumn(section)]

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )
