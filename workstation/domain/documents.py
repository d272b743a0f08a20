"""Documents and their lifecycle: who did which step, when, and which steps are allowed.

draft -> submitted -> approved -> produced -> issued -> delivered, with ``reject`` sending a
submitted request back to draft, ``void`` ending a document from any live state, and spoiled copies
(a card that failed at the printer or the chip encoder) recorded on a produced or issued document
without changing its state.

*Produced* means numbered, sealed and rendered: the number is used from then on. The document is
*issued* only when its print job completed, or when an officer confirms that it was printed by hand
(see :mod:`workstation.domain.printing`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any

from workstation.domain.document_kinds import DocumentKind
from workstation.domain.errors import DomainError, LifecycleError, PermissionDeniedError
from workstation.domain.officers import Officer, Permission


class DocumentState(StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    APPROVED = "approved"
    PRODUCED = "produced"
    ISSUED = "issued"
    DELIVERED = "delivered"
    VOIDED = "voided"


class DocumentAction(StrEnum):
    CREATE = "create"
    SUBMIT = "submit"
    APPROVE = "approve"
    REJECT = "reject"
    PRODUCE = "produce"
    ISSUE = "issue"
    DELIVER = "deliver"
    VOID = "void"
    SPOIL_COPY = "spoil_copy"


@dataclass(frozen=True, slots=True)
class _Rule:
    sources: frozenset[DocumentState]
    target: DocumentState | None  # None: the state does not change (spoiled copy)
    permission: Permission
    reason_required: bool = False


_S = DocumentState
_LIVE = frozenset({_S.DRAFT, _S.SUBMITTED, _S.APPROVED})
RULES: Mapping[DocumentAction, _Rule] = {
    DocumentAction.SUBMIT: _Rule(frozenset({_S.DRAFT}), _S.SUBMITTED, Permission.DOCUMENT_PREPARE),
    DocumentAction.APPROVE: _Rule(
        frozenset({_S.SUBMITTED}), _S.APPROVED, Permission.DOCUMENT_APPROVE
    ),
    DocumentAction.REJECT: _Rule(
        frozenset({_S.SUBMITTED}), _S.DRAFT, Permission.DOCUMENT_APPROVE, reason_required=True
    ),
    DocumentAction.PRODUCE: _Rule(frozenset({_S.APPROVED}), _S.PRODUCED, Permission.DOCUMENT_ISSUE),
    # The reason says how the document was finished: which print job completed, or who printed
    # it by hand and why.
    DocumentAction.ISSUE: _Rule(
        frozenset({_S.PRODUCED}), _S.ISSUED, Permission.DOCUMENT_ISSUE, reason_required=True
    ),
    DocumentAction.DELIVER: _Rule(
        frozenset({_S.ISSUED}), _S.DELIVERED, Permission.DOCUMENT_DELIVER
    ),
    DocumentAction.VOID: _Rule(
        _LIVE | {_S.PRODUCED, _S.ISSUED, _S.DELIVERED},
        _S.VOIDED,
        Permission.DOCUMENT_VOID,
        reason_required=True,
    ),
    DocumentAction.SPOIL_COPY: _Rule(
        frozenset({_S.PRODUCED, _S.ISSUED}),
        None,
        Permission.DOCUMENT_SPOIL,
        reason_required=True,
    ),
}


@dataclass(frozen=True, slots=True)
class LifecycleEvent:
    """One step in a document's life, as the audit trail and the officer see it."""

    action: DocumentAction
    from_state: DocumentState | None
    to_state: DocumentState
    officer_id: int
    at: dt.datetime
    reason: str = ""


@dataclass(frozen=True, slots=True)
class Document:
    """A document request and, once issued, the document: number, validity, data, history."""

    kind: str
    person_id: int
    state: DocumentState
    events: tuple[LifecycleEvent, ...]
    data: Mapping[str, Any] = field(default_factory=dict)
    number: str | None = None
    issued_on: dt.date | None = None
    expires_on: dt.date | None = None
    id: int | None = None

    @classmethod
    def draft(
        cls,
        kind: DocumentKind,
        person_id: int,
        officer: Officer,
        at: dt.datetime,
        data: Mapping[str, Any] | None = None,
    ) -> Document:
        officer.require(Permission.DOCUMENT_PREPARE)
        event = LifecycleEvent(DocumentAction.CREATE, None, _S.DRAFT, officer.id, at)
        return cls(kind.code, person_id, _S.DRAFT, (event,), dict(data or {}))

    def last_officer_for(self, action: DocumentAction) -> int | None:
        for event in reversed(self.events):
            if event.action == action:
                return event.officer_id
        return None

    @property
    def spoiled_copies(self) -> int:
        return sum(1 for e in self.events if e.action == DocumentAction.SPOIL_COPY)


def _permission_for(
    rule: _Rule, action: DocumentAction, document: Document, kind: DocumentKind
) -> Permission:
    """Kinds without a second pair of eyes let the preparing officer approve and reject;
    cancelling a request that was never issued needs no supervisor either."""
    if action in (DocumentAction.APPROVE, DocumentAction.REJECT) and not kind.requires_approval:
        return Permission.DOCUMENT_PREPARE
    if action == DocumentAction.VOID and document.state in _LIVE:
        return Permission.DOCUMENT_PREPARE
    return rule.permission


def transition(
    document: Document,
    action: DocumentAction,
    officer: Officer,
    kind: DocumentKind,
    at: dt.datetime,
    reason: str = "",
    **changes: Any,
) -> Document:
    """Apply ``action`` by ``officer``; return the new document or raise a coded error.

    ``changes`` carries what the step sets besides the state (the number, dates on issue).
    """
    if action == DocumentAction.CREATE or action not in RULES:
        raise LifecycleError("lifecycle.unknown_action", action=action.value)
    if document.kind != kind.code:
        raise DomainError("lifecycle.kind_mismatch", kind=kind.code, document_kind=document.kind)
    rule = RULES[action]
    if document.state not in rule.sources:
        raise LifecycleError(
            "lifecycle.transition_not_allowed", action=action.value, state=document.state.value
        )
    officer.require(_permission_for(rule, action, document, kind))
    if rule.reason_required and not reason.strip():
        raise DomainError("lifecycle.reason_required", "reason", action=action.value)
    if (
        action == DocumentAction.APPROVE
        and kind.requires_approval
        and document.last_officer_for(DocumentAction.SUBMIT) == officer.id
    ):
        raise PermissionDeniedError("lifecycle.four_eyes", action=action.value)
    target = rule.target or document.state
    event = LifecycleEvent(action, document.state, target, officer.id, at, reason.strip())
    return replace(document, state=target, events=(*document.events, event), **changes)
