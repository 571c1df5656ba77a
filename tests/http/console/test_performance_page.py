"""`/console/performance/{account_id}`: an account's figures from its daily snapshots, worked
by hand (four days: a gain, a losing trade, a deposit that is not a return), the equity and
drawdown chart data, a refused range beside its field, another owner's account 404, and the
read-only viewer."""

from __future__ import annotations

import pytest

from domain.principals import Role
from tests.http.console.helpers import signed_in
from tests.http.harness import Harness, User
from tests.http.test_performance import four_days

pytestmark = pytest.mark.serves(
    "trading", "safety", "market_data", "devices", "analytics", "console"
)

RANGE = "from=2026-01-01&to=2026-01-31"


def page_url(account_id: str) -> str:
    return f"/console/performance/{account_id}"


async def test_the_figures_of_four_days_worked_by_hand(market: Harness, owner: User) -> None:
    # Arrange: returns +1 %, -2/101, +0.5 % (the 1 000 deposit is a flow, not a gain)
    account = await four_days(market, owner)

    # Act
    async with signed_in(market, owner.username) as client:
        page = await client.get(f"{page_url(account)}?{RANGE}")
        listing = await client.get(f"/console/accounts/{account}")

    # Assert
    assert page.status_code == 200
    assert "unsafe-inline" not in page.headers["content-security-policy"]
    # 1.01 x 99 000 / 101 000 x 100 500 / 100 000 - 1 = -0.505 % (half-even to 2 places);
    # the raw equity rose 0.5 %, but 1 000 of it was deposited
    assert 'id="twr">-0.50 %<' in page.text
    assert 'id="max-drawdown">1.98 %<' in page.text  # 1 - 99 000 / 101 000
    assert 'id="last-equity">100,500.00<' in page.text
    assert 'id="trades">1<' in page.text  # the sale at 180 of a lot bought at 190
    assert "Money-weighted return" in page.text and "time-weighted" in page.text
    src = f"{page_url(account)}/equity.json?{RANGE}".replace("&", "&amp;")
    assert f'data-chart-src="{src}"' in page.text
    assert "+1,000.00" in page.text  # Thursday's net flow, a decimal string
    assert f'href="{page_url(account)}" id="performance-link"' in listing.text


async def test_the_equity_and_drawdown_chart_data(market: Harness, owner: User) -> None:
    account = await four_days(market, owner)

    async with signed_in(market, owner.username) as client:
        equity = await client.get(f"{page_url(account)}/equity.json?{RANGE}")
        drawdown = await client.get(f"{page_url(account)}/drawdown.json?{RANGE}")

    assert equity.json()["series"] == {"Equity": [100_000.0, 101_000.0, 99_000.0, 100_500.0]}
    assert len(equity.json()["x"]) == 4 and equity.json()["x"] == drawdown.json()["x"]
    assert drawdown.json()["series"]["Drawdown %"] == [0.0, 0.0, -1.9802, -1.4901]


async def test_a_refused_range_is_said_beside_its_field(market: Harness, owner: User) -> None:
    account = await four_days(market, owner)

    async with signed_in(market, owner.username) as client:
        reversed_ = await client.get(f"{page_url(account)}?from=2026-02-01&to=2026-01-01")
        not_a_day = await client.get(f"{page_url(account)}?to=soon")

    assert reversed_.status_code == 400
    assert 'id="from-error"' in reversed_.text and "must not be after" in reversed_.text
    assert 'id="performance-figures"' not in reversed_.text
    assert not_a_day.status_code == 400 and 'id="to-error"' in not_a_day.text
    assert 'value="soon"' in not_a_day.text


async def test_another_owners_account_answers_404(market: Harness, owner: User) -> None:
    account = await four_days(market, owner)
    stranger = await market.user()

    async with signed_in(market, stranger.username) as client:
        answers = [
            (await client.get(path)).status_code
            for path in (
                page_url(account),
                f"{page_url(account)}/equity.json",
                f"{page_url(account)}/drawdown.json",
            )
        ]

    assert answers == [404, 404, 404]


async def test_the_viewer_reads_it_with_no_form_that_changes_anything(
    market: Harness, owner: User
) -> None:
    account = await four_days(market, owner)
    viewer = await market.user(Role.VIEWER)

    async with signed_in(market, viewer.username) as client:
        page = await client.get(f"{page_url(account)}?{RANGE}")

    assert page.status_code == 200 and 'id="performance-figures"' in page.text
    assert page.text.count('method="post"') == 1  # signing out, nothing else
