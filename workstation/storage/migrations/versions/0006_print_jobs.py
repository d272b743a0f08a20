"""Print jobs: which document went to which queue, the spooler's job id and what became of it,
so a job is followed again after a restart and every spoiled card is accounted for.

Revision ID: 0006_print_jobs
Revises: 0005_portraits
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006_print_jobs"
down_revision = "0005_portraits"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "print_jobs",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("document_id", sa.Integer(), sa.ForeignKey("documents.id"), nullable=False),
        sa.Column("queue", sa.String(200), nullable=False),
        sa.Column("target", sa.String(8), nullable=False),
        sa.Column("purpose", sa.String(8), nullable=False),
        sa.Column("officer_id", sa.Integer(), sa.ForeignKey("officers.id"), nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("attempt", sa.Integer(), nullable=False),
        sa.Column("spooler_job_id", sa.String(100), nullable=True),
        sa.Column("condition", sa.String(40), nullable=True),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_print_jobs_document_id", "print_jobs", ["document_id"])
    op.create_index("ix_print_jobs_state", "print_jobs", ["state"])


def downgrade() -> None:
    op.drop_index("ix_print_jobs_state", table_name="print_jobs")
    op.drop_index("ix_print_jobs_document_id", table_name="print_jobs")
    op.drop_table("print_jobs")
