"""Document numbers from controlled stock: ``prefix + sequence + check digit`` (ICAO 7-3-1).

Allocation itself happens in storage, inside the issuing transaction; here are the pure rules: the
check digit, the printed form, and the reconciliation that proves no number was lost.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from workstation.domain.document_kinds import NumberingRule
from workstation.domain.errors import DomainError

_WEIGHTS = (7, 3, 1)


def _char_value(char: str) -> int:
    if char.isdigit():
        return int(char)
    if "A" <= char <= "Z":
        return ord(char) - ord("A") + 10
    if char == "<":
        return 0
    raise DomainError("check_digit.invalid_character", char=char)


def check_digit(text: str) -> str:
    """ICAO Doc 9303 check digit: weights 7, 3, 1 from the left; ``A``=10 ... ``Z``=35, ``<``=0."""
    total = sum(_char_value(c) * _WEIGHTS[i % 3] for i, c in enumerate(text))
    return str(total % 10)


def format_number(rule: NumberingRule, sequence: int) -> str:
    """The printed document number for ``sequence`` in a series (``CI0000427`` + check digit)."""
    if sequence < 1:
        raise DomainError("numbering.sequence.invalid", value=sequence)
    digits = str(sequence)
    if len(digits) > rule.width:
        raise DomainError("numbering.series_exhausted", prefix=rule.prefix, width=rule.width)
    body = rule.prefix + digits.zfill(rule.width)
    return body + check_digit(body)


def is_well_formed(number: str) -> bool:
    """True when the last character is the right check digit for the rest."""
    return len(number) >= 2 and number[-1].isdigit() and check_digit(number[:-1]) == number[-1]


class AllocationUse(StrEnum):
    """What became of an allocated number; anything but ``issued`` must carry a reason."""

    ISSUED = "issued"
    VOIDED = "voided"
    SPOILED = "spoiled"


@dataclass(frozen=True, slots=True)
class SeriesReport:
    """Reconciliation of one series: every number from 1 to ``last`` accounted for, once."""

    series: str
    last_sequence: int
    missing: tuple[int, ...]
    duplicated: tuple[int, ...]
    unexplained: tuple[int, ...]

    @property
    def ok(self) -> bool:
        return not (self.missing or self.duplicated or self.unexplained)


def reconcile(
    series: str,
    last_sequence: int,
    allocations: Iterable[tuple[int, str, str]],
) -> SeriesReport:
    """Check a series' allocations ``(sequence, use, reason)`` against its counter.

    A sequence allocated by the counter but with no allocation record is a gap; a record whose
    use is voided or spoiled without a reason is unexplained.
    """
    seen: dict[int, int] = {}
    unexplained = []
    for sequence, use, reason in allocations:
        seen[sequence] = seen.get(sequence, 0) + 1
        if use != AllocationUse.ISSUED and not reason.strip():
            unexplained.append(sequence)
    missing = tuple(s for s in range(1, last_sequence + 1) if s not in seen)
    duplicated = tuple(sorted(s for s, count in seen.items() if count > 1))
    beyond = tuple(sorted(s for s in seen if s > last_sequence or s < 1))
    return SeriesReport(
        series, last_sequence, missing, duplicated + beyond, tuple(sorted(unexplained))
    )
