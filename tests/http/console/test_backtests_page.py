"""`/console/backtests`: the user's strategies and backtests, one run's metrics, its equity and
drawdown charts and its trades; another user's run is never listed and answers 404."""

from __future__ import annotations

import json
import re
from html import unescape

from domain.principals import Role
from tests.http.console.helpers import signed_in
from tests.http.harness import Harness, User
from tests.http.test_backtests import BACKTESTS, finished, run_body, strategy

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
