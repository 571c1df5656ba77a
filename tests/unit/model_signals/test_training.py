"""Training from the bar store: walk-forward folds, ONNX export, the card."""

from __future__ import annotations

from datetime import UTC, datetime

import numpy as np
import pytest

from adapters.memory.signal_models import InMemorySignalModelRegistry
from adapters.signal_models.onnx_scorer import predict_once
from application.model_signals.training import TrainingFailed, TrainRequest, bars_hash
from domain.model_signals.features import FEATURE_NAMES
from domain.model_signals.walk_forward import walk_forward_folds
from tests.unit.model_signals.kit import END, FIRST, bars, stored, trainer


@pytest.mark.parametrize("kind", ["linear", "lightgbm"])
async def test_a_model_is_trained_walk_forward_and_saved_with_its_card(kind: str) -> None:
    # Arrange
    series = bars()
    registry = InMemorySignalModelRegistry()
    train = trainer(await stored(series), registry)
    seen: list[float] = []

    # Act
    card = await train.run(
        TrainRequest("demo", kind, tuple(series), FIRST, END, horizon=5, folds=3), seen.append
    )

    # Assert
    assert card.kind == kind and card.features == FEATURE_NAMES and len(card.folds) == 3
    assert card.symbols == tuple(sorted(series)) and card.data_hash == bars_hash(series)
    assert all(0.0 <= f.hit_rate <= 1.0 and -1.0 <= f.ic <= 1.0 for f in card.folds)
    assert [f.train_rows for f in card.folds] == sorted(f.train_rows for f in card.folds)
    assert seen == sorted(seen) and seen[-1] == 1.0
    assert registry.card("demo") == card
    rows = np.random.default_rng(0).normal(0, 0.02, (7, len(FEATURE_NAMES))).astype(np.float32)
    out = predict_once(registry.model_bytes("demo"), rows)
    assert out.shape == (7,) and np.isfinite(out).all()


async def test_the_fold_rows_never_see_labels_of_their_test_block() -> None:
    # Arrange: the split the training uses for 400 bars, horizon 5, after the warm-up
    folds = walk_forward_folds(400, 3, 5, 49)

    # Act / Assert: the last training row's label ends strictly before the test block
    assert all(f.train_end - 1 + 5 < f.test_start for f in folds)


async def test_the_same_bars_give_the_same_hash_and_other_bars_another() -> None:
    # Arrange
    one, other = bars(seed=5), bars(seed=6)

    # Act / Assert
    assert bars_hash(one) == bars_hash(bars(seed=5)) != bars_hash(other)


async def test_no_stored_bars_or_too_few_fail_with_a_reason() -> None:
    # Arrange
    train = trainer(await stored(bars(count=90)))

    # Act / Assert
    with pytest.raises(TrainingFailed, match="no bars stored"):
        await train.run(TrainRequest("demo", "linear", ("NOPE",), FIRST, END))
    with pytest.raises(TrainingFailed, match="need at least"):
        await train.run(TrainRequest("demo", "linear", ("S0",), FIRST, END, folds=8))
    with pytest.raises(TrainingFailed, match="model must be"):
        await train.run(TrainRequest("demo", "forest", ("S0",), FIRST, END))


async def test_a_range_outside_the_stored_bars_trains_nothing() -> None:
    # Arrange
    train = trainer(await stored(bars()))
    later = datetime(2040, 1, 1, tzinfo=UTC)

    # Act / Assert
    with pytest.raises(TrainingFailed):
        await train.run(
            TrainRequest("demo", "linear", ("S0",), later, datetime(2041, 1, 1, tzinfo=UTC))
        )
