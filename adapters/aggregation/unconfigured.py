"""The aggregator of an instance without Plaid credentials: every call answers 503."""

from __future__ import annotations

from typing import Any, NoReturn

from domain.aggregation.model import AggregatorUnavailable

_WHY = "account aggregation is not configured: set BULWARK_PLAID_CLIENT_ID and _SECRET"


class UnconfiguredAggregator:
    def _refuse(self, *_: Any) -> NoReturn:
        raise AggregatorUnavailable(_WHY)

    async def create_link_token(self, client_user_id: str) -> NoReturn:
        self._refuse()

    async def exchange_public_token(self, public_token: str) -> NoReturn:
        self._refuse()

    async def accounts(self, access_token: str) -> NoReturn:
        self._refuse()

    async def holdings(self, access_token: str) -> NoReturn:
        self._refuse()

    async def sync_transactions(self, access_token: str, cursor: str | None) -> NoReturn:
        self._refuse()

    async def remove_item(self, access_token: str) -> NoReturn:
        self._refuse()

    async def verification_key(self, key_id: str) -> NoReturn:
        self._refuse()
