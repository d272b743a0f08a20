"""PersonSearchTableModel: Qt's model contract (qtmodeltester), columns, the Person role."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt

from workstation.domain.dates import PartialDate
from workstation.domain.people import Person, Sex
from workstation.services.persons import SearchHit, SearchResult
from workstation.ui.person_table_model import PERSON_ROLE, PersonColumn, PersonSearchTableModel


def _person(pid: int, surname: str, given: str, latin: str, given_latin: str, born: str) -> Person:
    return Person(
        surname=surname,
        given_names=given,
        surname_latin=latin,
        given_names_latin=given_latin,
        sex=Sex.FEMALE,
        birth_date=PartialDate.parse(born, "birth_date"),
        nationality="UTO",
        id=pid,
    )


PERSONS = (
    _person(7, "Müller", "Anna", "Mueller", "Anna", "1990-02-03"),
    _person(3, "Пушкина", "Мария", "Pushkina", "Mariia", "1975"),
    _person(12, "Peña", "", "Pena", "", "1984-07"),
)


def _result(*persons: Person, truncated: bool = False) -> SearchResult:
    return SearchResult(("X",), tuple(SearchHit(p, 0) for p in persons), truncated)


def test_model_keeps_the_qt_model_contract(qtmodeltester) -> None:
    model = PersonSearchTableModel()
    qtmodeltester.check(model)  # empty
    model.set_result(_result(*PERSONS))
    qtmodeltester.check(model)
    model.set_result(_result(PERSONS[0]))
    model.set_result(None)
    qtmodeltester.check(model, force_py=True)


def test_columns_show_latin_name_written_name_birth_nationality_id(qapp) -> None:
    model = PersonSearchTableModel()
    model.set_result(_result(*PERSONS))

    def cell(row: int, column: PersonColumn) -> object:
        return model.data(model.index(row, column))

    assert model.rowCount() == 3 and model.columnCount() == len(PersonColumn) == 5
    assert cell(0, PersonColumn.NAME) == "MUELLER, Anna"
    assert cell(1, PersonColumn.AS_WRITTEN) == "Пушкина, Мария"
    assert cell(2, PersonColumn.AS_WRITTEN) == "Peña"
    assert cell(1, PersonColumn.BIRTH_DATE) == "1975"
    assert cell(0, PersonColumn.NATIONALITY) == "UTO"
    assert cell(2, PersonColumn.ID) == 12
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in PersonColumn]
    assert headers == ["Name", "As written", "Born", "Nationality", "ID"]
    assert model.rowCount(model.index(0, 0)) == 0  # a table: no children


def test_person_role_returns_the_domain_object_in_every_column(qapp) -> None:
    model = PersonSearchTableModel()
    model.set_result(_result(*PERSONS))
    for column in PersonColumn:
        assert model.data(model.index(1, column), PERSON_ROLE) is PERSONS[1]
    assert model.data(QModelIndex(), PERSON_ROLE) is None
    assert model.row_of(12) == 2 and model.row_of(99) is None


def test_set_result_replaces_rows_and_tells_truncation(qtbot) -> None:
    model = PersonSearchTableModel()
    assert model.result is None and not model.truncated
    with qtbot.waitSignals([model.modelAboutToBeReset, model.modelReset]):
        model.set_result(_result(*PERSONS[:2], truncated=True))
    assert model.rowCount() == 2 and model.truncated


def test_sorted_through_a_proxy_by_any_column(qapp) -> None:
    model = PersonSearchTableModel()
    model.set_result(_result(*PERSONS))
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.sort(PersonColumn.ID, Qt.SortOrder.AscendingOrder)
    assert [proxy.index(r, PersonColumn.ID).data() for r in range(3)] == [3, 7, 12]
    proxy.sort(PersonColumn.BIRTH_DATE, Qt.SortOrder.DescendingOrder)
    assert [proxy.index(r, 0).data(PERSON_ROLE).id for r in range(3)] == [7, 12, 3]
