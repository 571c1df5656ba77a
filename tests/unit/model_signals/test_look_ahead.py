"""The backtester's look-ahead checks catch a model whose features see the next bar, and the
honest pipeline passes them: the same checks the pattern signals pass (prefix invariance of
the scores, and no profit from a rule on a driftless market)."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from adapters.signal_models.trainers import SignalModelFitter
from application.model_signals.serving import honest_features, score_column
from application.strategies.backtest_signals import ModelReplay
from domain.market_data.bars import BarSeries, FloatArray
from domain.market_data.signal_columns import score_columns
from domain.market_data.signals import SignalConfig
from domain.model_signals.features import FEATURE_NAMES
from domain.strategies.definition import SignalSource, SourceKind
from ports.model_signals.signal_models import Features
from tests.kit.backtests import cut, run, series_of, strategy
from tests.unit.model_signals.kit import card

ColumnOf = Callable[[BarSeries], FloatArray]


def _leaky_features(series: BarSeries) -> Features:
    """The honest features with ret_1 replaced by the NEXT bar's open-to-close return."""
    tensor = honest_features(series).copy()
    peek = np.full(len(series), np.nan)
    peek[:-1] = np.log(series.close[1:] / series.open[1:])
    tensor[:, FEATURE_NAMES.index("ret_1")] = peek
    return tensor


def _next_bar_return(series: BarSeries) -> FloatArray:
    out = np.full(len(series), np.nan)
    out[:-1] = np.log(series.close[1:] / series.open[1:])
    return out


def _model(features: Callable[[BarSeries], Features], train: dict[str, BarSeries]) -> ColumnOf:
    """A linear model fitted on `features` to the next bar's return; its score column."""
    rows, labels = [], []
    for s in train.values():
        tensor, label = features(s), _next_bar_return(s)
        keep = ~np.isnan(tensor).any(axis=1) & ~np.isnan(label)
        rows.append(tensor[keep])
        labels.append(label[keep])
    fitted = SignalModelFitter().fit("linear", np.concatenate(rows), np.concatenate(labels))
    scale = float(np.std(fitted.predict(np.concatenate(rows))))
    model_card = card("m", scale=scale)
    return lambda s: score_column(model_card, fitted.predict, s, features)


def _first_changed_row(column: ColumnOf, series: BarSeries, rows: int) -> int | None:
    """Where the scores of the history cut at `rows` differ from the full history's."""
    full = column(series)[:rows]
    short = column(cut({"x": series}, rows)["x"])
    differ = ~np.isclose(full, short, equal_nan=True)
    return int(np.argmax(differ)) if differ.any() else None


def test_scores_do_not_change_when_later_bars_are_removed_unless_they_peek() -> None:
    # Arrange
    train, test = series_of(symbols=3, bars=400, seed=21), series_of(symbols=1, bars=300, seed=4)
    honest, leaky = _model(honest_features, train), _model(_leaky_features, train)
    patterns = lambda s: score_columns(s, SignalConfig()).atr  # noqa: E731 - the pattern engine

    # Act / Assert: the honest model and the pattern engine keep every earlier score
    for rows in (120, 200, 299):
        assert _first_changed_row(honest, test["T0"], rows) is None
        assert _first_changed_row(patterns, test["T0"], rows) is None
        # the leaky model changes its last score: it had read the bar that is now gone
        assert _first_changed_row(leaky, test["T0"], rows) == rows - 1


async def test_a_model_that_peeks_at_the_next_bar_profits_but_the_honest_one_does_not() -> None:
    # Arrange: the engine test's driftless market; a time exit after one bar, no brackets
    train, market = series_of(symbols=3, bars=400, seed=21), series_of(symbols=2, bars=400, seed=11)
    follow_model = strategy(stop_loss_fraction=None, take_profit_fraction=None, max_holding_bars=1)
    follow_model.sources = (SignalSource(SourceKind.MODEL, name="m"),)
    honest, leaky = _model(honest_features, train), _model(_leaky_features, train)

    # Act
    peeking = await run(market, strat=follow_model, model=ModelReplay("m", lambda _, s: leaky(s)))
    truthful = await run(market, strat=follow_model, model=ModelReplay("m", lambda _, s: honest(s)))

    # Assert: the control trades and profits; the honest model does not earn from the future
    assert peeking.metrics is not None and truthful.metrics is not None
    assert peeking.trades and truthful.trades
    assert peeking.metrics.total_return > 0.30
    assert truthful.metrics.total_return < 0.05  # chance on 400 bars: a few per cent either way


async def test_a_model_source_is_not_replayed_for_a_strategy_that_follows_another_model() -> None:
    # Arrange
    market = series_of(symbols=2, bars=300, seed=11)
    other = strategy()
    other.sources = (SignalSource(SourceKind.MODEL, name="someone-else"),)
    column = _model(honest_features, series_of(symbols=2, bars=300, seed=21))

    # Act
    result = await run(market, strat=other, model=ModelReplay("m", lambda _, s: column(s)))

    # Assert
    assert result.trades == () and result.orders_sent == 0
