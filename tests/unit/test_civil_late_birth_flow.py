"""The issue's 'done when', on the pure rules: a late birth abroad of a child of a national
father (not married) and a stateless mother, approved by a supervisor, registered, then
annotated with a recognition of paternity that settles the child's nationality."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

from tests.unit.test_civil_records import birth, parent
from workstation.domain.civil.annotations import History, recognition_of_paternity
from workstation.domain.civil.codec import annotation_from_plain, record_from_plain, to_plain
from workstation.domain.civil.duplicates import find_duplicate_births
from workstation.domain.civil.explanations import explain
from workstation.domain.civil.nationality import Outcome, assess_nationality
from workstation.domain.civil.records import BirthRecord, EventKind, ParentsMaritalStatus
from workstation.domain.civil.register_numbers import format_register_number
from workstation.domain.civil.timeliness import (
    Timeliness,
    assess_registration,
    check_supervisor_approval,
)
from workstation.domain.civil.validation import check_record
from workstation.domain.officers import Role
from workstation.rules.loader import (
    load_birthright_rules,
    load_descent_rules,
    load_registration_rules,
)

REGISTRAR, SUPERVISOR = 11, 12


def test_late_birth_approved_registered_and_recognised_later() -> None:
    uto, birthright = load_descent_rules("UTO"), load_birthright_rules()
    registration = load_registration_rules("UTO")
    record = birth(
        mother=parent("DOE", "Mary", "XXA", born_in="ARE"),
        father=parent("ROE", "John", "UTO"),
        married=ParentsMaritalStatus.NOT_MARRIED,
        country="ARE",
        born=dt.date(2026, 1, 10),
        registered=dt.date(2026, 5, 4),
    )
    check_record(record, today=dt.date(2026, 5, 4))
    assert find_duplicate_births(record, []) == ()

    presented = [
        "local_birth_certificate",
        "parent_identity",
        "parent_nationality_proof",
        "reason_for_delay",
    ]
    assessment = assess_registration(
        registration, EventKind.BIRTH, record.birth_date, record.registered_on, presented
    )
    assert assessment.timeliness is Timeliness.LATE and assessment.missing == ()
    check_supervisor_approval(assessment, REGISTRAR, SUPERVISOR, [Role.SUPERVISOR])

    before = assess_nationality(record, uto, birthright)
    assert before.outcome is Outcome.NEEDS_MORE_EVIDENCE and before.refer_to_supervisor
    assert [explain(r) for r in before.reasons[:1]] == [
        "No nationality is established yet; the evidence listed would settle it."
    ]

    number = format_register_number("UTO-DXB", EventKind.BIRTH, 2026, 1)
    stored = json.dumps(to_plain(dataclasses.replace(record, register_number=number)))
    original = record_from_plain(EventKind.BIRTH, json.loads(stored))
    assert isinstance(original, BirthRecord) and original.register_number == "UTO-DXB/B/2026/000001"

    assert record.father is not None
    recognition = recognition_of_paternity(
        1, record.father, "Recognition before the consul", "Consul, UTO-DXB", dt.date(2026, 8, 3)
    )
    stored_annotation = json.dumps(to_plain(recognition))
    history = History(original).append(
        annotation_from_plain(BirthRecord, json.loads(stored_annotation))
    )
    after = assess_nationality(history.current(), uto, birthright)
    assert after.outcome is Outcome.ACQUIRES and after.nationalities == ("UTO",)
    assert history.original.paternity_recognition is None  # the entry as registered
    assert history.current().register_number == number
