"""The learned combiner: the walk-forward fit on a synthetic world where one source tells the
next move and another is noise, no look-ahead, the measures against worked examples and
SciPy, the fit against the penalised log-loss it states, and the definition's checks."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest
from scipy import optimize, stats

from adapters.ml.signal_combiner import LogisticCombinerFitter
from domain.strategies.combiner import (
    MAX_REFITS,
    CombinerTooFewBars,
    CombinerTooManyRefits,
    Refit,
    Weights,
    average_ranks,
    check_history,
    evaluate,
    explain,
    next_returns,
    quality,
    rank_correlation,
    walk_forward,
)
from domain.strategies.definition import (
    Combine,
    Combiner,
    EntryRules,
    InvalidStrategy,
    SignalSource,
    SourceKind,
    StrategyMode,
)
from tests.kit.strategies import a_strategy

pytestmark = pytest.mark.blas  # goes through BLAS/LAPACK: `make kernels` runs it per core type

FIT = LogisticCombinerFitter().fit


def world(n: int = 600, seed: int = 7, agree: float = 0.7) -> tuple[np.ndarray, np.ndarray]:
    """Two sources' readings and the closes they foretell: the next return takes the first
    source's sign with probability `agree` (else the opposite); the second is noise."""
    rng = np.random.default_rng(seed)
    informative = rng.choice([-1.0, 1.0], n) * rng.uniform(0.3, 1.0, n)
    noise = rng.choice([-1.0, 1.0], n) * rng.uniform(0.3, 1.0, n)
    direction = np.where(rng.random(n) < agree, np.sign(informative), -np.sign(informative))
    returns = direction * rng.uniform(0.002, 0.02, n)  # bar t's next return
    close = 100.0 * np.cumprod(np.concatenate(([1.0], 1.0 + returns[:-1])))
    return np.column_stack((informative, noise)), close


def test_the_informative_source_earns_the_weight_and_beats_the_noise_out_of_sample() -> None:
    # Arrange
    features, close = world()

    # Act
    walk = walk_forward(features, close, training_bars=200, refit_bars=25, fit=FIT)
    found = evaluate(walk, features, close, stated_weights=(0.5, 0.5))

    # Assert: every fit weighs the informative source above the noise, on average far above
    assert len(walk.refits) == 16  # rows 200, 225, ..., 575
    weights = np.array([refit.weights.weights for refit in walk.refits])
    assert (weights[:, 0] > 0.5).all() and (weights[:, 0] > np.abs(weights[:, 1])).all()
    assert weights[:, 0].mean() > 4 * np.abs(weights[:, 1]).mean()
    informative_q, noise_q = found.sources
    assert informative_q.hit_rate is not None and noise_q.hit_rate is not None
    assert informative_q.hit_rate > 0.62 and noise_q.hit_rate < 0.56
    assert found.learned.hit_rate is not None and found.learned.hit_rate > 0.62
    assert found.stated.hit_rate is not None and found.learned.hit_rate > found.stated.hit_rate
    assert found.learned.ic is not None and noise_q.ic is not None
    assert found.learned.ic > 0.15 > abs(noise_q.ic)
    assert found.learned.days == len(found.rows) == 399  # rows 200..598: 599 has no next close


def test_the_same_world_gives_the_same_weights() -> None:
    # Arrange
    features, close = world()

    # Act
    first = walk_forward(features, close, 200, 25, FIT)
    second = walk_forward(features, close, 200, 25, FIT)

    # Assert
    assert first.refits == second.refits
    np.testing.assert_array_equal(first.scores, second.scores)


def mirrored(close: np.ndarray, start: int) -> np.ndarray:
    """The closes with every move from bar `start` on turned the other way."""
    other = close.copy()
    for t in range(start, len(close)):
        other[t] = other[t - 1] * close[t - 1] / close[t]
    return other


