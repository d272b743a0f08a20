import pytest

from tests.conftest import Post
from workstation.domain.errors import ConflictError, DomainError, PermissionDeniedError
from workstation.domain.officers import Role


def test_passwords_are_stored_as_argon2id_hashes(sqlite_post: Post) -> None:
    with sqlite_post.db.reading() as uow:
        found = uow.officers.by_username("clerk")
    assert found is not None
    officer, stored = found
    assert stored.startswith("$argon2id$")
    assert "clerk-demo-1" not in stored
    assert officer.roles == frozenset({Role.CLERK})


def test_a_wrong_password_is_refused_and_audited(sqlite_post: Post) -> None:
    with pytest.raises(PermissionDeniedError) as caught:
        sqlite_post.accounts.authenticate("clerk", "not-the-password")
    assert caught.value.code == "auth.invalid_credentials"
    with pytest.raises(PermissionDeniedError) as unknown:
        sqlite_post.accounts.authenticate("nobody", "whatever-password")
    assert unknown.value.code == "auth.invalid_credentials"  # no hint that the name is unknown
    actions = [e.action for e in sqlite_post.audit.recent(sqlite_post.officers["supervisor"], 2)]
    assert actions == ["auth.sign_in_failed", "auth.sign_in_failed"]


def test_only_an_administrator_creates_accounts(sqlite_post: Post) -> None:
    admin, supervisor = sqlite_post.officers["admin"], sqlite_post.officers["supervisor"]
    with pytest.raises(PermissionDeniedError):
        sqlite_post.accounts.create_officer(
            supervisor, "clerk2", "Chris Clerk", {Role.CLERK}, "long-enough-1"
        )
    created = sqlite_post.accounts.create_officer(
        admin, "clerk2", "Chris Clerk", {Role.CLERK}, "long-enough-1"
    )
    assert sqlite_post.accounts.authenticate("clerk2", "long-enough-1").id == created.id
    with pytest.raises(ConflictError):
        sqlite_post.accounts.create_officer(admin, "clerk2", "Other", {Role.CLERK}, "long-enough-1")


def test_weak_passwords_and_bad_user_names_are_refused_at_their_field(sqlite_post: Post) -> None:
    admin = sqlite_post.officers["admin"]
    with pytest.raises(DomainError) as short:
        sqlite_post.accounts.create_officer(admin, "clerk3", "C", {Role.CLERK}, "short")
    assert (short.value.code, short.value.field) == ("password.too_short", "password")
    with pytest.raises(DomainError) as name:
        sqlite_post.accounts.create_officer(admin, "Clerk 3!", "C", {Role.CLERK}, "long-enough-1")
    assert name.value.field == "username"
