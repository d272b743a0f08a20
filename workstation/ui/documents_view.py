"""The list of one person's documents on the Documents page: a read-only table, one row
selected at a time, tall enough for five documents before it scrolls."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from workstation.ui.document_table_model import DocumentColumn, DocumentTableModel


class DocumentsView(QTableView):
    def __init__(self, model: DocumentTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("documents")
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(DocumentColumn.KIND, QHeaderView.ResizeMode.Stretch)
        self.setColumnHidden(DocumentColumn.DETAIL, True)
        # Room for five documents before it scrolls; the preview takes the rest.
        rows = self.verticalHeader().defaultSectionSize() * 5
        self.setMinimumHeight(rows + header.sizeHint().height() + 4)
