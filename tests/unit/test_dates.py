import datetime as dt

import pytest

from workstation.domain.dates import PartialDate
from workstation.domain.errors import DomainError

TODAY = dt.date(2026, 11, 25)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1984", PartialDate(1984)),
        ("1984-07", PartialDate(1984, 7)),
        ("1984-07-21", PartialDate(1984, 7, 21)),
        ("2024-02-29", PartialDate(2024, 2, 29)),
    ],
)
def test_full_and_partial_dates_are_read(text: str, expected: PartialDate) -> None:
    assert PartialDate.parse(text, "birth_date", TODAY) == expected
    assert PartialDate.parse(text, "birth_date").isoformat() == text


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("14/03/1971", "date.invalid_format"),
        ("1971-3-14", "date.invalid_format"),
        ("", "date.invalid_format"),
        ("1971-13", "date.invalid_month"),
        ("2023-02-29", "date.invalid_day"),
        ("1971-04-31", "date.invalid_day"),
        ("1700-01-01", "date.too_early"),
        ("2027", "date.in_future"),
        ("2026-11-26", "date.in_future"),
    ],
)
def test_bad_dates_name_the_field_and_the_problem(text: str, code: str) -> None:
    with pytest.raises(DomainError) as caught:
        PartialDate.parse(text, "birth_date", TODAY)
    assert caught.value.code == code
    assert caught.value.field == "birth_date"


def test_a_partial_date_covers_a_range_of_days() -> None:
    assert PartialDate(1984).earliest() == dt.date(1984, 1, 1)
    assert PartialDate(1984).latest() == dt.date(1984, 12, 31)
    assert PartialDate(2024, 2).latest() == dt.date(2024, 2, 29)
    assert not PartialDate(1984, 7).is_complete


def test_search_filters_match_the_known_parts() -> None:
    born = PartialDate(1971, 3, 14)
    assert born.matches(PartialDate(1971))
    assert born.matches(PartialDate(1971, 3))
    assert not born.matches(PartialDate(1971, 4))
    assert not born.matches(PartialDate(1972))
