"""Estimated factor betas read from the bar history store (application, in-memory store):
the window ends on the clock's today, too little history is an answer per symbol."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from adapters.memory.bar_store import InMemoryBarStore
from adapters.memory.clock import FakeClock
from application.markets.scenario_betas import BetaSettings, StoredBetas
from domain.analytics.scenarios.factor_betas import BetaEstimate, NoBetaEstimate
from domain.analytics.scenarios.factors import Factor
from domain.market_data.bars import Timeframe
from tests.kit.factor_bars import factor_bars

TODAY = date(2026, 1, 5)
# Closes are stored to 8 decimal places around 50-100: a return's rounding is ~1e-10, a
# beta's error well under 1e-6 over hundreds of returns of ~1 %.
BETA_TOLERANCE = 1e-6


async def store_with(days: int, **loadings: tuple[float, float, float]) -> InMemoryBarStore:
    store = InMemoryBarStore()
    for symbol, series in factor_bars(loadings, days=days, last=TODAY).items():
        await store.write_series(symbol, Timeframe.D1, series)
    return store


async def test_betas_are_fitted_on_the_last_window_of_stored_returns() -> None:
    # Arrange: 400 daily bars; ACME = 1.2 equity - 0.3 oil + 0.5 usd
    store = await store_with(400, ACME=(1.2, -0.3, 0.5))
    betas = StoredBetas(store, FakeClock(datetime(2026, 1, 5, 20, tzinfo=UTC)))

    # Act
    found = await betas.estimate(["ACME"], BetaSettings(window=100, min_observations=30))

    # Assert: the last 100 returns up to today, the loadings, an exact fit
    estimate = found["ACME"]
    assert isinstance(estimate, BetaEstimate)
    assert estimate.observations == 100
    assert estimate.last_day == TODAY
    assert (estimate.last_day - estimate.first_day).days == 99
    assert estimate.betas[Factor.EQUITY] == pytest.approx(1.2, abs=BETA_TOLERANCE)
    assert estimate.betas[Factor.OIL] == pytest.approx(-0.3, abs=BETA_TOLERANCE)
    assert estimate.betas[Factor.USD] == pytest.approx(0.5, abs=BETA_TOLERANCE)
    assert estimate.r_squared == pytest.approx(1.0, abs=BETA_TOLERANCE)


async def test_short_or_missing_history_answers_per_symbol() -> None:
    # Arrange: 20 bars of everything; NONE has no bars at all
    store = await store_with(20, ACME=(1.0, 0.0, 0.0))
    betas = StoredBetas(store, FakeClock(datetime(2026, 1, 5, 20, tzinfo=UTC)))

    # Act
    found = await betas.estimate(["ACME", "NONE"], BetaSettings())

    # Assert: neither raises; each says why
    assert found["ACME"] == NoBetaEstimate(
        "19 daily returns common to ACME and its proxies, fewer than the 60 needed",
        19, date(2025, 12, 18), TODAY,
    )  # fmt: skip
    assert found["NONE"] == NoBetaEstimate("no stored daily closes of NONE", 0)
