"""The strategy stores: one contract on memory, SQLite and PostgreSQL."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from decimal import Decimal
from typing import Any

import pytest

from bootstrap.strategies import StrategyStores, strategy_stores
from domain.errors import ConcurrentUpdate
from domain.market_data.bars import Timeframe
from domain.market_data.signals import Pattern
from domain.strategies.decide import Action, ExitReason, Holding
from domain.strategies.definition import (
    EntryRules,
    ExitRules,
    SignalSource,
    SizingMethod,
    SizingPolicy,
    SourceKind,
    Strategy,
    StrategyMode,
)
from domain.trading.orders import Side
from ports.strategies.strategies import (
    Decision,
    DecisionCursor,
    SizingInputs,
    StrategyHolding,
    Verdict,
)
from tests.integration.store.conftest import T0, StoreUnderTest

D = Decimal


@pytest.fixture
def stores(store: StoreUnderTest) -> StrategyStores:
    return strategy_stores("memory" if store.kind == "memory" else "sql", lambda: store.engine)


def strategy(i: int = 1, **fields: Any) -> Strategy:
    values: dict[str, Any] = {
        "id": f"stg-{i}",
        "owner_id": "u-1",
        "name": f"strategy {i}",
        "account_ids": ("acc-1", "acc-2"),
        "sources": (
            SignalSource(
                SourceKind.PATTERN,
                frozenset({"AAPL", "MSFT"}),
                Timeframe.M5,
                Pattern.VOLATILITY_BREAKOUT,
            ),
            SignalSource(SourceKind.EXTERNAL, name="agent-1"),
        ),
        "sizing": SizingPolicy(
            SizingMethod.VOLATILITY,
            risk_fraction=D("0.0125"),
            max_position_fraction=D("0.2"),
            volatility_multiple=D("2.5"),
        ),
        "entry": EntryRules(min_score=0.65, allow_short=True),
        "exit": ExitRules(
            stop_loss_fraction=None,
            stop_loss_atr=D("1.75"),
            take_profit_fraction=D("0.123456789"),
            exit_score=0.4,
            max_holding_bars=30,
        ),
        "mode": StrategyMode.SHADOW,
        "created_at": T0 + timedelta(seconds=i),
        "updated_at": T0 + timedelta(seconds=i),
        **fields,
    }
    return Strategy(**values)


def decision(i: int, **fields: Any) -> Decision:
    values: dict[str, Any] = {
        "id": f"dec-{i:04d}",
        "strategy_id": "stg-1",
        "account_id": "acc-1",
        "trigger": f"sig-{i}",
        "decided_at": T0 + timedelta(minutes=i),
        "mode": StrategyMode.PAPER,
        "symbol": "AAPL",
        "signal_kind": "pattern",
        "signal_id": f"sig-{i}",
        "score": 0.7123,
        "price": D("190.1234"),
        "action": Action.ENTER,
        "reason": "bullish signal +0.7123 >= entry threshold 0.65",
        "side": Side.BUY,
        "quantity": D("52"),
        "stop": D("186.63"),
        "take_profit": D("213.59"),
        "sizing": SizingInputs("volatility", D("100000.01"), D("190.1234"), D("1.37"), "why"),
        "verdict": Verdict.PENDING,
        **fields,
    }
    return Decision(**values)


def held(account: str = "acc-1", symbol: str = "AAPL", **fields: Any) -> StrategyHolding:
    values: dict[str, Any] = {
        "strategy_id": "stg-1",
        "account_id": account,
        "symbol": symbol,
        "holding": Holding(D("-52"), D("190.1234"), D("193.5"), D("180.25"), T0, bars_held=3),
        "timeframe": Timeframe.M5,
        "details": {"last_bar": T0.isoformat()},
        **fields,
    }
    return StrategyHolding(**values)


def same_strategy(a: Strategy, b: Strategy) -> None:
    fields = ("id", "owner_id", "name", "account_ids", "sources", "sizing", "entry", "exit")
    for name in (*fields, "mode", "version", "created_at"):
        assert getattr(a, name) == getattr(b, name), name


async def test_a_strategy_round_trips_exactly(stores: StrategyStores) -> None:
    # Arrange
    original = strategy()

    # Act
    await stores.strategies.add(original)
    loaded = await stores.strategies.get(original.id)

    # Assert
    assert loaded is not None
    same_strategy(loaded, original)
    assert await stores.strategies.get("stg-missing") is None


async def test_an_id_is_added_once(stores: StrategyStores) -> None:
    await stores.strategies.add(strategy())
    with pytest.raises(ConcurrentUpdate):
        await stores.strategies.add(strategy(name="again"))


async def test_update_bumps_the_version_and_refuses_a_stale_copy(stores: StrategyStores) -> None:
    # Arrange
    await stores.strategies.add(strategy())
    read = await stores.strategies.get("stg-1")
    assert read is not None

    # Act
    updated = await stores.strategies.update(replace(read, name="renamed", mode=StrategyMode.LIVE))

    # Assert
    assert (updated.name, updated.mode, updated.version) == ("renamed", StrategyMode.LIVE, 1)
    loaded = await stores.strategies.get("stg-1")
    assert loaded is not None and loaded.version == 1
    with pytest.raises(ConcurrentUpdate):
        await stores.strategies.update(replace(read, name="stale"))
    with pytest.raises(ConcurrentUpdate):
        await stores.strategies.update(strategy(7))


async def test_lists_by_owner_and_the_active_ones(stores: StrategyStores) -> None:
    # Arrange
    await stores.strategies.add(strategy(1))
    await stores.strategies.add(strategy(2, mode=StrategyMode.OFF))
    await stores.strategies.add(strategy(3, owner_id="u-2", mode=StrategyMode.PAPER))

    # Act
    mine = await stores.strategies.list_by_owner("u-1")
    active = await stores.strategies.list_active()

    # Assert
    assert [s.id for s in mine] == ["stg-1", "stg-2"]
    assert [s.id for s in active] == ["stg-1", "stg-3"]


async def test_a_decision_is_claimed_once_per_trigger_strategy_and_account(
    stores: StrategyStores,
) -> None:
    # Arrange
    first = decision(1)

    # Act
    claimed = await stores.decisions.claim(first)
    again = await stores.decisions.claim(replace(first, id="dec-other"))
    other_account = await stores.decisions.claim(replace(first, id="dec-2", account_id="acc-2"))

    # Assert
    assert (claimed, again, other_account) == (True, False, True)
    loaded = await stores.decisions.get(first.id)
    assert loaded == first


async def test_complete_sets_the_outcome(stores: StrategyStores) -> None:
    # Arrange
    await stores.decisions.claim(decision(1))

    # Act
    await stores.decisions.complete(
        "dec-0001", Verdict.DENIED, ("KILL_SWITCH: account halted",), "ord-1"
    )

    # Assert
    loaded = await stores.decisions.get("dec-0001")
    assert loaded is not None
    assert (loaded.verdict, loaded.verdict_reasons, loaded.order_id) == (
        Verdict.DENIED,
        ("KILL_SWITCH: account halted",),
        "ord-1",
    )


async def test_a_skip_without_sizing_round_trips(stores: StrategyStores) -> None:
    skip = decision(
        2,
        action=Action.SKIP,
        side=None,
        quantity=D(0),
        stop=None,
        take_profit=None,
        sizing=None,
        score=None,
        price=None,
        signal_id=None,
        exit_reason=None,
        verdict=Verdict.SKIPPED,
    )
    await stores.decisions.claim(skip)
    assert await stores.decisions.get(skip.id) == skip
    exit_ = decision(3, action=Action.EXIT, exit_reason=ExitReason.TAKE_PROFIT, sizing=None)
    await stores.decisions.claim(exit_)
    assert await stores.decisions.get(exit_.id) == exit_


async def test_pages_newest_first_without_repeats_or_gaps(stores: StrategyStores) -> None:
    # Arrange: five decisions, two at the same instant, one of another strategy
    for i in range(1, 5):
        await stores.decisions.claim(decision(i))
    await stores.decisions.claim(decision(5, decided_at=T0 + timedelta(minutes=4)))
    await stores.decisions.claim(decision(6, strategy_id="stg-2"))

    # Act
    first = await stores.decisions.page("stg-1", limit=2)
    last = first[-1]
    rest = await stores.decisions.page("stg-1", DecisionCursor(last.decided_at, last.id), limit=10)

    # Assert
    assert [d.id for d in first + rest] == [
        "dec-0005",
        "dec-0004",
        "dec-0003",
        "dec-0002",
        "dec-0001",
    ]


async def test_holdings_are_put_replaced_listed_and_removed(stores: StrategyStores) -> None:
    # Arrange
    await stores.holdings.put(held("acc-1"))
    await stores.holdings.put(held("acc-2"))
    await stores.holdings.put(held("acc-1", "MSFT", strategy_id="stg-2", timeframe=None))

    # Act
    moved = held("acc-1", holding=replace(held().holding, bars_held=4), details={})
    await stores.holdings.put(moved)

    # Assert
    assert await stores.holdings.get("stg-1", "acc-1", "AAPL") == moved
    assert [h.account_id for h in await stores.holdings.for_symbol("AAPL")] == ["acc-1", "acc-2"]
    assert [h.symbol for h in await stores.holdings.for_strategy("stg-2")] == ["MSFT"]
    assert await stores.holdings.symbols() == ["AAPL", "MSFT"]
    await stores.holdings.remove("stg-1", "acc-1", "AAPL")
    await stores.holdings.remove("stg-1", "acc-1", "AAPL")  # absent: no error
    assert await stores.holdings.get("stg-1", "acc-1", "AAPL") is None
    assert [h.account_id for h in await stores.holdings.for_symbol("AAPL")] == ["acc-2"]
