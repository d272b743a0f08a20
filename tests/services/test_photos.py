"""PhotoService: the original and the processed portrait kept with the person, failed checks
refused unless overridden, overrides audited; on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import hashlib
import io

import pytest
from PIL import Image

from tests.conftest import Post
from tests.support import portraits as samples
from workstation.domain.documents import DocumentAction
from workstation.domain.errors import (
    DomainError,
    LifecycleError,
    NotFoundError,
    PermissionDeniedError,
    ValidationError,
)
from workstation.domain.portrait import CheckCode
from workstation.services.photos import PhotoService, parse_check_code

OLD = dt.datetime(2025, 12, 24, 10, 0)  # 336 days before the fixed clock's today


def _photos(post: Post) -> PhotoService:
    return PhotoService(post.db, post.clock, "Europe/Zurich")


def _person(post: Post) -> int:
    return post.persons.add(
        post.officers["clerk"],
        {
            "surname": "Collins",
            "given_names": "Eileen",
            "sex": "F",
            "birth_date": "1956-11-19",
            "nationality": "UTO",
        },
    )


def _audit(post: Post, action: str) -> list[dict[str, object]]:
    entries = post.audit.recent(post.officers["supervisor"], limit=50)
    return [dict(e.details) for e in entries if e.action == action]


def test_a_compliant_photo_is_kept_with_its_processed_portrait(post: Post) -> None:
    photos, person = _photos(post), _person(post)
    original = samples.compliant_jpeg()
    portrait_id = photos.capture_for_person(post.officers["clerk"], person, original)
    (stored,) = photos.for_person(post.officers["supervisor"], person)
    assert stored.id == portrait_id and stored.compliant and stored.overrides == ()
    assert stored.officer_id == post.officers["clerk"].id and stored.document_id is None
    assert {c.code for c in stored.checks} == set(CheckCode)
    images = photos.images(post.officers["supervisor"], portrait_id)
    assert images.original == original and images.original_media_type == "image/jpeg"
    assert Image.open(io.BytesIO(images.print_jpeg)).size == (413, 531)
    assert len(images.chip_jpeg) <= 15000
    (captured,) = _audit(post, "photo.captured")
    assert captured["portrait_id"] == portrait_id and captured["compliant"] is True
    assert captured["original_sha256"] == hashlib.sha256(original).hexdigest()
    assert post.audit.verify().ok


def test_a_failed_check_without_override_is_refused_and_nothing_is_kept(
    sqlite_post: Post,
) -> None:
    post = sqlite_post
    photos, person = _photos(post), _person(post)
    with pytest.raises(DomainError) as refused:
        photos.capture_for_person(
            post.officers["clerk"], person, samples.jpeg(samples.good(), captured=OLD)
        )
    assert refused.value.code == "photo.not_compliant"
    assert refused.value.params["checks"] == "photo_age"
    assert photos.for_person(post.officers["clerk"], person) == []
    assert _audit(post, "photo.captured") == []


def test_an_override_is_stored_and_audited_with_its_justification(post: Post) -> None:
    photos, person = _photos(post), _person(post)
    justification = "Applicant compared in person; no change since the photo"
    portrait_id = photos.capture_for_person(
        post.officers["clerk"],
        person,
        samples.jpeg(samples.good(), captured=OLD),
        {CheckCode.PHOTO_AGE: justification},
    )
    (stored,) = photos.for_person(post.officers["clerk"], person)
    assert not stored.compliant and stored.captured_at == OLD
    (override,) = stored.overrides
    assert override.check.code == CheckCode.PHOTO_AGE and override.justification == justification
    (entry,) = _audit(post, "photo.check_overridden")
    assert entry == {
        "portrait_id": portrait_id,
        "code": "photo_age",
        "value": 336,
        "threshold": "<= 183",
        "reason": "photo.reason.too_high",
        "justification": justification,
    }
    (captured,) = _audit(post, "photo.captured")
    assert captured["failed"] == ["photo_age"] and captured["compliant"] is False
    assert post.audit.verify().ok


def test_two_faces_cannot_be_overridden(sqlite_post: Post) -> None:
    post = sqlite_post
    photos, person = _photos(post), _person(post)
    with pytest.raises(ValidationError) as refused:
        photos.capture_for_person(
            post.officers["clerk"],
            person,
            samples.jpeg(samples.two_faces()),
            {CheckCode.FACE_COUNT: "the second face is her daughter"},
        )
    assert refused.value.code == "photo.override_not_allowed"
    assert photos.for_person(post.officers["clerk"], person) == []


def test_a_portrait_given_with_a_request_becomes_the_documents_portrait(
    sqlite_post: Post,
) -> None:
    post = sqlite_post
    clerk = post.officers["clerk"]
    photos, person = _photos(post), _person(post)
    document_id = post.documents.create(clerk, "consular_id_card", person)
    portrait_id = photos.capture_for_person(
        clerk, person, samples.compliant_jpeg(), document_id=document_id
    )
    images = photos.images(clerk, portrait_id)
    with post.db.reading() as uow:
        assert uow.documents.file(document_id, "portrait") == ("image/jpeg", images.print_jpeg)
    (stored,) = photos.for_person(clerk, person)
    assert stored.document_id == document_id
    other = _person(post)
    with pytest.raises(NotFoundError):
        photos.capture_for_person(clerk, other, samples.compliant_jpeg(), document_id=document_id)
    post.documents.act(clerk, document_id, DocumentAction.VOID, reason="applicant left")
    with pytest.raises(LifecycleError):
        photos.capture_for_person(clerk, person, samples.compliant_jpeg(), document_id=document_id)
    assert len(photos.for_person(clerk, person)) == 1


def test_roles_and_unknown_records(sqlite_post: Post) -> None:
    post = sqlite_post
    photos, person = _photos(post), _person(post)
    with pytest.raises(PermissionDeniedError):
        photos.capture_for_person(post.officers["admin"], person, samples.compliant_jpeg())
    with pytest.raises(NotFoundError):
        photos.capture_for_person(post.officers["clerk"], 999, samples.compliant_jpeg())
    with pytest.raises(NotFoundError):
        photos.images(post.officers["clerk"], 999)
    assert parse_check_code(" Photo_Age ") == CheckCode.PHOTO_AGE
    with pytest.raises(DomainError) as unknown:
        parse_check_code("smile")
    assert unknown.value.code == "photo.unknown_check"
