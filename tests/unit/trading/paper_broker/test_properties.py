"""Paper broker invariants over random order flow: books balance and limits are respected."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from adapters.brokers.paper import PaperBroker
from adapters.memory.clock import FakeClock, SequentialIds
from adapters.memory.marketdata import InMemoryMarketData
from domain.trading.fills import Fill
from domain.trading.orders import Order, Side
from ports.trading.broker import BrokerError, BrokerOrder, BrokerPosition
from tests.kit.paper import limit_order, make_order

CENT = Decimal("0.01")
SEED_CASH = Decimal("1000000")


@dataclass(frozen=True)
class QuoteStep:
    bid_cents: int
    spread_cents: int
    bid_size: int
    ask_size: int


@dataclass(frozen=True)
class OrderStep:
    side: Side
    quantity: int
    limit_cents: int | None


quote_steps = st.builds(
    QuoteStep,
    st.integers(9_000, 11_000),
    st.integers(1, 50),
    st.integers(0, 60),
    st.integers(0, 60),
)
order_steps = st.builds(
    OrderStep,
    st.sampled_from([Side.BUY, Side.SELL]),
    st.integers(1, 50),
    st.none() | st.integers(9_000, 11_000),
)


@dataclass(frozen=True)
class Outcome:
    orders: list[Order]
    fills: list[Fill]
    positions: list[BrokerPosition]
    cash: Decimal
    open_orders: list[BrokerOrder]


async def _run(steps: list[QuoteStep | OrderStep]) -> Outcome:
    clock = FakeClock()
    market = InMemoryMarketData(clock)
    broker = PaperBroker(market, clock, SequentialIds())
    market.subscribe(broker.on_quote)
    broker.seed_account("acc-1", SEED_CASH)
    orders: list[Order] = []
    for step in steps:
        if isinstance(step, QuoteStep):
            bid = step.bid_cents * CENT
            market.set_quote(
                "AAPL",
                bid,
                bid + step.spread_cents * CENT,
                bid_size=Decimal(step.bid_size),
                ask_size=Decimal(step.ask_size),
            )
            continue
        quantity = str(step.quantity)
        order = (
            make_order(step.side, quantity)
            if step.limit_cents is None
            else limit_order(step.side, quantity, str(step.limit_cents * CENT))
        )
        try:
            await broker.submit(order)
        except BrokerError:
            continue
        orders.append(order)
    return Outcome(
        orders,
        await broker.fills("acc-1"),
        await broker.positions("acc-1"),
        (await broker.account("acc-1")).cash,
        await broker.open_orders("acc-1"),
    )


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(quote_steps, order_steps), max_size=30))
def test_cash_and_positions_balance_with_the_fills_and_limits_hold(
    steps: list[QuoteStep | OrderStep],
) -> None:
    # Act
    outcome = asyncio.run(_run(steps))
    fills = outcome.fills

    # Assert: cash moved by exactly the fills, positions are their signed sum
    assert outcome.cash == SEED_CASH - sum((f.signed_quantity * f.price for f in fills), Decimal(0))
    net = sum((f.signed_quantity for f in fills), Decimal(0))
    assert [p.quantity for p in outcome.positions] == ([net] if net else [])
    by_id = {o.id: o for o in outcome.orders}
    filled: dict[str, Decimal] = {}
    for fill in fills:
        order = by_id[fill.order_id]
        filled[order.id] = filled.get(order.id, Decimal(0)) + fill.quantity
        if order.limit_price is not None:
            assert fill.price * order.side.sign <= order.limit_price * order.side.sign
    assert all(filled[order_id] <= by_id[order_id].quantity for order_id in filled)
    for listed in outcome.open_orders:
        assert Decimal(0) <= listed.filled_quantity < listed.quantity
        assert listed.status.is_open
