"""A connection's health on the order path: an account whose connection the venue refused the
credentials of, or that was revoked, has its orders denied by the gate with a reason of their
own, before anything is sent (fail closed, and the owner told why).

The state is the one the connection's last call left (application/connections/brokers.py): a
refusal is learnt from the venue's own answer. It clears when a call succeeds again: a
rotation retires the adapter and starts the connection afresh (state unknown), and
`POST /connections/{id}/test` asks the venue. A venue that is down or rate-limited is not
denied here: its accounts' orders go on and meet the venue's answer.
"""

from __future__ import annotations

from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass
from decimal import Decimal

from application.connections.brokers import ConnectionBrokers, ConnectionState
from domain.connections.connection import is_connection_id
from domain.risk.reasons import Outcome, ReasonCode
from domain.risk.verdicts import Verdict
from domain.risk.view import AccountRiskView
from domain.trading.accounts import Account
from domain.trading.orders import Order
from ports.core.unit_of_work import UnitOfWork

CONTROL = "ConnectionHealth"
_DENIED = {
    ConnectionState.AUTH_FAILED: (
        ReasonCode.CONNECTION_AUTH_FAILED,
        "the venue refused the credentials of connection {id} ({reason}): rotate them, or "
        "test the connection once the venue accepts them",
    ),
    ConnectionState.REVOKED: (ReasonCode.CONNECTION_REVOKED, "connection {id} is revoked"),
}


@dataclass(eq=False)
class ConnectionCheck:
    """Denies an order whose account's connection is refused or revoked (module docstring)."""

    brokers: ConnectionBrokers

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
        health = self.brokers.health_of(route)
        denied = None if health is None else _DENIED.get(health.state)
        if health is None or denied is None:
            return ()
        code, message = denied
        text = message.format(id=route, reason=health.reason)
        return (Verdict(code, Outcome.DENY, CONTROL, None, text),)
