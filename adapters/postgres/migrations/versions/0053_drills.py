"""drills: the owners' kill-switch drill schedules and the record of each drill

Revision ID: 0053
Revises: 0052
Create Date: 2026-12-02 12:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import adapters.postgres.types

revision = "0053"
down_revision = "0052"
branch_labels = None
depends_on = None

_TS = adapters.postgres.types.UtcDateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "drill_schedules",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("owner_id", sa.String(length=64), nullable=False),
        sa.Column("cron", sa.String(length=120), nullable=False),
        sa.Column("timezone", sa.String(length=64), nullable=False),
        sa.Column("target", sa.String(length=64), nullable=False),
        sa.Column("enabled", sa.Boolean(), nullable=False),
        sa.Column("flatten", sa.Boolean(), nullable=False),
        sa.Column("faults", sa.String(length=200), nullable=False),
        sa.Column("symbol", sa.String(length=32), nullable=True),
        sa.Column("limit_price", adapters.postgres.types.Money(), nullable=True),
        sa.Column("created_at", _TS, nullable=False),
        sa.Column("updated_at", _TS, nullable=False),
        sa.Column("next_run_at", _TS, nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_drill_schedules")),
    )
    op.create_index("ix_drill_schedules_owner", "drill_schedules", ["owner_id", "created_at"])
    op.create_index("ix_drill_schedules_next_run", "drill_schedules", ["next_run_at"])
    op.create_table(
        "drill_runs",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("owner_id", sa.String(length=64), nullable=False),
        sa.Column("schedule_id", sa.String(length=64), nullable=True),
        sa.Column("target", sa.String(length=64), nullable=False),
        sa.Column("flatten", sa.Boolean(), nullable=False),
        sa.Column("faults", sa.String(length=200), nullable=False),
        sa.Column("started_at", _TS, nullable=False),
        sa.Column("finished_at", _TS, nullable=False),
        sa.Column("outcome", sa.String(length=8), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("time_to_halt_ms", sa.Double(), nullable=True),
        sa.Column("venues", adapters.postgres.types.Json, nullable=False),
        sa.Column("kill_switch_event_id", sa.String(length=64), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_drill_runs")),
    )
    op.create_index("ix_drill_runs_owner_started", "drill_runs", ["owner_id", "started_at"])
    op.create_index(
        "ix_drill_runs_owner_target_started", "drill_runs", ["owner_id", "target", "started_at"]
    )


def downgrade() -> None:
    op.drop_index("ix_drill_runs_owner_target_started", table_name="drill_runs")
    op.drop_index("ix_drill_runs_owner_started", table_name="drill_runs")
    op.drop_table("drill_runs")
    op.drop_index("ix_drill_schedules_next_run", table_name="drill_schedules")
    op.drop_index("ix_drill_schedules_owner", table_name="drill_schedules")
    op.drop_table("drill_schedules")
