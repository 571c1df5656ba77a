"""The US account rules: one row of settings per account that set any."""

from __future__ import annotations

from sqlalchemy import Column, Integer, String, Table

from adapters.postgres import columns
from adapters.postgres.types import metadata

account_rule_settings = Table(
    "account_rule_settings",
    metadata,
    Column("account_id", String(64), primary_key=True),
    Column("options_level", Integer, nullable=True),  # 0 to 4; NULL: not checked
    columns.updated_at(nullable=True),
)
