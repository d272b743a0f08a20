"""Portraits kept with the person: the original photo, the processed print and chip JPEGs, the
checks as measured and the overrides an officer gave, so a supervisor can compare them.

Revision ID: 0005_portraits
Revises: 0004_document_files
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005_portraits"
down_revision = "0004_document_files"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "portraits",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("person_id", sa.Integer(), sa.ForeignKey("persons.id"), nullable=False),
        sa.Column("document_id", sa.Integer(), sa.ForeignKey("documents.id"), nullable=True),
        sa.Column("officer_id", sa.Integer(), sa.ForeignKey("officers.id"), nullable=False),
        sa.Column("original", sa.LargeBinary(), nullable=False),
        sa.Column("original_media_type", sa.String(32), nullable=False),
        sa.Column("original_sha256", sa.String(64), nullable=False),
        sa.Column("print_jpeg", sa.LargeBinary(), nullable=False),
        sa.Column("chip_jpeg", sa.LargeBinary(), nullable=False),
        sa.Column("checks", sa.Text(), nullable=False),
        sa.Column("overrides", sa.Text(), nullable=False),
        sa.Column("compliant", sa.Boolean(), nullable=False),
        sa.Column("captured_at", sa.String(19), nullable=True),  # camera time, no zone
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_portraits_person_id", "portraits", ["person_id"])


def downgrade() -> None:
    op.drop_index("ix_portraits_person_id", table_name="portraits")
    op.drop_table("portraits")
