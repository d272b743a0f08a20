"""Partial dates: civil records and travel documents often know only a birth year or month.

ICAO Doc 9303 prints unknown parts of a birth date as ``<`` in the MRZ; the registry stores the
known parts and never invents the rest.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from workstation.domain.errors import DomainError

_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
EARLIEST_YEAR = 1850


@dataclass(frozen=True, slots=True, order=True)
class PartialDate:
    """A date whose month and day may be unknown (``1984``, ``1984-07``, ``1984-07-21``)."""

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, text: str, field: str, today: dt.date | None = None) -> PartialDate:
        """Parse ``YYYY[-MM[-DD]]``; raise a coded error naming ``field`` when it is not a date.

        ``today`` (when given) rejects dates in the future.
        """
        match = _PARTIAL_DATE.match(text.strip()) if isinstance(text, str) else None
        if match is None:
            raise DomainError("date.invalid_format", field, value=str(text))
        year = int(match.group(1))
        month = int(match.group(2)) if match.group(2) else None
        day = int(match.group(3)) if match.group(3) else None
        if year < EARLIEST_YEAR:
            raise DomainError("date.too_early", field, value=text, earliest=EARLIEST_YEAR)
        if month is not None and not 1 <= month <= 12:
            raise DomainError("date.invalid_month", field, value=text)
        if day is not None and month is not None:
            last = calendar.monthrange(year, month)[1]
            if not 1 <= day <= last:
                raise DomainError("date.invalid_day", field, value=text)
        value = cls(year, month, day)
        if today is not None and value.earliest() > today:
            raise DomainError("date.in_future", field, value=text)
        return value

    def earliest(self) -> dt.date:
        """The first calendar day this partial date can stand for."""
        return dt.date(self.year, self.month or 1, self.day or 1)

    def latest(self) -> dt.date:
        """The last calendar day this partial date can stand for."""
        month = self.month or 12
        day = self.day or calendar.monthrange(self.year, month)[1]
        return dt.date(self.year, month, day)

    @property
    def is_complete(self) -> bool:
        return self.month is not None and self.day is not None

    def matches(self, other: PartialDate) -> bool:
        """True when ``other`` (a filter such as ``1984`` or ``1984-07``) covers this date."""
        if other.year != self.year:
            return False
        if other.month is not None and other.month != self.month:
            return False
        return other.day is None or other.day == self.day

    def isoformat(self) -> str:
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def __str__(self) -> str:
        return self.isoformat()
