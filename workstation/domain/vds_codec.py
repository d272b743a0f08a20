"""Low-level encodings of the ICAO Visible Digital Seal (Doc 9303 Part 13): C40, dates, DER lengths.

They live apart from the seal structure so that each rule can be tested against the published
vectors on its own. Decoders are strict on purpose: a seal is security evidence, so any byte
sequence that our encoder could not have produced is refused with a coded ``DomainError`` naming
the field, instead of being "repaired" into something that merely looks plausible.
"""

from __future__ import annotations

import datetime as dt

from workstation.domain.errors import DomainError

C40_SPACE = 3
"""C40 value of the space, which also stands for the MRZ filler ``<``."""

_C40_SHIFT_PAD = 0
"""Shift 1, used only to pad the last triple when two characters remain."""

_C40_SINGLE = 0xFE
"""Marker byte: the final unit holds one plain character as ASCII + 1."""

_C40_MAX_UNIT = 1600 * 39 + 40 * 39 + 39 + 1


def _c40_value(char: str, field: str) -> int:
    if char in (" ", "<"):
        return C40_SPACE
    if "0" <= char <= "9":
        return ord(char) - ord("0") + 4
    if "A" <= char <= "Z":
        return ord(char) - ord("A") + 14
    raise DomainError("vds.bad_c40", field, char=char)


def _c40_char(value: int) -> str:
    if value == C40_SPACE:
        return " "
    if 4 <= value <= 13:
        return chr(value - 4 + ord("0"))
    return chr(value - 14 + ord("A"))


def c40_encode(text: str, field: str = "text") -> bytes:
    """Encode ``text`` (space, ``<``, digits, capitals) as C40, the seal's compact text form.

    ``<`` becomes a space because the MRZ filler is carried as C40 space; the decoder cannot give
    it back, so callers that need ``<`` (the MRZ) map spaces back themselves.
    """
    values = [_c40_value(char, field) for char in text]
    out = bytearray()
    full = len(values) - len(values) % 3
    for i in range(0, full, 3):
        unit = 1600 * values[i] + 40 * values[i + 1] + values[i + 2] + 1
        out += unit.to_bytes(2, "big")
    rest = values[full:]
    if len(rest) == 2:
        unit = 1600 * rest[0] + 40 * rest[1] + _C40_SHIFT_PAD + 1
        out += unit.to_bytes(2, "big")
    elif len(rest) == 1:
        out += bytes((_C40_SINGLE, ord(text[-1].replace("<", " ")) + 1))
    return bytes(out)


def c40_decode(data: bytes, field: str = "text") -> str:
    """Decode C40 produced by :func:`c40_encode`; spaces are returned as spaces.

    Only the canonical forms are accepted (shift values only as padding of the final triple,
    ``0xFE`` only as the final unit) so that one text has exactly one encoding.
    """
    if len(data) % 2:
        raise DomainError("vds.bad_c40", field, reason="odd_length")
    chars: list[str] = []
    units = len(data) // 2
    for index in range(units):
        first, second = data[2 * index], data[2 * index + 1]
        last = index == units - 1
        if first == _C40_SINGLE:
            char = chr(second - 1) if second else ""
            if not last or len(char) != 1 or _c40_value_or_none(char) is None:
                raise DomainError("vds.bad_c40", field, reason="single")
            chars.append(char)
            continue
        unit = (first << 8) | second
        if not 1 <= unit <= _C40_MAX_UNIT:
            raise DomainError("vds.bad_c40", field, reason="range")
        value = unit - 1
        c1, c2, c3 = value // 1600, (value // 40) % 40, value % 40
        if c1 < C40_SPACE or c2 < C40_SPACE:
            raise DomainError("vds.bad_c40", field, reason="shift")
        chars += (_c40_char(c1), _c40_char(c2))
        if c3 >= C40_SPACE:
            chars.append(_c40_char(c3))
        elif not (last and c3 == _C40_SHIFT_PAD):
            raise DomainError("vds.bad_c40", field, reason="shift")
    return "".join(chars)


def _c40_value_or_none(char: str) -> int | None:
    try:
        return _c40_value(char, "")
    except DomainError:
        return None


def c40_length(char_count: int) -> int:
    """Bytes that :func:`c40_encode` produces for ``char_count`` characters."""
    return (char_count + 2) // 3 * 2


def encode_date(date: dt.date) -> bytes:
    """Encode a date as the integer MMDDYYYY in 3 big-endian bytes (1957-03-25 -> 31 9E F5)."""
    return (date.month * 1_000_000 + date.day * 10_000 + date.year).to_bytes(3, "big")


def decode_date(data: bytes, field: str = "date") -> dt.date:
    """Decode a 3-byte MMDDYYYY date; impossible dates are refused, never clamped."""
    if len(data) != 3:
        raise DomainError("vds.truncated", field)
    number = int.from_bytes(data, "big")
    month, rest = divmod(number, 1_000_000)
    day, year = divmod(rest, 10_000)
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise DomainError("vds.bad_date", field, value=number) from None


def encode_der_length(length: int) -> bytes:
    """DER definite length: one byte below 128, else 0x81/0x82/0x83 and the big-endian length."""
    if length < 0:
        raise DomainError("vds.bad_length", "length", length=length)
    if length < 0x80:
        return bytes((length,))
    size = (length.bit_length() + 7) // 8
    if size > 3:
        raise DomainError("vds.bad_length", "length", length=length)
    return bytes((0x80 | size,)) + length.to_bytes(size, "big")


def decode_der_length(data: bytes, offset: int, field: str) -> tuple[int, int]:
    """Read a DER length at ``offset``; return ``(length, offset after it)``.

    Non-minimal and indefinite forms are refused: DER has exactly one encoding per length.
    """
    if offset >= len(data):
        raise DomainError("vds.truncated", field)
    first = data[offset]
    if first < 0x80:
        return first, offset + 1
    size = first & 0x7F
    if size == 0 or size > 3:
        raise DomainError("vds.bad_length", field)
    if offset + 1 + size > len(data):
        raise DomainError("vds.truncated", field)
    length = int.from_bytes(data[offset + 1 : offset + 1 + size], "big")
    if encode_der_length(length) != data[offset : offset + 1 + size]:
        raise DomainError("vds.bad_length", field)
    return length, offset + 1 + size
