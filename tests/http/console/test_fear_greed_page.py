"""`/console/fear-greed`: today's composite with its components and the recorded history as
chart data; where too few inputs exist the page says why instead of failing."""

from __future__ import annotations

import json
import re
from datetime import timedelta
from html import unescape

from domain.principals import Role
from tests.http.console.helpers import signed_in
from tests.http.harness import Harness, User
from tests.http.test_sentiment_indices_api import desk  # noqa: F401  (fixture)

PAGE = "/console/fear-greed"


async def test_today_and_the_recorded_history(desk: tuple[Harness, User]) -> None:  # noqa: F811
    harness, _ = desk
    recorder = harness.container.markets.fear_greed_recorder()
    monday = await recorder.record()
    harness.clock.advance(timedelta(days=1))
    tuesday = await recorder.record()
    viewer = await harness.user(Role.VIEWER)
    api = await harness.client.get("/api/v1/analytics/fear-greed", headers=viewer.headers)

    async with signed_in(harness, viewer.username) as client:
        page = await client.get(PAGE)

    found = re.search(r'id="fg-history"[^>]*data-chart-data="([^"]+)"', page.text)
    assert page.status_code == 200 and found is not None
    data = json.loads(unescape(found.group(1)))
    assert monday.recorded is not None and tuesday.recorded is not None
    assert data["series"]["Fear & Greed"] == [
        round(monday.recorded.score, 2),
        round(tuesday.recorded.score, 2),
    ]
    assert f'id="fg-score">{api.json()["score"]:.0f}<' in page.text
    assert 'id="fg-components"' in page.text and "vix" in page.text
    assert 'href="/console/fear-greed" data-key="h"' in page.text


async def test_too_few_inputs_say_why_and_the_page_still_answers(
    harness: Harness, owner: User
) -> None:
    async with signed_in(harness, owner.username) as client:
        page = await client.get(PAGE)

    assert page.status_code == 200
    assert 'id="fg-unavailable"' in page.text and 'id="fg-no-history"' in page.text
