"""`/console/stress`: macro shocks, historical replays and the liquidity stress of a stored
portfolio or account show what POST /api/v1/analytics/scenarios/shock and /liquidity answer
for the same stored holdings (the P&L table and its chart, the days and the assets); a field
refused is shown beside it; another user's portfolio or account is the not-found page; the
viewer reads its own."""

from __future__ import annotations

import re
from typing import Any

import pytest

from adapters.http.console.analytics_view import chart_percent, percent
from domain.principals import Role
from tests.http.console.helpers import chart_data, real_status, signed_in
from tests.http.harness import Harness, User
from tests.http.ledger_helpers import buy, deposit, portfolio_with
from tests.http.risk_helpers import hold

pytestmark = pytest.mark.shares_app()

PAGE = "/console/stress"
API = "/api/v1/analytics/scenarios"
ZERO = {"duration": "0", "convexity": "0", "beta_oil": "0", "beta_usd": "0",
        "spread_duration": "0"}  # fmt: skip


async def aapl_portfolio(harness: Harness, owner: User) -> str:
    """10 AAPL marked at 190 and 500 cash (the API tests' portfolio)."""
    await harness.instrument("AAPL", "190")
    return await portfolio_with(harness, owner, deposit("2400"), buy("AAPL", "10", "190"))


async def aapl_account(harness: Harness, owner: User, account_id: str) -> str:
    """A trading account of 20,000 cash that bought 10 AAPL at 150 (marked at 190)."""
    await harness.instrument("AAPL", "190")
    account = await harness.account(owner, account_id, cash="20000")
    await hold(harness, account, "AAPL", "10", "150")
    return account


def rows(text: str) -> dict[str, str]:
    """Each scenario row's P&L cell, by scenario name."""
    found = re.findall(
        r'<tr class="scenario" data-scenario="([^"]+)">.*?<td class="num pnl[^"]*">([^<]+)<',
        text,
        re.S,
    )
    return dict(found)


def column(text: str, table: str, cell_class: str | None = None) -> list[list[str]]:
    """The cells of each body row of the table `table`."""
    body = re.search(rf'id="{table}".*?<tbody>(.*?)</tbody>', text, re.S)
    assert body, f"no #{table}"
    return [re.findall(r"<t[hd][^>]*>([^<]*)<", row) for row in body.group(1).split("</tr>")[:-1]]


async def api(harness: Harness, user: User, path: str, body: dict[str, Any]) -> Any:
    answer = await harness.client.post(f"{API}{path}", json=body, headers=user.headers)
    assert answer.status_code == 200, answer.text
    return answer.json()


async def test_the_replays_of_a_portfolio_show_the_apis_pnl_table_and_chart(
    harness: Harness, owner: User
) -> None:
    # Arrange
    pid = await aapl_portfolio(harness, owner)
    expected = await api(harness, owner, "/shock", {
        "portfolio_id": pid, "replays": ["all"], "expected_return": 0.08,
        "default_sensitivities": {"beta_equity": 1.5, "duration": 2},
    })  # fmt: skip
    form = {"source": f"portfolio:{pid}", "scenario": "replay:all", "beta_equity": "1.5",
            **ZERO, "duration": "2", "expected_return": "0.08"}  # fmt: skip

    # Act
    async with signed_in(harness, owner.username) as client:
        opened = await client.get(PAGE)
        chosen = await client.get(PAGE, params={"source": f"portfolio:{pid}"})
        answer = await client.htmx("POST", PAGE, data=form)

    # Assert
    assert opened.status_code == 200 and f'<option value="portfolio:{pid}">' in opened.text
    assert 'href="/console/stress" data-key="S"' in opened.text
    assert f'<option value="portfolio:{pid}" selected>' in chosen.text
    assert answer.status_code == 200 and "X-Bulwark-Status" not in answer.headers, answer.text
    names = [s["name"] for s in expected["scenarios"]]
    assert rows(answer.text) == {s["name"]: s["pnl"] for s in expected["scenarios"]}
    assert len(names) == 3 and f'id="shock-worst">{expected["worst_scenario"]}<' in answer.text
    assert f'id="shock-gross">{expected["gross_value"]}<' in answer.text
    for s in expected["scenarios"]:
        assert f'data-value="{s["pnl_fraction"]}">{percent(s["pnl_fraction"])}<' in answer.text
    chart = chart_data(answer.text, "data-effects-chart", "shock-chart")
    assert chart["labels"] == names
    assert chart["series"]["P&L of gross value"] == [
        chart_percent(s["pnl_fraction"]) for s in expected["scenarios"]
    ]


async def test_a_custom_shock_reprices_by_hand(harness: Harness, owner: User) -> None:
    # Arrange: equity -10 %: 1,900 x 1.5 x -0.10 = -285; cash moves with nothing
    pid = await aapl_portfolio(harness, owner)
    form = {"source": f"portfolio:{pid}", "scenario": "custom", "shock_equity": "-0.1",
            "beta_equity": "1.5", **ZERO}  # fmt: skip

    # Act
    async with signed_in(harness, owner.username) as client:
        await client.get(PAGE)
        answer = await client.post(PAGE, form)

    # Assert: a plain post gets the whole page, without a chart for a single scenario
    assert answer.status_code == 200
    assert rows(answer.text) == {"Custom": "-285.00"}
    assert 'id="shock-chart"' not in answer.text and "<h1>Stress</h1>" in answer.text


