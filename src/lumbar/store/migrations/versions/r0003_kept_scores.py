"""Questionnaire scores a person keeps in their diary.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Make the kept_score table, each row owned by a person."""
    op.create_table(
        "kept_score",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("questionnaire", sa.String(length=64), nullable=False),
        sa.Column("total", sa.SmallInteger(), nullable=False),
        sa.Column("subscales", sa.JSON(), nullable=False),
        sa.Column("band", sa.String(length=32), nullable=True),
        sa.Column("answers", sa.JSON(), nullable=False),
        sa.Column("created", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("total >= 0", name=op.f("ck_kept_score_total_not_negative")),
        sa.ForeignKeyConstraint(
            ["owner_id"], ["person.id"], name=op.f("fk_kept_score_owner_id_person"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_kept_score")),
    )
    op.create_index(op.f("ix_kept_score_owner_id_day"), "kept_score", ["owner_id", "day"])


def downgrade() -> None:
    """Drop the table of this revision."""
    op.drop_index(op.f("ix_kept_score_owner_id_day"), table_name="kept_score")
    op.drop_table("kept_score")
