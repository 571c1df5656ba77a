"""The aggregator of an instance without Plaid credentials: every call answers
CAPABILITY_NOT_CONFIGURED (409) naming the settings that would add it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, NoReturn

from domain.errors import CapabilityNotConfigured

CAPABILITY = "account aggregation"


class UnconfiguredAggregator:
    def __init__(self, settings: Sequence[str]) -> None:
        self._settings = tuple(settings)  # the variables that configure Plaid

    def _refuse(self, *_: Any) -> NoReturn:
        raise CapabilityNotConfigured(CAPABILITY, self._settings)

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
