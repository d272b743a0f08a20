"""Alembic migrations of the post database, applied on start (``workstation.storage.migrate``)."""
