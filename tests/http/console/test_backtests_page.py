"""`/console/backtests`: the user's strategies and backtests, one run's metrics, its equity and
drawdown charts and its trades; another user's run is never listed and answers 404."""

from __future__ import annotations

import json
import re
from html import unescape

import pytest

from domain.principals import Role
from tests.http.console.helpers import real_status, signed_in
from tests.http.harness import Harness, User
from tests.http.test_backtests import BACKTESTS, finished, run_body, strategy

pytestmark = pytest.mark.shares_app()

PAGE = "/console/backtests"


def chart(html: str, name: str) -> dict[str, object]:
    found = re.search(rf'id="{name}"[^>]*data-chart-data="([^"]+)"', html)
    assert found is not None, name
    data: dict[str, object] = json.loads(unescape(found.group(1)))
    return data


async def _run(harness: Harness, user: User, account: str = "acc-1") -> dict[str, object]:
    strategy_id = await strategy(harness, user, account)
    started = await harness.client.post(BACKTESTS, json=run_body(strategy_id), headers=user.headers)
    return await finished(harness, user, started.json()["id"])


async def test_a_finished_run_shows_its_metrics_charts_and_trades(
    harness: Harness, owner: User
) -> None:
    done = await _run(harness, owner)

    async with signed_in(harness, owner.username) as client:
        listing = await client.get(PAGE)
        page = await client.get(f"{PAGE}/{done['id']}")

    result: dict[str, object] = done["result"]  # type: ignore[assignment]
    equity = chart(page.text, "equity-chart")
    under = chart(page.text, "drawdown-chart")
    assert listing.status_code == page.status_code == 200
    assert f'href="/console/backtests/{done["id"]}"' in listing.text
    assert "trend on the shipped data" in listing.text  # the strategy, listed too
    assert 'href="/console/backtests" data-key="b"' in listing.text
    assert len(equity["x"]) == len(result["equity"])  # type: ignore[arg-type]
    assert equity["series"]["Equity"][0] == 100000.0  # type: ignore[index]
    drawdowns = under["series"]["Drawdown %"]  # type: ignore[index]
    assert max(drawdowns) == 0.0
    assert min(drawdowns) == round(-result["metrics"]["max_drawdown"] * 100, 4)  # type: ignore[index]
    assert page.text.count('<tr class="trade">') == len(result["trades"])  # type: ignore[arg-type]


async def test_another_users_run_is_never_shown_and_answers_404(
    harness: Harness, owner: User
) -> None:
    other = await harness.user()
    theirs = await _run(harness, other, "acc-2")

    async with signed_in(harness, owner.username) as client:
        listing = await client.get(PAGE)
        foreign = await client.get(f"{PAGE}/{theirs['id']}")

    assert theirs["id"] not in listing.text and 'id="no-backtests"' in listing.text
    assert foreign.status_code == 404


async def test_a_viewer_sees_its_own_empty_lists(harness: Harness) -> None:
    viewer = await harness.user(Role.VIEWER)
    async with signed_in(harness, viewer.username) as client:
        page = await client.get(PAGE)

    assert page.status_code == 200
    assert 'id="no-backtests"' in page.text and 'id="no-strategies"' in page.text


def _strategy_form(account: str, **fields: str) -> dict[str, str]:
    return {
        "name": "console trend",
        "account_id": account,
        "symbols": "ACME, BOLT",
        "source_kind": "pattern",
        "pattern": "ema_crossover",
        "timeframe": "",
        "source_name": "",
        "sizing_method": "fixed_notional",
        "risk_fraction": "",
        "notional": "10000",
        **fields,
    }


def _backtest_form(strategy_id: str, **fields: str) -> dict[str, str]:
    return {
        "strategy_id": strategy_id,
        "start": "2020-01-01",
        "end": "2020-12-31",
        "bt_symbols": "ACME BOLT",
        "source": "synthetic",
        "starting_cash": "100000",
        **fields,
    }