def test_changing_later_bars_changes_no_earlier_weight_nor_score() -> None:
    # Arrange: the same world, every move from close 401 on turned the other way
    features, close = world()
    other = mirrored(close, 401)

    # Act
    honest = walk_forward(features, close, 200, 25, FIT)
    changed = walk_forward(features, other, 200, 25, FIT)

    # Assert: the fit at 400 trains on bars 200..399, whose outcomes end at close 400 (a fit
    # that also read bar 400's outcome, the move to close 401, would differ)
    assert [r for r in honest.refits if r.row <= 400] == [r for r in changed.refits if r.row <= 400]
    np.testing.assert_array_equal(honest.scores[:425], changed.scores[:425])
    assert not np.array_equal(honest.scores[425:], changed.scores[425:])


def test_the_walk_decides_from_its_first_fit_with_the_fit_in_force() -> None:
    # Arrange
    features, close = world(n=100)

    # Act
    walk = walk_forward(features, close, training_bars=40, refit_bars=30, fit=FIT)

    # Assert: fits at 40 and 70 (and 100 is past the end); before 40 no learned score
    assert [r.row for r in walk.refits] == [40, 70]
    assert np.isnan(walk.scores[:40]).all() and not np.isnan(walk.scores[40:]).any()
    assert walk.refit_at(39) is None
    assert walk.refit_at(69) == walk.refits[0] and walk.refit_at(99) == walk.refits[1]
    refit = walk.refits[1]
    z = refit.weights.intercept + features[75] @ np.array(refit.weights.weights)
    assert walk.scores[75] == pytest.approx(2.0 / (1.0 + np.exp(-z)) - 1.0)  # 2p - 1


def test_a_window_whose_outcomes_all_go_one_way_keeps_the_previous_fit() -> None:
    # Arrange: 60 bars of mixed moves, then 60 of straight rises
    features, mixed = world(n=60)
    rising = mixed[-1] * np.cumprod(np.full(60, 1.01))
    close = np.concatenate((mixed, rising))
    x = np.vstack((features, features))

    # Act
    walk = walk_forward(x, close, training_bars=40, refit_bars=20, fit=FIT)

    # Assert: the windows ending at 100 and 120... only rises from bar 60 on: no fit after 80
    assert [r.row for r in walk.refits] == [40, 60, 80]
    assert walk.refit_at(119) == walk.refits[-1]


def test_a_history_without_both_outcomes_fits_nothing() -> None:
    # Arrange
    close = 100.0 * np.cumprod(np.full(50, 1.01))

    # Act
    walk = walk_forward(np.zeros((50, 2)), close, 20, 5, FIT)

    # Assert
    assert walk.refits == () and np.isnan(walk.scores).all()


def test_hit_rate_and_ic_of_a_worked_example() -> None:
    # Arrange: signal signs vs return signs: + +, - +, 0 -, + -, - -, + 0  -> active days
    # 1, 2, 4, 5 (the zero signal and the zero return leave out days 3 and 6); hits 1 and 5
    signal = np.array([0.5, -0.2, 0.0, 0.9, -0.7, 0.3])
    returns = np.array([0.01, 0.02, -0.01, -0.03, -0.02, 0.0])

    # Act
    found = quality(signal, returns)

    # Assert
    assert (found.days, found.active_days, found.hits) == (6, 4, 2)
    assert found.hit_rate == 0.5
    assert found.ic == pytest.approx(stats.spearmanr(signal, returns).statistic)


def test_rank_correlation_matches_scipy_with_ties() -> None:
    # Arrange
    rng = np.random.default_rng(3)
    x = rng.integers(-3, 4, 200).astype(float)  # many ties
    y = x * 0.3 + rng.normal(0, 1, 200)

    # Act
    rho = rank_correlation(x, y)

    # Assert
    np.testing.assert_allclose(average_ranks(x), stats.rankdata(x))
    assert rho == pytest.approx(stats.spearmanr(x, y).statistic, abs=1e-12)
    assert rank_correlation(np.zeros(5), y[:5]) is None
    assert rank_correlation(x[:1], y[:1]) is None


