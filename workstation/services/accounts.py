"""Officer accounts: argon2 password hashes, sign-in, roles checked here and not only in the UI."""

from __future__ import annotations

import re
from collections.abc import Iterable

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from workstation.domain.errors import ConflictError, DomainError, PermissionDeniedError
from workstation.domain.officers import (
    PASSWORD_MIN_LENGTH,
    USERNAME_PATTERN,
    Officer,
    Permission,
    Role,
)
from workstation.services.audit import record
from workstation.services.clock import Clock
from workstation.storage import Database, UnitOfWork

_USERNAME = re.compile(USERNAME_PATTERN)
# A hash to verify against when the username does not exist, so a wrong name costs as much time
# as a wrong password and does not reveal which accounts exist.
_DUMMY_PASSWORD = "not-an-account-password"


def check_password_rules(password: str, field: str = "password") -> None:
    if len(password) < PASSWORD_MIN_LENGTH:
        raise DomainError("password.too_short", field, min=PASSWORD_MIN_LENGTH)


class AccountService:
    def __init__(self, db: Database, clock: Clock, hasher: PasswordHasher | None = None) -> None:
        self._db = db
        self._clock = clock
        self._hasher = hasher or PasswordHasher()
        self._dummy_hash: str | None = None

    def _hash_for_unknown_user(self) -> str:
        if self._dummy_hash is None:  # made on first need: hashing costs ~0.1 s at start
            self._dummy_hash = self._hasher.hash(_DUMMY_PASSWORD)
        return self._dummy_hash

    def create_officer_in(
        self,
        uow: UnitOfWork,
        actor: Officer | None,
        username: str,
        full_name: str,
        roles: Iterable[Role],
        password: str,
    ) -> Officer:
        """Create an account inside an open unit of work (used by post initialisation)."""
        if actor is not None:
            actor.require(Permission.ACCOUNTS_MANAGE)
        username = username.strip().lower()
        if not _USERNAME.match(username):
            raise DomainError("officer.username.invalid", "username", value=username)
        if not full_name.strip():
            raise DomainError("field.required", "full_name")
        role_set = frozenset(roles)
        if not role_set:
            raise DomainError("officer.roles.required", "roles")
        check_password_rules(password)
        if uow.officers.by_username(username) is not None:
            raise ConflictError("officer.username.taken", "username", value=username)
        now = self._clock.now()
        officer = uow.officers.add(
            username, full_name.strip(), role_set, self._hasher.hash(password), now
        )
        record(
            uow,
            now,
            actor,
            "officer.create",
            "officer",
            officer.id,
            {"username": username, "roles": sorted(r.value for r in role_set)},
        )
        return officer

    def create_officer(
        self, actor: Officer, username: str, full_name: str, roles: Iterable[Role], password: str
    ) -> Officer:
        with self._db.writing() as uow:
            officer = self.create_officer_in(uow, actor, username, full_name, roles, password)
            uow.commit()
            return officer

    def authenticate(self, username: str, password: str) -> Officer:
        """Return the officer for these credentials; every attempt is audited."""
        username = username.strip().lower()
        with self._db.writing() as uow:
            found = uow.officers.by_username(username)
            stored = found[1] if found else self._hash_for_unknown_user()
            try:
                self._hasher.verify(stored, password)
                valid = found is not None
            except (VerificationError, InvalidHashError):
                valid = False
            now = self._clock.now()
            if not valid or found is None:
                record(
                    uow,
                    now,
                    None,
                    "auth.sign_in_failed",
                    "officer",
                    username,
                    {"username": username},
                )
                uow.commit()
                raise PermissionDeniedError("auth.invalid_credentials", "password")
            officer, stored_hash = found
            if not officer.active:
                record(uow, now, officer, "auth.sign_in_refused", "officer", officer.id, {})
                uow.commit()
                raise PermissionDeniedError("auth.account_disabled", "username")
            if self._hasher.check_needs_rehash(stored_hash):
                uow.officers.set_password_hash(officer.id, self._hasher.hash(password))
            record(uow, now, officer, "auth.sign_in", "officer", officer.id, {})
            uow.commit()
            return officer

    def usernames(self) -> dict[int, str]:
        """User names by officer id, to show who did a step in a record's history."""
        with self._db.reading() as uow:
            return {o.id: o.username for o in uow.officers.list()}

    def list_officers(self, actor: Officer) -> list[Officer]:
        actor.require(Permission.ACCOUNTS_MANAGE)
        with self._db.reading() as uow:
            return uow.officers.list()
