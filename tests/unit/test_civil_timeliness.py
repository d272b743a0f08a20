"""Timeliness at the exact boundaries, evidence for late registrations, supervisor approval."""

from __future__ import annotations

import datetime as dt

import pytest

from workstation.domain.civil.records import EventKind
from workstation.domain.civil.timeliness import (
    EvidenceRequirement,
    RegistrationRules,
    Timeliness,
    add_months,
    assess_registration,
    check_supervisor_approval,
    classify_timeliness,
    missing_evidence,
    requires_supervisor_approval,
)
from workstation.domain.errors import DomainError
from workstation.domain.officers import Role
from workstation.rules.loader import load_registration_rules

BORN = dt.date(2026, 3, 1)
DAY = dt.timedelta(days=1)


@pytest.mark.parametrize(
    ("registered", "expected"),
    [
        (BORN, Timeliness.CURRENT),  # the day of the birth
        (BORN + 59 * DAY, Timeliness.CURRENT),  # day before the end of the legal period
        (BORN + 60 * DAY, Timeliness.CURRENT),  # last day of the legal period (30 April)
        (BORN + 61 * DAY, Timeliness.LATE),  # day after
        (dt.date(2027, 2, 28), Timeliness.LATE),  # day before the anniversary
        (dt.date(2027, 3, 1), Timeliness.LATE),  # the anniversary: the grace year's last day
        (dt.date(2027, 3, 2), Timeliness.DELAYED),  # day after
        (dt.date(2040, 1, 1), Timeliness.DELAYED),
    ],
)
def test_birth_timeliness_at_the_boundaries(registered: dt.date, expected: Timeliness) -> None:
    assert classify_timeliness(BORN, registered, legal_period_days=60) is expected


def test_the_uto_settings_give_the_same_boundaries() -> None:
    rules = load_registration_rules("UTO")
    assert rules.legal_period_days[EventKind.BIRTH] == 60
    assert rules.timeliness(EventKind.BIRTH, BORN, dt.date(2026, 4, 30)) is Timeliness.CURRENT
    assert rules.timeliness(EventKind.BIRTH, BORN, dt.date(2026, 5, 1)) is Timeliness.LATE
    died = dt.date(2026, 1, 31)
    assert rules.timeliness(EventKind.DEATH, died, dt.date(2026, 3, 2)) is Timeliness.CURRENT
    assert rules.timeliness(EventKind.DEATH, died, dt.date(2026, 3, 3)) is Timeliness.LATE


@pytest.mark.parametrize(
    ("registered", "expected"),
    [
        (dt.date(2025, 2, 27), Timeliness.LATE),
        (dt.date(2025, 2, 28), Timeliness.LATE),  # no 29 February: the month's last day
        (dt.date(2025, 3, 1), Timeliness.DELAYED),
    ],
)
def test_a_leap_day_birth_reaches_a_year_on_28_february(
    registered: dt.date, expected: Timeliness
) -> None:
    assert classify_timeliness(dt.date(2024, 2, 29), registered, 30) is expected


def test_add_months_clamps_to_the_end_of_the_month() -> None:
    assert add_months(dt.date(2026, 1, 31), 1) == dt.date(2026, 2, 28)
    assert add_months(dt.date(2026, 11, 30), 3) == dt.date(2027, 2, 28)
    assert add_months(dt.date(2026, 3, 1), 12) == dt.date(2027, 3, 1)


def test_a_registration_before_the_event_is_refused() -> None:
    with pytest.raises(DomainError) as caught:
        classify_timeliness(BORN, BORN - DAY, 60)
    assert caught.value.code == "civil.registration_before_event"
    assert caught.value.field == "registered_on"


def test_a_legal_period_longer_than_the_grace_year_leaves_no_late_window() -> None:
    assert classify_timeliness(BORN, dt.date(2027, 3, 1), 400) is Timeliness.CURRENT
    assert classify_timeliness(BORN, BORN + 400 * DAY, 400) is Timeliness.CURRENT
    assert classify_timeliness(BORN, BORN + 401 * DAY, 400) is Timeliness.DELAYED


