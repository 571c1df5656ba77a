"""`bulwark consume` turns signal events on the events topic into strategy decisions, once."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

from application.strategies.service import StrategyDraft
from domain.market_data.signals import SignalEmitted
from domain.strategies.definition import (
    SignalSource,
    SizingMethod,
    SizingPolicy,
    SourceKind,
    StrategyMode,
)
from domain.trading.orders import OriginKind
from ports.strategies.strategies import Decision, DecisionLog, Verdict
from tests.integration.kafka.bulwark import bulwark_node, eventually, seed_trader, settings_for
from tests.kit.schema import migrated


async def completed(decisions: DecisionLog, strategy_id: str) -> list[Decision]:
    """The strategy's decisions once none is pending any more (an order in flight)."""
    found = await decisions.page(strategy_id)
    return found if found and all(d.verdict is not Verdict.PENDING for d in found) else []


def signal_event(signal_id: str, created_at: datetime) -> SignalEmitted:
    return SignalEmitted(
        signal_id=signal_id,
        symbol="AAPL",
        timeframe="5m",
        pattern="volatility_breakout",
        score=0.9,
        direction="bullish",
        at=created_at - timedelta(minutes=5),
        created_at=created_at,
        reason="close 0.95 ATR above the upper band",
        details={"close": 100.0, "atr": 1.5},
    )


async def test_a_signal_event_on_the_events_topic_becomes_one_gated_decision(
    kafka_bootstrap: str, tmp_path: Path, unique: str
) -> None:
    # Arrange: a consuming node with a paper strategy following AAPL's pattern signals
    url = f"sqlite+aiosqlite:///{tmp_path / 'bulwark.db'}"
    await migrated(url)
    env = settings_for(kafka_bootstrap, url, unique, f"node-{unique}")
    async with bulwark_node(env, consume=True) as node:
        trader = await seed_trader(node.container, unique)
        strategy = await node.container.strategies.strategies().create(
            trader.owner,
            StrategyDraft(
                name="breakouts",
                account_ids=(trader.account_id,),
                sources=(SignalSource(SourceKind.PATTERN, frozenset({"AAPL"})),),
                sizing=SizingPolicy(SizingMethod.FIXED_NOTIONAL, notional=Decimal(1000)),
                mode=StrategyMode.PAPER,
            ),
        )
        decisions = node.container.strategies.strategy_stores().decisions
        event = signal_event(f"sig-{unique}", datetime.now(UTC))

        # Act: the event published twice (a replay), and a stale one
        await node.link.publish([event])
        decided = await eventually(lambda: completed(decisions, strategy.id))
        await node.link.publish(
            [event, signal_event(f"old-{unique}", datetime.now(UTC) - timedelta(hours=1))]
        )
        await asyncio.sleep(2.0)  # time for the consumer to read both
        final = await decisions.page(strategy.id)
        async with node.container.core.uow_factory()() as uow:
            orders = await uow.orders.list(trader.account_id)

    # Assert: one decision, approved, one STRATEGY order of 10 shares (1,000 at 100)
    assert [(d.trigger, d.verdict) for d in decided] == [(event.signal_id, Verdict.APPROVED)]
    assert [d.id for d in final] == [decided[0].id]
    strategy_orders = [o for o in orders if o.origin.kind is OriginKind.STRATEGY]
    assert [(o.id, o.quantity) for o in strategy_orders] == [(decided[0].order_id, Decimal(10))]