def test_next_returns_are_known_one_bar_later() -> None:
    # Act
    found = next_returns(np.array([100.0, 110.0, 99.0]))

    # Assert
    np.testing.assert_allclose(found[:2], [0.1, -0.1])
    assert np.isnan(found[2])


def test_the_fit_minimises_the_penalised_log_loss_it_states() -> None:
    # Arrange: the contract is 1/2 |w|^2 + C x sum of log-losses, C = 1, intercept free
    features, close = world(n=300)
    rises = next_returns(close)[:-1] > 0
    x = features[:-1]
    signs = np.where(rises, 1.0, -1.0)

    def objective(theta: np.ndarray) -> float:
        z = theta[0] + x @ theta[1:]
        return float(0.5 * theta[1:] @ theta[1:] + np.logaddexp(0.0, -signs * z).sum())

    # Act
    fitted = FIT(x, rises)
    reference = optimize.minimize(objective, np.zeros(3), method="BFGS", options={"gtol": 1e-9})

    # Assert
    np.testing.assert_allclose(
        (fitted.intercept, *fitted.weights), reference.x, rtol=1e-3, atol=1e-4
    )


def test_the_explanation_names_the_weights_and_when_they_were_fitted() -> None:
    # Arrange: z = 0.1 + 2 x 0.5 - 1 x 0.2 = 0.9; 2 sigmoid(0.9) - 1 = tanh(0.45) = 0.4219
    refit = Refit(row=250, samples=248, weights=Weights(0.1, (2.0, -1.0)))

    # Act
    text = explain(refit, ("model:m1", "sentiment:24h"), np.array([0.5, 0.2]), "2024-03-01")

    # Assert
    assert text == (
        "learned +0.4219 = 2p - 1, logit p = +0.1000 +2.0000 x model:m1(+0.5000) "
        "-1.0000 x sentiment:24h(+0.2000); weights fitted at the close of 2024-03-01 on 248 bars"
    )


def test_a_history_no_longer_than_the_training_window_is_refused() -> None:
    # Act / Assert
    with pytest.raises(CombinerTooFewBars) as too_few:
        check_history("AAPL", 250, 250, 20, field="from")
    check_history("AAPL", 251, 250, 20, field="from")
    with pytest.raises(CombinerTooManyRefits):
        check_history("AAPL", 100 + MAX_REFITS + 1, 100, 1, field="from")
    assert too_few.value.code == "COMBINER_TOO_FEW_BARS" and too_few.value.field == "from"
    assert "AAPL has 250 bars" in too_few.value.message


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"combine": Combine.EACH}, "combiner"),
        ({"training_bars": 19}, "training_bars"),
        ({"training_bars": 5_001}, "training_bars"),
        ({"refit_bars": 0}, "refit_bars"),
        ({"refit_bars": 1_001}, "refit_bars"),
    ],
)
def test_a_learned_entry_out_of_bounds_names_its_field(
    changes: dict[str, object], field: str
) -> None:
    # Arrange
    learned = EntryRules(combine=Combine.WEIGHTED, combiner=Combiner.LEARNED)

    # Act / Assert
    with pytest.raises(InvalidStrategy) as refused:
        replace(learned, **changes)  # type: ignore[arg-type]
    assert refused.value.field == field


@pytest.mark.parametrize("mode", [StrategyMode.SHADOW, StrategyMode.PAPER, StrategyMode.LIVE])
def test_a_learned_strategy_may_run_in_every_mode(mode: StrategyMode) -> None:
    # Arrange
    learned = EntryRules(combine=Combine.WEIGHTED, combiner=Combiner.LEARNED)

    # Act
    running = a_strategy(
        name="learned", sources=(SignalSource(SourceKind.MODEL, name="m1"),), entry=learned,
        mode=mode,
    )  # fmt: skip

    # Assert
    assert running.entry.learned and running.mode is mode
