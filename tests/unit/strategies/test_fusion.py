"""Fused scores and the sentiment reading: worked examples, the clipping, no look-ahead, the
definition's checks."""

from __future__ import annotations

import math
from datetime import UTC, datetime
from decimal import Decimal

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from domain.market_data.signals import Pattern
from domain.strategies.decide import Action, StrategySignal, decide_on_signal
from domain.strategies.definition import (
    Combine,
    EntryRules,
    InvalidStrategy,
    SignalSource,
    SourceKind,
    Strategy,
)
from domain.strategies.fusion import fuse, held, probability_score, sentiment_column
from domain.trading.orders import Side
from tests.kit.strategies import a_strategy

T0 = datetime(2024, 1, 2, tzinfo=UTC)
H = 3600.0


def _fused(*sources: SignalSource, min_score: float = 0.5) -> Strategy:
    return a_strategy(
        name="fused",
        sources=sources,
        entry=EntryRules(min_score=min_score, combine=Combine.WEIGHTED),
    )


THREE = (
    SignalSource(SourceKind.PATTERN, pattern=Pattern.EMA_CROSSOVER, weight=0.5),
    SignalSource(SourceKind.MODEL, name="m1", weight=0.3),
    SignalSource(SourceKind.SENTIMENT, frozenset({"AAPL"}), weight=0.4),
)


def test_the_fused_score_is_the_weighted_sum_of_the_readings() -> None:
    # Arrange: 0.5 x (+1) + 0.3 x (+0.4) + 0.4 x (-0.25) = 0.5 + 0.12 - 0.1 = 0.52
    strategy = _fused(*THREE)

    # Act
    fused = fuse(strategy, {0: 1.0, 1: 0.4, 2: -0.25})

    # Assert
    assert fused.score == pytest.approx(0.52)
    assert [round(c.value, 4) for c in fused.contributions] == [0.5, 0.12, -0.1]
    assert fused.explain() == (
        "fused +0.5200 = 0.5 x pattern:ema_crossover(+1.0000) + 0.3 x model:m1(+0.4000) "
        "+ 0.4 x sentiment:24h(-0.2500)"
    )


def test_a_source_without_a_fresh_reading_adds_nothing() -> None:
    # Arrange: only the pattern (0.5 x 1) and the model (0.3 x -1) have readings
    strategy = _fused(*THREE)

    # Act
    fused = fuse(strategy, {0: 1.0, 1: -1.0, 2: math.nan})

    # Assert
    assert fused.score == pytest.approx(0.2)
    assert [c.index for c in fused.contributions] == [0, 1]


def test_the_fused_score_is_clipped_to_one() -> None:
    # Arrange: 1 x 1 + 1 x 0.5 = 1.5
    strategy = _fused(SignalSource(SourceKind.PATTERN), SignalSource(SourceKind.MODEL, name="m1"))

    # Act
    fused = fuse(strategy, {0: 1.0, 1: 0.5})

    # Assert
    assert (fused.score, fused.raw) == (1.0, 1.5)
    assert fused.explain().endswith("clipped to +1.0000")


def test_a_fused_decision_names_each_contribution_in_its_reason() -> None:
    # Arrange: fused +0.52 >= 0.5 enters long
    strategy = _fused(*THREE)
    fused = fuse(strategy, {0: 1.0, 1: 0.4, 2: -0.25})
    signal = StrategySignal(
        "fused:sig-1", SourceKind.PATTERN, "AAPL", fused.score, Decimal(100), T0,
        basis=fused.explain(),
    )  # fmt: skip

    # Act
    intent = decide_on_signal(strategy, signal, None, Decimal(100_000))

    # Assert
    assert intent.action is Action.ENTER and intent.side is Side.BUY
    assert intent.reason.endswith("0.4 x sentiment:24h(-0.2500)")


