"""`/console/hype`: the top movers and a symbol's reading from a replayed social file (ACME:
one mention an hour for 24 hours, then 8 in the current hour: a spike), its velocity chart
data, a refused window beside its field, and the link from the Fear & Greed page."""

from __future__ import annotations

import pytest

from domain.principals import Role
from tests.http.console.helpers import signed_in
from tests.http.harness import Harness, User
from tests.http.test_sentiment_indices_api import desk  # noqa: F401  (fixture)

pytestmark = pytest.mark.shares_app()

PAGE = "/console/hype"


async def test_a_symbols_reading_and_the_movers(desk: tuple[Harness, User]) -> None:  # noqa: F811
    # Arrange
    harness, viewer = desk

    # Act
    async with signed_in(harness, viewer.username) as client:
        page = await client.get(f"{PAGE}?symbol=acme")
        fear_greed = await client.get("/console/fear-greed")

    # Assert
    assert page.status_code == 200
    assert "unsafe-inline" not in page.headers["content-security-policy"]
    assert 'id="hype-velocity">8.00<' in page.text
    assert 'id="hype-spike"><span class="state state-bad">spiking<' in page.text
    assert "z = — (a flat baseline)" in page.text
    assert 'id="mover-ACME"' in page.text and 'id="mover-BOLT"' in page.text
    assert page.text.index('id="mover-ACME"') < page.text.index('id="mover-BOLT"')
    assert "ACME short squeeze incoming" in page.text
    assert 'data-chart-src="/console/hype/ACME/velocity.json"' in page.text
    assert page.text.count('method="post"') == 1  # signing out: the page changes nothing
    assert 'href="/console/hype" id="hype-link"' in fear_greed.text


async def test_the_velocity_chart_data(desk: tuple[Harness, User]) -> None:  # noqa: F811
    harness, viewer = desk

    async with signed_in(harness, viewer.username) as client:
        chart = await client.get(f"{PAGE}/ACME/velocity.json")

    data = chart.json()
    assert chart.status_code == 200
    assert data["series"]["Mentions / h"] == [1.0] * 24 + [8.0]
    assert data["series"]["Baseline mean"] == [1.0] * 25
    assert data["series"]["Spike threshold"] == [1.0] * 25  # a flat baseline: std 0
    assert data["x"][-1] - data["x"][0] == 24 * 3600


async def test_a_window_out_of_range_is_said_beside_its_field(
    desk: tuple[Harness, User],  # noqa: F811
) -> None:
    harness, _ = desk
    owner = await harness.user(Role.OWNER)

    async with signed_in(harness, owner.username) as client:
        narrow = await client.get(f"{PAGE}?symbol=ACME&window_minutes=4")
        not_a_number = await client.get(f"{PAGE}?baseline_windows=many")
        not_a_symbol = await client.get(f"{PAGE}?symbol=%24%24%24")

    assert narrow.status_code == 422 and 'id="window-error"' in narrow.text
    assert 'value="4"' in narrow.text and 'id="hype-reading"' not in narrow.text
    assert not_a_number.status_code == 422 and 'id="baseline-error"' in not_a_number.text
    assert not_a_symbol.status_code == 422 and 'id="symbol-error"' in not_a_symbol.text
