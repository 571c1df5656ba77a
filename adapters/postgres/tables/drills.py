"""Scheduled kill-switch drills: the owners' schedules and the record of each drill."""

from __future__ import annotations

from sqlalchemy import Boolean, Column, Double, Index, String, Table, Text

from adapters.postgres import columns
from adapters.postgres.types import Json, UtcDateTime, metadata

drill_schedules = Table(
    "drill_schedules",
    metadata,
    columns.id_key(),
    columns.owner_id(),
    Column("cron", String(120), nullable=False),
    Column("timezone", String(64), nullable=False),
    Column("target", String(64), nullable=False),  # paper, or a connection's id
    Column("enabled", Boolean(), nullable=False),
    Column("flatten", Boolean(), nullable=False),
    Column("faults", String(200), nullable=False),
    Column("symbol", String(32), nullable=True),
    columns.money("limit_price", nullable=True),
    columns.created_at(),
    columns.updated_at(),
    Column("next_run_at", UtcDateTime(), nullable=True),  # NULL while off
    columns.version(),
    Index("ix_drill_schedules_owner", "owner_id", "created_at"),
    Index("ix_drill_schedules_next_run", "next_run_at"),
)

drill_runs = Table(
    "drill_runs",
    metadata,
    columns.id_key(),
    columns.owner_id(),
    Column("schedule_id", String(64), nullable=True),
    Column("target", String(64), nullable=False),
    Column("flatten", Boolean(), nullable=False),
    Column("faults", String(200), nullable=False),
    Column("started_at", UtcDateTime(), nullable=False),
    Column("finished_at", UtcDateTime(), nullable=False),
    Column("outcome", String(8), nullable=False),  # pass | fail
    Column("reason", Text(), nullable=False),
    Column("time_to_halt_ms", Double(), nullable=True),
    Column("venues", Json, nullable=False),  # each venue's timings (adapters/postgres/drills.py)
    Column("kill_switch_event_id", String(64), nullable=True),
    Index("ix_drill_runs_owner_started", "owner_id", "started_at"),
    Index("ix_drill_runs_owner_target_started", "owner_id", "target", "started_at"),
)
