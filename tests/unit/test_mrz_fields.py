"""MRZ field rules: long document numbers, partial dates, sex X, codes, and coded errors."""

import datetime as dt
from dataclasses import replace
from typing import Any

import pytest

from workstation.domain.dates import PartialDate
from workstation.domain.errors import DomainError, TransliterationError
from workstation.domain.mrz import MrzData, MrzFormat, generate, parse
from workstation.domain.people import Sex

TODAY = dt.date(2026, 11, 25)
CARD = MrzData(
    document_code="I",
    issuing_state="UTO",
    primary_identifier="ERIKSSON",
    secondary_identifier="ANNA MARIA",
    document_number="D23145890",
    nationality="UTO",
    birth_date=PartialDate(1974, 8, 12),
    sex=Sex.FEMALE,
    expiry_date=dt.date(2012, 4, 15),
)
PASSPORT = replace(CARD, document_code="P", document_number="L898902C3")


def _one(field: str, value: str) -> dict[str, Any]:
    return {field: value}


def test_td1_long_document_number_continues_in_the_optional_data() -> None:
    data = replace(CARD, document_number="D23145890734")
    lines = generate(data, MrzFormat.TD1)
    # Doc 9303 Part 5: first nine characters, "<", then "734" and the check digit of all twelve.
    assert lines[0] == "I<UTOD23145890<7349<<<<<<<<<<<"
    parsed = parse(lines, today=TODAY)
    assert parsed.data == data
    assert parsed.valid


def test_td1_long_document_number_with_optional_data_round_trips() -> None:
    data = replace(CARD, document_number="AB12345678901", optional_data="X12", optional_data_2="Z9")
    lines = generate(data, MrzFormat.TD1)
    assert lines[0][5:15] == "AB1234567<"
    parsed = parse(lines, today=TODAY)
    assert parsed.data == data
    assert parsed.valid


def test_td2_long_document_number_round_trips() -> None:
    data = replace(CARD, document_number="D2314589073")
    parsed = parse(generate(data, MrzFormat.TD2), today=TODAY)
    assert parsed.data == data
    assert parsed.valid


def test_td3_document_number_longer_than_nine_is_refused() -> None:
    with pytest.raises(DomainError) as error:
        generate(replace(PASSPORT, document_number="L898902C31"), MrzFormat.TD3)
    assert (error.value.code, error.value.field) == ("mrz.field.too_long", "document_number")


def test_too_long_optional_data_names_the_field() -> None:
    data = replace(CARD, document_number="D23145890734", optional_data="ABCDEFGHIJK")
    with pytest.raises(DomainError) as error:
        generate(data, MrzFormat.TD1)
    assert (error.value.code, error.value.field) == ("mrz.field.too_long", "optional_data")


@pytest.mark.parametrize(
    ("birth", "printed"),
    [
        (PartialDate(1974), "74<<<<"),
        (PartialDate(1974, 8), "7408<<"),
        (PartialDate(2001, 1, 2), "010102"),
    ],
)
@pytest.mark.parametrize("fmt", list(MrzFormat))
def test_partial_birth_date_prints_fillers_and_round_trips(
    birth: PartialDate, printed: str, fmt: MrzFormat
) -> None:
    data = replace(CARD, birth_date=birth, document_code="PU" if fmt is MrzFormat.ETD else "I")
    if fmt is MrzFormat.TD3:
        data = replace(data, document_code="P")
    lines = generate(data, fmt)
    start = 0 if fmt is MrzFormat.TD1 else 13
    line = lines[1]
    assert line[start : start + 6] == printed
    parsed = parse(lines, today=TODAY)
    assert parsed.data.birth_date == birth
    assert parsed.valid