def test_missing_evidence_lists_unmet_requirements_in_order() -> None:
    required = [
        EvidenceRequirement.parse("local_birth_certificate"),
        EvidenceRequirement.parse("hospital_record|midwife_declaration"),
        EvidenceRequirement.parse("witness_declaration"),
    ]
    assert missing_evidence(required, []) == (
        "local_birth_certificate",
        "hospital_record|midwife_declaration",
        "witness_declaration",
    )
    assert missing_evidence(required, ["midwife_declaration", "local_birth_certificate"]) == (
        "witness_declaration",
    )
    assert (
        missing_evidence(
            required, ["local_birth_certificate", "hospital_record", "witness_declaration"]
        )
        == ()
    )


def test_a_bad_evidence_code_is_refused() -> None:
    with pytest.raises(DomainError) as caught:
        EvidenceRequirement.parse("Hospital Record")
    assert caught.value.code == "civil.evidence.invalid_code"


def test_late_and_delayed_registrations_list_more_evidence_and_need_approval() -> None:
    rules = load_registration_rules("UTO")
    current = assess_registration(rules, EventKind.BIRTH, BORN, BORN + DAY, [])
    late = assess_registration(rules, EventKind.BIRTH, BORN, dt.date(2026, 6, 1), [])
    delayed = assess_registration(rules, EventKind.BIRTH, BORN, dt.date(2030, 6, 1), [])
    assert (current.timeliness, late.timeliness, delayed.timeliness) == tuple(Timeliness)
    assert not current.approval_required
    assert late.approval_required and delayed.approval_required
    assert len(current.required) < len(late.required) < len(delayed.required)
    assert "reason_for_delay" in late.missing
    assert "hospital_record|midwife_declaration|baptism_record" in delayed.missing
    assert [requires_supervisor_approval(t) for t in Timeliness] == [False, True, True]


def _rules_with_one_late_requirement() -> RegistrationRules:
    return RegistrationRules(
        "UTO",
        {EventKind.BIRTH: 30, EventKind.MARRIAGE: 30, EventKind.DEATH: 30},
        evidence={
            (EventKind.BIRTH, Timeliness.LATE): (EvidenceRequirement(("reason_for_delay",)),)
        },
    )


def test_approval_needs_another_officer_who_is_a_supervisor() -> None:
    rules = _rules_with_one_late_requirement()
    late = assess_registration(rules, EventKind.BIRTH, BORN, dt.date(2026, 6, 1), [])
    supervisor = [Role.SUPERVISOR]
    with pytest.raises(DomainError) as caught:
        check_supervisor_approval(
            late, registered_by=1, approved_by=2, approver_roles=[Role.REGISTRAR]
        )
    assert caught.value.code == "civil.approval.not_supervisor"
    with pytest.raises(DomainError) as caught:
        check_supervisor_approval(late, 1, 1, [Role.SUPERVISOR, Role.REGISTRAR])
    assert caught.value.code == "civil.approval.four_eyes"
    with pytest.raises(DomainError) as caught:
        check_supervisor_approval(late, 1, 2, supervisor)
    assert caught.value.code == "civil.approval.evidence_missing"
    check_supervisor_approval(late, 1, 2, supervisor, override_reason="Hospital closed in 2026")
    complete = assess_registration(
        rules, EventKind.BIRTH, BORN, dt.date(2026, 6, 1), ["reason_for_delay"]
    )
    check_supervisor_approval(complete, 1, 2, supervisor)
    current = assess_registration(rules, EventKind.BIRTH, BORN, BORN, [])
    with pytest.raises(DomainError) as caught:
        check_supervisor_approval(current, 1, 2, supervisor)
    assert caught.value.code == "civil.approval.not_required"
