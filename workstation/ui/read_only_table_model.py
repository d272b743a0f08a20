"""A read-only Qt table model over a tuple of rows, its columns declared as data.

The plumbing the document and person tables share: row and column counts, header texts,
flags (selectable, never editable, no children), the row's domain object by :data:`ROW_ROLE`
and replacing every row at once. A model subclasses it with its columns and adds its own
names for the rows (``documents``, ``person(row)`` ...).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

RowT = TypeVar("RowT")

ROW_ROLE = Qt.ItemDataRole.UserRole + 1
"""Returns the row's object (any column)."""

_Index = QModelIndex | QPersistentModelIndex
_TEXT_ROLES = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)


@dataclass(frozen=True, slots=True)
class Column(Generic[RowT]):
    """One column: its header (a callable, so the text is translated each time a view asks),
    what a row shows in it (also its tool tip) and, by role, any other data it gives (a
    colour, an alignment)."""

    header: Callable[[], str]
    text: Callable[[RowT], object]
    roles: Mapping[int, Callable[[RowT], object]] = field(default_factory=dict)


class ReadOnlyTableModel(QAbstractTableModel, Generic[RowT]):
    """One row per object of :attr:`rows`, in the order given; one column per :class:`Column`."""

    def __init__(self, columns: Sequence[Column[RowT]], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._columns = tuple(columns)
        self._rows: tuple[RowT, ...] = ()

    @property
    def rows(self) -> tuple[RowT, ...]:
        return self._rows

    def set_rows(self, rows: Iterable[RowT]) -> None:
        """Replace every row (views see a model reset)."""
        self.beginResetModel()
        self._rows = tuple(rows)
        self.endResetModel()

    def row_at(self, row: int) -> RowT:
        return self._rows[row]

    def find_row(self, matches: Callable[[RowT], bool]) -> int | None:
        """The first row whose object ``matches``, or None."""
        for row, item in enumerate(self._rows):
            if matches(item):
                return row
        return None

    def retranslate(self) -> None:
        """Ask views to fetch the (re-translated) header texts again."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._columns) - 1)

    # -- QAbstractTableModel ----------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        item = self._rows[index.row()]
        if role == ROW_ROLE:
            return item
        column = self._columns[index.column()]
        if role in _TEXT_ROLES:
            return column.text(item)
        value = column.roles.get(role)
        return value(item) if value is not None else None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < len(self._columns):
            return None
        return self._columns[section].header()

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )
