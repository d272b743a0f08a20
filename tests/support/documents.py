"""Documents brought to a state through the real services, for tests that start from there."""

from __future__ import annotations

from tests.support.portraits import compliant_jpeg
from workstation.domain.documents import DocumentAction
from workstation.domain.officers import Officer
from workstation.services.keys import DEMO_KEY_PASSPHRASE
from workstation.wiring import Services


def produced_card(services: Services, officer: Officer, person_id: int) -> int:
    """A consular ID card for ``person_id`` with a compliant portrait, numbered, signed and
    rendered (produced), ready to print; its id."""
    document_id = services.documents.create(officer, "consular_id_card", person_id)
    services.photos.capture_for_person(
        officer, person_id, compliant_jpeg(), document_id=document_id
    )
    for action in (DocumentAction.SUBMIT, DocumentAction.APPROVE):
        services.documents.act(officer, document_id, action)
    services.documents.act(
        officer, document_id, DocumentAction.PRODUCE, passphrase=DEMO_KEY_PASSPHRASE
    )
    return document_id
