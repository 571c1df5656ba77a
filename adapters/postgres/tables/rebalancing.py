"""Rebalance proposals (the proposal as a JSON document) and each owner's autopilot limits."""

from __future__ import annotations

from sqlalchemy import Boolean, Column, Index, String, Table, Text

from adapters.postgres import columns
from adapters.postgres.types import UtcDateTime, metadata

rebalance_proposals = Table(
    "rebalance_proposals",
    metadata,
    columns.id_key(),
    columns.owner_id(),
    Column("portfolio_id", String(64), nullable=False),
    columns.created_at(),
    Column("status", String(16), nullable=False),
    Column("executed_at", UtcDateTime(), nullable=True),
    Column("order_ids", Text(), nullable=False),  # JSON list
    Column("by_autopilot", Boolean(), nullable=False),
    Column("body", Text(), nullable=False),  # the proposal, JSON (decimals as strings)
    Index("ix_rebalance_proposals_owner", "owner_id", "created_at"),
)

rebalance_limits = Table(
    "rebalance_limits",
    metadata,
    Column("owner_id", String(64), primary_key=True),
    columns.money("max_turnover"),
    columns.money("max_realised_gain"),
    columns.updated_at(),
)
