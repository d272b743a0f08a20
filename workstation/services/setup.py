"""Initialising a post: its record, document kinds and series, and the first accounts."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from workstation.domain.document_kinds import DocumentKind
from workstation.domain.errors import ConflictError, NotFoundError
from workstation.domain.officers import Role
from workstation.domain.posts import Post
from workstation.services.accounts import AccountService
from workstation.services.audit import record
from workstation.services.clock import Clock
from workstation.storage import Database


@dataclass(frozen=True, slots=True)
class NewAccount:
    username: str
    full_name: str
    roles: frozenset[Role]
    password: str


# The demo post's accounts. Printed by `consular init --demo` and listed in the README; a real
# post is initialised with one administrator who then creates the others.
DEMO_ACCOUNTS = (
    NewAccount("clerk", "Carla Clerk", frozenset({Role.CLERK}), "clerk-demo-1"),
    NewAccount("registrar", "Rafael Registrar", frozenset({Role.REGISTRAR}), "registrar-demo-1"),
    NewAccount("supervisor", "Sofia Supervisor", frozenset({Role.SUPERVISOR}), "supervisor-demo-1"),
    NewAccount("admin", "Adam Admin", frozenset({Role.ADMIN}), "admin-demo-1"),
)

DEMO_POST = Post(
    code="UTO-GVA",
    issuing_state="UTO",
    name="Consulate General of Utopia",
    city="Geneva",
    country="CHE",
    time_zone="Europe/Zurich",
)


class SetupService:
    def __init__(self, db: Database, clock: Clock, accounts: AccountService) -> None:
        self._db = db
        self._clock = clock
        self._accounts = accounts

    def initialise(
        self, post: Post, kinds: Sequence[DocumentKind], accounts: Sequence[NewAccount]
    ) -> Post:
        """Create the post, its document kinds and number series, and the accounts, at once."""
        with self._db.writing() as uow:
            existing = uow.posts.all()
            if existing:
                raise ConflictError("post.already_initialised", "code", post=existing[0].code)
            now = self._clock.now()
            stored = uow.posts.add(post, now)
            assert stored.id is not None
            for kind in kinds:
                uow.kinds.put(kind)
                uow.numbering.ensure_series(stored.id, kind)
            record(
                uow,
                now,
                None,
                "post.initialise",
                "post",
                stored.id,
                {
                    "code": post.code,
                    "issuing_state": post.issuing_state,
                    "kinds": [k.code for k in kinds],
                },
            )
            for account in accounts:
                self._accounts.create_officer_in(
                    uow, None, account.username, account.full_name, account.roles, account.password
                )
            uow.commit()
            return stored

    def sync_kinds(self, kinds: Sequence[DocumentKind]) -> None:
        """Apply the site configuration's kind settings on start (approval, prefix, validity).
        A changed prefix starts a new series; the old one stays for reconciliation.

        Every start passes here: the comparison is a read, so the writer's lock (which would
        make a start wait behind a colleague's issuing) is taken only when something changed."""
        with self._db.reading() as uow:
            if all(uow.kinds.get(kind.code) == kind for kind in kinds):
                return
        with self._db.writing() as uow:
            post = next(iter(uow.posts.all()), None)
            if post is None or post.id is None:
                raise NotFoundError("post.not_initialised")
            changed = []
            for kind in kinds:
                if uow.kinds.get(kind.code) != kind:
                    uow.kinds.put(kind)
                    uow.numbering.ensure_series(post.id, kind)
                    changed.append(kind.code)
            if changed:
                record(
                    uow,
                    self._clock.now(),
                    None,
                    "post.document_kinds_changed",
                    "post",
                    post.id,
                    {"kinds": changed},
                )
                uow.commit()

    def load_post(self, code: str) -> Post:
        with self._db.reading() as uow:
            post = uow.posts.by_code(code)
        if post is None:
            raise NotFoundError("post.not_initialised", "code", post=code)
        return post
