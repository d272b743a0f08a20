"""Apply the Alembic migrations to a post database (on start, and by ``consular db upgrade``)."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from workstation.storage.database import WRITE_TRANSACTION

MIGRATIONS = Path(__file__).with_name("migrations")


def _config(engine: Engine) -> Config:
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
    config = _config(engine)
    with engine.connect().execution_options(**WRITE_TRANSACTION) as connection:
        if connection.dialect.name == "postgresql":
            connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_MIGRATION_LOCK_KEY})")
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
        connection.commit()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def head_revision(engine: Engine) -> str:
    head = ScriptDirectory.from_config(_config(engine)).get_current_head()
    assert head is not None, "the migrations folder has no head revision"
    return head
