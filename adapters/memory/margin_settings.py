"""In-process per-account margin settings."""

from __future__ import annotations

from adapters.memory.by_key import InMemoryByKey
from ports.trading.margin_settings import MarginSettings


class InMemoryMarginSettingsRepository(InMemoryByKey[MarginSettings]):
    """A MarginSettingsRepository held in a dict by account id."""

    key = "account_id"
