"""`/console/aggregation`: the user's linked items with their accounts and holdings (read-only),
sync and remove through the same use cases as the API, the link-token step as text; another
user's item answers 404; a viewer sees no button and its POSTs answer 403. Against a local
Plaid that replays Plaid's documented answers (tests/plaid_server.py)."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from domain.principals import Role
from tests.http.aggregation_world import World, aggregation_world
from tests.http.console.helpers import signed_in
from tests.http.harness import User
from tests.plaid_server import PUBLIC_TOKEN


@pytest.fixture
async def world() -> AsyncIterator[World]:
    async with aggregation_world() as opened:
        yield opened


PAGE = "/console/aggregation"


async def link(world: World, owner: User) -> str:
    """An item linked by the use case in the test's own event loop (the console client runs
    the app in it; the API's test client runs it in another, and Plaid's pooled connection
    belongs to the loop that opened it)."""
    service = world.harness.container.aggregation.service()
    item = await service.exchange(owner.principal, PUBLIC_TOKEN)
    return str(item.id)


async def _exists(world: World, owner: User, item_id: str) -> bool:
    items = await world.harness.container.aggregation.service().items(owner.principal)
    return any(i.id == item_id for i in items)


async def test_items_accounts_holdings_sync_and_remove(world: World) -> None:
    harness = world.harness
    owner = await harness.user()
    item_id = await link(world, owner)

    async with signed_in(harness, owner.username) as client:
        before = await client.get(PAGE)
        synced = await client.htmx("POST", f"{PAGE}/items/{item_id}/sync")
        after = await client.get(f"{PAGE}/items/{item_id}")
        token = await client.htmx("POST", f"{PAGE}/link-token")
        removed = await client.post(f"{PAGE}/items/{item_id}/remove")
        gone = await client.get(PAGE)

    assert before.status_code == 200 and f'id="item-{item_id}"' in before.text
    assert 'href="/console/aggregation" data-key="j"' in before.text
    assert 'class="holding"' not in before.text  # holdings come with the first sync
    assert synced.status_code == 200 and 'id="synced"' in synced.text
    assert "3 new transaction(s)" in synced.text
    assert "MIPTX" in after.text and ">23.567<" in after.text and ">270.50<" in after.text
    assert world.plaid.access_token not in after.text + synced.text
    assert 'id="link-token-value">link-sandbox-' in token.text
    assert "Plaid Link cannot be opened from this page" in token.text
    assert removed.status_code == 303
    assert 'id="no-items"' in gone.text and not await _exists(world, owner, item_id)


async def test_another_users_item_answers_404(world: World) -> None:
    harness = world.harness
    owner, stranger = await harness.user(), await harness.user()
    item_id = await link(world, owner)

    async with signed_in(harness, stranger.username) as client:
        listing = await client.get(PAGE)
        answers = [
            await client.get(f"{PAGE}/items/{item_id}"),
            await client.post(f"{PAGE}/items/{item_id}/sync"),
            await client.post(f"{PAGE}/items/{item_id}/remove"),
        ]

    assert item_id not in listing.text and 'id="no-items"' in listing.text
    assert [a.status_code for a in answers] == [404, 404, 404]
    assert await _exists(world, owner, item_id)


async def test_a_viewer_reads_but_cannot_link_sync_or_remove(world: World) -> None:
    harness = world.harness
    viewer = await harness.user(Role.VIEWER)

    async with signed_in(harness, viewer.username) as client:
        shown = await client.get(PAGE)
        refused = [
            await client.post(f"{PAGE}/link-token"),
            await client.post(f"{PAGE}/items/itm_x/sync"),
            await client.post(f"{PAGE}/items/itm_x/remove"),
        ]

    assert shown.status_code == 200 and 'id="link-read-only"' in shown.text
    assert 'id="link-token-form"' not in shown.text
    assert [r.status_code for r in refused] == [403, 403, 403]
