"""DocumentTableModel: states as the officer reads them, the domain object by role, and Qt's
model contract (pytest-qt's qtmodeltester)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from workstation.domain.documents import Document, DocumentAction, DocumentState, LifecycleEvent
from workstation.ui.document_table_model import DOCUMENT_ROLE, DocumentColumn, DocumentTableModel

AT = dt.datetime(2026, 11, 25, 9, 30, tzinfo=dt.UTC)


def _document(state: DocumentState, number: str | None = None, **data: str) -> Document:
    events = (LifecycleEvent(DocumentAction.CREATE, None, DocumentState.DRAFT, 1, AT),)
    if state is DocumentState.PRODUCED:
        events += (LifecycleEvent(DocumentAction.SPOIL_COPY, state, state, 1, AT, "jam"),)
    return Document(
        kind="emergency_travel_document" if data else "consular_id_card",
        person_id=7,
        state=state,
        events=events,
        data=data,
        number=number,
        issued_on=dt.date(2026, 11, 25) if number else None,
        expires_on=dt.date(2031, 11, 24) if number else None,
        id=len(data) + (10 if number else 1),
    )


def test_model_passes_qt_model_tester(qtmodeltester) -> None:
    model = DocumentTableModel(describe=lambda d: f"person {d.person_id}")
    model.set_documents(
        [
            _document(DocumentState.PRODUCED, "CI0000011"),
            _document(DocumentState.SUBMITTED, destination="Zenith"),
        ]
    )
    qtmodeltester.check(model, force_py=True)


def test_rows_show_kind_state_number_dates_and_detail() -> None:
    produced = _document(DocumentState.PRODUCED, "CI0000011")
    etd = _document(DocumentState.SUBMITTED, destination="Zenith")
    model = DocumentTableModel(describe=lambda d: "Anna Eriksson, asked by clerk")
    model.set_documents([produced, etd])

    def cell(row: int, column: DocumentColumn) -> str:
        return model.index(row, column).data()

    assert cell(0, DocumentColumn.KIND) == "Consular ID card"
    assert cell(0, DocumentColumn.STATE) == "produced (not printed yet) · 1 spoiled"
    assert cell(0, DocumentColumn.NUMBER) == "CI0000011"
    assert (cell(0, DocumentColumn.ISSUED), cell(0, DocumentColumn.EXPIRES)) == (
        "2026-11-25",
        "2031-11-24",
    )
    assert cell(1, DocumentColumn.KIND) == "Emergency travel document"
    assert cell(1, DocumentColumn.NUMBER) == "–"
    assert cell(1, DocumentColumn.DETAIL) == "Anna Eriksson, asked by clerk · to Zenith · #2"
    assert model.index(1, DocumentColumn.STATE).data(DOCUMENT_ROLE) is etd
    assert model.index(1, DocumentColumn.STATE).data(Qt.ItemDataRole.ForegroundRole) is not None
    assert model.row_of(etd.id or 0) == 1 and model.row_of(999) is None
    assert model.headerData(1, Qt.Orientation.Horizontal) == "State"
