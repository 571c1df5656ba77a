"""The console's live events page: a shell over /ws/events (the stream itself: tests/http)."""

from __future__ import annotations

import pytest

from adapters.http.events import CATEGORIES
from tests.http.console.helpers import signed_in
from tests.http.harness import Harness, User

pytestmark = pytest.mark.shares_app()


async def test_the_events_page_offers_every_category_and_loads_its_script(
    harness: Harness, owner: User
) -> None:
    async with signed_in(harness, owner.username) as client:
        response = await client.get("/console/events")

    assert response.status_code == 200
    for category in CATEGORIES:
        assert f'name="category" value="{category}" checked' in response.text
    assert 'aria-live="polite"' in response.text
    assert '<script src="/console/static/events.js" defer></script>' in response.text
    assert "<script>" not in response.text  # the CSP allows no inline script


async def test_the_page_scripts_are_served(harness: Harness) -> None:
    for name in ("events.js", "orders.js", "trading.css"):
        response = await harness.client.get(f"/console/static/{name}")
        assert response.status_code == 200, name
