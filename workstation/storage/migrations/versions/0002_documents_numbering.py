"""Documents, their lifecycle events, and controlled numbering stock.

Revision ID: 0002_documents_numbering
Revises: 0001_registry_audit
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002_documents_numbering"
down_revision = "0001_registry_audit"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "document_kinds",
        sa.Column("code", sa.String(32), primary_key=True),
        sa.Column("requires_approval", sa.Boolean(), nullable=False),
        sa.Column("validity_days", sa.Integer(), nullable=True),
        sa.Column("prefix", sa.String(6), nullable=False),
        sa.Column("width", sa.Integer(), nullable=False),
    )
    op.create_table(
        "number_series",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("post_id", sa.Integer(), sa.ForeignKey("posts.id"), nullable=False),
        sa.Column("kind_code", sa.String(32), sa.ForeignKey("document_kinds.code"), nullable=False),
        sa.Column("prefix", sa.String(6), nullable=False),
        sa.Column("width", sa.Integer(), nullable=False),
        sa.Column("last_sequence", sa.Integer(), nullable=False),
        sa.UniqueConstraint("post_id", "kind_code", "prefix"),
    )
    op.create_table(
        "documents",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("kind_code", sa.String(32), sa.ForeignKey("document_kinds.code"), nullable=False),
        sa.Column("person_id", sa.Integer(), sa.ForeignKey("persons.id"), nullable=False),
        sa.Column("post_id", sa.Integer(), sa.ForeignKey("posts.id"), nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("number", sa.String(30), nullable=True, unique=True),
        sa.Column("data", sa.Text(), nullable=False),
        sa.Column("issued_on", sa.Date(), nullable=True),
        sa.Column("expires_on", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_documents_person_id", "documents", ["person_id"])
    op.create_index("ix_documents_state", "documents", ["state"])
    op.create_table(
        "document_events",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("document_id", sa.Integer(), sa.ForeignKey("documents.id"), nullable=False),
        sa.Column("action", sa.String(16), nullable=False),
        sa.Column("from_state", sa.String(16), nullable=True),
        sa.Column("to_state", sa.String(16), nullable=False),
        sa.Column("officer_id", sa.Integer(), sa.ForeignKey("officers.id"), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
    )
    op.create_index("ix_document_events_document_id", "document_events", ["document_id"])
    op.create_table(
        "number_allocations",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("series_id", sa.Integer(), sa.ForeignKey("number_series.id"), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(30), nullable=False, unique=True),
        sa.Column("document_id", sa.Integer(), sa.ForeignKey("documents.id"), nullable=True),
        sa.Column("use", sa.String(16), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("allocated_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("series_id", "sequence"),
    )


def downgrade() -> None:
    for table in (
        "number_allocations",
        "document_events",
        "documents",
        "number_series",
        "document_kinds",
    ):
        op.drop_table(table)
