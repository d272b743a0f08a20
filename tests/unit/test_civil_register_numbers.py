from __future__ import annotations

import pytest

from workstation.domain.civil.records import EventKind
from workstation.domain.civil.register_numbers import (
    RegisterNumber,
    format_register_number,
    is_register_number,
    parse_register_number,
    series_key,
)
from workstation.domain.errors import DomainError


def test_format_is_post_kind_year_and_six_digit_sequence() -> None:
    assert format_register_number("UTO-GVA", EventKind.BIRTH, 2026, 123) == "UTO-GVA/B/2026/000123"
    assert format_register_number("UTO-GVA", EventKind.DEATH, 2026, 1) == "UTO-GVA/D/2026/000001"


@pytest.mark.parametrize("kind", list(EventKind))
@pytest.mark.parametrize("sequence", [1, 42, 999_999])
def test_round_trip(kind: EventKind, sequence: int) -> None:
    text = format_register_number("UTO-PAR", kind, 2027, sequence)
    parsed = parse_register_number(text)
    assert parsed == RegisterNumber("UTO-PAR", kind, 2027, sequence)
    assert str(parsed) == text


def test_parsing_accepts_lower_case_and_spaces() -> None:
    assert str(parse_register_number("  uto-gva/m/2026/000007 ")) == "UTO-GVA/M/2026/000007"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "UTO-GVA/B/2026/123",  # not zero-padded
        "UTO-GVA/X/2026/000123",  # no such register
        "UTO-GVA/B/26/000123",
        "UTO-GVA/B/2026/000000",  # sequences start at 1
        "UTO GVA/B/2026/000123",
        "UTO-GVA/B/2026/0001234",
        "U/B/2026/000123",  # post codes have at least two characters
    ],
)
def test_malformed_numbers_are_refused_with_a_code(text: str) -> None:
    assert not is_register_number(text)
    with pytest.raises(DomainError) as caught:
        parse_register_number(text)
    assert caught.value.code == "civil.register_number.invalid"
    assert caught.value.field == "register_number"


def test_a_full_register_is_refused() -> None:
    with pytest.raises(DomainError) as caught:
        format_register_number("UTO-GVA", EventKind.BIRTH, 2026, 1_000_000)
    assert caught.value.code == "civil.register_number.sequence_invalid"


def test_each_post_kind_and_year_has_its_own_counter() -> None:
    assert series_key("UTO-GVA", EventKind.BIRTH, 2026) == "civil:UTO-GVA/B/2026"
    assert parse_register_number("UTO-GVA/B/2026/000009").series == "civil:UTO-GVA/B/2026"
    assert series_key("UTO-GVA", EventKind.BIRTH, 2027) != series_key(
        "UTO-GVA", EventKind.MARRIAGE, 2027
    )


def test_numbers_sort_by_post_kind_year_and_sequence() -> None:
    numbers = [parse_register_number(f"UTO-GVA/B/2026/{n:06d}") for n in (10, 2, 100)]
    assert [n.sequence for n in sorted(numbers)] == [2, 10, 100]
