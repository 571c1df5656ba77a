"""Filing-calendar reminders: each user's choice, and the reminders already sent."""

from __future__ import annotations

from sqlalchemy import Column, String, Table

from adapters.postgres import columns
from adapters.postgres.types import UtcDateTime, metadata

filing_reminders = Table(
    "filing_reminders",
    metadata,
    Column("owner_id", String(64), primary_key=True),  # one setting per user
    Column("filings", String(200), nullable=False),  # comma-separated Filing values ("" none)
    Column("lead_days", String(100), nullable=False),  # comma-separated whole days
    columns.updated_at(),
)

filing_reminders_sent = Table(
    "filing_reminders_sent",
    metadata,
    Column("owner_id", String(64), primary_key=True),
    Column("reminder_key", String(200), primary_key=True),  # filing|period|lead days
    Column("sent_at", UtcDateTime(), nullable=False),
)
