"""Register numbers: ``POST/K/YYYY/NNNNNN``, for example ``UTO-GVA/B/2026/000123``.

* ``POST``: the post's code (``A-Z``, ``0-9``, ``-``; as :class:`~workstation.domain.posts.Post`);
* ``K``: ``B`` birth, ``M`` marriage, ``D`` death;
* ``YYYY``: the year of *registration* (not of the event: a delayed birth of 2019 registered in
  2026 takes a 2026 number), so each post keeps one counter per kind and year;
* ``NNNNNN``: the sequence in that counter, from 1, zero-padded to six digits.

No check digit: a register number is read by people and looked up in the register, not keyed
into a machine-read zone. Allocation (the counter) happens in storage inside the registering
transaction; this module only formats, parses and validates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from workstation.domain.civil.records import EventKind
from workstation.domain.errors import DomainError

SEQUENCE_WIDTH = 6
MAX_SEQUENCE = 10**SEQUENCE_WIDTH - 1
_POST_CODE = re.compile(r"^[A-Z0-9][A-Z0-9-]{1,15}$")
_NUMBER = re.compile(r"^([A-Z0-9][A-Z0-9-]{1,15})/([BMD])/(\d{4})/(\d{6})$")
_KIND_BY_LETTER = {kind.letter: kind for kind in EventKind}
FIELD = "register_number"


@dataclass(frozen=True, slots=True, order=True)
class RegisterNumber:
    """A parsed register number; ``str()`` gives the printed form."""

    post_code: str
    kind: EventKind
    year: int
    sequence: int

    def __post_init__(self) -> None:
        if not _POST_CODE.match(self.post_code):
            raise DomainError("post.code.invalid", "post_code", value=self.post_code)
        if not 1850 <= self.year <= 9999:
            raise DomainError("civil.register_number.year_invalid", "year", value=self.year)
        if not 1 <= self.sequence <= MAX_SEQUENCE:
            raise DomainError(
                "civil.register_number.sequence_invalid", "sequence", value=self.sequence
            )

    @property
    def series(self) -> str:
        """The counter this number comes from (``civil:UTO-GVA/B/2026``), for storage."""
        return f"civil:{self.post_code}/{self.kind.letter}/{self.year:04d}"

    def __str__(self) -> str:
        return (
            f"{self.post_code}/{self.kind.letter}/{self.year:04d}/"
            f"{self.sequence:0{SEQUENCE_WIDTH}d}"
        )


def series_key(post_code: str, kind: EventKind, year: int) -> str:
    """The counter key for a post, kind and registration year (what storage increments)."""
    return RegisterNumber(post_code, kind, year, 1).series


def format_register_number(post_code: str, kind: EventKind, year: int, sequence: int) -> str:
    """The printed register number; ``civil.register_number.sequence_invalid`` past 999999."""
    return str(RegisterNumber(post_code, kind, year, sequence))


def parse_register_number(text: str) -> RegisterNumber:
    """Parse a printed register number (surrounding spaces and lower case are accepted)."""
    cleaned = text.strip().upper() if isinstance(text, str) else ""
    match = _NUMBER.match(cleaned)
    if match is None:
        raise DomainError("civil.register_number.invalid", FIELD, value=str(text))
    post, letter, year, sequence = match.groups()
    try:
        return RegisterNumber(post, _KIND_BY_LETTER[letter], int(year), int(sequence))
    except DomainError as error:
        raise DomainError("civil.register_number.invalid", FIELD, value=str(text)) from error


def is_register_number(text: str) -> bool:
    """True when ``text`` parses as a register number."""
    try:
        parse_register_number(text)
    except DomainError:
        return False
    return True
