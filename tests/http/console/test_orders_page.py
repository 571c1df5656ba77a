"""The console's orders page: filters, cursor pages, cancel, place through the gate, idempotency."""

from __future__ import annotations

import re

import pytest

from domain.principals import Role
from tests.http.console.helpers import ConsoleClient, real_status, signed_in
from tests.http.core_helpers import order_body, resting_limit, submit
from tests.http.harness import Harness, User

pytestmark = [
    pytest.mark.serves("trading", "safety", "market_data", "devices", "console"),
    pytest.mark.shares_app(),
]

ORDERS = "/console/orders"
_KEY = re.compile(r'name="idempotency_key" id="idempotency-key" value="([^"]+)"')


def _form(account_id: str, key: str, **fields: str) -> dict[str, str]:
    return {
        "account_id": account_id,
        "symbol": "AAPL",
        "side": "buy",
        "quantity": "10",
        "order_type": "market",
        "limit_price": "",
        "time_in_force": "day",
        "idempotency_key": key,
        **fields,
    }


async def _key_of(client: ConsoleClient) -> str:
    found = _KEY.search((await client.get(ORDERS)).text)
    assert found, "the form carries an idempotency key"
    return found.group(1)


async def _api_orders(harness: Harness, user: User) -> list[dict[str, object]]:
    listed = await harness.client.get("/api/v1/orders", headers=user.headers)
    items: list[dict[str, object]] = listed.json()["items"]
    return items


async def test_the_table_lists_the_callers_orders_and_filters_by_status_and_symbol(
    market: Harness, owner: User
) -> None:
    account = await market.account(owner, "acc-1")
    filled = (await submit(market, owner, order_body(account))).json()["order"]
    resting = (await submit(market, owner, resting_limit(account, symbol="MSFT"))).json()["order"]

    async with signed_in(market, owner.username) as client:
        everything = await client.get(ORDERS)
        open_only = await client.get(ORDERS, params={"status": "open"})
        msft = await client.get(ORDERS, params={"symbol": "msft"})
        sells = await client.get(ORDERS, params={"side": "sell"})

    assert everything.status_code == 200
    assert f'id="order-{filled["id"]}"' in everything.text
    assert f'id="order-{resting["id"]}"' in everything.text
    assert f'id="order-{resting["id"]}"' in open_only.text
    assert f'id="order-{filled["id"]}"' not in open_only.text
    assert f'id="order-{filled["id"]}"' not in msft.text
    assert f'id="order-{resting["id"]}"' in msft.text
    assert "No order matches." in sells.text


async def test_pages_follow_the_api_cursor_and_since_ends_the_listing(
    market: Harness, owner: User
) -> None:
    account = await market.account(owner, "acc-1")
    for _ in range(51):
        await submit(market, owner, resting_limit(account))

    async with signed_in(market, owner.username) as client:
        first = await client.get(ORDERS)
        cursor = re.search(r'id="next-page" hx-get="/console/orders\?([^"]+)"', first.text)
        assert cursor is not None
        second = await client.htmx(
            "GET",
            f"{ORDERS}?{cursor.group(1).replace('&amp;', '&')}",
            headers={"HX-Target": "orders-table"},
        )
        future = await client.get(ORDERS, params={"since": "2999-01-01"})
        bad = await client.get(ORDERS, params={"since": "yesterday"})

    assert first.text.count('data-order-id="') == 50
    assert second.status_code == 200
    assert "<html" not in second.text  # the table fragment only
    assert second.text.count('data-order-id="') == 1
    assert 'id="next-page"' not in second.text
    assert "No order matches." in future.text
    assert real_status(bad) == 422 and "INVALID_QUERY" in bad.text


async def test_cancel_from_the_table_answers_the_updated_row(market: Harness, owner: User) -> None:
    account = await market.account(owner, "acc-1")
    order = (await submit(market, owner, resting_limit(account))).json()["order"]

    async with signed_in(market, owner.username) as client:
        table = await client.get(ORDERS)
        response = await client.htmx("POST", f"{ORDERS}/{order['id']}/cancel")

    assert f'hx-post="/console/orders/{order["id"]}/cancel"' in table.text
    assert response.status_code == 200
    assert response.text.lstrip().startswith(f'<tr id="order-{order["id"]}"')
    assert 'data-status="canceled"' in response.text
    assert "/cancel" not in response.text  # no Cancel button on a closed order
    stored = await market.client.get(f"/api/v1/orders/{order['id']}", headers=owner.headers)
    assert stored.json()["status"] == "canceled"


