"""The register's entries as a table: a read-only model and a filter by kind and state.

"Pending approval" and "Referred" (a child without an established nationality, waiting for
the supervisor's follow-up) are states of the filter of their own, and such rows stand out
(bold, coloured), so a supervisor finds them at once.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QHeaderView, QTableView

from workstation.domain.civil.entries import CivilEntry, EntryState
from workstation.domain.civil.records import EventKind
from workstation.ui.civil_register_texts import (
    kind_text,
    record_names,
    state_text,
    timeliness_text,
)
from workstation.ui.read_only_table_model import ROW_ROLE, Column, ReadOnlyTableModel

_PENDING = QColor("#8a5300")
_REFERRED = QColor("#b00020")


def is_referred(entry: CivilEntry) -> bool:
    """Waiting for the supervisor's follow-up on the child's nationality (not rejected)."""
    return entry.referral is not None and entry.state is not EntryState.REJECTED


def _state(entry: CivilEntry) -> str:
    text = state_text(entry.state)
    return (
        f"{text}, {QCoreApplication.translate('civil_register', 'referred')}"
        if is_referred(entry)
        else text
    )


def _colour(entry: CivilEntry) -> QBrush | None:
    if entry.state is EntryState.PENDING_APPROVAL:
        return QBrush(_PENDING)
    return QBrush(_REFERRED) if is_referred(entry) else None


def _font(entry: CivilEntry) -> QFont | None:
    if entry.state is EntryState.PENDING_APPROVAL or is_referred(entry):
        font = QFont()
        font.setBold(True)
        return font
    return None


class CivilEntryTableModel(ReadOnlyTableModel[CivilEntry]):
    """One row per entry: number, kind, names, event date, timeliness, state."""

    def __init__(self, parent: QObject | None = None) -> None:
        styled: dict[int, Callable[[CivilEntry], object]] = {
            Qt.ItemDataRole.ForegroundRole: _colour,
            Qt.ItemDataRole.FontRole: _font,
        }
        super().__init__(
            [
                Column(
                    lambda: QCoreApplication.translate("civil_register", "Register number"),
                    lambda e: e.register_number,
                    styled,
                ),
                Column(
                    lambda: QCoreApplication.translate("civil_register", "Kind"),
                    lambda e: kind_text(e.kind),
                ),
                Column(
                    lambda: QCoreApplication.translate("civil_register", "Names"),
                    lambda e: record_names(e.current),
                ),
                Column(
                    lambda: QCoreApplication.translate("civil_register", "Event date"),
                    lambda e: e.original.event_date.isoformat(),
                ),
                Column(
                    lambda: QCoreApplication.translate("civil_register", "Timeliness"),
                    lambda e: timeliness_text(e.timeliness),
                ),
                Column(
                    lambda: QCoreApplication.translate("civil_register", "State"), _state, styled
                ),
            ],
            parent,
        )

    def entry(self, row: int) -> CivilEntry:
        return self.row_at(row)

    def row_of(self, register_number: str) -> int | None:
        return self.find_row(lambda e: e.register_number == register_number)


NAMES_COLUMN = 2


def fit_columns(table: QTableView) -> None:
    """Every column as wide as its contents on one line (the state "Pending approval, referred"
    included) but the names, which take the rest of the width and are elided when too long
    (their tool tip gives them whole)."""
    table.setWordWrap(False)
    header = table.horizontalHeader()
    header.setStretchLastSection(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(NAMES_COLUMN, QHeaderView.ResizeMode.Stretch)


class StateFilter(StrEnum):
    ALL = "all"
    PENDING = "pending_approval"
    REFERRED = "referred"
    REGISTERED = "registered"
    REJECTED = "rejected"


class CivilEntryFilter(QSortFilterProxyModel):
    """Rows of one kind (or all) in one state (or all; "referred" across states)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._kind: EventKind | None = None
        self._state = StateFilter.ALL

    def set_kind(self, kind: EventKind | None) -> None:
        self.beginFilterChange()
        self._kind = kind
        self.endFilterChange()

    def set_state(self, state: StateFilter) -> None:
        self.beginFilterChange()
        self._state = state
        self.endFilterChange()

    def filterAcceptsRow(
        self,
        source_row: int,
        source_parent: QModelIndex | QPersistentModelIndex,
    ) -> bool:
        source = self.sourceModel()
        entry = source.data(source.index(source_row, 0, source_parent), ROW_ROLE)
        if not isinstance(entry, CivilEntry):
            return False
        if self._kind is not None and entry.kind is not self._kind:
            return False
        if self._state is StateFilter.ALL:
            return True
        if self._state is StateFilter.REFERRED:
            return is_referred(entry)
        return entry.state.value == self._state.value
