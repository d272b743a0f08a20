from dataclasses import replace

from workstation.domain.audit import GENESIS_HASH, AuditEntry, Tampering, verify_chain


def _chain(n: int) -> list[AuditEntry]:
    entries: list[AuditEntry] = []
    previous = GENESIS_HASH
    for seq in range(1, n + 1):
        entry = AuditEntry(
            seq,
            f"2026-11-25T10:00:0{seq}.000000Z",
            "clerk",
            "person.add",
            "person",
            str(seq),
            {"name": f"PERSON {seq}"},
            previous,
        ).sealed()
        entries.append(entry)
        previous = entry.hash
    return entries


def _head(entries: list[AuditEntry]) -> tuple[int, str]:
    return entries[-1].seq, entries[-1].hash


def test_an_intact_chain_verifies() -> None:
    entries = _chain(5)
    report = verify_chain(entries, _head(entries))
    assert report.ok and report.entries_checked == 5


def test_an_altered_entry_is_named() -> None:
    entries = _chain(5)
    head = _head(entries)
    entries[2] = replace(entries[2], actor="supervisor")
    problem = verify_chain(entries, head).problem
    assert problem is not None and (problem.kind, problem.seq) == (Tampering.ALTERED, 3)


def test_a_rehashed_alteration_breaks_the_link_at_that_entry() -> None:
    entries = _chain(5)
    head = _head(entries)
    entries[1] = replace(entries[1], details={"name": "SOMEONE ELSE"}).sealed()
    problem = verify_chain(entries, head).problem
    assert problem is not None and (problem.kind, problem.seq) == (Tampering.BROKEN_LINK, 2)


def test_a_deleted_entry_is_named() -> None:
    entries = _chain(5)
    head = _head(entries)
    del entries[3]
    problem = verify_chain(entries, head).problem
    assert problem is not None and (problem.kind, problem.seq) == (Tampering.DELETED, 4)


def test_removing_the_newest_entries_is_seen_through_the_head() -> None:
    entries = _chain(5)
    head = _head(entries)
    problem = verify_chain(entries[:3], head).problem
    assert problem is not None and (problem.kind, problem.seq) == (Tampering.DELETED, 4)


def test_an_entry_slipped_in_after_the_head_is_named() -> None:
    entries = _chain(5)
    head = _head(entries)
    forged = AuditEntry(
        6, "2026-11-25T11:00:00.000000Z", "clerk", "x", "person", "1", {}, entries[-1].hash
    ).sealed()
    problem = verify_chain([*entries, forged], head).problem
    assert problem is not None and (problem.kind, problem.seq) == (Tampering.INSERTED, 6)


def test_an_empty_log_verifies() -> None:
    assert verify_chain([], None).ok
