"""What a broker on one account at a venue shares: the Bulwark accounts routed onto that one
account, and views of the broker bounded by a deadline."""

from __future__ import annotations

import copy
from typing import Self

from ports.trading.broker import BrokerError, BrokerErrorCode, BrokerOrder


class VenueAccountBroker:
    """A broker serving one account at a venue (one API key, one gateway session).

    Bulwark account ids map onto that one account: with `accounts` given only those ids are
    served (others raise NOT_FOUND); with None every account routed here is it.
    `within(deadline)` returns a view of the broker whose calls are bounded by `deadline`, an
    absolute `clock.monotonic()` time (ports.trading.broker.DeadlineBroker); the view shares
    all else the broker learnt. Subclasses read the bound as `self._deadline`, and find an
    order by its client order id in `_by_client_id`.
    """

    # How long after a send an order may still be unknown to a lookup by client order id.
    acceptance_window_s = 30.0

    def __init__(self, accounts: frozenset[str] | None, name: str) -> None:
        self._accounts = accounts
        self._deadline: float | None = None
        self.name = name

    def within(self, deadline: float) -> Self:
        """This broker with every call bounded by `deadline`."""
        view = copy.copy(self)
        view._deadline = deadline
        return view

    def _check(self, account_id: str) -> None:
        if self._accounts is not None and account_id not in self._accounts:
            raise BrokerError(
                BrokerErrorCode.NOT_FOUND, f"account {account_id} is not served by {self.name}"
            )

    async def order_by_client_id(self, account_id: str, client_order_id: str) -> BrokerOrder | None:
        self._check(account_id)
        return await self._by_client_id(account_id, client_order_id, "order_by_client_id")

    async def _by_client_id(
        self, account_id: str, client_order_id: str, action: str
    ) -> BrokerOrder | None:
        """The order the venue knows by `client_order_id`, None when it knows none; `action`
        names the call in errors."""
        raise NotImplementedError