def test_below_the_threshold_the_fused_score_skips_with_its_terms() -> None:
    # Arrange: 0.5 x 1 + 0.4 x (-0.5) = 0.3 < 0.5
    strategy = _fused(*THREE)
    fused = fuse(strategy, {0: 1.0, 2: -0.5})
    signal = StrategySignal(
        "fused:sig-2", SourceKind.SENTIMENT, "AAPL", fused.score, Decimal(100), T0,
        basis=fused.explain(),
    )  # fmt: skip

    # Act
    intent = decide_on_signal(strategy, signal, None, Decimal(100_000))

    # Assert
    assert intent.action is Action.SKIP
    assert "below the entry threshold" in intent.reason and "fused +0.3000" in intent.reason


def test_a_probability_reads_two_p_minus_one() -> None:
    assert probability_score(0.8) == pytest.approx(0.6)
    assert probability_score(0.5) == 0.0
    assert probability_score(0.0) == -1.0


def test_the_sentiment_reading_is_the_windowed_mean_with_a_minimum_count() -> None:
    # Arrange: items at 0 h (+0.6), 1 h (+0.2), 2 h (-0.5); a 2 h window, at least 2 items.
    published = np.array([0.0, H, 2 * H])
    scores = np.array([0.6, 0.2, -0.5])

    # Act: at 1 h the window (-1 h, 1 h] holds +0.6, +0.2; at 2 h (0, 2 h] holds +0.2, -0.5;
    # at 3 h (1 h, 3 h] holds only -0.5: too few.
    column = sentiment_column(published, scores, np.array([H, 2 * H, 3 * H]), 2 * H, 2)

    # Assert
    assert column[0] == pytest.approx(0.4)
    assert column[1] == pytest.approx(-0.15)
    assert math.isnan(column[2])


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 100), st.floats(-1, 1)), min_size=1, max_size=30),
    st.lists(st.tuples(st.integers(0, 100), st.floats(-1, 1)), min_size=1, max_size=10),
)
def test_items_published_after_a_reading_never_change_it(
    past: list[tuple[int, float]], future: list[tuple[int, float]]
) -> None:
    # Arrange: readings at hours 0..50; the later items are published after hour 50.
    at = np.arange(51) * H
    before = sentiment_column(
        np.array([t * H for t, _ in past]), np.array([s for _, s in past]), at, 6 * H, 1
    )
    items = past + [(51 + t, s) for t, s in future]

    # Act
    after = sentiment_column(
        np.array([t * H for t, _ in items]), np.array([s for _, s in items]), at, 6 * H, 1
    )

    # Assert
    np.testing.assert_array_equal(before, after)


def test_a_reading_is_held_while_it_is_fresh() -> None:
    # Arrange: readings at rows 1 and 4, one hour apart each row, kept for 2 hours
    column = np.array([np.nan, 0.5, np.nan, np.nan, -0.2, np.nan])

    # Act
    out = held(column, np.arange(6) * H, 2 * H)

    # Assert
    np.testing.assert_array_equal(out, [np.nan, 0.5, 0.5, 0.5, -0.2, -0.2])


@pytest.mark.parametrize(
    ("source", "field"),
    [
        (lambda: SignalSource(SourceKind.PATTERN, weight=math.nan), "sources.weight"),
        (lambda: SignalSource(SourceKind.PATTERN, weight=math.inf), "sources.weight"),
        (lambda: SignalSource(SourceKind.SENTIMENT), "sources.symbols"),
        (lambda: SignalSource(SourceKind.PATTERN, window_hours=6.0), "sources"),
        (
            lambda: SignalSource(SourceKind.SENTIMENT, frozenset({"A"}), min_items=0),
            "sources.min_items",
        ),
    ],
)
def test_bad_sources_are_refused_naming_the_field(source: object, field: str) -> None:
    with pytest.raises(InvalidStrategy) as caught:
        source()  # type: ignore[operator]
    assert caught.value.field == field


def test_a_weighted_strategy_needs_a_non_zero_weight() -> None:
    with pytest.raises(InvalidStrategy) as caught:
        _fused(SignalSource(SourceKind.PATTERN, weight=0.0))
    assert caught.value.field == "sources.weight"
