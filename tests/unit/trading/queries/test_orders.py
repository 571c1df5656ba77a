"""Order listing: newest first, keyset pages without duplicates or gaps, filters, visibility."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from datetime import timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from application.trading.accounts import InvalidQuery, OrderQuery
from domain.errors import NotFound
from domain.principals import Principal
from domain.trading.orders import Order, OrderStatus, Origin, OriginKind, Side
from tests.unit.trading.queries.conftest import (
    ACCOUNT,
    AGENT,
    OFFICER,
    OTHER,
    OWNER,
    SECOND,
    Queries,
    build_queries,
    later,
)


async def all_pages(q: Queries, query: OrderQuery, principal: Principal = OWNER) -> list[list[str]]:
    pages: list[list[str]] = []
    cursor: str | None = None
    while True:
        page = await q.queries.orders(principal, replace(query, cursor=cursor))
        pages.append([o.id for o in page.items])
        if page.next_cursor is None:
            return pages
        cursor = page.next_cursor


def newest_first(orders: list[Order]) -> list[str]:
    return [o.id for o in sorted(orders, key=lambda o: (o.created_at, o.id), reverse=True)]


# Offsets of a few seconds on purpose: many orders share a timestamp and ids break the tie.
order_specs = st.lists(
    st.tuples(st.sampled_from([ACCOUNT, SECOND, OTHER]), st.integers(0, 4)), max_size=40
)


@settings(max_examples=60, deadline=None)
@given(specs=order_specs, limit=st.integers(1, 7))
def test_pages_cover_every_visible_order_once_newest_first(
    specs: list[tuple[str, int]], limit: int
) -> None:
    async def scenario() -> tuple[list[list[str]], list[str]]:
        q = await build_queries()
        start = q.clock.now()
        orders = [
            await q.add_order(account, created_at=start + timedelta(seconds=offset))
            for account, offset in specs
        ]
        visible = [o for o in orders if o.account_id != OTHER]
        return await all_pages(q, OrderQuery(limit=limit)), newest_first(visible)

    pages, expected = asyncio.run(scenario())

    assert [i for page in pages for i in page] == expected
    assert all(len(page) == limit for page in pages[:-1])
    assert 0 < len(pages[-1]) <= limit or expected == []


@settings(max_examples=40, deadline=None)
@given(existing=st.integers(0, 25), limit=st.integers(1, 6), inserted=st.integers(1, 5))
def test_orders_added_between_pages_shift_nothing(existing: int, limit: int, inserted: int) -> None:
    async def scenario() -> tuple[list[str], list[str]]:
        q = await build_queries()
        orders = [await q.add_order(created_at=later(q.clock)) for _ in range(existing)]
        seen: list[str] = []
        page = await q.queries.orders(OWNER, OrderQuery(limit=limit))
        seen += [o.id for o in page.items]
        while page.next_cursor is not None:
            for _ in range(inserted):
                await q.add_order(created_at=later(q.clock))
            page = await q.queries.orders(OWNER, OrderQuery(limit=limit, cursor=page.next_cursor))
            seen += [o.id for o in page.items]
        return seen, newest_first(orders)

    seen, expected = asyncio.run(scenario())

    assert seen == expected


async def test_filters_combine(q: Queries) -> None:
    agent_origin = Origin(OriginKind.AGENT, AGENT.id)
    want = await q.add_order(symbol="MSFT", side=Side.SELL, origin=agent_origin)
    await q.add_order(symbol="MSFT", side=Side.BUY, origin=agent_origin)
    await q.add_order(symbol="AAPL", side=Side.SELL, origin=agent_origin)
    await q.add_order(symbol="MSFT", side=Side.SELL)
    await q.add_order(SECOND, symbol="MSFT", side=Side.SELL, origin=agent_origin)

    page = await q.queries.orders(
        OWNER,
        OrderQuery(account_id=ACCOUNT, symbol=" msft ", side=Side.SELL, origin_id=AGENT.id),
    )

    assert [o.id for o in page.items] == [want.id]


async def test_the_status_filter_takes_a_set(q: Queries) -> None:
    accepted = await q.add_order(status=OrderStatus.ACCEPTED, created_at=later(q.clock))
    partial = await q.add_order(status=OrderStatus.PARTIALLY_FILLED, created_at=later(q.clock))
    await q.add_order(status=OrderStatus.FILLED, created_at=later(q.clock))
    await q.add_order(status=OrderStatus.DENIED, created_at=later(q.clock))

    page = await q.queries.orders(
        OWNER, OrderQuery(status=frozenset({OrderStatus.ACCEPTED, OrderStatus.PARTIALLY_FILLED}))
    )
    unfiltered = await q.queries.orders(OWNER, OrderQuery(status=frozenset()))

    assert [o.id for o in page.items] == [partial.id, accepted.id]
    assert len(unfiltered.items) == 4


async def test_who_sees_which_orders(q: Queries) -> None:
    mine = await q.add_order(ACCOUNT, created_at=later(q.clock))
    second = await q.add_order(SECOND, created_at=later(q.clock))
    theirs = await q.add_order(OTHER, created_at=later(q.clock))

    owner = await q.queries.orders(OWNER, OrderQuery())
    agent = await q.queries.orders(AGENT, OrderQuery())
    officer = await q.queries.orders(OFFICER, OrderQuery())

    assert [o.id for o in owner.items] == [second.id, mine.id]
    assert [o.id for o in agent.items] == [mine.id]
    assert [o.id for o in officer.items] == [theirs.id, second.id, mine.id]


async def test_listing_another_users_account_is_not_found(q: Queries) -> None:
    await q.add_order(OTHER)

    with pytest.raises(NotFound):
        await q.queries.orders(OWNER, OrderQuery(account_id=OTHER))
    with pytest.raises(NotFound):
        await q.queries.orders(AGENT, OrderQuery(account_id=SECOND))


async def test_one_order_is_shown_to_its_owner_only(q: Queries) -> None:
    mine = await q.add_order(ACCOUNT)
    theirs = await q.add_order(OTHER)

    assert (await q.queries.order(OWNER, mine.id)) is mine
    assert (await q.queries.order(OFFICER, theirs.id)) is theirs
    with pytest.raises(NotFound):
        await q.queries.order(OWNER, theirs.id)
    with pytest.raises(NotFound):
        await q.queries.order(OWNER, "ord-nope")


@pytest.mark.parametrize("limit", [0, -1, 201])
async def test_a_page_size_out_of_range_is_an_invalid_query(q: Queries, limit: int) -> None:
    with pytest.raises(InvalidQuery) as raised:
        await q.queries.orders(OWNER, OrderQuery(limit=limit))

    assert raised.value.code == "INVALID_QUERY"


async def test_the_largest_page_is_accepted(q: Queries) -> None:
    page = await q.queries.orders(OWNER, OrderQuery(limit=200))

    assert page.items == []


@pytest.mark.parametrize("cursor", ["", "not-base64!", "e30", "eyJ0IjoxLCJpIjoiYSJ9", "x" * 600])
async def test_a_cursor_that_was_not_handed_out_is_an_invalid_query(
    q: Queries, cursor: str
) -> None:
    with pytest.raises(InvalidQuery):
        await q.queries.orders(OWNER, OrderQuery(cursor=cursor))


async def test_an_order_without_a_timestamp_sorts_oldest_and_pages(q: Queries) -> None:
    undated = await q.add_order(created_at=None)
    undated.created_at = None  # add_order fills it in; force the legacy shape
    dated = await q.add_order(created_at=later(q.clock))

    pages = await all_pages(q, OrderQuery(limit=1))

    assert pages == [[dated.id], [undated.id]]
