"""Search keys carry the person's birth year, so a search filtered by year is one index range
scan; PostgreSQL keeps finer statistics on the keys (its planner misjudged prefix ranges).

Revision ID: 0003_search_keys_birth_year
Revises: 0002_documents_numbering
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_search_keys_birth_year"
down_revision = "0002_documents_numbering"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("person_name_tokens") as batch:
        batch.add_column(sa.Column("birth_year", sa.Integer(), nullable=True))
    op.execute(
        "UPDATE person_name_tokens SET birth_year = "
        "(SELECT persons.birth_year FROM persons WHERE persons.id = person_name_tokens.person_id)"
    )
    with op.batch_alter_table("person_name_tokens") as batch:
        batch.alter_column("birth_year", existing_type=sa.Integer(), nullable=False)
    op.create_index(
        "ix_person_name_tokens_year_token",
        "person_name_tokens",
        ["birth_year", "token", "person_id"],
    )
    if op.get_bind().dialect.name == "postgresql":
        # With the default target the planner estimated a prefix range at one row and chose
        # nested loops that took seconds on a large registry (benchmarks/).
        op.execute("ALTER TABLE person_name_tokens ALTER COLUMN token SET STATISTICS 1000")
        op.execute("ANALYZE person_name_tokens")


def downgrade() -> None:
    op.drop_index("ix_person_name_tokens_year_token", "person_name_tokens")
    with op.batch_alter_table("person_name_tokens") as batch:
        batch.drop_column("birth_year")