async def test_another_owners_order_is_404_to_cancel_and_to_read(
    market: Harness, owner: User
) -> None:
    account = await market.account(owner, "acc-1")
    order = (await submit(market, owner, resting_limit(account))).json()["order"]
    stranger = await market.user(Role.OWNER)

    async with signed_in(market, stranger.username) as client:
        table = await client.get(ORDERS)
        cancel = await client.htmx("POST", f"{ORDERS}/{order['id']}/cancel")
        row = await client.get(f"{ORDERS}/{order['id']}/row")
        filtered = await client.get(ORDERS, params={"account_id": account})

    assert order["id"] not in table.text
    assert real_status(cancel) == 404 and "NOT_FOUND" in cancel.text
    assert cancel.headers["hx-retarget"] == "#flash"
    assert real_status(row) == 404
    assert real_status(filtered) == 404
    stored = await market.client.get(f"/api/v1/orders/{order['id']}", headers=owner.headers)
    assert stored.json()["status"] == "accepted"


async def test_placing_an_order_goes_through_the_gate_and_refreshes_the_table(
    market: Harness, owner: User
) -> None:
    account = await market.account(owner, "acc-1")

    async with signed_in(market, owner.username) as client:
        key = await _key_of(client)
        response = await client.htmx("POST", ORDERS, data=_form(account, key))

    assert response.status_code == 200, response.text
    assert 'id="order-placed"' in response.text
    assert response.headers["hx-trigger"] == "orders-changed"
    fresh = _KEY.search(response.text)
    assert fresh is not None and fresh.group(1) != key  # the next order gets a new key
    assert 'hx-swap-oob="true"' in response.text
    orders = await _api_orders(market, owner)
    assert len(orders) == 1 and orders[0]["symbol"] == "AAPL"
    assert orders[0]["quantity"] == "10.00000000"
    assert orders[0]["origin_channel"] == "console"


async def test_a_gate_denial_shows_its_reason_codes_inline(market: Harness, owner: User) -> None:
    account = await market.account(owner, "acc-1", cash="10000")

    async with signed_in(market, owner.username) as client:
        key = await _key_of(client)
        response = await client.htmx("POST", ORDERS, data=_form(account, key, quantity="1000"))

    assert real_status(response) == 422
    assert 'id="order-denied"' in response.text
    assert "INSUFFICIENT_BUYING_POWER" in response.text
    assert "hx-retarget" not in response.headers  # shown under the form, not in the flash
    assert [o["status"] for o in await _api_orders(market, owner)] == ["denied"]


async def test_a_double_submit_of_one_form_places_one_order(market: Harness, owner: User) -> None:
    account = await market.account(owner, "acc-1")

    async with signed_in(market, owner.username) as client:
        key = await _key_of(client)
        first = await client.htmx("POST", ORDERS, data=_form(account, key))
        second = await client.htmx("POST", ORDERS, data=_form(account, key))

    assert first.status_code == 200 and second.status_code == 200
    assert "Already placed" in second.text
    assert len(await _api_orders(market, owner)) == 1


async def test_a_bad_field_says_which_and_sends_nothing(market: Harness, owner: User) -> None:
    account = await market.account(owner, "acc-1")

    async with signed_in(market, owner.username) as client:
        key = await _key_of(client)
        no_limit = await client.htmx(
            "POST", ORDERS, data=_form(account, key, order_type="limit", limit_price="")
        )
        nonsense = await client.htmx("POST", ORDERS, data=_form(account, key, quantity="ten"))

    assert real_status(no_limit) == 422 and "limit_price is required" in no_limit.text
    assert real_status(nonsense) == 422 and "quantity must be a number" in nonsense.text
    assert "VALIDATION_ERROR" in nonsense.text
    assert await _api_orders(market, owner) == []


async def test_a_plain_form_post_without_csrf_is_refused(market: Harness, owner: User) -> None:
    account = await market.account(owner, "acc-1")

    async with signed_in(market, owner.username) as client:
        key = await _key_of(client)
        response = await client.http.post(ORDERS, data=_form(account, key))

    assert real_status(response) == 403
    assert await _api_orders(market, owner) == []


async def test_a_plain_form_post_renders_the_page_with_the_result(
    market: Harness, owner: User
) -> None:
    account = await market.account(owner, "acc-1")

    async with signed_in(market, owner.username) as client:
        key = await _key_of(client)
        response = await client.post(ORDERS, _form(account, key))

    assert response.status_code == 200
    assert "<html" in response.text and 'id="order-placed"' in response.text
    assert response.text.count('data-order-id="') == 1


async def test_an_owner_cannot_place_into_another_owners_account(
    market: Harness, owner: User
) -> None:
    account = await market.account(owner, "acc-1")
    stranger = await market.user(Role.OWNER)

    async with signed_in(market, stranger.username) as client:
        key = await _key_of(client)
        response = await client.htmx("POST", ORDERS, data=_form(account, key))

    assert real_status(response) == 404
    assert await _api_orders(market, owner) == []
