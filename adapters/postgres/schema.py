"""Every table of Bulwark on one MetaData (what Alembic compares and tests create)."""

from __future__ import annotations

import adapters.postgres.tables.aggregation
import adapters.postgres.tables.backtests
import adapters.postgres.tables.control
import adapters.postgres.tables.devices
import adapters.postgres.tables.equity
import adapters.postgres.tables.filing_reminders
import adapters.postgres.tables.giving
import adapters.postgres.tables.identity
import adapters.postgres.tables.illiquid
import adapters.postgres.tables.investor_profiles
import adapters.postgres.tables.key_rotation
import adapters.postgres.tables.key_vault
import adapters.postgres.tables.kyc
import adapters.postgres.tables.model_records
import adapters.postgres.tables.notification_endpoints
import adapters.postgres.tables.notifications
import adapters.postgres.tables.onboarding
import adapters.postgres.tables.options
import adapters.postgres.tables.outbox
import adapters.postgres.tables.planning
import adapters.postgres.tables.platform
import adapters.postgres.tables.portfolios
import adapters.postgres.tables.price_alerts
import adapters.postgres.tables.rebalancing
import adapters.postgres.tables.sentiment
import adapters.postgres.tables.signals
import adapters.postgres.tables.strategies
import adapters.postgres.tables.surveillance
import adapters.postgres.tables.trading  # noqa: F401  (tables register on import)
from adapters.postgres.types import metadata

__all__ = ["metadata"]
