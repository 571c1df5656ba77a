"""/console/chart's fundamentals panel: the key ratios the feed's provider states (Yahoo's
documented answer on a local fake server), or why there are none."""

from __future__ import annotations

import pytest

from domain.principals import Role
from tests.http.console.helpers import signed_in
from tests.http.harness import Harness

pytestmark = [
    pytest.mark.serves("trading", "safety", "market_data", "devices", "console"),
    pytest.mark.shares_app(),
]

PANEL = "/console/chart/fundamentals"


async def test_the_chart_page_loads_the_panel_and_the_panel_lists_the_ratios(
    with_yahoo: Harness,
) -> None:
    # Arrange
    await with_yahoo.instrument("AAPL", "190")
    viewer = await with_yahoo.user(Role.VIEWER)

    # Act
    async with signed_in(with_yahoo, viewer.username) as client:
        page = await client.get("/console/chart", params={"symbol": "AAPL"})
        panel = await client.get(PANEL, params={"symbol": "NVDA"})

    # Assert
    assert page.status_code == 200, page.text
    assert 'hx-get="/console/chart/fundamentals?symbol=AAPL"' in page.text
    assert panel.status_code == 200, panel.text
    assert "NVDA · yahoo" in panel.text
    assert 'data-ratio="debt_to_equity"' in panel.text and ">0.2287<" in panel.text
    assert "Total debt / shareholders&#39; equity" in panel.text


async def test_the_demo_panel_shows_synthetic_ratios_and_says_why_a_symbol_has_none(
    harness: Harness,
) -> None:
    viewer = await harness.user(Role.VIEWER)
    await harness.instrument("AAPL", "190")

    async with signed_in(harness, viewer.username) as client:
        demo = await client.get(PANEL, params={"symbol": "AAPL"})
        unknown = await client.get(PANEL, params={"symbol": "NOPE"})

    # Both are content the page swaps in: 200, the reason shown where there are no ratios.
    assert demo.status_code == 200 and "AAPL · synthetic" in demo.text
    assert unknown.status_code == 200
    assert 'id="fundamentals-none"' in unknown.text and "NOPE" in unknown.text