def test_sex_x_prints_filler_and_x_is_accepted_when_reading() -> None:
    lines = generate(replace(PASSPORT, sex=Sex.UNSPECIFIED), MrzFormat.TD3)
    assert lines[1][20] == "<"
    assert parse(lines, today=TODAY).data.sex is Sex.UNSPECIFIED
    with_x = (lines[0], lines[1][:20] + "X" + lines[1][21:])
    parsed = parse(with_x, today=TODAY)
    assert parsed.data.sex is Sex.UNSPECIFIED
    assert parsed.valid


def test_germany_is_written_d_filler_filler() -> None:
    lines = generate(replace(PASSPORT, issuing_state="D", nationality="DEU"), MrzFormat.TD3)
    assert lines[0].startswith("P<D<<")
    assert lines[1][10:13] == "DEU"


@pytest.mark.parametrize(
    ("field", "value"), [("primary_identifier", "Ωμέγα"), ("secondary_identifier", "Anna 李")]
)
def test_character_without_transliteration_rule_names_the_field(field: str, value: str) -> None:
    with pytest.raises(TransliterationError) as error:
        generate(replace(PASSPORT, **_one(field, value)), MrzFormat.TD3)
    assert error.value.field == field
    assert error.value.code == "transliteration.no_rule"


@pytest.mark.parametrize(
    ("fmt", "code"),
    [
        (MrzFormat.TD1, "AI"),
        (MrzFormat.TD1, "IV"),
        (MrzFormat.TD2, "AV"),
        (MrzFormat.TD2, "P"),
        (MrzFormat.TD1, "B"),
        (MrzFormat.TD3, "I"),
        (MrzFormat.TD3, "PU"),
        (MrzFormat.ETD, "PP"),
        (MrzFormat.TD3, "P1"),
        (MrzFormat.TD3, "PPP"),
    ],
)
def test_invalid_document_codes_are_refused(fmt: MrzFormat, code: str) -> None:
    with pytest.raises(DomainError) as error:
        generate(replace(CARD, document_code=code), fmt)
    assert (error.value.code, error.value.field) == ("mrz.document_code.invalid", "document_code")


@pytest.mark.parametrize(
    ("fmt", "code"),
    [(MrzFormat.TD1, "I"), (MrzFormat.TD1, "ID"), (MrzFormat.TD1, "AC"), (MrzFormat.TD2, "AI")],
)
def test_valid_card_codes_are_accepted(fmt: MrzFormat, code: str) -> None:
    assert generate(replace(CARD, document_code=code), fmt)[0].startswith(code.ljust(2, "<"))


@pytest.mark.parametrize("field", ["issuing_state", "nationality"])
def test_unknown_state_code_names_the_field(field: str) -> None:
    with pytest.raises(DomainError) as error:
        generate(replace(PASSPORT, **_one(field, "ZZZ")), MrzFormat.TD3)
    assert (error.value.code, error.value.field) == ("mrz.state_code.invalid", field)


def test_document_number_with_a_space_is_refused() -> None:
    with pytest.raises(DomainError) as error:
        generate(replace(PASSPORT, document_number="L89 8902"), MrzFormat.TD3)
    assert error.value.field == "document_number"


# ----------------------------------------------------------------------------- reading errors

SPECIMEN_TD3 = generate(PASSPORT, MrzFormat.TD3)


@pytest.mark.parametrize(
    ("position", "field"),
    [
        (0, "document_number"),
        (9, "document_number"),
        (13, "birth_date"),
        (19, "birth_date"),
        (21, "expiry_date"),
        (27, "expiry_date"),
        (28, "optional_data"),
        (43, "composite"),
    ],
)
def test_flipped_character_is_reported_by_field(position: int, field: str) -> None:
    line = SPECIMEN_TD3[1]
    old = line[position]
    new = "5" if old != "5" else "6"
    if old.isalpha():
        new = "Z" if old != "Z" else "Y"
    parsed = parse((SPECIMEN_TD3[0], line[:position] + new + line[position + 1 :]), today=TODAY)
    assert field in parsed.failed
    assert not parsed.valid


