"""The console's error rules: one answer for a refused htmx action (200 + the real status in
headers), true statuses for whole pages, and an HTML 404 for a console path no page claims."""

from __future__ import annotations

import json

import pytest

from adapters.http.console.not_found import REST, catch_all_paths
from domain.principals import Role
from tests.http.console.helpers import real_status, signed_in
from tests.http.console.test_killswitch_page import ACTIVATE, owner_with_orders
from tests.http.console.test_orders_page import ORDERS, _form, _key_of
from tests.http.harness import Harness, User

pytestmark = [
    pytest.mark.serves("trading", "safety", "market_data", "devices", "console"),
    pytest.mark.shares_app(),
]


async def test_a_refused_htmx_action_answers_200_with_the_real_status_in_headers(
    market: Harness,
) -> None:
    owner = await owner_with_orders(market)
    form = {"scope": f"account:{market.id('acc-1')}", "passcode": "wrong", "confirmed": "yes"}
    async with signed_in(market, owner.username) as client:
        refused = await client.htmx("POST", ACTIVATE, data=form)

    assert refused.status_code == 200
    assert refused.headers["x-bulwark-status"] == "403"
    assert refused.headers["x-bulwark-code"] == "WRONG_PASSCODE"
    assert json.loads(refused.headers["hx-trigger"]) == {
        "bulwark:refused": {"status": 403, "code": "WRONG_PASSCODE"}
    }
    assert refused.headers["hx-retarget"] == "#flash"
    assert 'data-status="403"' in refused.text and "<html" not in refused.text


async def test_the_same_refusal_without_htmx_keeps_its_true_status(market: Harness) -> None:
    owner = await owner_with_orders(market)
    form = {"scope": f"account:{market.id('acc-1')}", "passcode": "wrong", "confirmed": "yes"}
    async with signed_in(market, owner.username) as client:
        refused = await client.post(ACTIVATE, form)

    assert refused.status_code == 403
    assert "x-bulwark-status" not in refused.headers
    assert "WRONG_PASSCODE" in refused.text and "<html" in refused.text


async def test_a_denied_order_keeps_the_tables_refresh_beside_the_refusal(
    market: Harness, owner: User
) -> None:
    account = await market.account(owner, "acc-1", cash="10000")
    async with signed_in(market, owner.username) as client:
        key = await _key_of(client)
        denied = await client.htmx("POST", ORDERS, data=_form(account, key, quantity="1000"))

    assert denied.status_code == 200 and real_status(denied) == 422
    assert json.loads(denied.headers["hx-trigger"]) == {
        "orders-changed": "",
        "bulwark:refused": {"status": 422, "code": "ORDER_DENIED"},
    }


async def test_an_unknown_console_path_is_an_html_404_inside_the_layout(harness: Harness) -> None:
    user = await harness.user(Role.RISK_OFFICER)
    async with signed_in(harness, user.username) as client:
        unknown = await client.get("/console/nope")
        deeper = await client.get("/console/no/such/page")
        astray = [
            await client.get(path)
            for path in (
                "/console/orders/x/y/z",  # below a page's parameter
                "/console/agents/bot-a",  # a node on the way to a route, not one itself
                "/console/risk/rules",
                "/console/risk/rules/r-1/nope",  # below a route that ends in a parameter
                "/console/kill-switch/nope",
            )
        ]
        posted = await client.htmx("POST", "/console/orders/x/y")
        fragment = await client.htmx("GET", "/console/nope")
        page = await client.get("/console/orders")
        asset = await client.get("/console/static/console.js")

    assert unknown.status_code == 404
    assert unknown.headers["content-type"].startswith("text/html")
    assert 'aria-label="Console"' in unknown.text  # the layout's navigation
    assert "NOT_FOUND" in unknown.text and "/console/nope" in unknown.text
    assert deeper.status_code == 404 and "text/html" in deeper.headers["content-type"]
    assert real_status(fragment) == 404 and fragment.headers["hx-retarget"] == "#flash"
    assert [(r.status_code, "NOT_FOUND" in r.text) for r in astray] == [(404, True)] * 5
    assert all(r.headers["content-type"].startswith("text/html") for r in astray)
    assert real_status(posted) == 404
    assert page.status_code == 200 and asset.status_code == 200


async def test_an_unknown_console_path_without_a_session_goes_to_the_login_form(
    harness: Harness,
) -> None:
    async with signed_in(harness, (await harness.user(Role.OWNER)).username) as client:
        await client.post("/console/logout")
        response = await client.get("/console/nope")

    assert response.status_code == 303
    assert response.headers["location"].startswith("/console/login")


async def test_the_api_keeps_its_problem_json_404(harness: Harness) -> None:
    response = await harness.client.get("/api/v1/nope")

    assert response.status_code == 404
    assert response.headers["content-type"].startswith("application/problem+json")


def test_the_catch_alls_sit_where_the_router_could_otherwise_miss() -> None:
    paths = ["/", "/orders", "/orders/{order_id:str}/row", "/kill-switch/state"]

    found = catch_all_paths(paths)

    assert sorted(found) == sorted(
        [
            f"/{REST}",  # the top has only literal children
            "/kill-switch",  # on the way to a route, not one itself
            f"/kill-switch/{REST}",
            f"/kill-switch/state/{REST}",
            # /orders branches into {order_id} (no second parameter there): caught one down
            "/orders/{order_id:str}",
            f"/orders/{{order_id:str}}/{REST}",
            f"/orders/{{order_id:str}}/row/{REST}",
        ]
    )
