"""The civil register: entries (births, marriages, deaths), their append-only annotations, and
one counter per register series (post, kind, year) from which register numbers are taken.

Revision ID: 0007_civil_register
Revises: 0006_print_jobs
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007_civil_register"
down_revision = "0006_print_jobs"
branch_labels = None
depends_on = None

PARTY_COLUMNS = (
    "child_person_id",
    "mother_person_id",
    "father_person_id",
    "spouse1_person_id",
    "spouse2_person_id",
    "deceased_person_id",
)


def upgrade() -> None:
    op.create_table(
        "civil_register_counters",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("post_code", sa.String(16), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("last_sequence", sa.Integer(), nullable=False),
        sa.UniqueConstraint("post_code", "kind", "year"),
    )
    op.create_table(
        "civil_entries",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("register_number", sa.String(32), nullable=False, unique=True),
        sa.Column("post_code", sa.String(16), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("event_date", sa.Date(), nullable=False),
        sa.Column("registered_on", sa.Date(), nullable=False),
        sa.Column("record", sa.Text(), nullable=False),
        sa.Column("state", sa.String(20), nullable=False),
        sa.Column("timeliness", sa.String(10), nullable=False),
        sa.Column("evidence_required", sa.Text(), nullable=False),
        sa.Column("evidence_presented", sa.Text(), nullable=False),
        sa.Column("nationality_outcome", sa.Text(), nullable=True),
        sa.Column("outcome_at_registration", sa.Text(), nullable=True),
        sa.Column("referred", sa.Boolean(), nullable=False),
        sa.Column("possible_duplicates", sa.Text(), nullable=False),
        *(
            sa.Column(name, sa.Integer(), sa.ForeignKey("persons.id"), nullable=True)
            for name in PARTY_COLUMNS
        ),
        sa.Column("registered_by", sa.Integer(), sa.ForeignKey("officers.id"), nullable=False),
        sa.Column("registered_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("decided_by", sa.Integer(), sa.ForeignKey("officers.id"), nullable=True),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("decision_reason", sa.Text(), nullable=False),
        sa.UniqueConstraint("post_code", "kind", "year", "sequence"),
    )
    op.create_index("ix_civil_entries_kind_event_date", "civil_entries", ["kind", "event_date"])
    op.create_index("ix_civil_entries_state", "civil_entries", ["state"])
    op.create_index("ix_civil_entries_referred", "civil_entries", ["referred"])
    op.create_table(
        "civil_annotations",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("entry_id", sa.Integer(), sa.ForeignKey("civil_entries.id"), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("data", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("authority", sa.String(200), nullable=False),
        sa.Column("decided_on", sa.Date(), nullable=False),
        sa.Column("officer_id", sa.Integer(), sa.ForeignKey("officers.id"), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("nationality_outcome", sa.Text(), nullable=True),
        sa.UniqueConstraint("entry_id", "sequence"),
    )


def downgrade() -> None:
    op.drop_table("civil_annotations")
    op.drop_index("ix_civil_entries_referred", table_name="civil_entries")
    op.drop_index("ix_civil_entries_state", table_name="civil_entries")
    op.drop_index("ix_civil_entries_kind_event_date", table_name="civil_entries")
    op.drop_table("civil_entries")
    op.drop_table("civil_register_counters")
