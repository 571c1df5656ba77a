"""`/console/simulation`: the Monte Carlo of a stored account or portfolio, its model fitted to
the holdings' stored daily bars. The figures shown are POST /api/v1/risk/scenario-simulation's
for the same stored data and seed (the fit per asset with its Kolmogorov-Smirnov tests, the
variance reduction, the fan chart); a short history shows the API's reason; another user's
account or portfolio answers the console's not-found page; bad fields are shown beside them."""

from __future__ import annotations

import re
from typing import Any

import numpy as np
import pytest

from domain.principals import Role
from tests.http.console.helpers import chart_data, real_status, signed_in
from tests.http.harness import Harness
from tests.http.ledger_helpers import buy, deposit, portfolio_with
from tests.http.risk_helpers import fat_tailed_account, hold, store_closes

pytestmark = pytest.mark.shares_app()

PAGE = "/console/simulation"
API = "/api/v1/risk/scenario-simulation"
RUN = {"steps": "20", "paths": "2000", "seed": "4"}


async def api_run(harness: Harness, user: Any, body: dict[str, Any]) -> dict[str, Any]:
    answer = await harness.client.post(
        API, json={**body, "steps": 20, "paths": 2000, "seed": 4}, headers=user.headers
    )
    assert answer.status_code == 200, answer.text
    out: dict[str, Any] = answer.json()
    return out


def fit_rows(html: str) -> dict[str, list[str]]:
    rows = re.findall(r'<tr class="fit" data-asset="(\w+)">(.*?)</tr>', html, re.S)
    return {name: re.findall(r'<td class="num">([^<]*)</td>', cells) for name, cells in rows}


def cell(html: str, row: str) -> list[str]:
    found = re.search(rf'<tr data-technique="{row}">(.*?)</tr>', html, re.S)
    assert found, f"no {row} row"
    return re.findall(r'<td class="num">([^<]*)</td>', found.group(1))


def p4(value: float) -> str:
    return f"{value:.4f}"


async def test_an_accounts_fit_and_variance_reduction_are_the_apis(roomy: Harness) -> None:
    # Arrange: two held symbols with 120 days of fat-tailed stored returns
    owner = await roomy.user()
    account, _, _ = await fat_tailed_account(roomy, owner, "sim-fit")

    # Act
    async with signed_in(roomy, owner.username) as client:
        form = await client.get(PAGE)
        shown = await client.htmx("POST", PAGE, data={"source": f"account:{account}", **RUN})
    out = await api_run(roomy, owner, {"account_id": account})

    # Assert: the form offers the account; the fit, observations and p-values are the API's
    assert form.status_code == 200 and f'value="account:{account}"' in form.text
    assert f'<a href="{PAGE}" data-key="M"' in form.text
    assert shown.status_code == 200 and "X-Bulwark-Status" not in shown.headers, shown.text
    fit = out["calibration"]
    assert f"<strong>{fit['observations']}</strong> daily log returns" in shown.text
    assert f"{fit['first_day']} to {fit['last_day']}" in shown.text
    rows = fit_rows(shown.text)
    for asset in fit["assets"]:
        f = asset["fit"]
        assert rows[asset["symbol"]] == [
            f"{asset['drift'] * 100:.4f}", f"{asset['volatility'] * 100:.4f}",
            p4(f["student_t_dof"]),
            f"{p4(f['ks_normal']['statistic'])} ({p4(f['ks_normal']['p_value'])})",
            f"{p4(f['ks_student_t']['statistic'])} ({p4(f['ks_student_t']['p_value'])})",
            f"{'yes' if f['fat_tails'] else 'no'} ({p4(f['likelihood_ratio_p_value'])})",
        ]  # fmt: skip
    assert rows["portfolio"][2] == p4(fit["portfolio"]["student_t_dof"])
    assert f"ν = {p4(fit['student_t_dof'])}" in shown.text
    assert p4(fit["correlation"][0][1]) in shown.text.split('id="sim-correlation"')[1]
    reduction = out["variance_reduction"]
    assert cell(shown.text, "plain") == [f"{reduction['plain_standard_error'] * 100:.6f}", "1"]
    assert cell(shown.text, "antithetic") == [
        f"{reduction['antithetic_standard_error'] * 100:.6f}",
        p4(reduction["antithetic_variance_ratio"]),
    ]
    assert cell(shown.text, "control")[1] == p4(reduction["combined_variance_ratio"])
    tails = re.findall(r'<tr class="tail">(.*?)</tr>', shown.text, re.S)
    assert len(tails) == len(reduction["importance_sampling"]["tails"]) == 2
    for row, tail in zip(tails, reduction["importance_sampling"]["tails"], strict=True):
        assert f'<td class="num">{p4(tail["variance_ratio"])}</td>' in row
    fan = chart_data(shown.text, "data-chart-data", "sim-fan-chart")
    value = float(out["portfolio_value"])
    assert fan["x"] == out["fan_chart"]["steps"]
    assert fan["series"]["P50"] == [round(v * value, 2) for v in out["fan_chart"]["values"][2]]
    assert fan["bands"] == [["P95", "P5"], ["P75", "P25"]]


