"""The console's navigation: one page per keyboard letter, and every entry a real page."""

from __future__ import annotations

from collections import Counter

from adapters.http.console.pages import NAV, NAV_GROUPS
from tests.http.console.helpers import signed_in
from tests.http.harness import Harness, User


def test_no_two_pages_share_a_shortcut() -> None:
    keys = Counter(item.key for item in NAV)

    shared = {key: n for key, n in keys.items() if n > 1}

    assert shared == {}
    assert all(len(item.key) == 1 for item in NAV)


async def test_the_analytics_pages_are_in_the_navigation(harness: Harness, owner: User) -> None:
    paths = ("/console/attribution", "/console/fixed-income", "/console/frontier")

    async with signed_in(harness, owner.username) as client:
        pages = {path: await client.get(path) for path in paths}

    for path, response in pages.items():
        assert response.status_code == 200, path
        assert f'<a href="{path}" data-key=' in response.text
        assert 'aria-current="page"' in response.text


def test_the_menu_is_grouped_and_every_page_is_in_one_group() -> None:
    labels = [group.label for group in NAV_GROUPS]
    paths = [item.path for group in NAV_GROUPS for item in group.items]

    assert labels == ["Trading and safety", "Wealth", "Markets", "Admin"]
    assert len(paths) == len(set(paths)) == len(NAV)
    assert "/console/held" in paths


async def test_the_page_shows_the_groups_with_their_pages(harness: Harness, owner: User) -> None:
    async with signed_in(harness, owner.username) as client:
        response = await client.get("/console/held")

    text = response.text
    for group in NAV_GROUPS:
        at = text.index(f">{group.label}</span>")
        for item in group.items:
            assert text.index(f'<a href="{item.path}" data-key="{item.key}"') > at
