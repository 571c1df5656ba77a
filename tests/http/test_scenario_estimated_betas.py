"""POST /api/v1/analytics/scenarios/shock with `estimate_betas`: a portfolio's symbols
without posted sensitivities are stressed through betas fitted on the stored daily bars; the
answer names each symbol's basis and the history it had; short history is an answer, not an
error; another owner's portfolio is 404; without the flag the answer is as before."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import date

import pytest

from domain.market_data.bars import Timeframe
from tests.http.core_helpers import assert_problem, field_names, harness_with
from tests.http.harness import Harness
from tests.http.ledger_helpers import buy, deposit, portfolio_with
from tests.kit.factor_bars import factor_bars

pytestmark = pytest.mark.serves("markets", "portfolio")

SHOCK = "/api/v1/analytics/scenarios/shock"
TODAY = date(2026, 1, 5)  # the harness clock's day
CRASH = {"name": "crash", "shocks": {"equity": -0.2, "oil": 0.1}}
BETA_TOLERANCE = 1e-6  # closes stored to 8 decimals: betas off by far less


@pytest.fixture
async def stored() -> AsyncIterator[Harness]:
    """A harness whose memory bar store holds 300 daily bars of the proxies, ACME (1.5 equity,
    -0.2 oil, 0 usd) and POSTD, and 20 of THIN."""
    async with harness_with(bars_store="memory") as harness:
        store = harness.container.market_data.bar_store()
        long = factor_bars({"ACME": (1.5, -0.2, 0.0), "POSTD": (0.7, 0.0, 0.0)},
                           days=300, last=TODAY)  # fmt: skip
        short = factor_bars({"THIN": (1.0, 0.0, 0.0)}, days=20, last=TODAY)
        for symbol, series in {**long, "THIN": short["THIN"]}.items():
            await store.write_series(symbol, Timeframe.D1, series)
        for symbol in ("ACME", "POSTD", "THIN"):
            await harness.instrument(symbol, "100")
        yield harness


async def test_betas_are_estimated_from_stored_bars_and_posted_ones_override_them(
    stored: Harness,
) -> None:
    # Arrange: 10 ACME, 10 POSTD, 10 THIN at 100 each = 1,000 each
    owner, stranger = await stored.user(), await stored.user()
    mine = await portfolio_with(
        stored, owner, deposit("3000"),
        buy("ACME", "10", "100"), buy("POSTD", "10", "100"), buy("THIN", "10", "100"),
    )  # fmt: skip
    body = {
        "portfolio_id": mine, "scenarios": [CRASH], "estimate_betas": True,
        "sensitivities": {"POSTD": {"beta_equity": 2.0}}, "beta_window": 200,
    }  # fmt: skip

    # Act
    answer = await stored.client.post(SHOCK, json=body, headers=owner.headers)
    theirs = await stored.client.post(SHOCK, json=body, headers=stranger.headers)

    # Assert: ACME estimated over the last 200 returns, POSTD posted, THIN too short and
    # excluded (no default); P&L = 1,000 x (1.5 x -0.2 - 0.2 x 0.1) + 1,000 x 2 x -0.2
    assert answer.status_code == 200, answer.text
    out = answer.json()
    betas = {b["symbol"]: b for b in out["betas"]}
    assert {s: b["basis"] for s, b in betas.items()} == {
        "ACME": "estimated", "POSTD": "posted", "THIN": "none",
    }  # fmt: skip
    acme = betas["ACME"]["estimate"]
    assert acme["observations"] == 200
    assert (acme["first_day"], acme["last_day"]) == ("2025-06-20", "2026-01-05")
    assert acme["betas"]["equity"] == pytest.approx(1.5, abs=BETA_TOLERANCE)
    assert acme["betas"]["oil"] == pytest.approx(-0.2, abs=BETA_TOLERANCE)
    assert acme["betas"]["usd"] == pytest.approx(0.0, abs=BETA_TOLERANCE)
    assert acme["r_squared"] == pytest.approx(1.0, abs=BETA_TOLERANCE)
    assert betas["POSTD"]["estimate"] is None
    thin = betas["THIN"]["estimate"]
    assert thin["observations"] == 19 and thin["betas"] is None
    assert "fewer than the 60 needed" in thin["reason"]
    assert {"symbol": "THIN", "reason": "no beta estimate: " + thin["reason"]} in out["excluded"]
    assert out["beta_estimation"]["window"] == 200
    assert out["beta_estimation"]["proxies"] == {"equity": "SPY", "oil": "USO", "usd": "UUP"}
    assert float(out["scenarios"][0]["pnl"]) == pytest.approx(-320.0 - 400.0, abs=0.01)
    assert_problem(theirs, 404, "PORTFOLIO_NOT_FOUND")


async def test_short_history_takes_the_default_and_without_the_flag_nothing_changes(
    stored: Harness,
) -> None:
    # Arrange
    owner = await stored.user()
    mine = await portfolio_with(stored, owner, deposit("1000"), buy("THIN", "10", "100"))
    default = {"beta_equity": 1.0}

    # Act
    estimated = await stored.client.post(
        SHOCK, headers=owner.headers,
        json={"portfolio_id": mine, "scenarios": [CRASH], "estimate_betas": True,
              "default_sensitivities": default},
    )  # fmt: skip
    plain = await stored.client.post(
        SHOCK, headers=owner.headers,
        json={"portfolio_id": mine, "scenarios": [CRASH], "default_sensitivities": default},
    )  # fmt: skip
    missing = await stored.client.post(
        SHOCK, headers=owner.headers, json={"portfolio_id": mine, "scenarios": [CRASH]}
    )

    # Assert: THIN stressed at the default, said so; the plain answer has no beta fields
    assert estimated.status_code == 200, estimated.text
    assert [(b["symbol"], b["basis"]) for b in estimated.json()["betas"]] == [("THIN", "default")]
    assert float(estimated.json()["scenarios"][0]["pnl"]) == pytest.approx(-200.0, abs=0.01)
    assert plain.status_code == 200, plain.text
    assert plain.json()["betas"] is None and plain.json()["beta_estimation"] is None
    assert float(plain.json()["scenarios"][0]["pnl"]) == pytest.approx(-200.0, abs=0.01)
    assert_problem(missing, 422, "INVALID_SCENARIO")


async def test_estimation_terms_out_of_range_are_refused_naming_the_field(
    stored: Harness,
) -> None:
    # Arrange
    owner = await stored.user()
    mine = await portfolio_with(stored, owner, deposit("1000"), buy("ACME", "10", "100"))
    base = {"portfolio_id": mine, "scenarios": [CRASH], "estimate_betas": True}
    position = {"name": "X", "market_value": "100"}

    # Act
    window = await stored.client.post(
        SHOCK, headers=owner.headers, json={**base, "beta_window": 50}
    )
    proxy = await stored.client.post(
        SHOCK, headers=owner.headers, json={**base, "beta_proxies": {"rates": "TLT"}}
    )
    posted = await stored.client.post(
        SHOCK, headers=owner.headers,
        json={"positions": [position], "scenarios": [CRASH], "estimate_betas": True},
    )  # fmt: skip

    # Assert: 60 returns needed in a window of 50; rates is a duration, not a beta
    assert field_names(assert_problem(window, 422, "INVALID_SCENARIO")) == {"beta_min_observations"}
    assert field_names(assert_problem(proxy, 422, "INVALID_SCENARIO")) == {"beta_proxies.rates"}
    assert field_names(assert_problem(posted, 422, "INVALID_SCENARIO")) == {"estimate_betas"}
