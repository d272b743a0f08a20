"""Officers (the accounts that sign in) and what each role may do."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from workstation.domain.errors import PermissionDeniedError


class Role(StrEnum):
    CLERK = "clerk"
    REGISTRAR = "registrar"
    SUPERVISOR = "supervisor"
    ADMIN = "admin"


class Permission(StrEnum):
    """Actions a service checks before doing anything."""

    PERSON_READ = "person.read"
    PERSON_WRITE = "person.write"
    DOCUMENT_PREPARE = "document.prepare"
    DOCUMENT_APPROVE = "document.approve"
    DOCUMENT_ISSUE = "document.issue"
    DOCUMENT_DELIVER = "document.deliver"
    DOCUMENT_VOID = "document.void"
    DOCUMENT_SPOIL = "document.spoil"
    REGISTER_CIVIL = "civil.register"
    ACCOUNTS_MANAGE = "accounts.manage"
    AUDIT_READ = "audit.read"
    POST_CONFIGURE = "post.configure"


_ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.CLERK: frozenset(
        {
            Permission.PERSON_READ,
            Permission.PERSON_WRITE,
            Permission.DOCUMENT_PREPARE,
            Permission.DOCUMENT_ISSUE,
            Permission.DOCUMENT_DELIVER,
            Permission.DOCUMENT_SPOIL,
        }
    ),
    Role.REGISTRAR: frozenset(
        {
            Permission.PERSON_READ,
            Permission.PERSON_WRITE,
            Permission.REGISTER_CIVIL,
            Permission.DOCUMENT_PREPARE,
            Permission.DOCUMENT_ISSUE,
            Permission.DOCUMENT_DELIVER,
            Permission.DOCUMENT_SPOIL,
        }
    ),
    Role.SUPERVISOR: frozenset(
        {
            Permission.PERSON_READ,
            Permission.PERSON_WRITE,
            Permission.DOCUMENT_PREPARE,
            Permission.DOCUMENT_APPROVE,
            Permission.DOCUMENT_ISSUE,
            Permission.DOCUMENT_DELIVER,
            Permission.DOCUMENT_VOID,
            Permission.DOCUMENT_SPOIL,
            Permission.REGISTER_CIVIL,
            Permission.AUDIT_READ,
        }
    ),
    # Separation of duties: the administrator manages accounts and the post, not documents.
    Role.ADMIN: frozenset(
        {
            Permission.ACCOUNTS_MANAGE,
            Permission.AUDIT_READ,
            Permission.POST_CONFIGURE,
            Permission.PERSON_READ,
        }
    ),
}


def permissions_of(roles: Iterable[Role]) -> frozenset[Permission]:
    granted: set[Permission] = set()
    for role in roles:
        granted |= _ROLE_PERMISSIONS[role]
    return frozenset(granted)


@dataclass(frozen=True, slots=True)
class Officer:
    """A signed-in (or named) officer. The password hash never leaves storage and the services."""

    id: int
    username: str
    full_name: str
    roles: frozenset[Role]
    active: bool = True

    def can(self, permission: Permission) -> bool:
        return self.active and permission in permissions_of(self.roles)

    def require(self, permission: Permission) -> None:
        """Raise a coded error unless the officer holds ``permission``."""
        if not self.active:
            raise PermissionDeniedError("auth.account_disabled", username=self.username)
        if permission not in permissions_of(self.roles):
            raise PermissionDeniedError(
                "auth.permission_denied",
                permission=permission.value,
                username=self.username,
                roles=",".join(sorted(r.value for r in self.roles)),
            )


USERNAME_PATTERN = r"^[a-z][a-z0-9._-]{1,31}$"
PASSWORD_MIN_LENGTH = 10
