"""The SQL rows of strategies, decisions and holdings give back exactly what went in (through
JSON, as the JSON columns store it): a property over generated definitions."""

from __future__ import annotations

import json
from collections import namedtuple
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from adapters.postgres.repos.strategies import (
    decision_of,
    decision_row,
    strategy_of,
    strategy_row,
)
from domain.market_data.bars import Timeframe
from domain.market_data.signals import Pattern
from domain.strategies.decide import Action
from domain.strategies.definition import (
    Combine,
    Combiner,
    EntryRules,
    ExitRules,
    InvalidStrategy,
    SignalSource,
    SizingMethod,
    SizingPolicy,
    SourceKind,
    Strategy,
    StrategyMode,
)
from domain.trading.orders import Side
from ports.strategies.strategies import Decision, SizingInputs, Verdict

fractions = st.decimals(
    min_value=Decimal("0.00000001"), max_value=Decimal(1), places=8, allow_nan=False
)
below_one = st.decimals(
    min_value=Decimal("0.0001"), max_value=Decimal("0.9999"), places=4, allow_nan=False
)
positive = st.decimals(min_value=Decimal("0.01"), max_value=Decimal(1000), places=6)
scores = st.floats(min_value=0.0001, max_value=1.0, allow_nan=False)
accounts = st.lists(st.sampled_from(["a", "b", "c"]), min_size=1, max_size=3, unique=True)
symbols = st.frozensets(st.sampled_from(["AAPL", "MSFT", "BRK.B", "EUR/USD"]), max_size=3)


@st.composite
def sources(draw: st.DrawFn) -> SignalSource:
    kind = draw(st.sampled_from(list(SourceKind)))
    sentiment = kind is SourceKind.SENTIMENT
    return SignalSource(
        kind,
        draw(symbols.filter(bool)) if sentiment else draw(symbols),
        draw(st.none() | st.sampled_from(list(Timeframe))),
        draw(st.none() | st.sampled_from(list(Pattern))) if kind is SourceKind.PATTERN else None,
        draw(st.none() | st.sampled_from(["agent-1", "model-x"])),
        weight=draw(st.floats(min_value=-100, max_value=100, allow_nan=False).filter(bool)),
        window_hours=draw(st.none() | st.floats(0.25, 720)) if sentiment else None,
        min_items=draw(st.none() | st.integers(1, 10_000)) if sentiment else None,
    )


@st.composite
def definitions(draw: st.DrawFn) -> Strategy:
    method = draw(st.sampled_from(list(SizingMethod)))
    atr_stop = draw(st.booleans())
    combine = draw(st.sampled_from(list(Combine)))
    learned = combine is Combine.WEIGHTED and draw(st.booleans())
    return Strategy(
        id="stg-1",
        owner_id="u-1",
        name=draw(st.text(min_size=1, max_size=20).filter(lambda t: t.strip() == t and t)),
        account_ids=tuple(
            draw(st.lists(st.sampled_from(["a", "b", "c"]), min_size=1, max_size=3, unique=True))
        ),
        sources=tuple(draw(st.lists(sources(), min_size=1, max_size=3))),
        sizing=SizingPolicy(
            method,
            draw(fractions),
            draw(fractions),
            draw(positive),
            draw(positive) if method is SizingMethod.FIXED_NOTIONAL else None,
        ),
        entry=EntryRules(
            draw(scores),
            draw(st.booleans()),
            combine,
            draw(st.floats(0.25, 8760)),
            Combiner.LEARNED if learned else Combiner.STATED,
            draw(st.integers(20, 5_000)),
            draw(st.integers(1, 1_000)),
        ),
        exit=ExitRules(
            stop_loss_fraction=None if atr_stop else draw(below_one),
            stop_loss_atr=draw(positive) if atr_stop else None,
            take_profit_fraction=draw(st.none() | positive),
            exit_score=draw(st.none() | scores),
            max_holding_bars=draw(st.none() | st.integers(1, 100_000)),
        ),
        mode=draw(st.sampled_from(list(StrategyMode))),
        created_at=datetime(2026, 3, 2, tzinfo=UTC),
        updated_at=datetime(2026, 3, 2, tzinfo=UTC),
        version=draw(st.integers(0, 10**6)),
    )


def stored_row(values: dict[str, Any]) -> Any:
    """A named tuple of the columns, as the database driver hands a row back."""
    return namedtuple("Row", values)(**values)


def through_json(row: dict[str, Any], json_columns: tuple[str, ...]) -> Any:
    stored = {k: json.loads(json.dumps(v)) if k in json_columns else v for k, v in row.items()}
    return stored_row(stored)


@given(definitions())
def test_a_strategy_row_round_trips(original: Strategy) -> None:
    # Act
    row = through_json(
        strategy_row(original), ("account_ids", "sources", "sizing", "entry", "exit")
    )
    loaded = strategy_of(row)

    # Assert
    for name in ("account_ids", "sources", "sizing", "entry", "exit", "mode", "version", "name"):
        assert getattr(loaded, name) == getattr(original, name), name


@given(
    st.sampled_from(list(Action)),
    st.sampled_from(list(Verdict)),
    st.none() | positive,
    st.lists(st.text(max_size=30), max_size=3),
)
def test_a_decision_row_round_trips(
    action: Action, verdict: Verdict, atr: Decimal | None, reasons: list[str]
) -> None:
    original = Decision(
        id="dec-1",
        strategy_id="stg-1",
        account_id="acc-1",
        trigger="sig-1",
        decided_at=datetime(2026, 3, 2, tzinfo=UTC),
        mode=StrategyMode.PAPER,
        symbol="AAPL",
        signal_kind="pattern",
        action=action,
        reason="why",
        verdict=verdict,
        side=Side.SELL,
        quantity=Decimal("12.5"),
        sizing=SizingInputs("volatility", Decimal("1e5"), Decimal("190.01"), atr, "x"),
        verdict_reasons=tuple(reasons),
    )
    row = through_json(decision_row(original), ("sizing", "verdict_reasons"))
    assert decision_of(row) == original


def test_an_impossible_definition_is_refused_when_loaded() -> None:
    # A row edited by hand into an impossible definition fails loudly, naming the field.
    row = strategy_row(Strategy("stg-1", "u-1", "n", ("a",), (SignalSource(SourceKind.EXTERNAL),)))
    row["exit"]["stop_loss_atr"] = "2"  # beside the default stop_loss_fraction
    with pytest.raises(InvalidStrategy) as caught:
        strategy_of(stored_row(row))
    assert caught.value.field == "stop_loss_atr"
