import datetime as dt

import pytest

from workstation.domain.document_kinds import CONSULAR_ID_CARD, EMERGENCY_TRAVEL_DOCUMENT
from workstation.domain.documents import Document, DocumentAction, DocumentState, transition
from workstation.domain.errors import DomainError, LifecycleError, PermissionDeniedError
from workstation.domain.officers import Officer, Role

AT = dt.datetime(2026, 11, 25, 10, 0, tzinfo=dt.UTC)
CLERK = Officer(1, "clerk", "Carla Clerk", frozenset({Role.CLERK}))
CLERK2 = Officer(5, "clerk2", "Chris Clerk", frozenset({Role.CLERK}))
SUPERVISOR = Officer(2, "supervisor", "Sofia Supervisor", frozenset({Role.SUPERVISOR}))
SUPERVISOR2 = Officer(3, "supervisor2", "Sam Supervisor", frozenset({Role.SUPERVISOR}))
ADMIN = Officer(4, "admin", "Adam Admin", frozenset({Role.ADMIN}))


def _submitted(kind=EMERGENCY_TRAVEL_DOCUMENT, officer=CLERK) -> Document:  # type: ignore[no-untyped-def]
    draft = Document.draft(kind, 10, officer, AT)
    return transition(draft, DocumentAction.SUBMIT, officer, kind, AT)


def test_the_whole_path_records_who_did_each_step() -> None:
    kind = EMERGENCY_TRAVEL_DOCUMENT
    doc = _submitted()
    doc = transition(doc, DocumentAction.APPROVE, SUPERVISOR, kind, AT)
    doc = transition(doc, DocumentAction.PRODUCE, CLERK, kind, AT, number="ET0000011")
    doc = transition(doc, DocumentAction.ISSUE, CLERK, kind, AT, reason="print job 1 completed")
    doc = transition(doc, DocumentAction.DELIVER, CLERK, kind, AT)
    assert doc.state == DocumentState.DELIVERED
    assert doc.number == "ET0000011"
    assert [(e.action, e.officer_id) for e in doc.events] == [
        (DocumentAction.CREATE, CLERK.id),
        (DocumentAction.SUBMIT, CLERK.id),
        (DocumentAction.APPROVE, SUPERVISOR.id),
        (DocumentAction.PRODUCE, CLERK.id),
        (DocumentAction.ISSUE, CLERK.id),
        (DocumentAction.DELIVER, CLERK.id),
    ]


def test_a_step_out_of_order_is_a_coded_error() -> None:
    draft = Document.draft(CONSULAR_ID_CARD, 10, CLERK, AT)
    with pytest.raises(LifecycleError) as caught:
        transition(draft, DocumentAction.PRODUCE, CLERK, CONSULAR_ID_CARD, AT)
    assert caught.value.code == "lifecycle.transition_not_allowed"
    assert caught.value.params == {"action": "produce", "state": "draft"}


def test_a_document_is_issued_only_after_it_was_produced_and_with_how_it_was_printed() -> None:
    kind = CONSULAR_ID_CARD
    approved = transition(_submitted(kind=kind), DocumentAction.APPROVE, CLERK, kind, AT)
    with pytest.raises(LifecycleError):
        transition(approved, DocumentAction.ISSUE, CLERK, kind, AT, reason="printed")
    produced = transition(approved, DocumentAction.PRODUCE, CLERK, kind, AT, number="CI0000015")
    assert produced.state == DocumentState.PRODUCED
    with pytest.raises(DomainError) as caught:
        transition(produced, DocumentAction.ISSUE, CLERK, kind, AT)
    assert (caught.value.code, caught.value.field) == ("lifecycle.reason_required", "reason")
    issued = transition(produced, DocumentAction.ISSUE, CLERK, kind, AT, reason="printed by hand")
    assert issued.state == DocumentState.ISSUED and issued.number == "CI0000015"


def test_a_clerk_cannot_approve_what_needs_a_supervisor() -> None:
    with pytest.raises(PermissionDeniedError) as caught:
        transition(_submitted(), DocumentAction.APPROVE, CLERK2, EMERGENCY_TRAVEL_DOCUMENT, AT)
    assert caught.value.code == "auth.permission_denied"


def test_nobody_approves_their_own_request() -> None:
    own = _submitted(officer=SUPERVISOR)
    with pytest.raises(PermissionDeniedError) as caught:
        transition(own, DocumentAction.APPROVE, SUPERVISOR, EMERGENCY_TRAVEL_DOCUMENT, AT)
    assert caught.value.code == "lifecycle.four_eyes"
    approved = transition(own, DocumentAction.APPROVE, SUPERVISOR2, EMERGENCY_TRAVEL_DOCUMENT, AT)
    assert approved.state == DocumentState.APPROVED


def test_a_kind_without_second_eyes_lets_the_clerk_approve() -> None:
    doc = _submitted(kind=CONSULAR_ID_CARD)
    approved = transition(doc, DocumentAction.APPROVE, CLERK, CONSULAR_ID_CARD, AT)
    assert approved.state == DocumentState.APPROVED


def test_the_administrator_does_not_handle_documents() -> None:
    with pytest.raises(PermissionDeniedError):
        Document.draft(CONSULAR_ID_CARD, 10, ADMIN, AT)


def test_voiding_an_issued_document_needs_a_supervisor_and_a_reason() -> None:
    kind = CONSULAR_ID_CARD
    doc = transition(_submitted(kind=kind), DocumentAction.APPROVE, CLERK, kind, AT)
    doc = transition(doc, DocumentAction.PRODUCE, CLERK, kind, AT, number="CI0000015")
    doc = transition(doc, DocumentAction.ISSUE, CLERK, kind, AT, reason="print job 3 completed")
    with pytest.raises(PermissionDeniedError):
        transition(doc, DocumentAction.VOID, CLERK, kind, AT, reason="lost")
    with pytest.raises(DomainError) as caught:
        transition(doc, DocumentAction.VOID, SUPERVISOR, kind, AT, reason="  ")
    assert (caught.value.code, caught.value.field) == ("lifecycle.reason_required", "reason")
    voided = transition(doc, DocumentAction.VOID, SUPERVISOR, kind, AT, reason="reported lost")
    assert voided.state == DocumentState.VOIDED
    with pytest.raises(LifecycleError):
        transition(voided, DocumentAction.DELIVER, CLERK, kind, AT)


def test_a_spoiled_copy_is_recorded_without_changing_the_document() -> None:
    kind = CONSULAR_ID_CARD
    doc = transition(_submitted(kind=kind), DocumentAction.APPROVE, CLERK, kind, AT)
    doc = transition(doc, DocumentAction.PRODUCE, CLERK, kind, AT, number="CI0000015")
    spoiled = transition(doc, DocumentAction.SPOIL_COPY, CLERK, kind, AT, reason="ribbon jam")
    assert spoiled.state == DocumentState.PRODUCED
    assert spoiled.spoiled_copies == 1
    assert spoiled.events[-1].reason == "ribbon jam"


def test_rejection_returns_the_request_with_its_reason() -> None:
    kind = EMERGENCY_TRAVEL_DOCUMENT
    rejected = transition(
        _submitted(), DocumentAction.REJECT, SUPERVISOR, kind, AT, reason="photo too old"
    )
    assert rejected.state == DocumentState.DRAFT
    assert rejected.events[-1].reason == "photo too old"
