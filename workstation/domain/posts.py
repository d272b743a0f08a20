"""The consular post (embassy, consulate, mobile team) that runs a workstation."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from workstation.domain.countries import is_valid_code, normalise_code
from workstation.domain.errors import DomainError

_POST_CODE = re.compile(r"^[A-Z0-9][A-Z0-9-]{1,15}$")


@dataclass(frozen=True, slots=True)
class Post:
    """A post: its own code, the ICAO code of the state it issues for, where it is, its clock."""

    code: str
    issuing_state: str
    name: str
    city: str
    country: str
    time_zone: str
    id: int | None = None

    @classmethod
    def create(
        cls,
        code: str,
        issuing_state: str,
        name: str,
        city: str,
        country: str,
        time_zone: str,
        is_time_zone: Callable[[str], bool] | None = None,
    ) -> Post:
        """Validate and build a post; ``is_time_zone`` checks a name against the tz database
        (the caller's: the domain reads no files)."""
        code = code.strip().upper()
        if not _POST_CODE.match(code):
            raise DomainError("post.code.invalid", "code", value=code)
        if not is_valid_code(issuing_state):
            raise DomainError("country.unknown_code", "issuing_state", value=issuing_state)
        if country and not is_valid_code(country):
            raise DomainError("country.unknown_code", "country", value=country)
        if not name.strip():
            raise DomainError("field.required", "name")
        if not city.strip():
            raise DomainError("field.required", "city")
        if is_time_zone is not None and not is_time_zone(time_zone):
            raise DomainError("post.time_zone.unknown", "time_zone", value=time_zone)
        return cls(
            code=code,
            issuing_state=normalise_code(issuing_state),
            name=name.strip(),
            city=city.strip(),
            country=normalise_code(country) if country else "",
            time_zone=time_zone,
        )
