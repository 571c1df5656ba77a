"""GET /api/v1/analytics/options/{symbol}/iv-rank before any IV is recorded: the answer ranks
the realised-vol proxy from the stored daily bars and says so (source, history days, note);
with recorded IVs it names them; the new fields are additions (the old ones unchanged)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta

import numpy as np
import pytest

from adapters.memory.iv_history import InMemoryIVHistoryStore
from application.market_data.options_chain import OptionsChainService
from domain.market_data.bars import Timeframe
from ports.market_data.iv_history import DailyIV
from tests.http.harness import Harness, User, serving_market_data
from tests.kit.factor_bars import series_of_closes
from tests.unit.analytics.options.fakes import ChainProvider

pytestmark = pytest.mark.serves("analytics", "market_data")

OPTIONS = "/api/v1/analytics/options"
# 110 daily log returns alternating +-1 %, the last 10 +-3 %: today's 30-day vol is the highest
RETURNS = np.r_[np.tile([0.01, -0.01], 50), np.tile([0.03, -0.03], 5)]


@pytest.fixture
def history() -> InMemoryIVHistoryStore:
    return InMemoryIVHistoryStore()


@pytest.fixture
async def served(
    harness: Harness, history: InMemoryIVHistoryStore, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[Harness]:
    """The chain service over AAPL's synthetic chain (ATM vol 30 %) and the harness's memory
    bar store holding 111 daily closes of AAPL up to today."""
    store = harness.container.market_data.bar_store()
    closes = 100 * np.exp(np.r_[0.0, np.cumsum(RETURNS)])
    await store.write_series(
        "AAPL", Timeframe.D1, series_of_closes(closes, harness.clock.now().date())
    )
    chains = OptionsChainService(
        ChainProvider(harness.clock), history, harness.clock, rate=0.04, bars=lambda: store
    )
    async with serving_market_data(harness, options_chain=chains) as client:
        monkeypatch.setattr(harness, "client", client)
        yield harness


async def test_a_fresh_install_answers_from_the_realised_vol_proxy(
    served: Harness, owner: User
) -> None:
    # Act
    response = await served.client.get(f"{OPTIONS}/AAPL/iv-rank", headers=owner.headers)

    # Assert: 81 thirty-day windows, 80 of history before today's; today's is the highest
    assert response.status_code == 200, response.text
    body = response.json()
    today = served.clock.now().date()
    assert body["source"] == "realised_vol_proxy"
    assert body["history_days"] == 80
    assert body["history_from"] == (today - timedelta(days=80)).isoformat()
    assert (body["rank"], body["percentile"], body["observations"]) == (1.0, 1.0, 81)
    assert body["reason"] == "OK"
    assert "realised volatility" in body["source_note"]
    assert body["ranked_value"] == body["max"]
    assert body["current_iv"] == pytest.approx(0.30, abs=0.002)


async def test_recorded_ivs_are_named_as_the_source(
    served: Harness, history: InMemoryIVHistoryStore, owner: User
) -> None:
    # Arrange: 25 recorded days at 20 %
    today = served.clock.now().date()
    for back in range(1, 26):
        await history.record(DailyIV("AAPL", today - timedelta(days=back), 0.2, served.clock.now()))

    # Act
    response = await served.client.get(f"{OPTIONS}/AAPL/iv-rank", headers=owner.headers)

    # Assert: today's ~30 % is the window's high
    assert response.status_code == 200, response.text
    body = response.json()
    assert (body["source"], body["history_days"], body["observations"]) == (
        "stored_implied_vols", 25, 26,
    )  # fmt: skip
    assert body["rank"] == 1.0
    assert body["ranked_value"] == body["current_iv"]
