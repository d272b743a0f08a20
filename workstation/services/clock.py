"""Time, passed in so that tests and replays control it."""

from __future__ import annotations

import datetime as dt
from typing import Protocol
from zoneinfo import ZoneInfo


class Clock(Protocol):
    def now(self) -> dt.datetime:
        """The current instant, timezone-aware (UTC)."""
        ...


class SystemClock:
    def now(self) -> dt.datetime:
        return dt.datetime.now(dt.UTC)


def local_date(clock: Clock, time_zone: str) -> dt.date:
    """Today's date at the post, which is what a birth date or a validity is judged against."""
    return clock.now().astimezone(ZoneInfo(time_zone)).date()


def audit_timestamp(instant: dt.datetime) -> str:
    """ISO 8601 UTC with microseconds: the form hashed into the audit chain."""
    return instant.astimezone(dt.UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")