async def test_a_strategy_made_in_the_console_is_backtested_to_its_charts(
    harness: Harness, owner: User
) -> None:
    # Arrange
    account = await harness.account(owner, "acc-1")

    # Act
    async with signed_in(harness, owner.username) as client:
        await client.get(PAGE)
        made = await client.post(f"{PAGE}/strategies", _strategy_form(account))
        [stored] = (await harness.client.get("/api/v1/strategies", headers=owner.headers)).json()
        listing = await client.get(made.headers["location"])
        started = await client.post(PAGE, _backtest_form(stored["id"]))
        run_id = started.headers["location"].rsplit("/", 1)[1]
        await harness.container.strategies.backtests().wait(run_id)
        shown = await client.get(started.headers["location"])

    # Assert: the strategy as the API takes it, off; the run's page with its charts
    assert made.status_code == 303, made.text
    assert (stored["name"], stored["mode"], stored["account_ids"]) == (
        "console trend",
        "off",
        [account],
    )
    [source] = stored["sources"]
    assert (source["kind"], source["pattern"], sorted(source["symbols"])) == (
        "pattern",
        "ema_crossover",
        ["ACME", "BOLT"],
    )
    assert stored["sizing"]["method"] == "fixed_notional"
    assert f'<option value="{stored["id"]}" selected>' in listing.text
    assert started.status_code == 303, started.text
    assert started.headers["location"].startswith(f"{PAGE}/bt-")
    assert shown.status_code == 200
    assert 'id="status">succeeded' in shown.text
    assert chart(shown.text, "equity-chart")["series"]["Equity"][0] == 100000.0  # type: ignore[index]


async def test_refused_fields_are_shown_beside_them_and_nothing_is_made(
    harness: Harness, owner: User
) -> None:
    # Arrange
    account = await harness.account(owner, "acc-1")
    strategy_id = await strategy(harness, owner, "acc-2")

    # Act
    async with signed_in(harness, owner.username) as client:
        await client.get(PAGE)
        no_notional = await client.post(f"{PAGE}/strategies", _strategy_form(account, notional=""))
        foreign = await client.post(f"{PAGE}/strategies", _strategy_form("acc-of-nobody"))
        backwards = await client.post(
            PAGE, _backtest_form(strategy_id, start="2020-12-31", end="2020-01-01")
        )
        bad_day = await client.htmx(
            "POST", PAGE, data={"_csrf": client.csrf, **_backtest_form(strategy_id, start="soon")}
        )
        unknown = await client.post(PAGE, _backtest_form("stg-nope"))

    # Assert
    assert no_notional.status_code == 422
    assert 'data-field="notional"' in no_notional.text and "INVALID_STRATEGY" in no_notional.text
    assert 'value="console trend"' in no_notional.text  # what was typed is kept
    assert foreign.status_code in (404, 422) and 'data-field="account_id"' in foreign.text
    assert backwards.status_code == 422 and 'data-field="end"' in backwards.text
    assert real_status(bad_day) == 422 and 'data-field="start"' in bad_day.text
    assert unknown.status_code == 422 and 'data-field="strategy_id"' in unknown.text
    listed = await harness.client.get("/api/v1/strategies", headers=owner.headers)
    assert len(listed.json()) == 1
    runs = await harness.client.get(BACKTESTS, headers=owner.headers)
    assert runs.json()["items"] == []


async def test_a_viewer_gets_no_forms_and_its_posts_are_403(harness: Harness) -> None:
    # Arrange
    viewer = await harness.user(Role.VIEWER)

    # Act
    async with signed_in(harness, viewer.username) as client:
        page = await client.get(PAGE)
        made = await client.post(f"{PAGE}/strategies", _strategy_form("acc-1"))
        started = await client.post(PAGE, _backtest_form("stg-1"))

    # Assert
    assert 'id="new-strategy"' not in page.text and 'id="new-backtest"' not in page.text
    assert made.status_code == 403 and started.status_code == 403
