"""Print jobs for certificates: a job prints a document, or a certificate (full copy or birth
extract) of a civil register entry, whose PDF it keeps so a retry sends the same certificate.

Revision ID: 0008_certificate_print_jobs
Revises: 0007_civil_register
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008_certificate_print_jobs"
down_revision = "0007_civil_register"
branch_labels = None
depends_on = None

SUBJECT = (
    "(document_id IS NOT NULL AND civil_entry_id IS NULL AND certificate_kind IS NULL)"
    " OR (document_id IS NULL AND civil_entry_id IS NOT NULL AND certificate_kind IS NOT NULL)"
)


def upgrade() -> None:
    # SQLite rebuilds the table (batch mode, env.py); PostgreSQL alters it in place.
    with op.batch_alter_table("print_jobs") as batch:
        batch.alter_column("document_id", existing_type=sa.Integer(), nullable=True)
        batch.add_column(sa.Column("civil_entry_id", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("certificate_kind", sa.String(16), nullable=True))
        batch.add_column(sa.Column("content", sa.LargeBinary(), nullable=True))
        batch.create_foreign_key(
            "fk_print_jobs_civil_entry_id", "civil_entries", ["civil_entry_id"], ["id"]
        )
        batch.create_index("ix_print_jobs_civil_entry_id", ["civil_entry_id"])
        batch.create_check_constraint("ck_print_jobs_subject", SUBJECT)


def downgrade() -> None:
    # Certificate jobs have no document: they cannot be kept in the older table.
    op.execute("DELETE FROM print_jobs WHERE document_id IS NULL")
    with op.batch_alter_table("print_jobs") as batch:
        batch.drop_constraint("ck_print_jobs_subject", type_="check")
        batch.drop_index("ix_print_jobs_civil_entry_id")
        batch.drop_constraint("fk_print_jobs_civil_entry_id", type_="foreignkey")
        batch.drop_column("content")
        batch.drop_column("certificate_kind")
        batch.drop_column("civil_entry_id")
        batch.alter_column("document_id", existing_type=sa.Integer(), nullable=False)
