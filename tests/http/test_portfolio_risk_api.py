"""A ledger portfolio's risk figures over HTTP: a worked example computed here independently
(numpy), the cache refreshed by a new transaction, missing bars named, owner scoping and the
parameters' 422. The harness clock's today is 2026-01-05."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import numpy as np
import pytest

from domain.market_data.bars import BarSeries, Timeframe
from tests.http.core_helpers import assert_problem
from tests.http.harness import Harness, User
from tests.http.test_portfolios_api import ROOT, portfolio, tx

pytestmark = pytest.mark.serves("portfolio")

# Six daily adjusted closes ending 2026-01-04 (a hand-made series with a dip to draw down).
CLOSES = {
    "AAA": [100.0, 102.0, 99.0, 97.0, 101.0, 104.0],
    "BBB": [50.0, 49.0, 51.0, 50.5, 52.0, 51.5],
    "SPY": [400.0, 404.0, 398.0, 396.0, 402.0, 406.0],
}
LAST_DAY = date(2026, 1, 4)


async def write_bars(harness: Harness, symbols: list[str]) -> None:
    store = harness.container.market_data.bar_store()
    days = [LAST_DAY - timedelta(days=5 - k) for k in range(6)]
    starts = np.array([datetime(d.year, d.month, d.day, tzinfo=UTC).timestamp() for d in days])
    for symbol in symbols:
        close = np.array(CLOSES[symbol])
        series = BarSeries(starts, close, close, close, close, np.full(6, 1000.0))
        await store.write_series(symbol, Timeframe.D1, series)


async def book(harness: Harness, owner: User, pf: str, account: str, *rows: Any) -> None:
    for row in rows:
        made = await harness.client.post(
            f"{ROOT}/{pf}/transactions", json=tx(account, *row[:2], **row[2]), headers=owner.headers
        )
        assert made.status_code == 201, made.text


async def ledger(harness: Harness, owner: User) -> tuple[str, str]:
    """10 AAA and 5 BBB bought a year ago; 2 AAA sold on 2025-12-10 at a 40.00 short-term
    gain (bought at 100, sold at 120, no fees); a 10.00 dividend on 2025-12-15."""
    made = await portfolio(harness, owner)
    pf, account = made["id"], made["accounts"][0]["id"]
    await book(
        harness, owner, pf, account,
        ("deposit", "2025-01-02", {"amount": "5000"}),
        ("buy", "2025-01-02", {"symbol": "AAA", "quantity": "10", "price": "100"}),
        ("buy", "2025-01-02", {"symbol": "BBB", "quantity": "5", "price": "50"}),
        ("sell", "2025-12-10", {"symbol": "AAA", "quantity": "2", "price": "120"}),
        ("dividend", "2025-12-15", {"symbol": "BBB", "amount": "10"}),
    )  # fmt: skip
    return pf, account


def sample_stats(values: np.ndarray, bench: np.ndarray) -> dict[str, float]:
    r = values[1:] / values[:-1] - 1
    b = bench[1:] / bench[:-1] - 1
    peak = np.maximum.accumulate(values)
    return {
        "vol": float(np.std(r, ddof=1) * np.sqrt(252)),
        "sharpe": float(np.mean(r) / np.std(r, ddof=1) * np.sqrt(252)),
        "mdd": float(np.max((peak - values) / peak)),
        "beta": float(np.polyfit(b, r, 1)[0]),
    }


async def test_the_figures_match_a_worked_example_and_a_new_transaction_refreshes_them(
    harness: Harness, owner: User
) -> None:
    # Arrange
    pf, account = await ledger(harness, owner)
    await write_bars(harness, ["AAA", "BBB", "SPY"])
    values = 8 * np.array(CLOSES["AAA"]) + 5 * np.array(CLOSES["BBB"])
    expected = sample_stats(values, np.array(CLOSES["SPY"]))
    path = f"{ROOT}/{pf}/risk"

    # Act
    first = await harness.client.get(path, params={"window_days": 30}, headers=owner.headers)
    harness.clock.advance(timedelta(minutes=5))
    cached = await harness.client.get(path, params={"window_days": 30}, headers=owner.headers)
    await book(harness, owner, pf, account, ("buy", "2026-01-05", {
        "symbol": "BBB", "quantity": "5", "price": "51"}))  # fmt: skip
    fresh = await harness.client.get(path, params={"window_days": 30}, headers=owner.headers)

    # Assert
    assert first.status_code == 200, first.text
    body = first.json()
    assert body["points"] == 6 and body["reasons"] == [] and body["benchmark"] == "SPY"
    assert body["holdings"] == [
        {"symbol": "AAA", "quantity": "8.00000000"},
        {"symbol": "BBB", "quantity": "5.00000000"},
    ]
    assert body["volatility_annual"] == pytest.approx(expected["vol"], abs=1e-9)
    assert body["sharpe"] == pytest.approx(expected["sharpe"], abs=1e-9)
    assert body["max_drawdown"] == pytest.approx(expected["mdd"], abs=1e-9)
    assert body["beta"] == pytest.approx(expected["beta"], abs=1e-9)
    # 40.00 short-term gain x 0.37 + 10.00 dividend x 0.20 = 16.80, over the mean value
    assert body["realised"]["short_term_gains"] == "40.00"
    assert body["realised"]["dividends"] == "10.00"
    assert body["tax_cost"] == "16.80"
    assert body["tax_drag"] == pytest.approx(16.8 / float(np.mean(values)), abs=1e-9)
    assert cached.json()["computed_at"] == body["computed_at"]
    refreshed = fresh.json()
    assert refreshed["computed_at"] != body["computed_at"]
    assert refreshed["holdings"][1] == {"symbol": "BBB", "quantity": "10.00000000"}
    moved = sample_stats(
        8 * np.array(CLOSES["AAA"]) + 10 * np.array(CLOSES["BBB"]), np.array(CLOSES["SPY"])
    )
    assert refreshed["volatility_annual"] == pytest.approx(moved["vol"], abs=1e-9)


def long_closes(days: int = 40) -> dict[str, np.ndarray]:
    """`days` daily closes of AAA, BBB and SPY ending LAST_DAY: two partly related paths."""
    k = np.arange(days, dtype=float)
    return {
        "AAA": 100.0 + 5.0 * np.sin(k / 3.0) + 0.2 * k,
        "BBB": 50.0 + 2.0 * np.sin(k / 3.0 + 1.0) - 1.5 * np.cos(k / 2.0),
        "SPY": 400.0 + 8.0 * np.sin(k / 4.0) + 0.5 * k,
    }


async def write_long_bars(harness: Harness, closes: dict[str, np.ndarray]) -> None:
    store = harness.container.market_data.bar_store()
    count = len(next(iter(closes.values())))
    days = [LAST_DAY - timedelta(days=count - 1 - k) for k in range(count)]
    starts = np.array([datetime(d.year, d.month, d.day, tzinfo=UTC).timestamp() for d in days])
    for symbol, close in closes.items():
        series = BarSeries(starts, close, close, close, close, np.full(count, 1000.0))
        await store.write_series(symbol, Timeframe.D1, series)


async def test_the_held_correlation_matches_a_worked_example_and_short_history_says_why(
    harness: Harness, owner: User
) -> None:
    # Arrange: 40 days of closes for the owner's portfolio, 6 for a second owner's
    pf, _ = await ledger(harness, owner)
    closes = long_closes()
    await write_long_bars(harness, closes)
    returns = np.diff(np.log(np.column_stack([closes["AAA"], closes["BBB"]])), axis=0)
    covariance = np.cov(returns, rowvar=False) * 252
    sigmas = np.sqrt(np.diag(covariance))
    values = np.array([8 * closes["AAA"][-1], 5 * closes["BBB"][-1]])
    weights = values / values.sum()
    sigma_p = float(np.sqrt(weights @ covariance @ weights))

    # Act
    response = await harness.client.get(
        f"{ROOT}/{pf}/risk", params={"window_days": 60}, headers=owner.headers
    )
    short = await harness.client.get(
        f"{ROOT}/{pf}/risk", params={"window_days": 30}, headers=owner.headers
    )

    # Assert: 39 common returns in 60 days; 30 closes (2025-12-06 on) in 30 days, 29 returns
    assert response.status_code == 200, response.text
    held = response.json()["held_correlation"]
    assert response.json()["held_correlation_note"] is None
    assert held["symbols"] == ["AAA", "BBB"] and held["observations"] == 39
    assert held["correlation"][0][1] == pytest.approx(np.corrcoef(returns.T)[0, 1], abs=1e-9)
    assert held["volatilities"] == pytest.approx(list(sigmas), abs=1e-9)
    assert held["weights"] == pytest.approx(list(weights), abs=1e-9)
    assert held["portfolio_volatility"] == pytest.approx(sigma_p, abs=1e-9)
    assert held["diversification_ratio"] == pytest.approx(
        float(weights @ sigmas) / sigma_p, abs=1e-9
    )
    assert (held["first_day"], held["last_day"]) == ("2025-11-26", "2026-01-04")
    assert short.json()["held_correlation"]["observations"] == 29
    assert "held_correlation" in response.json()["conventions"]


async def test_too_little_history_gives_the_note_instead_of_a_correlation(
    harness: Harness, owner: User
) -> None:
    # Arrange: six days of closes
    pf, _ = await ledger(harness, owner)
    await write_bars(harness, ["AAA", "BBB", "SPY"])

    # Act
    response = await harness.client.get(f"{ROOT}/{pf}/risk", headers=owner.headers)

    # Assert
    body = response.json()
    assert body["held_correlation"] is None
    assert body["held_correlation_note"] == (
        "5 daily returns common to every held symbol; at least 20 needed"
    )


async def test_missing_bars_make_the_figures_null_naming_the_symbols(
    harness: Harness, owner: User
) -> None:
    # Arrange: BBB has no stored bars; AAA has.
    pf, _ = await ledger(harness, owner)
    await write_bars(harness, ["AAA"])

    # Act
    response = await harness.client.get(f"{ROOT}/{pf}/risk", headers=owner.headers)

    # Assert
    body = response.json()
    assert response.status_code == 200, response.text
    assert (body["volatility_annual"], body["sharpe"], body["beta"], body["tax_drag"]) == (
        None, None, None, None,
    )  # fmt: skip
    assert body["reasons"] == ["no stored daily adjusted closes in the window for: BBB"]
    assert body["tax_cost"] == "16.80" and body["window_days"] == 365


async def test_another_owners_portfolio_is_404_and_bad_parameters_are_422(
    harness: Harness, owner: User
) -> None:
    # Arrange
    pf, _ = await ledger(harness, owner)
    stranger = await harness.user()
    path = f"{ROOT}/{pf}/risk"

    # Act
    theirs = await harness.client.get(path, headers=stranger.headers)
    short = await harness.client.get(path, params={"window_days": 5}, headers=owner.headers)
    rate = await harness.client.get(path, params={"long_term_rate": "1.5"}, headers=owner.headers)

    # Assert
    assert_problem(theirs, 404, "PORTFOLIO_NOT_FOUND")
    assert assert_problem(short, 422, "INVALID_RISK_REQUEST")["errors"][0]["field"] == "window_days"
    assert assert_problem(rate, 422, "INVALID_RISK_REQUEST")["errors"][0]["field"] == (
        "long_term_rate"
    )
