"""Reads the effective trading state of an order's scopes (global, account, agent, books)."""

from __future__ import annotations

from collections.abc import Sequence

from application.trading.halts import HaltLatch, order_scopes
from application.trading.trading_state_cache import SeenState, Ticket, TradingStateCache
from domain.killswitch.state import TradingState, most_restrictive
from domain.killswitch.switch import ScopeState
from domain.trading.orders import Origin
from ports.core.unit_of_work import UnitOfWork


async def effective_state(
    uow: UnitOfWork,
    account_id: str,
    origin: Origin,
    latch: HaltLatch | None = None,
    cache: TradingStateCache | None = None,
    ticket: Ticket | None = None,
    groups: tuple[str, ...] = (),
) -> TradingState | None:
    """The strictest state of the scopes the order falls in; None when the store failed.

    None makes the gate deny with an unknown state: fail closed. A scope this process's kill
    switch has latched is HALTED even before the store says so (application/trading/halts.py). With
    a
    `cache` (and the `ticket` taken before `uow` began) the states may come from it, at most
    its bound old (application/trading/trading_state_cache.py). `groups`: the keys of the group
    scopes the account is a member of (its books), read with the others.
    """
    keys = order_scopes(account_id, origin.kind, origin.id) + groups
    states: Sequence[ScopeState | SeenState | None]
    try:
        if cache is None or ticket is None:
            states = await uow.trading_states.get_many(keys)
        else:
            states = await cache.read(uow.trading_states, keys, ticket)
    except Exception:
        return None
    if latch is not None:
        for key, state in zip(keys, states, strict=True):
            if state is not None:
                latch.observe(key, state.state, state.changed_at)
        if latch.halted_for(account_id, keys) is not None:
            return TradingState.HALTED
    return most_restrictive(s.state for s in states if s is not None)
