"""Storage: the only package that imports SQLAlchemy and Alembic."""

from __future__ import annotations

from workstation.storage.database import make_engine, make_session_factory
from workstation.storage.migrate import upgrade
from workstation.storage.unit_of_work import Database, UnitOfWork

__all__ = ["Database", "UnitOfWork", "open_database"]


def open_database(url: str, *, migrate: bool = True) -> Database:
    """Open the post database at ``url``, applying pending migrations first (on start)."""
    engine = make_engine(url)
    try:
        if migrate:
            upgrade(engine)
    except BaseException:
        engine.dispose()
        raise
    return Database(engine, make_session_factory(engine))
