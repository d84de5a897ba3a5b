"""A person's saved assessments and diary entries.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Make the saved_assessment and diary_entry tables, each row owned by a person."""
    op.create_table(
        "saved_assessment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("made", sa.DateTime(timezone=True), nullable=False),
        sa.Column("level", sa.String(length=32), nullable=False),
        sa.Column("assessment", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["owner_id"], ["person.id"], name=op.f("fk_saved_assessment_owner_id_person"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_saved_assessment")),
    )
    op.create_index(op.f("ix_saved_assessment_owner_id_made"), "saved_assessment", ["owner_id", "made"])
    op.create_table(
        "diary_entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("pain_now", sa.SmallInteger(), nullable=False),
        sa.Column("pain_worst", sa.SmallInteger(), nullable=False),
        sa.Column("spasms", sa.SmallInteger(), nullable=True),
        sa.Column("sleep_hours", sa.Float(), nullable=True),
        sa.Column("activity", sa.SmallInteger(), nullable=True),
        sa.Column("medicines", sa.JSON(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("created", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("pain_now BETWEEN 0 AND 10", name=op.f("ck_diary_entry_pain_now_0_to_10")),
        sa.CheckConstraint("pain_worst BETWEEN 0 AND 10", name=op.f("ck_diary_entry_pain_worst_0_to_10")),
        sa.CheckConstraint("spasms >= 0", name=op.f("ck_diary_entry_spasms_not_negative")),
        sa.CheckConstraint("sleep_hours BETWEEN 0 AND 24", name=op.f("ck_diary_entry_sleep_hours_0_to_24")),
        sa.CheckConstraint("activity BETWEEN 0 AND 10", name=op.f("ck_diary_entry_activity_0_to_10")),
        sa.ForeignKeyConstraint(
            ["owner_id"], ["person.id"], name=op.f("fk_diary_entry_owner_id_person"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_diary_entry")),
    )
    op.create_index(op.f("ix_diary_entry_owner_id_day"), "diary_entry", ["owner_id", "day"])


def downgrade() -> None:
    """Drop the tables of this revision."""
    op.drop_index(op.f("ix_diary_entry_owner_id_day"), table_name="diary_entry")
    op.drop_table("diary_entry")
    op.drop_index(op.f("ix_saved_assessment_owner_id_made"), table_name="saved_assessment")
    op.drop_table("saved_assessment")
