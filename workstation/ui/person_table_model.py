"""Person search results as a Qt table model (sorted and filtered through a proxy)."""

from __future__ import annotations

from enum import IntEnum
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt

from workstation.domain.people import Person
from workstation.ui.read_only_table_model import ROW_ROLE, Column, ReadOnlyTableModel

if TYPE_CHECKING:
    from workstation.services.persons import SearchResult

PERSON_ROLE = ROW_ROLE
"""Returns the :class:`Person` of a row (any column)."""


def _tr(text: str) -> str:
    return QCoreApplication.translate("PersonSearchTableModel", text)


class PersonColumn(IntEnum):
    NAME = 0
    AS_WRITTEN = 1
    BIRTH_DATE = 2
    NATIONALITY = 3
    ID = 4


def _as_written(person: Person) -> str:
    return f"{person.surname}, {person.given_names}" if person.given_names else person.surname


_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

_COLUMNS: dict[PersonColumn, Column[Person]] = {
    PersonColumn.NAME: Column(lambda: _tr("Name"), lambda p: p.display_name),
    PersonColumn.AS_WRITTEN: Column(lambda: _tr("As written"), _as_written),
    PersonColumn.BIRTH_DATE: Column(lambda: _tr("Born"), lambda p: p.birth_date.isoformat()),
    PersonColumn.NATIONALITY: Column(lambda: _tr("Nationality"), lambda p: p.nationality),
    PersonColumn.ID: Column(
        lambda: _tr("ID"), lambda p: p.id, {Qt.ItemDataRole.TextAlignmentRole: lambda _p: _RIGHT}
    ),
}


class PersonSearchTableModel(ReadOnlyTableModel[Person]):
    """One row per search hit, in the order the service ranked them."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__([_COLUMNS[column] for column in PersonColumn], parent)
        self._result: SearchResult | None = None

    @property
    def result(self) -> SearchResult | None:
        return self._result

    @property
    def truncated(self) -> bool:
        """More persons matched than the service returned."""
        return self._result is not None and self._result.truncated

    def set_result(self, result: SearchResult | None) -> None:
        """Show ``result`` (None: no search yet); replaces every row."""
        self._result = result
        self.set_rows(tuple(hit.person for hit in result.hits) if result else ())

    def person(self, row: int) -> Person:
        return self.row_at(row)

    def row_of(self, person_id: int) -> int | None:
        return self.find_row(lambda person: person.id == person_id)
