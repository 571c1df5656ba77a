"""Live trading on the order path: an account on a live connection has its orders denied
(LIVE_NOT_ENABLED) until its owner's opt-in is enabled.

Cheap for every order: an account not on a connection (a paper account, a settings' broker)
passes on a string test; whether a connection is live is read once per connection (its
environment never changes). A live account's opt-in is read at each of its orders, never
remembered, so an opt-in enabled or withdrawn by another process binds at the next order.
A failed read denies (the gate's checks fail closed).

A live account's orders are also denied (KYC_NOT_VERIFIED) while its owner's KYC status is not
VERIFIED (domain/kyc/status.py): that record is read at each order of a live account, never
remembered, since a later rejection or the verification's expiry must bind at the next order.
A paper account reads nothing for it (the string test above returns first).
"""

from __future__ import annotations

from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass, field
from decimal import Decimal

from domain.connections.connection import is_connection_id
from domain.kyc.status import KycStatus, unverified
from domain.live_trading.opt_in import LiveStatus
from domain.risk.reasons import Outcome, ReasonCode
from domain.risk.verdicts import Verdict
from domain.risk.view import AccountRiskView
from domain.trading.accounts import Account
from domain.trading.orders import Order
from ports.connections.store import ConnectionStore
from ports.core.clock import Clock
from ports.core.unit_of_work import UnitOfWork
from ports.identity.kyc_status import KycStatusStore
from ports.live_trading.opt_ins import LiveOptInStore

CONTROL = "LiveTrading"


@dataclass(eq=False)
class LiveTradingCheck:
    """Denies the orders of a live account not enabled, or whose owner's KYC is not verified
    (see the module docstring)."""

    store: LiveOptInStore
    connections: ConnectionStore
    kyc: KycStatusStore
    clock: Clock
    _live: dict[str, bool] = field(init=False, default_factory=dict)

    def serial(self, account_id: str) -> AbstractAsyncContextManager[None] | None:
        return None  # nothing of its own to serialize

    async def check(
        self,
        uow: UnitOfWork,
        account: Account,
        order: Order,
        view: AccountRiskView,
        quantity: Decimal,
        *,
        count: bool = True,
        revision: int | None = None,
    ) -> tuple[Verdict, ...]:
        route = account.broker
        if not is_connection_id(route):
            return ()
        live = self._live.get(route)
        if live is None:
            connection = await self.connections.get(route)
            if connection is None:  # routes nowhere: the connections' own check refuses it
                return ()
            live = self._live[route] = connection.live
        if not live:
            return ()
        kyc = await self._kyc(account, route)
        opt_in = await self.store.get(account.id)
        if opt_in is not None and opt_in.enabled:
            return kyc
        if opt_in is not None and opt_in.status is LiveStatus.PENDING_APPROVAL:
            why = "its owner's opt-in waits for a second person's approval"
        else:
            why = (
                f"its owner has not enabled live trading (POST /api/v1/accounts/{account.id}"
                "/live-opt-in)"
            )
        message = f"account {account.id} trades real money through connection {route}: {why}"
        return (Verdict(ReasonCode.LIVE_NOT_ENABLED, Outcome.DENY, CONTROL, None, message), *kyc)

    async def _kyc(self, account: Account, route: str) -> tuple[Verdict, ...]:
        """The denial while the owner's KYC is not verified (none when it is)."""
        now = self.clock.now()
        record = await self.kyc.get(account.owner_id) or unverified(account.owner_id, now)
        status, reason = record.standing(now)
        if status is KycStatus.VERIFIED:
            return ()
        message = (
            f"account {account.id} trades real money through connection {route}: its owner's "
            f"KYC is {status.value} ({reason or 'not verified'}; GET /api/v1/kyc/status)"
        )
        return (Verdict(ReasonCode.KYC_NOT_VERIFIED, Outcome.DENY, CONTROL, None, message),)
