"""Risk rules, trading states, kill-switch records, agents (heartbeats) and succession."""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Double,
    Index,
    Integer,
    Interval,
    String,
    Table,
    Text,
)

from adapters.postgres import columns
from adapters.postgres.types import Json, UtcDateTime, metadata

risk_rules = Table(
    "risk_rules",
    metadata,
    columns.id_key(),
    columns.owner_id(index=True),
    Column("rule_type", String(32), nullable=False),
    Column("params", Json, nullable=False),
    Column("scope", String(16), nullable=False),
    Column("action", String(16), nullable=False),
    Column("is_active", Boolean, nullable=False),
    Column("strategy_id", String(64), nullable=True),
    Column("agent_id", String(64), nullable=True),
    Column("account_id", String(64), nullable=True),
    Column("name", Text, nullable=False),
)

# One row: the rules' revision, bumped in the transaction of every rule write, so each process
# can tell in one read whether the policies it compiled are still the rules in force.
risk_rule_revision = Table(
    "risk_rule_revision",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("revision", BigInteger, nullable=False),
)

trading_states = Table(
    "trading_states",
    metadata,
    Column("scope_key", String(140), primary_key=True),
    Column("state", String(16), nullable=False),
    Column("reason", Text, nullable=False),
    Column("changed_by", String(64), nullable=False),
    Column("changed_at", UtcDateTime(), nullable=True),
    columns.version(),
)

kill_switch_events = Table(
    "kill_switch_events",
    metadata,
    # The seed schema's columns first.
    columns.id_key(),
    columns.user_id(),
    Column("trigger_type", String(32), nullable=False),
    Column("orders_cancelled", Integer, nullable=False),
    Column("broker_confirmed", Boolean, nullable=False),
    Column("triggered_at", UtcDateTime(), nullable=False),
    Column("scope_key", String(140), nullable=False),
    Column("reason", Text, nullable=False),
    Column("flatten", Boolean, nullable=False),
    Column("brokers", Json, nullable=False),
    Column("halted_at", UtcDateTime(), nullable=False),
    Column("broadcast_at", UtcDateTime(), nullable=False),
    Column("cancel_sent_at", UtcDateTime(), nullable=True),
    Column("confirmed_at", UtcDateTime(), nullable=True),
    Column("elapsed_ms", Double(), nullable=False),
    # Orders in doubt no broker confirmed closed (None before migration 0026: none).
    Column("unconfirmed_orders", Json, nullable=True),
    # Done while the store was down and stored afterwards (None before migration 0027: no).
    Column("store_unavailable", Boolean, nullable=True),
    # Orders held for approval the activation rejected (None before migration 0043: none).
    Column("held_rejected", Integer, nullable=True),
    # Newest first, of one scope or of all.
    Index("ix_kill_switch_events_scope_triggered", "scope_key", "triggered_at"),
    Index("ix_kill_switch_events_triggered", "triggered_at"),
)

kill_switch_lockouts = Table(
    "kill_switch_lockouts",
    metadata,
    Column("principal_id", String(64), primary_key=True),
    Column("failures", Json, nullable=False),
    Column("max_failures", Integer, nullable=False),
    Column("failure_window", Interval(), nullable=False),
)

kill_switch_passcodes = Table(
    "kill_switch_passcodes",
    metadata,
    Column("principal_id", String(64), primary_key=True),
    Column("passcode_hash", Text, nullable=False),
)

agents = Table(
    "agents",
    metadata,
    columns.id_key(),
    columns.owner_id(index=True),
    Column("name", Text, nullable=False),
    Column("account_ids", Json, nullable=False),
    Column("threshold", Interval(), nullable=False),
    Column("liveness", String(16), nullable=False),
    Column("last_heartbeat", UtcDateTime(), nullable=True),
    Column("reported_status", Text, nullable=False),
    Column("died_at", UtcDateTime(), nullable=True),
)

succession_cases = Table(
    "succession_cases",
    metadata,
    Column("owner_id", String(64), primary_key=True),
    Column("check_in_interval", Interval(), nullable=False),
    Column("grace_period", Interval(), nullable=False),
    Column("reminder_schedule", Json, nullable=False),
    Column("liquidate", Boolean, nullable=False),
    Column("enabled", Boolean, nullable=False),
    Column("last_check_in", UtcDateTime(), nullable=False),
    Column("status", String(16), nullable=False),
    Column("cycle", Integer, nullable=False),
    Column("reminders_sent", Json, nullable=False),
    Column("grace_started_at", UtcDateTime(), nullable=True),
    Column("triggered_at", UtcDateTime(), nullable=True),
    Column("execution", Json, nullable=True),
    columns.version(),
)

succession_beneficiaries = Table(
    "succession_beneficiaries",
    metadata,
    Column("owner_id", String(64), primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("beneficiary_id", String(128), nullable=False),
    Column("name", Text, nullable=False),
    columns.money("share_percent"),
    Column("contact", Text, nullable=False),
)
