"""Which broker adapter serves an account: by the broker name the account is routed to."""

from __future__ import annotations

from collections.abc import Mapping

from domain.errors import NotFound
from domain.trading.accounts import Account
from ports.trading.broker import BrokerPort


class BrokerRouter:
    """Finds the broker adapter of an account by the account's broker name."""

    def __init__(self, brokers: Mapping[str, BrokerPort]) -> None:
        self.brokers = dict(brokers)

    def for_account(self, account: Account) -> BrokerPort:
        return self.named(account.broker)

    def named(self, broker: str) -> BrokerPort:
        try:
            return self.brokers[broker]
        except KeyError:
            raise NotFound(f"broker {broker!r} is not configured") from None
