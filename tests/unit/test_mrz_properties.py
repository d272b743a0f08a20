"""Property tests: generate -> parse gives valid data back, with every check digit holding."""

import datetime as dt
import string
from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from workstation.domain.countries import VALID_CODES
from workstation.domain.dates import PartialDate
from workstation.domain.mrz import MrzData, MrzFormat, NameTruncation, generate, parse
from workstation.domain.mrz_layout import LINE_LENGTH, NAME_WIDTH
from workstation.domain.mrz_names import is_truncation_of
from workstation.domain.people import Sex

TODAY = dt.date(2026, 11, 25)
ALNUM = string.ascii_uppercase + string.digits
STATES = st.sampled_from(sorted(VALID_CODES))
WORD = st.text(string.ascii_uppercase, min_size=1, max_size=12)
# Long enough to truncate: up to 6 components of up to 12 letters on either side.
NAMES = st.tuples(
    st.lists(WORD, min_size=1, max_size=6).map(" ".join),
    st.lists(WORD, min_size=0, max_size=6).map(" ".join),
)
# (longest document number, optional data width) per format.
LIMITS = {MrzFormat.TD1: (23, 15), MrzFormat.TD2: (15, 7), MrzFormat.TD3: (9, 14)}
LIMITS[MrzFormat.ETD] = LIMITS[MrzFormat.TD2]


@st.composite
def birth_dates(draw: st.DrawFn) -> PartialDate:
    year = draw(st.integers(TODAY.year - 99, TODAY.year))
    day = draw(st.dates(dt.date(year, 1, 1), dt.date(year, 12, 31)))
    known = draw(st.sampled_from(["year", "month", "day"]))
    if known == "year":
        return PartialDate(year)
    return PartialDate(year, day.month, day.day if known == "day" else None)


def _code(fmt: MrzFormat) -> st.SearchStrategy[str]:
    if fmt is MrzFormat.ETD:
        return st.just("PU")
    if fmt is MrzFormat.TD3:
        second = st.sampled_from([""] + [c for c in string.ascii_uppercase if c != "U"])
        return second.map(lambda c: "P" + c)
    letters = [""] + [c for c in string.ascii_uppercase if c != "V"]
    codes = st.tuples(st.sampled_from("IAC"), st.sampled_from(letters)).map("".join)
    return codes.filter(lambda code: not (fmt is MrzFormat.TD1 and code == "AI"))


@st.composite
def mrz_data(draw: st.DrawFn, fmt: MrzFormat, names: st.SearchStrategy[tuple[str, str]]) -> MrzData:
    longest, width = LIMITS[fmt]
    number = draw(st.text(ALNUM, min_size=1, max_size=longest))
    # A number longer than nine takes its end, a check digit and a "<" from the optional data.
    room = width if len(number) <= 9 else width - (len(number) - 9) - 2
    primary, secondary = draw(names)
    return MrzData(
        document_code=draw(_code(fmt)),
        issuing_state=draw(STATES),
        primary_identifier=primary,
        secondary_identifier=secondary,
        document_number=number,
        nationality=draw(STATES),
        birth_date=draw(birth_dates()),
        sex=draw(st.sampled_from(Sex)),
        expiry_date=draw(
            st.dates(dt.date(TODAY.year - 50, 1, 1), dt.date(TODAY.year + 49, 12, 31))
        ),
        optional_data=draw(st.text(ALNUM, max_size=max(room, 0))),
        optional_data_2=draw(st.text(ALNUM, max_size=11)) if fmt is MrzFormat.TD1 else "",
    )


def _fitting_names(fmt: MrzFormat) -> st.SearchStrategy[tuple[str, str]]:
    def fits(name: tuple[str, str]) -> bool:
        primary, secondary = name
        return len(primary) + (len(secondary) + 2 if secondary else 0) <= NAME_WIDTH[fmt]

    short = st.lists(WORD, min_size=1, max_size=3).map(" ".join)
    return st.tuples(short, st.one_of(st.just(""), short)).filter(fits)


def _round_trip(data: MrzData, fmt: MrzFormat) -> None:
    lines = generate(data, fmt)
    assert all(len(line) == LINE_LENGTH[fmt] for line in lines)
    parsed = parse(lines, today=TODAY)
    assert parsed.format is fmt
    assert parsed.failed == ()
    assert parsed.data == data


@settings(max_examples=150)
@given(mrz_data(MrzFormat.TD1, _fitting_names(MrzFormat.TD1)))
def test_td1_round_trip(data: MrzData) -> None:
    _round_trip(data, MrzFormat.TD1)


@settings(max_examples=150)
@given(mrz_data(MrzFormat.TD2, _fitting_names(MrzFormat.TD2)))
def test_td2_round_trip(data: MrzData) -> None:
    _round_trip(data, MrzFormat.TD2)


@settings(max_examples=150)
@given(mrz_data(MrzFormat.TD3, _fitting_names(MrzFormat.TD3)))
def test_td3_round_trip(data: MrzData) -> None:
    _round_trip(data, MrzFormat.TD3)


@settings(max_examples=150)
@given(mrz_data(MrzFormat.ETD, _fitting_names(MrzFormat.ETD)))
def test_etd_round_trip(data: MrzData) -> None:
    _round_trip(data, MrzFormat.ETD)


@settings(max_examples=300)
@given(
    st.sampled_from(list(MrzFormat)).flatmap(
        lambda fmt: st.tuples(st.just(fmt), mrz_data(fmt, NAMES))
    ),
    st.sampled_from(list(NameTruncation)),
)
def test_any_name_is_written_as_a_valid_truncation(
    case: tuple[MrzFormat, MrzData], method: NameTruncation
) -> None:
    fmt, data = case
    lines = generate(data, fmt, truncation=method)
    parsed = parse(lines, today=TODAY)
    assert parsed.failed == ()
    field = lines[2] if fmt is MrzFormat.TD1 else lines[0][5:]
    primary = data.primary_identifier.replace(" ", "<")
    secondary = data.secondary_identifier.replace(" ", "<")
    assert is_truncation_of(field, primary, secondary)
    full = primary + ("<<" + secondary if secondary else "")
    if len(full) <= NAME_WIDTH[fmt]:
        assert parsed.data == data  # truncated only when it does not fit
    else:
        assert parsed.name_may_be_truncated
        expected = replace(
            data,
            primary_identifier=parsed.data.primary_identifier,
            secondary_identifier=parsed.data.secondary_identifier,
        )
        assert parsed.data == expected
