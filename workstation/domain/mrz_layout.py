"""Where each field sits in the lines of a TD1, TD2, TD3 and PU (ETD) MRZ (ICAO Doc 9303).

Kept apart from ``mrz`` so that positions are in one place: generation (:func:`assemble`), reading
(:func:`read_fields`) and checking (:func:`check_fields`) use the same slices, and a slice that is
wrong shows up in the round-trip tests rather than in a border control.

Fields are passed as MRZ text keyed ``code``, ``state``, ``name``, ``number``, ``nationality``,
``birth``, ``sex``, ``expiry``, ``optional`` and ``optional_2``.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from typing import Final

from workstation.domain.errors import DomainError
from workstation.domain.numbering import check_digit

__all__ = [
    "LINE_COUNT",
    "LINE_LENGTH",
    "NAME_WIDTH",
    "MrzFormat",
    "assemble",
    "check_fields",
    "read_fields",
]


class MrzFormat(StrEnum):
    """MRZ formats: TD1 card, TD2, TD3 passport, and the TD2-shaped single-sheet ETD (``PU``)."""

    TD1 = "TD1"
    TD2 = "TD2"
    TD3 = "TD3"
    ETD = "PU"


LINE_COUNT: Final = {MrzFormat.TD1: 3, MrzFormat.TD2: 2, MrzFormat.TD3: 2, MrzFormat.ETD: 2}
LINE_LENGTH: Final = {MrzFormat.TD1: 30, MrzFormat.TD2: 36, MrzFormat.TD3: 44, MrzFormat.ETD: 36}
NAME_WIDTH: Final = {MrzFormat.TD1: 30, MrzFormat.TD2: 31, MrzFormat.TD3: 39, MrzFormat.ETD: 31}
_NUMBER_WIDTH: Final = 9
# Width of the optional data field that may carry the end of a long document number.
_OPTIONAL_WIDTH: Final = {MrzFormat.TD1: 15, MrzFormat.TD2: 7, MrzFormat.TD3: 14, MrzFormat.ETD: 7}
_FIELD_NAMES: Final = {"optional": "optional_data", "optional_2": "optional_data_2"}


def _fit(value: str, width: int, key: str) -> str:
    if len(value) > width:
        raise DomainError("mrz.field.too_long", _FIELD_NAMES.get(key, key), width=width)
    return value.ljust(width, "<")


def _number_and_optional(fmt: MrzFormat, number: str, optional: str) -> tuple[str, str, str]:
    """``(number field, its check digit, optional field)``.

    A number longer than nine characters (TD1 and TD2 only) is written as Doc 9303 Part 5 note j
    says: the first nine, ``<`` in the check digit position, the rest at the start of the optional
    data followed by the check digit of the whole number. A ``<`` then separates any optional
    data, so that a reader finds where the number ends.
    """
    width = _OPTIONAL_WIDTH[fmt]
    if len(number) <= _NUMBER_WIDTH:
        field = number.ljust(_NUMBER_WIDTH, "<")
        return field, check_digit(field), _fit(optional, width, "optional")
    if fmt is MrzFormat.TD3:
        raise DomainError("mrz.field.too_long", "document_number", width=_NUMBER_WIDTH)
    extension = number[_NUMBER_WIDTH:] + check_digit(number)
    if len(extension) > width:
        raise DomainError("mrz.field.too_long", "document_number", width=_NUMBER_WIDTH + width - 1)
    rest = extension + ("<" + optional if optional else "")
    return number[:_NUMBER_WIDTH], "<", _fit(rest, width, "optional")


def _td1_composite(line1: str, line2: str) -> str:
    return line1[5:30] + line2[0:7] + line2[8:15] + line2[18:29]


def _td2_td3_composite(line2: str) -> str:
    return line2[0:10] + line2[13:20] + line2[21:-1]


def assemble(fmt: MrzFormat, fields: Mapping[str, str]) -> tuple[str, ...]:
    """The MRZ lines of ``fields`` (already validated MRZ text) with every check digit."""
    number, number_cd, optional = _number_and_optional(fmt, fields["number"], fields["optional"])
    birth = fields["birth"] + check_digit(fields["birth"])
    expiry = fields["expiry"] + check_digit(fields["expiry"])
    if fmt is MrzFormat.TD1:
        line1 = fields["code"] + fields["state"] + number + number_cd + optional
        line2 = birth + fields["sex"] + expiry + fields["nationality"]
        line2 += _fit(fields["optional_2"], 11, "optional_2")
        line2 += check_digit(_td1_composite(line1, line2))
        return line1, line2, fields["name"]
    line1 = fields["code"] + fields["state"] + fields["name"]
    line2 = number + number_cd + fields["nationality"] + birth + fields["sex"] + expiry + optional
    if fmt is MrzFormat.TD3:
        line2 += check_digit(optional)
    line2 += "0"  # placeholder: the composite covers everything before it
    line2 = line2[:-1] + check_digit(_td2_td3_composite(line2))
    return line1, line2


def _split_number(field: str, number_cd: str, optional: str) -> tuple[str, str, str, str]:
    """``(number, the text its check digit covers, check digit, optional data)`` as read."""
    if number_cd == "<" and optional.strip("<"):
        extension = optional.split("<", 1)[0]
        rest = optional[len(extension) :].strip("<")
        number = field + extension[:-1]
        return number, number, extension[-1:], rest
    return field.rstrip("<"), field, number_cd, optional.rstrip("<")


def read_fields(fmt: MrzFormat, lines: tuple[str, ...]) -> dict[str, str]:
    """The fields of well-formed ``lines`` (right length, MRZ characters), fillers trimmed."""
    if fmt is MrzFormat.TD1:
        line1, line2, line3 = lines
        number = _split_number(line1[5:14], line1[14], line1[15:30])
        return {
            "code": line1[0:2],
            "state": line1[2:5],
            "number": number[0],
            "optional": number[3],
            "birth": line2[0:6],
            "sex": line2[7],
            "expiry": line2[8:14],
            "nationality": line2[15:18],
            "optional_2": line2[18:29].rstrip("<"),
            "name": line3,
        }
    line1, line2 = lines
    width = _OPTIONAL_WIDTH[fmt]
    number = _split_number(line2[0:9], line2[9], line2[28 : 28 + width])
    return {
        "code": line1[0:2],
        "state": line1[2:5],
        "name": line1[5:],
        "number": number[0],
        "nationality": line2[10:13],
        "birth": line2[13:19],
        "sex": line2[20],
        "expiry": line2[21:27],
        "optional": number[3],
        "optional_2": "",
    }


def check_fields(fmt: MrzFormat, lines: tuple[str, ...]) -> list[tuple[str, str, str]]:
    """Every check digit of well-formed ``lines`` as ``(field, expected, found)``."""
    if fmt is MrzFormat.TD1:
        line1, line2 = lines[0], lines[1]
        _, covered, found, _ = _split_number(line1[5:14], line1[14], line1[15:30])
        return [
            ("document_number", check_digit(covered), found),
            ("birth_date", check_digit(line2[0:6]), line2[6]),
            ("expiry_date", check_digit(line2[8:14]), line2[14]),
            ("composite", check_digit(_td1_composite(line1, line2)), line2[29]),
        ]
    line2 = lines[1]
    width = _OPTIONAL_WIDTH[fmt]
    _, covered, found, _ = _split_number(line2[0:9], line2[9], line2[28 : 28 + width])
    checks = [
        ("document_number", check_digit(covered), found),
        ("birth_date", check_digit(line2[13:19]), line2[19]),
        ("expiry_date", check_digit(line2[21:27]), line2[27]),
    ]
    if fmt is MrzFormat.TD3:
        optional, found = line2[28:42], line2[42]
        # Doc 9303 Part 4: an unused personal number field may have "<" as its check digit.
        expected = found if optional == "<" * 14 and found in "<0" else check_digit(optional)
        checks.append(("optional_data", expected, found))
    checks.append(("composite", check_digit(_td2_td3_composite(line2)), line2[-1]))
    return checks
