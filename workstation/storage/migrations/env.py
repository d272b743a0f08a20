"""Alembic environment: runs on the connection handed over by ``workstation.storage.migrate``."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from workstation.storage.models import Base

config = context.config
connection: Connection | None = config.attributes.get("connection")
if connection is None:
    raise RuntimeError(
        "run migrations through 'consular db upgrade' (workstation.storage.migrate), "
        "which hands the database connection to Alembic"
    )

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
