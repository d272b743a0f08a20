"""Person search results as a Qt table model (sorted and filtered through a proxy)."""

from __future__ import annotations

from enum import IntEnum
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from workstation.domain.people import Person

if TYPE_CHECKING:
    from workstation.services.persons import SearchResult

PERSON_ROLE = Qt.ItemDataRole.UserRole + 1
"""Returns the :class:`Person` of a row (any column)."""

_Index = QModelIndex | QPersistentModelIndex


class PersonColumn(IntEnum):
    NAME = 0
    AS_WRITTEN = 1
    BIRTH_DATE = 2
    NATIONALITY = 3
    ID = 4


class PersonSearchTableModel(QAbstractTableModel):
    """One row per search hit, in the order the service ranked them."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._result: SearchResult | None = None
        self._persons: tuple[Person, ...] = ()

    @property
    def result(self) -> SearchResult | None:
        return self._result

    @property
    def truncated(self) -> bool:
        """More persons matched than the service returned."""
        return self._result is not None and self._result.truncated

    def set_result(self, result: SearchResult | None) -> None:
        """Show ``result`` (None: no search yet); replaces every row."""
        self.beginResetModel()
        self._result = result
        self._persons = tuple(hit.person for hit in result.hits) if result else ()
        self.endResetModel()

    def person(self, row: int) -> Person:
        return self._persons[row]

    def row_of(self, person_id: int) -> int | None:
        for row, person in enumerate(self._persons):
            if person.id == person_id:
                return row
        return None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._persons)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(PersonColumn)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._persons):
            return None
        person = self._persons[index.row()]
        if role == PERSON_ROLE:
            return person
        column = PersonColumn(index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._display(person, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == PersonColumn.ID:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    @staticmethod
    def _display(person: Person, column: PersonColumn) -> str | int | None:
        if column == PersonColumn.NAME:
            return person.display_name
        if column == PersonColumn.AS_WRITTEN:
            return (
                f"{person.surname}, {person.given_names}" if person.given_names else person.surname
            )
        if column == PersonColumn.BIRTH_DATE:
            return person.birth_date.isoformat()
        if column == PersonColumn.NATIONALITY:
            return person.nationality
        return person.id

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < len(PersonColumn):
            return None
        return {
            PersonColumn.NAME: self.tr("Name"),
            PersonColumn.AS_WRITTEN: self.tr("As written"),
            PersonColumn.BIRTH_DATE: self.tr("Born"),
            PersonColumn.NATIONALITY: self.tr("Nationality"),
            PersonColumn.ID: self.tr("ID"),
        }[PersonColumn(section)]

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def retranslate(self) -> None:
        """Ask views to fetch the (re-translated) header texts again."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(PersonColumn) - 1)
