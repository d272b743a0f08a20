"""Alembic migrations of the post database, applied on start (see ``workstation.storage.migrate``)."""
