"""Reads the effective trading state of an order's scopes (global, account, agent)."""

from __future__ import annotations

from domain.killswitch.state import Scope, TradingState, most_restrictive
from domain.trading.orders import Origin, OriginKind
from ports.unit_of_work import UnitOfWork


async def effective_state(uow: UnitOfWork, account_id: str, origin: Origin) -> TradingState | None:
    """The strictest state of the scopes the order falls in; None when the store failed.

    None makes the gate deny with an unknown state: fail closed.
    """
    keys = [Scope.global_().key, Scope.account(account_id).key]
    if origin.kind is OriginKind.AGENT:
        keys.append(Scope.agent(origin.id).key)
    try:
        states = [await uow.trading_states.get(key) for key in keys]
    except Exception:
        return None
    return most_restrictive(s.state for s in states if s is not None)
