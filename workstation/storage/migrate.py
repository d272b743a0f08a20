"""Apply the Alembic migrations to a post database (on start, and by ``consular db upgrade``)."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError

from workstation.storage.database import WRITE_TRANSACTION

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).with_name("migrations")
_REVISION = re.compile(r'^(down_)?revision\s*=\s*(?:"([^"]*)"|None)', re.MULTILINE)


def _config(engine: Engine) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


# Any constant will do, as long as every workstation uses the same one.
_MIGRATION_LOCK_KEY = 0x636F6E73  # "cons"


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the database to ``revision`` in one transaction.

    Several workstations may start at once after an update: SQLite serialises them through the
    writer's lock; on PostgreSQL a transaction-scoped advisory lock makes the others wait and
    then find the schema already current.
    """
    if revision == "head" and _stored_revision(engine) == _newest_shipped_revision():
        return  # the usual start: nothing to do, and Alembic (~0.3 s to import) stays unloaded
    from alembic import command

    config = _config(engine)
    with engine.connect().execution_options(**WRITE_TRANSACTION) as connection:
        if connection.dialect.name == "postgresql":
            connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_MIGRATION_LOCK_KEY})")
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
        connection.commit()


@cache
def _newest_shipped_revision() -> str | None:
    """The head of the shipped migrations, read from their files (one linear chain), or None
    when the chain is not linear (then Alembic decides)."""
    revisions: dict[str, str | None] = {}
    for path in (MIGRATIONS / "versions").glob("*.py"):
        found = dict.fromkeys(("revision", "down_revision"), None)
        for match in _REVISION.finditer(path.read_text(encoding="utf-8")):
            found["down_revision" if match.group(1) else "revision"] = match.group(2)
        if found["revision"]:
            revisions[found["revision"]] = found["down_revision"]
    heads = set(revisions) - {down for down in revisions.values() if down}
    return heads.pop() if len(heads) == 1 else None


def _stored_revision(engine: Engine) -> str | None:
    try:
        with engine.connect() as connection:
            rows = connection.execute(text("SELECT version_num FROM alembic_version")).all()
    except DBAPIError:  # no table yet: a new database
        return None
    return rows[0][0] if len(rows) == 1 else None


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def head_revision(engine: Engine) -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(_config(engine)).get_current_head()
    assert head is not None, "the migrations folder has no head revision"
    return head
