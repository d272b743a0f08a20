"""Officer accounts and the post record."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from workstation.domain.officers import Officer, Role
from workstation.domain.posts import Post
from workstation.storage.models import OfficerRow, PostRow


def _officer(row: OfficerRow) -> Officer:
    roles = frozenset(Role(r) for r in row.roles.split(",") if r)
    return Officer(row.id, row.username, row.full_name, roles, row.active)


class OfficerRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def add(
        self,
        username: str,
        full_name: str,
        roles: frozenset[Role],
        password_hash: str,
        now: dt.datetime,
    ) -> Officer:
        row = OfficerRow(
            username=username,
            full_name=full_name,
            password_hash=password_hash,
            roles=",".join(sorted(r.value for r in roles)),
            active=True,
            created_at=now,
        )
        self._session.add(row)
        self._session.flush()
        return _officer(row)

    def by_username(self, username: str) -> tuple[Officer, str] | None:
        """The officer and their password hash (for the account service only)."""
        row = self._session.scalar(select(OfficerRow).where(OfficerRow.username == username))
        return None if row is None else (_officer(row), row.password_hash)

    def get(self, officer_id: int) -> Officer | None:
        row = self._session.get(OfficerRow, officer_id)
        return None if row is None else _officer(row)

    def set_password_hash(self, officer_id: int, password_hash: str) -> None:
        row = self._session.get_one(OfficerRow, officer_id)
        row.password_hash = password_hash

    def list(self) -> list[Officer]:
        return [
            _officer(r)
            for r in self._session.scalars(select(OfficerRow).order_by(OfficerRow.username))
        ]


def _post(row: PostRow) -> Post:
    return Post(row.code, row.issuing_state, row.name, row.city, row.country, row.time_zone, row.id)


class PostRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def add(self, post: Post, now: dt.datetime) -> Post:
        row = PostRow(
            code=post.code,
            issuing_state=post.issuing_state,
            name=post.name,
            city=post.city,
            country=post.country,
            time_zone=post.time_zone,
            created_at=now,
        )
        self._session.add(row)
        self._session.flush()
        return _post(row)

    def by_code(self, code: str) -> Post | None:
        row = self._session.scalar(select(PostRow).where(PostRow.code == code))
        return None if row is None else _post(row)

    def all(self) -> list[Post]:
        return [_post(r) for r in self._session.scalars(select(PostRow).order_by(PostRow.id))]
