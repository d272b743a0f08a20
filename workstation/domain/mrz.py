"""Machine readable zone (MRZ) generation and reading, ICAO Doc 9303 (8th edition) Parts 3-6, 8.

Why it lives in the domain: the MRZ is what border systems read, so every character of it is a
rule of the standard, not a presentation choice; generating and checking it is pure computation
(no I/O) and is tested against the specimens of Doc 9303 (``tests/vectors/mrz.json``).

Formats: TD1 (ID-1 card, 3 x 30), TD2 (2 x 36), TD3 (passport, 2 x 44) and the single-sheet
emergency travel document, a TD2-shaped MRZ with code ``PU`` (Part 8). Field layouts are in
``mrz_layout``; the name field and its truncation in ``mrz_names``. Errors are coded
:class:`~workstation.domain.errors.DomainError` naming the field (or the line when reading).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from workstation.domain.countries import is_valid_code, normalise_code
from workstation.domain.dates import PartialDate
from workstation.domain.errors import DomainError
from workstation.domain.mrz_layout import (
    LINE_COUNT,
    LINE_LENGTH,
    NAME_WIDTH,
    MrzFormat,
    assemble,
    check_fields,
    read_fields,
)
from workstation.domain.mrz_names import NameTruncation, build_name_field, split_name_field
from workstation.domain.people import Sex
from workstation.domain.transliteration import to_mrz_chars

__all__ = [
    "CheckResult",
    "MrzData",
    "MrzFormat",
    "NameTruncation",
    "ParsedMrz",
    "generate",
    "parse",
]

_MRZ_TEXT = re.compile(r"^[A-Z0-9<]*$")
_DOC_NUMBER = re.compile(r"^[A-Z0-9]+$")
_LETTER = re.compile(r"^[A-Z]$")
# YYMMDD, where a birth date may leave the day, or the month and the day, unknown.
_BIRTH = re.compile(r"^(\d{2})(\d{2}<<|\d{4}|<<<<)$")


@dataclass(frozen=True, slots=True)
class MrzData:
    """What an MRZ says about a document and its holder.

    ``document_code`` is one or two letters (``P``, ``PP``, ``I``, ``PU``); a one-letter code is
    printed followed by ``<``. Names are already in Latin form and are transliterated into MRZ
    characters on generation (a character without a rule is an error, never dropped); components
    are separated by spaces (``ANNA MARIA``). ``optional_data`` is the optional data field of
    line 1 on TD1, of line 2 on TD2 and TD3 (the personal number); ``optional_data_2`` is the
    second optional field of TD1 (line 2, positions 19-29). Both are MRZ characters.
    """

    document_code: str
    issuing_state: str
    primary_identifier: str
    secondary_identifier: str
    document_number: str
    nationality: str
    birth_date: PartialDate
    sex: Sex
    expiry_date: dt.date
    optional_data: str = ""
    optional_data_2: str = ""


@dataclass(frozen=True, slots=True)
class CheckResult:
    """One check digit as read: ``field`` names what it protects (``composite`` for the whole)."""

    field: str
    expected: str
    found: str

    @property
    def ok(self) -> bool:
        return self.expected == self.found


@dataclass(frozen=True, slots=True)
class ParsedMrz:
    """The result of reading an MRZ: the data, and every check digit with its verdict.

    A failed check digit is a finding, not an exception: the officer must see which field is
    wrong on a document in hand. ``name_may_be_truncated`` is set when the name fills its field
    exactly, since Doc 9303 then cannot tell a full name from a truncated one.
    """

    format: MrzFormat
    data: MrzData
    checks: tuple[CheckResult, ...]
    name_may_be_truncated: bool

    @property
    def valid(self) -> bool:
        return all(check.ok for check in self.checks)

    @property
    def failed(self) -> tuple[str, ...]:
        """Names of the fields whose check digit does not match."""
        return tuple(check.field for check in self.checks if not check.ok)


# ------------------------------------------------------------------------------------ generation


def _validate_code(code: str, fmt: MrzFormat) -> str:
    """The two-character document code, after the rules of Doc 9303 for ``fmt``."""
    text = code.strip().upper()
    if not 1 <= len(text) <= 2 or not _LETTER.match(text[0]):
        raise DomainError("mrz.document_code.invalid", "document_code", value=code)
    second = text[1] if len(text) == 2 else "<"
    if second != "<" and not _LETTER.match(second):
        raise DomainError("mrz.document_code.invalid", "document_code", value=code)
    padded = text[0] + second
    if fmt is MrzFormat.ETD:
        allowed = padded == "PU"
    elif fmt is MrzFormat.TD3:
        allowed = padded[0] == "P" and padded != "PU"
    else:
        td1_ai = fmt is MrzFormat.TD1 and padded == "AI"
        allowed = padded[0] in "IAC" and second != "V" and not td1_ai
    if not allowed:
        raise DomainError("mrz.document_code.invalid", "document_code", value=code, format=fmt)
    return padded


def _state(code: str, field: str) -> str:
    if not is_valid_code(code):
        raise DomainError("mrz.state_code.invalid", field, value=code)
    return normalise_code(code)


def _mrz_text(value: str, field: str) -> str:
    text = value.strip().upper()
    if not _MRZ_TEXT.match(text):
        raise DomainError("mrz.invalid_character", field, value=value)
    return text


def _birth(value: PartialDate) -> str:
    """``YYMMDD`` with ``<`` for an unknown month or day (Doc 9303 Part 3)."""
    month = "<<" if value.month is None else f"{value.month:02d}"
    day = "<<" if value.day is None or value.month is None else f"{value.day:02d}"
    return f"{value.year % 100:02d}{month}{day}"


def generate(
    data: MrzData,
    fmt: MrzFormat,
    *,
    truncation: NameTruncation = NameTruncation.COMPONENTS,
    n_tilde: str = "NXX",
) -> tuple[str, ...]:
    """The MRZ lines of ``data`` in format ``fmt``, check digits included.

    ``truncation`` chooses how a name that does not fit is shortened (see ``mrz_names``);
    ``n_tilde`` the form of ``Ñ`` (``NXX`` or ``N``, Doc 9303 Part 3 Table A).

    Raises:
        DomainError: a coded error naming the field (``mrz.document_code.invalid``,
            ``mrz.state_code.invalid``, ``mrz.invalid_character``, ``mrz.field.too_long`` ...).
        TransliterationError: a name character with no rule, naming ``primary_identifier`` or
            ``secondary_identifier``.
    """
    primary = to_mrz_chars(data.primary_identifier, "primary_identifier", n_tilde=n_tilde)
    secondary = to_mrz_chars(data.secondary_identifier, "secondary_identifier", n_tilde=n_tilde)
    number = _mrz_text(data.document_number, "document_number")
    if not _DOC_NUMBER.match(number):
        raise DomainError("mrz.document_number.invalid", "document_number", value=number)
    fields = {
        "code": _validate_code(data.document_code, fmt),
        "state": _state(data.issuing_state, "issuing_state"),
        "name": build_name_field(primary, secondary, NAME_WIDTH[fmt], truncation),
        "number": number,
        "nationality": _state(data.nationality, "nationality"),
        "birth": _birth(data.birth_date),
        "sex": "<" if data.sex is Sex.UNSPECIFIED else data.sex.value,
        "expiry": data.expiry_date.strftime("%y%m%d"),
        "optional": _mrz_text(data.optional_data, "optional_data"),
        "optional_2": _mrz_text(data.optional_data_2, "optional_data_2"),
    }
    if fmt is not MrzFormat.TD1 and fields["optional_2"]:
        raise DomainError("mrz.field.too_long", "optional_data_2", width=0)
    return assemble(fmt, fields)


# --------------------------------------------------------------------------------------- reading


def _recognise(lines: tuple[str, ...]) -> MrzFormat:
    """The format from the number and length of the lines (the code tells PU from TD2)."""
    if len(lines) == LINE_COUNT[MrzFormat.TD1]:
        fmt = MrzFormat.TD1
    elif len(lines) == LINE_COUNT[MrzFormat.TD3]:
        by_length = {
            LINE_LENGTH[MrzFormat.TD2]: MrzFormat.TD2,
            LINE_LENGTH[MrzFormat.TD3]: MrzFormat.TD3,
        }
        if len(lines[0]) not in by_length:
            raise DomainError("mrz.line.wrong_length", "line1", length=len(lines[0]))
        fmt = by_length[len(lines[0])]
        if fmt is MrzFormat.TD2 and lines[0].startswith("PU"):
            fmt = MrzFormat.ETD
    else:
        raise DomainError("mrz.line_count.invalid", "lines", count=len(lines))
    for number, line in enumerate(lines, start=1):
        if len(line) != LINE_LENGTH[fmt]:
            raise DomainError(
                "mrz.line.wrong_length",
                f"line{number}",
                expected=LINE_LENGTH[fmt],
                length=len(line),
            )
        for position, char in enumerate(line, start=1):
            if not ("A" <= char <= "Z" or "0" <= char <= "9" or char == "<"):
                raise DomainError(
                    "mrz.line.invalid_character", f"line{number}", position=position, char=char
                )
    return fmt


def _full_year(yy: int, earliest: int) -> int:
    """The year ending in ``yy`` in the hundred years starting at ``earliest``."""
    year = earliest - earliest % 100 + yy
    return year if year >= earliest else year + 100


def _read_birth(text: str, today: dt.date) -> PartialDate:
    """A birth date, latest year not after ``today``; ``<<`` for an unknown month or day."""
    match = _BIRTH.match(text)
    if match is None:
        raise DomainError("mrz.date.invalid", "birth_date", value=text)
    year = _full_year(int(match.group(1)), today.year - 99)
    month_day = match.group(2)
    month = None if month_day[0:2] == "<<" else int(month_day[0:2])
    day = None if month_day[2:4] == "<<" else int(month_day[2:4])
    try:
        return PartialDate.parse(PartialDate(year, month, day).isoformat(), "birth_date")
    except DomainError as error:
        raise DomainError("mrz.date.invalid", "birth_date", value=text) from error


def _read_expiry(text: str, today: dt.date) -> dt.date:
    """An expiry date, the year within fifty years of ``today``."""
    if not text.isdigit():
        raise DomainError("mrz.date.invalid", "expiry_date", value=text)
    yy, month, day = int(text[0:2]), int(text[2:4]), int(text[4:6])
    try:
        return dt.date(_full_year(yy, today.year - 50), month, day)
    except ValueError as error:
        raise DomainError("mrz.date.invalid", "expiry_date", value=text) from error


def _read_sex(text: str) -> Sex:
    if text in ("<", "X"):
        return Sex.UNSPECIFIED
    if text in ("F", "M"):
        return Sex(text)
    raise DomainError("mrz.sex.invalid", "sex", value=text)


def parse(lines: tuple[str, ...] | list[str], *, today: dt.date) -> ParsedMrz:
    """Read MRZ ``lines``: the format is recognised from their number and length.

    ``today`` resolves two-digit years: a birth year is the latest not after this year, an
    expiry year the one within fifty years of it. Reading is lenient about content (any code,
    any state, as found on foreign documents) and strict about form.

    Raises:
        DomainError: ``mrz.line_count.invalid``, ``mrz.line.wrong_length`` or
            ``mrz.line.invalid_character`` naming the line (``line2``), or ``mrz.date.invalid``
            / ``mrz.sex.invalid`` naming the field.
    """
    text = tuple(line.strip() for line in lines)
    fmt = _recognise(text)
    raw = read_fields(fmt, text)
    primary, secondary = split_name_field(raw["name"])
    data = MrzData(
        document_code=raw["code"].rstrip("<"),
        issuing_state=raw["state"],
        primary_identifier=primary.replace("<", " "),
        secondary_identifier=secondary.replace("<", " "),
        document_number=raw["number"],
        nationality=raw["nationality"],
        birth_date=_read_birth(raw["birth"], today),
        sex=_read_sex(raw["sex"]),
        expiry_date=_read_expiry(raw["expiry"], today),
        optional_data=raw["optional"],
        optional_data_2=raw["optional_2"],
    )
    checks = tuple(
        CheckResult(f, expected, found) for f, expected, found in check_fields(fmt, text)
    )
    return ParsedMrz(fmt, data, checks, not raw["name"].endswith("<"))
