"""Which broker adapter serves an account: by the route the account names, a broker of the
settings (`paper`, `alpaca`, ...) or a venue connection (`vc-...`, application/connections)."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from domain.errors import NotFound
from domain.trading.accounts import Account
from ports.trading.broker import BrokerPort

# Finds the broker of a route no settings' broker has (a venue connection's id), else None.
RouteLookup = Callable[[str], BrokerPort | None]


class BrokerRoutes:
    """The lookups of routes beyond the settings' brokers, added by the contexts that own
    them once the router exists (the connections context adds its connections')."""

    def __init__(self) -> None:
        self._lookups: list[RouteLookup] = []

    def add(self, lookup: RouteLookup) -> None:
        self._lookups.append(lookup)

    def find(self, name: str) -> BrokerPort | None:
        for lookup in self._lookups:
            found = lookup(name)
            if found is not None:
                return found
        return None


class BrokerRouter:
    """Finds the broker adapter of an account by the route the account names."""

    def __init__(
        self, brokers: Mapping[str, BrokerPort], routes: BrokerRoutes | None = None
    ) -> None:
        self.brokers = dict(brokers)
        self.routes = routes or BrokerRoutes()

    def for_account(self, account: Account) -> BrokerPort:
        return self.named(account.broker)

    def named(self, broker: str) -> BrokerPort:
        found = self.find(broker)
        if found is None:
            raise NotFound(f"broker {broker!r} is not configured")
        return found

    def find(self, broker: str) -> BrokerPort | None:
        """The settings' broker of that name, else a route's (a connection's), else None."""
        found = self.brokers.get(broker)
        return found if found is not None else self.routes.find(broker)
