"""The tamper-evident audit log: each entry carries the SHA-256 of its content and of the entry
before it, so changing, removing or slipping in a row breaks the chain at that row.

A chain head (last sequence and hash) is kept beside the entries and updated in the same
transaction, so removing the newest entries is seen too. What a plain hash chain cannot show is a
rewrite of every entry from some point on *and* of the head by someone with write access to the
database; a signed checkpoint kept elsewhere closes that gap (see docs).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

GENESIS_HASH = "0" * 64
SYSTEM_ACTOR = "system"


@dataclass(frozen=True, slots=True)
class AuditEntry:
    """Who did what, when, to which record. ``at`` is ISO 8601 UTC text so hashes are stable."""

    seq: int
    at: str
    actor: str
    action: str
    record_type: str
    record_id: str
    details: Mapping[str, Any] = field(default_factory=dict)
    prev_hash: str = GENESIS_HASH
    hash: str = ""

    def content_hash(self) -> str:
        """SHA-256 over a canonical JSON form of every field but ``hash`` itself."""
        payload = [
            self.seq,
            self.at,
            self.actor,
            self.action,
            self.record_type,
            self.record_id,
            dict(self.details),
            self.prev_hash,
        ]
        text = json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    def sealed(self) -> AuditEntry:
        """The same entry with its ``hash`` computed."""
        return AuditEntry(
            self.seq,
            self.at,
            self.actor,
            self.action,
            self.record_type,
            self.record_id,
            self.details,
            self.prev_hash,
            self.content_hash(),
        )


def canonical_details(details: Mapping[str, Any]) -> str:
    """The text form details are stored in; parsing it back gives an equal mapping."""
    return json.dumps(dict(details), sort_keys=True, separators=(",", ":"), ensure_ascii=False)


class Tampering(StrEnum):
    ALTERED = "altered"
    DELETED = "deleted"
    INSERTED = "inserted"
    BROKEN_LINK = "broken_link"


@dataclass(frozen=True, slots=True)
class ChainProblem:
    """The first place where the chain does not hold, and what kind of change it shows."""

    kind: Tampering
    seq: int
    entry: AuditEntry | None = None


@dataclass(frozen=True, slots=True)
class ChainReport:
    entries_checked: int
    last_seq: int
    problem: ChainProblem | None

    @property
    def ok(self) -> bool:
        return self.problem is None


def verify_chain(entries: Iterable[AuditEntry], head: tuple[int, str] | None) -> ChainReport:
    """Walk ``entries`` in sequence order and report the first entry that was tampered with.

    ``head`` is the recorded (last sequence, last hash), or None for an empty log.
    """
    previous: AuditEntry | None = None
    checked = 0
    for entry in entries:
        expected_seq = previous.seq + 1 if previous else 1
        if entry.seq > expected_seq:
            return ChainReport(checked, entry.seq, ChainProblem(Tampering.DELETED, expected_seq))
        if entry.seq < expected_seq:
            return ChainReport(
                checked, entry.seq, ChainProblem(Tampering.INSERTED, entry.seq, entry)
            )
        if entry.content_hash() != entry.hash:
            return ChainReport(
                checked, entry.seq, ChainProblem(Tampering.ALTERED, entry.seq, entry)
            )
        expected_prev = previous.hash if previous else GENESIS_HASH
        if entry.prev_hash != expected_prev:
            # Both entries hash correctly, so one was rewritten whole: the link names the pair.
            culprit = previous.seq if previous else entry.seq
            return ChainReport(
                checked, entry.seq, ChainProblem(Tampering.BROKEN_LINK, culprit, previous or entry)
            )
        previous = entry
        checked += 1

    last_seq = previous.seq if previous else 0
    last_hash = previous.hash if previous else GENESIS_HASH
    head_seq, head_hash = head if head else (0, GENESIS_HASH)
    if head_seq > last_seq:
        return ChainReport(checked, last_seq, ChainProblem(Tampering.DELETED, last_seq + 1))
    if head_seq < last_seq:
        return ChainReport(checked, last_seq, ChainProblem(Tampering.INSERTED, head_seq + 1))
    if head_hash != last_hash:
        return ChainReport(checked, last_seq, ChainProblem(Tampering.ALTERED, last_seq, previous))
    return ChainReport(checked, last_seq, None)
