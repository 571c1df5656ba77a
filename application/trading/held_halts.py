"""A hold committed while its scope was being halted is rejected at once, by the order path.

The kill switch rejects the held orders of its scope once HALTED is stored
(application/safety/killswitch_held.py). The gate denies TRADING_HALTED before any HOLD rule
(BLOCK wins over HOLD), but a batch may have read its scopes ACTIVE just before the halt (a
trading-state cache up to its bound old, another instance's halt on its way) and commit its
hold after the kill switch's search. So once a batch has committed holds, the order path reads
their scopes' states from the store again, without the cache: a scope HALTED now may have been
searched before the hold landed, and the order is rejected here as the kill switch would have
done (TRADING_HALTED, by whoever halted the scope). A scope not HALTED in that read is halted
later, and the kill switch's search, which runs after it stores HALTED, finds the hold.

The scopes read are those the gate reads: global, the account, the sending agent, and every
group scope (a book) the account is a member of (application/trading/gate_checks.py), so a
book halted meanwhile ends its members' holds as an account halt does.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from application.trading.halts import order_scopes
from domain.errors import StoreUnavailable
from domain.killswitch.state import TradingState
from domain.killswitch.switch import ScopeState
from domain.risk.reasons import ReasonCode
from domain.trading.orders import Order
from ports.core.clock import Clock
from ports.core.events import EventPublisher
from ports.core.unit_of_work import UnitOfWorkFactory

HALTED_REASON = ReasonCode.TRADING_HALTED.value
# The group scopes (books) an account is a member of: their keys.
GroupScopesOf = Callable[[str], Awaitable[tuple[str, ...]]]


async def no_groups(account_id: str) -> tuple[str, ...]:
    return ()


async def reject_if_halted(
    uow_factory: UnitOfWorkFactory,
    publisher: EventPublisher,
    clock: Clock,
    held: list[Order],
    groups_of: GroupScopesOf = no_groups,
) -> dict[str, Order]:
    """Reject those of the just-held orders whose scope the store says HALTED now; the
    rejected ones by id. A store that cannot answer leaves them held: an approval decides
    them again through the gate, which denies while the scope is halted."""
    groups = {a: await groups_of(a) for a in sorted({order.account_id for order in held})}

    def _keys(order: Order) -> tuple[str, ...]:
        own = order_scopes(order.account_id, order.origin.kind, order.origin.id)
        return (*own, *groups[order.account_id])

    keys = sorted({key for order in held for key in _keys(order)})
    rejected: dict[str, Order] = {}
    try:
        async with uow_factory() as uow:
            states = await uow.trading_states.get_many(keys)
            halted: dict[str, ScopeState] = {
                s.scope.key: s for s in states if s is not None and s.state is TradingState.HALTED
            }
            if not halted:
                return rejected
            now = clock.now()
            for order in held:
                by = next((halted[k].changed_by for k in _keys(order) if k in halted), None)
                stored = None if by is None else await uow.orders.get(order.id)
                if by is not None and stored is not None and stored.is_held:
                    stored.reject_held(by, HALTED_REASON, at=now)
                    rejected[order.id] = stored
            if not rejected:
                return rejected
            await uow.commit()
            events = uow.collect_events()
    except StoreUnavailable:
        return {}
    await publisher.publish(events)
    return rejected
