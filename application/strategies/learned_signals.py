"""A learned combiner over one symbol's bars: the sources' held readings as features, the
walk-forward fit (domain/strategies/combiner.py) and, for each decision, a sentence naming the
weights it used.

The features are the readings a stated fusion sums (application/strategies/backtest_signals.py
holds them): column i is source i's latest reading at each bar's close, 0 where it has none or
does not read the symbol. Both the backtest and the combiner's report use this module, so the
report measures the weights the backtest decides with.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

import numpy as np

from domain.market_data.bars import BarSeries, FloatArray
from domain.strategies.combiner import WalkForward, explain, walk_forward
from domain.strategies.definition import Strategy
from domain.strategies.fusion import source_label
from ports.strategies.combiner import CombinerFitter


@dataclass(frozen=True, slots=True)
class LearnedScores:
    """One symbol's walk-forward: its fits, the features they saw, the sources' labels."""

    walk: WalkForward
    features: FloatArray  # rows: bars; columns: the strategy's sources in order
    labels: tuple[str, ...]

    def basis(self, row: int, bar_label: Callable[[int], str]) -> str:
        """The learned score at `row` as a sentence naming the weights and when they were
        fitted (`bar_label` names a bar by its row)."""
        refit = self.walk.refit_at(row)
        if refit is None:
            return "no learned weights in force"
        return explain(refit, self.labels, self.features[row], bar_label(refit.row))

    def heaviest(self, row: int) -> int:
        """The index of the source whose term |w_i x_i| weighs most at `row` (0 on a tie)."""
        refit = self.walk.refit_at(row)
        if refit is None:
            return 0
        terms = np.abs(np.asarray(refit.weights.weights) * self.features[row])
        return int(np.argmax(terms))


def features_of(strategy: Strategy, held_columns: Mapping[int, FloatArray], n: int) -> FloatArray:
    """The (bars x sources) matrix of held readings, 0 where a source has none."""
    x = np.zeros((n, len(strategy.sources)))
    for index, column in held_columns.items():
        x[:, index] = np.nan_to_num(column, nan=0.0)
    return x


def learned_scores(
    strategy: Strategy,
    series: BarSeries,
    held_columns: Mapping[int, FloatArray],
    fitter: CombinerFitter,
) -> LearnedScores:
    """The strategy's learned combiner walked forward over `series`."""
    x = features_of(strategy, held_columns, len(series))
    entry = strategy.entry
    walk = walk_forward(x, series.close, entry.training_bars, entry.refit_bars, fitter.fit)
    return LearnedScores(walk, x, tuple(source_label(s) for s in strategy.sources))