async def test_the_liquidity_stress_of_an_account_and_a_portfolio_is_the_apis(
    harness: Harness, owner: User
) -> None:
    # Arrange
    account = await aapl_account(harness, owner, "acc-stress")
    pid = await aapl_portfolio(harness, owner)
    owed = await api(harness, owner, "/liquidity",
                     {"account_id": account, "obligations": ["10000", "5000", "5000"]})  # fmt: skip
    run = await api(
        harness,
        owner,
        "/liquidity",
        {"portfolio_id": pid, "run": {"deposits": "3000", "daily_rate": 0.3, "days": 4}},
    )

    # Act
    async with signed_in(harness, owner.username) as client:
        await client.get(PAGE)
        on_account = await client.htmx("POST", PAGE, data={
            "source": f"account:{account}", "scenario": "obligations",
            "obligations": "10000, 5000 5000"})  # fmt: skip
        on_portfolio = await client.htmx("POST", PAGE, data={
            "source": f"portfolio:{pid}", "scenario": "run", "run_deposits": "3000",
            "run_daily_rate": "0.3", "run_days": "4"})  # fmt: skip

    # Assert
    assert on_account.status_code == 200 and on_portfolio.status_code == 200
    for response, expected in ((on_account, owed), (on_portfolio, run)):
        days = column(response.text, "liquidity-days")
        assert days == [
            [str(d["day"]), d["raised"], d["cumulative_raised"], d["obligation"],
             d["cumulative_obligations"], d["surplus"]]
            for d in expected["days"]
        ]  # fmt: skip
        assets = column(response.text, "liquidity-assets")
        assert [a[0] for a in assets] == [a["name"] for a in expected["source"]["assets"]]
        assert f'id="liquidity-raisable">{expected["total_raisable"]}<' in response.text
        chart = chart_data(response.text, "data-chart-data", "liquidity-chart")
        assert chart["series"]["Obligations (cumulative)"] == [
            float(d["cumulative_obligations"]) for d in expected["days"]
        ]
    survived = f'id="liquidity-survived">{run["days_survived"]}<'
    assert survived in on_portfolio.text


async def test_refused_fields_are_shown_beside_them(harness: Harness, owner: User) -> None:
    # Arrange
    pid = await aapl_portfolio(harness, owner)
    account = await aapl_account(harness, owner, "acc-refused")
    custom = {"source": f"portfolio:{pid}", "scenario": "custom", "beta_equity": "1", **ZERO}
    forms = {
        "garbled": {**custom, "shock_equity": "x"},
        "too_far": {**custom, "shock_equity": "-2"},
        "nothing": custom,
        "beta": {**custom, "shock_equity": "-0.1", "beta_equity": "500"},
        "account": {**custom, "source": f"account:{account}", "shock_equity": "-0.1"},
        "rate": {"source": f"account:{account}", "scenario": "run", "run_deposits": "100",
                 "run_daily_rate": "2", "run_days": "3"},
        "no_source": {**custom, "source": ""},
    }  # fmt: skip

    # Act
    async with signed_in(harness, owner.username) as client:
        await client.get(PAGE)
        answers = {name: await client.htmx("POST", PAGE, data=f) for name, f in forms.items()}

    # Assert
    fields = {"garbled": "shock_equity", "too_far": "shock_equity", "nothing": "shock_equity",
              "beta": "beta_equity", "account": "source", "rate": "run_daily_rate",
              "no_source": "source"}  # fmt: skip
    for name, response in answers.items():
        assert real_status(response) == 422, name
        assert f'data-field="{fields[name]}"' in response.text, name
        assert 'id="shock-table"' not in response.text and 'id="liquidity-days"' not in (
            response.text
        ), name
    assert answers["too_far"].headers["X-Bulwark-Code"] == "INVALID_SCENARIO"


async def test_another_users_portfolio_or_account_is_the_not_found_page(
    harness: Harness, owner: User
) -> None:
    # Arrange
    pid = await aapl_portfolio(harness, owner)
    account = await aapl_account(harness, owner, "acc-theirs")
    stranger = await harness.user()
    shock = {"scenario": "replay:all", "beta_equity": "1", **ZERO}
    owed = {"scenario": "obligations", "obligations": "100"}

    # Act
    async with signed_in(harness, stranger.username) as client:
        opened = await client.get(PAGE)
        answers = [
            await client.htmx("POST", PAGE, data={"source": f"portfolio:{pid}", **shock}),
            await client.post(PAGE, {"source": f"portfolio:{pid}", **owed}),
            await client.htmx("POST", PAGE, data={"source": f"account:{account}", **owed}),
            await client.htmx("POST", PAGE, data={"source": f"account:{account}", **shock}),
        ]

    # Assert
    assert pid not in opened.text and account not in opened.text
    for response in answers:
        assert real_status(response) == 404
        assert "AAPL" not in response.text and 'id="liquidity-days"' not in response.text


async def test_a_viewer_stresses_its_own_account(harness: Harness) -> None:
    # Arrange
    viewer = await harness.user(Role.VIEWER)
    account = await aapl_account(harness, viewer, "acc-viewer")
    expected = await api(harness, viewer, "/liquidity",
                         {"account_id": account, "obligations": ["1000"]})  # fmt: skip

    # Act
    async with signed_in(harness, viewer.username) as client:
        opened = await client.get(PAGE)
        answer = await client.htmx(
            "POST",
            PAGE,
            data={"source": f"account:{account}", "scenario": "obligations", "obligations": "1000"},
        )

    # Assert
    assert opened.status_code == 200 and f'<option value="account:{account}">' in opened.text
    assert answer.status_code == 200 and "X-Bulwark-Status" not in answer.headers
    assert column(answer.text, "liquidity-days")[0][-1] == expected["days"][0]["surplus"]
