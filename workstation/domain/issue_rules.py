"""What must hold before a document is issued (checked inside the issuing transaction)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from workstation.domain.document_kinds import DocumentKind
from workstation.domain.errors import DomainError, FieldError, ValidationError
from workstation.domain.people import Person
from workstation.domain.posts import Post

CONSULAR_ID_CARD = "consular_id_card"
EMERGENCY_TRAVEL_DOCUMENT = "emergency_travel_document"
ETD_FIELDS = ("destination", "transit_points", "replaced_passport")


def check_request_data(kind: str, data: Mapping[str, Any]) -> dict[str, str]:
    """The request's own data, cleaned: an ETD names its destination and the passport it
    replaces (transit points may be empty); other kinds carry none yet."""
    if kind != EMERGENCY_TRAVEL_DOCUMENT:
        if data:
            raise ValidationError([FieldError(str(next(iter(data))), "field.unknown")])
        return {}
    errors = [FieldError(key, "field.unknown") for key in data if key not in ETD_FIELDS]
    cleaned = {key: " ".join(str(data.get(key, "") or "").split()) for key in ETD_FIELDS}
    errors += [
        FieldError(key, "field.required")
        for key in ("destination", "replaced_passport")
        if not cleaned[key]
    ]
    if errors:
        raise ValidationError(errors)
    return cleaned


def check_issue(
    kind: DocumentKind,
    person: Person,
    post: Post,
    *,
    has_portrait: bool,
    other_valid_etds: Sequence[str],
) -> None:
    """Refuse to issue, with the field at fault, what the post may not issue."""
    if person.nationality != post.issuing_state:
        raise DomainError(
            "issue.not_a_national",
            "nationality",
            nationality=person.nationality,
            state=post.issuing_state,
        )
    if kind.code == CONSULAR_ID_CARD and not has_portrait:
        raise DomainError("issue.photo_missing", "photo")
    if kind.code == EMERGENCY_TRAVEL_DOCUMENT and other_valid_etds:
        raise DomainError("issue.etd_already_valid", "person_id", number=other_valid_etds[0])
    if kind.validity_days is None:
        raise DomainError("issue.validity_missing", "validity_days", kind=kind.code)
