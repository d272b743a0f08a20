import json
from pathlib import Path

import pytest

from workstation.domain.document_kinds import NumberingRule
from workstation.domain.errors import DomainError
from workstation.domain.numbering import (
    AllocationUse,
    check_digit,
    format_number,
    is_well_formed,
    reconcile,
)

ICAO_VECTORS = json.loads((Path(__file__).parents[1] / "vectors" / "mrz.json").read_text())


@pytest.mark.parametrize("vector", ICAO_VECTORS["check_digit"], ids=lambda v: v["ref"])
def test_check_digit_follows_icao_7_3_1(vector: dict[str, str]) -> None:
    assert check_digit(vector["data"]) == vector["cd"]


@pytest.mark.parametrize(("data", "digit"), [("D23145890", "7"), ("L898902C3", "6")])
def test_specimen_document_numbers_carry_their_check_digit(data: str, digit: str) -> None:
    assert check_digit(data) == digit


def test_numbers_are_prefix_padded_sequence_and_check_digit() -> None:
    rule = NumberingRule("CI", 6)
    number = format_number(rule, 427)
    assert number == "CI000427" + check_digit("CI000427")
    assert is_well_formed(number)
    assert not is_well_formed(number[:-1] + str((int(number[-1]) + 1) % 10))


def test_an_exhausted_series_is_refused() -> None:
    with pytest.raises(DomainError) as caught:
        format_number(NumberingRule("ET", 3), 1000)
    assert caught.value.code == "numbering.series_exhausted"


def test_bad_prefix_is_refused_at_configuration() -> None:
    with pytest.raises(DomainError) as caught:
        NumberingRule("ci-", 6)
    assert caught.value.field == "prefix"


def test_reconciliation_finds_gaps_duplicates_and_unexplained_voids() -> None:
    issued = AllocationUse.ISSUED.value
    report = reconcile(
        "id:CI",
        5,
        [(1, issued, ""), (2, AllocationUse.VOIDED.value, ""), (2, issued, ""), (5, issued, "")],
    )
    assert report.missing == (3, 4)
    assert report.duplicated == (2,)
    assert report.unexplained == (2,)
    assert not report.ok
    clean = reconcile("id:CI", 2, [(1, issued, ""), (2, AllocationUse.SPOILED.value, "jam")])
    assert clean.ok
