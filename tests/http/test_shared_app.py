"""The app the tests of a module share (tests/http/shared_app.py): one app, a tag of its own per
test on every name and id the harness makes, no cookie carried from one test to the next, a
seeded world put in once; a test marked `own_app` builds an app of its own."""

from __future__ import annotations

import os

import pytest

from tests.http.harness import Harness
from tests.http.shared_app import OWN_APPS_ENV, SharedApp

pytestmark = [
    pytest.mark.serves("trading"),
    pytest.mark.shares_app(),
    pytest.mark.skipif(os.environ.get(OWN_APPS_ENV) == "1", reason="every test has its own app"),
]


async def test_each_view_is_the_one_app_with_names_and_ids_of_its_own(
    shared_app: SharedApp,
) -> None:
    # Arrange
    first, second = shared_app.view(), shared_app.view()

    # Act
    one, two = await first.user(), await second.user()
    mine = await first.account(one, "acc-1")
    theirs = await second.account(two, "acc-1")
    listed = await second.client.get("/api/v1/accounts", headers=two.headers)

    # Assert
    assert first.app is second.app and first.container is second.container
    assert first.tag != second.tag and one.username != two.username
    assert (mine, theirs) == (first.id("acc-1"), second.id("acc-1")) and mine != theirs
    assert [a["id"] for a in listed.json()["items"]] == [theirs]


async def test_a_view_starts_without_the_cookies_an_earlier_test_was_given(
    shared_app: SharedApp,
) -> None:
    # Arrange
    earlier = shared_app.view()
    earlier.client.cookies.set("bulwark_console", "left-over")

    # Act
    later = shared_app.view()

    # Assert
    assert "bulwark_console" not in later.client.cookies


async def test_a_seeded_world_is_put_in_once(shared_app: SharedApp) -> None:
    # Arrange
    seeds: list[str] = []

    async def seed(harness: Harness) -> None:
        seeds.append(harness.tag)
        await harness.instrument("SEED", "10")

    # Act
    first = await shared_app.seeded(seed)
    second = await shared_app.seeded(seed)

    # Assert
    assert seeds == [""]  # once, on the app itself, before any view
    assert first.tag != second.tag
    async with second.container.core.uow_factory()() as uow:
        assert await uow.instruments.get("SEED") is not None


@pytest.mark.own_app("it is about the app of its own")
async def test_a_test_marked_own_app_builds_an_app_of_its_own(
    harness: Harness, shared_app: SharedApp
) -> None:
    # Act
    shared = shared_app.view()

    # Assert
    assert harness.tag == ""
    assert harness.app is not shared.app and harness.container is not shared.container
