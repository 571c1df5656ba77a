"""Reads the effective trading state of an order's scopes (global, account, agent)."""

from __future__ import annotations

from application.trading.halts import HaltLatch, order_scopes
from domain.killswitch.state import TradingState, most_restrictive
from domain.trading.orders import Origin
from ports.unit_of_work import UnitOfWork


async def effective_state(
    uow: UnitOfWork, account_id: str, origin: Origin, latch: HaltLatch | None = None
) -> TradingState | None:
    """The strictest state of the scopes the order falls in; None when the store failed.

    None makes the gate deny with an unknown state: fail closed. A scope this process's kill
    switch has latched is HALTED even before the store says so (application/trading/halts.py).
    """
    keys = order_scopes(account_id, origin.kind, origin.id)
    try:
        states = await uow.trading_states.get_many(keys)
    except Exception:
        return None
    if latch is not None:
        for state in states:
            if state is not None:
                latch.observe(state.scope.key, state.state, state.changed_at)
        if latch.halted_scope(keys) is not None:
            return TradingState.HALTED
    return most_restrictive(s.state for s in states if s is not None)