async def test_a_portfolio_with_a_short_history_shows_the_reason(roomy: Harness) -> None:
    # Arrange: a portfolio holding SHRT, 30 days of stored bars only
    owner = await roomy.user()
    await roomy.instrument("SHRT", "50")
    mine = await portfolio_with(roomy, owner, deposit("10000"), buy("SHRT", "20", "45"))
    await store_closes(roomy, {"SHRT": np.random.default_rng(2).normal(0, 0.01, 30)})

    # Act
    async with signed_in(roomy, owner.username) as client:
        form = await client.get(PAGE)
        shown = await client.htmx("POST", PAGE, data={"source": f"portfolio:{mine}", **RUN})
    out = await api_run(roomy, owner, {"portfolio_id": mine})

    # Assert
    assert f'value="portfolio:{mine}"' in form.text
    assert shown.status_code == 200, shown.text
    assert out["calibration"]["status"] == "fallback"
    reason = re.search(r'id="sim-reason">([^<]*)<', shown.text)
    assert reason and reason.group(1) == out["calibration"]["reason"]
    assert 'id="sim-fit"' not in shown.text
    assert f'id="sim-mean">{out["mean_return"] * 100:.4f} %' in shown.text
    assert 'data-asset="SHRT"' in shown.text.split('id="sim-weights"')[1]


async def test_anothers_account_or_portfolio_is_the_not_found_page(roomy: Harness) -> None:
    # Arrange
    owner, stranger = await roomy.user(), await roomy.user()
    await roomy.instrument("AAPL", "190")
    account = await roomy.account(owner, "sim-theirs")
    await hold(roomy, account, "AAPL", "10", "190")
    mine = await portfolio_with(roomy, owner, deposit("1000"), buy("AAPL", "1", "150"))

    # Act
    async with signed_in(roomy, stranger.username) as client:
        listed = await client.get(PAGE)
        by_account = await client.post(PAGE, {"source": f"account:{account}", **RUN})
        by_portfolio = await client.htmx("POST", PAGE, data={"source": f"portfolio:{mine}", **RUN})

    # Assert
    assert account not in listed.text and mine not in listed.text
    assert by_account.status_code == 404 and 'data-code="NOT_FOUND"' in by_account.text
    assert real_status(by_portfolio) == 404
    assert 'id="sim-fit"' not in by_portfolio.text


async def test_bad_fields_are_shown_beside_them(roomy: Harness) -> None:
    owner = await roomy.user()
    await roomy.instrument("AAPL", "190")
    account = await roomy.account(owner, "sim-bad")
    await hold(roomy, account, "AAPL", "10", "190")
    source = f"account:{account}"

    async with signed_in(roomy, owner.username) as client:
        typed = await client.htmx("POST", PAGE, data={"source": "", "steps": "x", "paths": "9",
                                                      "seed": "0"})  # fmt: skip
        refused = await client.htmx("POST", PAGE, data={**RUN, "source": source, "paths": "50"})
        plain = await client.post(PAGE, {**RUN, "source": source, "steps": "0"})

    assert real_status(typed) == 422 and typed.headers["X-Bulwark-Code"] == "VALIDATION_ERROR"
    assert 'data-field="source"' in typed.text and 'data-field="steps"' in typed.text
    assert real_status(refused) == 422 and refused.headers["X-Bulwark-Code"] == "INVALID_RISK_INPUT"
    assert 'data-field="paths"' in refused.text and 'id="sim-fan-chart"' not in refused.text
    assert plain.status_code == 422 and 'data-field="steps"' in plain.text
    assert "<h1>Simulation</h1>" in plain.text


async def test_a_viewer_gets_the_form(roomy: Harness) -> None:
    viewer = await roomy.user(Role.VIEWER)

    async with signed_in(roomy, viewer.username) as client:
        shown = await client.get(PAGE)

    assert shown.status_code == 200 and 'id="simulation-form"' in shown.text
