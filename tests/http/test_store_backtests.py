"""/api/v1/backtests over the bar store: source "store" runs on the Parquet store's bars and
names its data in the result; a range the store lacks is 422 BACKTEST_BARS_MISSING."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from domain.market_data.bars import Timeframe
from tests.http.core_helpers import assert_problem, field_names, harness_with
from tests.http.test_backtests import BACKTESTS, finished, run_body, strategy
from tests.kit.backtests import series_of

pytestmark = pytest.mark.serves("strategies")


async def test_a_store_backtest_runs_on_stored_bars_and_names_its_data(tmp_path: Path) -> None:
    # Arrange: 300 daily bars of two symbols written into the Parquet store under tmp_path
    async with harness_with(bars_store="parquet", bars_dir=str(tmp_path / "bars")) as harness:
        store = harness.container.market_data.bar_store()
        series = series_of(symbols=2, bars=300)
        for symbol, bars in series.items():
            await store.write_series(symbol, Timeframe.D1, bars)
        last = datetime.fromtimestamp(float(series["T0"].start[-1]), tz=UTC).date()
        owner = await harness.user()
        strategy_id = await strategy(harness, owner)
        body = run_body(
            strategy_id, symbols=["t0", "T1"], source="store", adjusted=True,
            **{"from": "2020-01-01", "to": last.isoformat()},
        )  # fmt: skip

        # Act
        started = await harness.client.post(BACKTESTS, json=body, headers=owner.headers)
        done = await finished(harness, owner, started.json()["id"])
        synthetic = await harness.client.post(
            BACKTESTS, json=run_body(strategy_id), headers=owner.headers
        )
        shipped = await finished(harness, owner, synthetic.json()["id"])

    # Assert
    assert started.status_code == 202, started.text
    assert done["status"] == "succeeded", done
    assert done["request"]["source"] == "store" and done["request"]["adjusted"] is True
    assert done["result"]["data"] == {"source": "store", "adjusted": True}
    assert done["result"]["bars"] == 600
    assert shipped["result"]["data"] == {"source": "synthetic", "adjusted": False}


async def test_a_range_the_store_lacks_is_422_naming_symbols_and_first_missing_day(
    tmp_path: Path,
) -> None:
    # Arrange: T0 stored through 2021-02-23 (300 weekdays from 2020-01-01), AAPL not at all
    async with harness_with(bars_store="parquet", bars_dir=str(tmp_path / "bars")) as harness:
        store = harness.container.market_data.bar_store()
        await store.write_series("T0", Timeframe.D1, series_of(symbols=1, bars=300)["T0"])
        owner = await harness.user()
        strategy_id = await strategy(harness, owner)
        body = run_body(
            strategy_id, symbols=["T0", "AAPL"], source="store",
            **{"from": "2015-01-01", "to": "2025-12-31"},
        )  # fmt: skip

        # Act
        response = await harness.client.post(BACKTESTS, json=body, headers=owner.headers)
        adjusted_synthetic = await harness.client.post(
            BACKTESTS, json=run_body(strategy_id, adjusted=True), headers=owner.headers
        )
        listed = await harness.client.get(BACKTESTS, headers=owner.headers)

    # Assert
    problem = assert_problem(response, 422, "BACKTEST_BARS_MISSING")
    assert field_names(problem) == {"symbols"}
    assert "T0 from 2015-01-01" in problem["detail"]
    assert "AAPL from 2015-01-01" in problem["detail"]
    assert field_names(assert_problem(adjusted_synthetic, 422, "INVALID_BACKTEST")) == {"adjusted"}
    assert listed.json()["items"] == []
