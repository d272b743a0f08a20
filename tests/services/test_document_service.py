import datetime as dt

import pytest

from tests.conftest import Post
from workstation.domain.documents import DocumentAction, DocumentState
from workstation.domain.errors import LifecycleError, PermissionDeniedError
from workstation.domain.numbering import is_well_formed
from workstation.services import documents as documents_module


def _person(post: Post) -> int:
    return post.persons.add(
        post.officers["clerk"],
        {
            "surname": "Eriksson",
            "given_names": "Anna Maria",
            "sex": "F",
            "birth_date": "1974-08-12",
            "nationality": "UTO",
        },
    )


def _approved_card(post: Post) -> int:
    clerk = post.officers["clerk"]
    document_id = post.documents.create(clerk, "consular_id_card", _person(post))
    post.documents.act(clerk, document_id, DocumentAction.SUBMIT)
    post.documents.act(clerk, document_id, DocumentAction.APPROVE)
    return document_id


def test_an_etd_goes_through_a_second_officer_and_gets_a_number(post: Post) -> None:
    clerk, supervisor = post.officers["clerk"], post.officers["supervisor"]
    document_id = post.documents.create(
        clerk,
        "emergency_travel_document",
        _person(post),
        {"destination": "Utopia City", "replaced_passport": "X1234567 (lost)"},
    )
    post.documents.act(clerk, document_id, DocumentAction.SUBMIT)
    with pytest.raises(PermissionDeniedError):
        post.documents.act(clerk, document_id, DocumentAction.APPROVE)
    post.documents.act(supervisor, document_id, DocumentAction.APPROVE)
    issued = post.documents.act(clerk, document_id, DocumentAction.PRODUCE)
    assert issued.state == DocumentState.PRODUCED
    assert issued.number is not None and issued.number.startswith("ET000001")
    assert is_well_formed(issued.number)
    assert issued.issued_on is not None and issued.expires_on is not None
    assert (issued.expires_on - issued.issued_on).days == 15
    stored = post.documents.get(document_id)
    assert [e.action for e in stored.events] == [
        DocumentAction.CREATE,
        DocumentAction.SUBMIT,
        DocumentAction.APPROVE,
        DocumentAction.PRODUCE,
    ]
    actions = [e.action for e in post.audit.trail("document", str(document_id))]
    assert actions == ["document.produce", "document.approve", "document.submit", "document.create"]


def test_numbers_follow_each_other_and_a_void_keeps_its_number(post: Post) -> None:
    clerk, supervisor = post.officers["clerk"], post.officers["supervisor"]
    first = post.documents.act(clerk, _approved_card(post), DocumentAction.PRODUCE)
    second = post.documents.act(clerk, _approved_card(post), DocumentAction.PRODUCE)
    assert first.number and second.number
    assert int(second.number[2:-1]) == int(first.number[2:-1]) + 1
    assert first.id is not None
    post.documents.act(supervisor, first.id, DocumentAction.VOID, reason="card reported stolen")
    reports = post.documents.reconcile_stock()
    card = next(r for r in reports if r.series.startswith("consular_id_card"))
    assert card.last_sequence == 2 and card.ok


def test_a_failure_while_issuing_leaves_no_number_used_and_nothing_half_written(
    sqlite_post: Post, monkeypatch: pytest.MonkeyPatch
) -> None:
    post = sqlite_post
    document_id = _approved_card(post)
    audit_before = post.audit.verify().last_seq

    def broken_audit(*args: object, **kwargs: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(documents_module, "record", broken_audit)
    with pytest.raises(OSError):
        post.documents.act(post.officers["clerk"], document_id, DocumentAction.PRODUCE)
    monkeypatch.undo()
    document = post.documents.get(document_id)
    assert (document.state, document.number) == (DocumentState.APPROVED, None)
    assert post.audit.verify().last_seq == audit_before
    issued = post.documents.act(post.officers["clerk"], document_id, DocumentAction.PRODUCE)
    assert issued.number is not None and issued.number[2:-1] == "000001"


def test_an_issued_document_cannot_be_issued_again(sqlite_post: Post) -> None:
    clerk = sqlite_post.officers["clerk"]
    document_id = _approved_card(sqlite_post)
    sqlite_post.documents.act(clerk, document_id, DocumentAction.PRODUCE)
    with pytest.raises(LifecycleError):
        sqlite_post.documents.act(clerk, document_id, DocumentAction.PRODUCE)
    reports = sqlite_post.documents.reconcile_stock()
    assert [r.last_sequence for r in reports if r.series.startswith("consular")] == [1]


def test_history_times_come_back_as_utc_instants(post: Post) -> None:
    document_id = _approved_card(post)
    events = post.documents.get(document_id).events
    assert all(e.at.tzinfo is not None and e.at.utcoffset() == dt.timedelta(0) for e in events)
    assert events[0].at.replace(microsecond=0) == dt.datetime(2026, 11, 25, 9, 30, tzinfo=dt.UTC)
