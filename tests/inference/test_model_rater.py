"""The model-based risk rater over the built risk model, and its fallback to the rules."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import numpy as np
import pytest

from adapters.gpu.model_rater import ModelRiskRater
from adapters.gpu.model_store import ModelStore
from application.trading.risk import RuleDraft
from bootstrap.embedded import Embedded, build_embedded
from domain.principals import Principal, Role
from domain.risk.analysis import HeadroomRater, RiskRating, TradeContext, TradeFacts
from domain.risk.rater_model import FEATURE_NAMES, trade_features
from domain.risk.rules import RuleType
from domain.trading.instruments import Instrument
from domain.trading.orders import Order, Origin, OriginKind, Side
from tests.inference.conftest import cpu_store

D = Decimal
ALICE = Principal("alice", Role.OWNER)


@pytest.fixture
async def system() -> Embedded:
    e = build_embedded()
    await e.add_instrument(Instrument("AAPL", sector="Tech"), D(100))
    await e.open_account("acc-a", "alice", D(1_000_000))
    await e.risk.create(
        ALICE, RuleDraft(RuleType.MAX_ORDER_QUANTITY, {"max_quantity": 100}, account_id=None)
    )
    return e


async def facts_of(system: Embedded, quantity: int) -> TradeFacts:
    order = Order(
        "probe", "probe", "acc-a", "AAPL", Side.BUY, D(quantity), Origin(OriginKind.USER, "alice")
    )
    return (await system.risk.analyze_trade(ALICE, "acc-a", order)).facts


async def test_features_describe_the_trade(system: Embedded) -> None:
    # Arrange
    facts = replace(await facts_of(system, 70), context=TradeContext(0.5, -0.8))

    # Act
    features = dict(zip(FEATURE_NAMES, trade_features(facts), strict=True))

    # Assert
    assert features["max_rule_used"] == pytest.approx(0.7)
    assert features["denied"] == 0.0
    assert features["volatility"] == pytest.approx(0.5)
    assert features["sentiment_alignment"] == pytest.approx(-0.8)  # a buy against bad news
    assert features["margin_breach"] == 0.0


async def test_the_model_rates_small_safe_large_danger_with_probabilities(
    system: Embedded, store: ModelStore
) -> None:
    # Arrange
    rater = ModelRiskRater(store, HeadroomRater())

    # Act
    small = rater.rate(await facts_of(system, 5))
    denied = rater.rate(await facts_of(system, 150))

    # Assert
    assert small.rater == "model:risk-rater" and small.fallback is None
    assert small.rating is RiskRating.SAFE
    assert sum(p for _, p in small.probabilities) == pytest.approx(1.0, abs=1e-5)
    assert denied.rating is RiskRating.DANGER
    assert any("denied" in reason for reason in denied.reasons)


async def test_bad_news_and_high_volatility_raise_the_danger_probability(
    system: Embedded, store: ModelStore
) -> None:
    # Arrange
    rater = ModelRiskRater(store, HeadroomRater())
    facts = await facts_of(system, 40)

    # Act
    calm = dict(rater.rate(replace(facts, context=TradeContext(0.15, 0.6))).probabilities)
    stormy = dict(rater.rate(replace(facts, context=TradeContext(1.5, -0.9))).probabilities)

    # Assert
    assert stormy[RiskRating.DANGER] + stormy[RiskRating.CAUTION] > (
        calm[RiskRating.DANGER] + calm[RiskRating.CAUTION]
    )


async def test_without_the_model_the_rules_answer_and_say_why(
    system: Embedded, tmp_path: Path
) -> None:
    # Arrange: an empty models directory
    rater = ModelRiskRater(cpu_store(tmp_path), HeadroomRater())
    facts = await facts_of(system, 70)

    # Act
    assessment = rater.rate(facts)

    # Assert
    assert assessment.rating == HeadroomRater().rate(facts).rating == RiskRating.CAUTION
    assert assessment.rater == "rules"
    assert assessment.fallback is not None and "risk-rater unavailable" in assessment.fallback


async def test_a_model_that_answers_garbage_falls_back(system: Embedded, store: ModelStore) -> None:
    # Arrange: a store whose "risk-rater" answers NaN
    class Broken:
        provider = "test"

        def run(self, feeds: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
            return {"probabilities": np.full((1, 3), np.nan, dtype=np.float32)}

    loaded = store.get("risk-rater")
    broken = ModelStore(store.folder, lambda path, entry: Broken())
    broken.load()
    assert broken.get("risk-rater").entry == loaded.entry

    # Act
    assessment = ModelRiskRater(broken, HeadroomRater()).rate(await facts_of(system, 5))

    # Assert
    assert assessment.rater == "rules"
    assert assessment.fallback is not None and "non-finite" in assessment.fallback
