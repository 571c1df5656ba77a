"""The backtests page in a real browser: a run started through the API shows its metrics and
draws its equity and drawdown charts (uPlot canvases) under the strict CSP; a phone fits."""

from __future__ import annotations

import time

from bootstrap.demo import DEMO_ACCOUNT, DEMO_OWNER
from tests.browser.api import API, api_as
from tests.browser.browser import Chromium, tab


def _finished_backtest(base: str) -> str:
    """The demo owner's strategy backtested over the shipped bars, through the API."""
    with api_as(base) as http:
        strategy = http.post(
            f"{API}/strategies",
            json={
                "name": "trend",
                "account_ids": [DEMO_ACCOUNT],
                "sources": [{"kind": "pattern", "pattern": "ema_crossover"}],
                "sizing": {"method": "fixed_notional", "notional": "10000"},
                "entry": {"min_score": 0.5},
                "exit": {"stop_loss_fraction": "0.05", "take_profit_fraction": "0.1"},
                "mode": "off",
            },
        )
        assert strategy.status_code == 201, strategy.text
        started = http.post(
            f"{API}/backtests",
            json={
                "strategy_id": strategy.json()["id"],
                "symbols": ["ACME", "BOLT"],
                "from": "2020-01-01",
                "to": "2020-12-31",
                "starting_cash": "100000",
            },
        )
        assert started.status_code == 202, started.text
        run_id = str(started.json()["id"])
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            status = http.get(f"{API}/backtests/{run_id}").json()["status"]
            if status == "succeeded":
                return run_id
            assert status in ("queued", "running"), status
            time.sleep(0.5)
        raise AssertionError("the backtest did not finish within 60 s")


def test_a_backtest_draws_its_equity_and_drawdown(chromium: Chromium, console: str) -> None:
    run_id = _finished_backtest(console)
    with tab(chromium, console, "backtests") as page:
        page.login(DEMO_OWNER.username, DEMO_OWNER.password)
        page.open("/console/backtests")
        page.wait_text("h1", "Backtests")
        page.click(f"#run-{run_id} a")
        page.wait_text("#status", "succeeded")
        for name in ("equity-chart", "drawdown-chart"):
            page.wait_for(f"#{name} canvas", timeout=30)
        drawn = [
            page.wait_until(lambda n=name: page.find(f"#{n}").get_attribute("data-series"))
            for name in ("equity-chart", "drawdown-chart")
        ]
        page.shot("backtest")

        page.on_phone(f"/console/backtests/{run_id}")
        page.wait_for("#equity-chart canvas", timeout=30)
        overflow = page.overflows()
        page.shot("backtest-phone")
        errors = page.console_errors()

    assert drawn == ["1", "1"]
    assert overflow is False
    assert errors == [], errors