def test_flipped_birth_digit_fails_birth_and_composite_only() -> None:
    line = SPECIMEN_TD3[1]
    flipped = line[:18] + "3" + line[19:]  # 740812 -> 740813, still a date
    parsed = parse((SPECIMEN_TD3[0], flipped), today=TODAY)
    assert parsed.failed == ("birth_date", "composite")
    assert parsed.data.birth_date == PartialDate(1974, 8, 13)


@pytest.mark.parametrize(
    ("lines", "code", "field"),
    [
        (SPECIMEN_TD3[:1], "mrz.line_count.invalid", "lines"),
        ((*SPECIMEN_TD3, SPECIMEN_TD3[1]), "mrz.line.wrong_length", "line1"),
        ((SPECIMEN_TD3[0][:40], SPECIMEN_TD3[1]), "mrz.line.wrong_length", "line1"),
        ((SPECIMEN_TD3[0], SPECIMEN_TD3[1][:43]), "mrz.line.wrong_length", "line2"),
        ((SPECIMEN_TD3[0], SPECIMEN_TD3[1] + "<"), "mrz.line.wrong_length", "line2"),
        ((SPECIMEN_TD3[0].lower(), SPECIMEN_TD3[1]), "mrz.line.invalid_character", "line1"),
        (
            (SPECIMEN_TD3[0], SPECIMEN_TD3[1][:5] + " " + SPECIMEN_TD3[1][6:]),
            "mrz.line.invalid_character",
            "line2",
        ),
        (
            (SPECIMEN_TD3[0], SPECIMEN_TD3[1][:20] + "Q" + SPECIMEN_TD3[1][21:]),
            "mrz.sex.invalid",
            "sex",
        ),
        (
            (SPECIMEN_TD3[0], SPECIMEN_TD3[1][:15] + "13" + SPECIMEN_TD3[1][17:]),
            "mrz.date.invalid",
            "birth_date",
        ),
        (
            (SPECIMEN_TD3[0], SPECIMEN_TD3[1][:23] + "<<" + SPECIMEN_TD3[1][25:]),
            "mrz.date.invalid",
            "expiry_date",
        ),
    ],
)
def test_malformed_input_raises_a_coded_error(
    lines: tuple[str, ...], code: str, field: str
) -> None:
    with pytest.raises(DomainError) as error:
        parse(lines, today=TODAY)
    assert (error.value.code, error.value.field) == (code, field)


def test_invalid_character_error_gives_the_position() -> None:
    line = SPECIMEN_TD3[1][:5] + "é" + SPECIMEN_TD3[1][6:]
    with pytest.raises(DomainError) as error:
        parse((SPECIMEN_TD3[0], line), today=TODAY)
    assert error.value.params == {"position": 6, "char": "é"}


def test_td1_wrong_length_names_the_line() -> None:
    lines = generate(CARD, MrzFormat.TD1)
    with pytest.raises(DomainError) as error:
        parse((lines[0], lines[1], lines[2][:29]), today=TODAY)
    assert (error.value.code, error.value.field) == ("mrz.line.wrong_length", "line3")


def test_two_digit_years_resolve_around_today() -> None:
    data = replace(PASSPORT, birth_date=PartialDate(2026, 1, 1), expiry_date=dt.date(2036, 1, 1))
    assert parse(generate(data, MrzFormat.TD3), today=TODAY).data == data
    old = replace(PASSPORT, birth_date=PartialDate(1927, 1, 1), expiry_date=dt.date(1976, 1, 1))
    assert parse(generate(old, MrzFormat.TD3), today=TODAY).data == old


@pytest.mark.parametrize("birth", ["74<<12", "<<0812", "7413<<", "740230"])
def test_impossible_birth_dates_are_refused_when_reading(birth: str) -> None:
    line = SPECIMEN_TD3[1][:13] + birth + SPECIMEN_TD3[1][19:]
    with pytest.raises(DomainError) as error:
        parse((SPECIMEN_TD3[0], line), today=TODAY)
    assert (error.value.code, error.value.field) == ("mrz.date.invalid", "birth_date")
