"""In-process per-account margin settings."""

from __future__ import annotations

from ports.margin_settings import MarginSettings


class InMemoryMarginSettingsRepository:
    """A MarginSettingsRepository held in a dict by account id."""

    def __init__(self) -> None:
        self._by_account: dict[str, MarginSettings] = {}

    async def get(self, account_id: str) -> MarginSettings | None:
        return self._by_account.get(account_id)

    async def put(self, settings: MarginSettings) -> None:
        self._by_account[settings.account_id] = settings
