"""`/console/portfolios`: the user's portfolios, one portfolio's holdings with its open tax
lots and their timeline chart, the Form 8949 download; another user's portfolio is never
listed and answers 404. The harness clock's today is 2026-01-05."""

from __future__ import annotations

import json
import re
from html import unescape

import pytest

from domain.principals import Role
from tests.http.console.helpers import signed_in
from tests.http.harness import Harness, User
from tests.http.test_portfolios_api import ROOT, portfolio, tx

pytestmark = pytest.mark.shares_app()

PORTFOLIOS = "/console/portfolios"


async def _with_lots(harness: Harness, owner: User) -> tuple[str, str]:
    """A portfolio holding AAPL in two lots, one sold off in part in 2025: (portfolio, account)."""
    made = await portfolio(harness, owner)  # the portfolio, with its one manual account
    account = made["accounts"][0]["id"]
    path = f"{ROOT}/{made['id']}/transactions"
    for body in (
        tx(account, "deposit", "2024-01-02", amount="10000"),
        tx(account, "buy", "2024-03-01", symbol="AAPL", quantity="10", price="90"),
        tx(account, "buy", "2025-12-01", symbol="AAPL", quantity="5", price="100"),
        tx(account, "sell", "2025-12-15", symbol="AAPL", quantity="4", price="120"),
    ):
        booked = await harness.client.post(path, json=body, headers=owner.headers)
        assert booked.status_code == 201, booked.text
    return made["id"], account


async def test_lists_the_users_portfolios_only(harness: Harness, owner: User) -> None:
    mine, _ = await _with_lots(harness, owner)
    other = await harness.user()
    theirs = (await portfolio(harness, other, name="Theirs"))["id"]

    async with signed_in(harness, owner.username) as client:
        page = await client.get(PORTFOLIOS)
        foreign = await client.get(f"{PORTFOLIOS}/{theirs}")

    assert page.status_code == 200
    assert f'href="/console/portfolios/{mine}"' in page.text
    assert "Theirs" not in page.text
    assert 'href="/console/portfolios" data-key="f"' in page.text
    assert foreign.status_code == 404


async def test_a_portfolio_shows_its_open_lots_and_their_timeline(
    harness: Harness, owner: User
) -> None:
    mine, _ = await _with_lots(harness, owner)

    async with signed_in(harness, owner.username) as client:
        page = await client.get(f"{PORTFOLIOS}/{mine}")

    lots = re.findall(r'<tr class="lot"><td><code>[^<]+</code></td><td>([0-9-]+)</td>', page.text)
    chart = re.search(r'id="lots-chart"[^>]*data-chart-data="([^"]+)"', page.text)
    assert page.status_code == 200
    assert lots == ["2024-03-01", "2025-12-01"]  # FIFO: 4 of the first lot sold
    assert ">6</td>" in page.text and ">5</td>" in page.text  # what is left of each lot
    assert 'badge term">long<' in page.text and 'badge term">short<' in page.text
    assert chart is not None
    data = json.loads(unescape(chart.group(1)))
    assert data["series"]["Bought that day"] == [540.0, 500.0]
    assert data["series"]["Open basis (cumulative)"] == [540.0, 1040.0]
    assert len(data["x"]) == 2


async def test_form_8949_downloads_the_years_csv(harness: Harness, owner: User) -> None:
    await _with_lots(harness, owner)
    other = await harness.user()

    async with signed_in(harness, owner.username) as client:
        mine = await client.get(f"{PORTFOLIOS}/form-8949.csv?year=2025")
    async with signed_in(harness, other.username) as client:
        theirs = await client.get(f"{PORTFOLIOS}/form-8949.csv?year=2025")
    api = await harness.client.get("/api/v1/tax/form-8949.csv?year=2025", headers=owner.headers)

    assert mine.status_code == 200
    assert mine.headers["content-type"].startswith("text/csv")
    assert mine.headers["content-disposition"] == 'attachment; filename="form-8949-2025.csv"'
    assert mine.text == api.text and "AAPL" in mine.text
    assert "AAPL" not in theirs.text


async def test_a_viewer_sees_its_own_empty_list(harness: Harness, owner: User) -> None:
    await _with_lots(harness, owner)
    viewer = await harness.user(Role.VIEWER)
    async with signed_in(harness, viewer.username) as client:
        page = await client.get(PORTFOLIOS)

    assert page.status_code == 200 and 'id="no-portfolios"' in page.text
