"""The read-only viewer in the console: every page opens with the desk's data, no control that
changes anything is shown, and every console action it posts anyway is refused."""

from __future__ import annotations

from domain.principals import Role
from tests.http.console.helpers import real_status, signed_in
from tests.http.console.test_killswitch_page import owner_with_orders
from tests.http.harness import Harness

PAGES = (
    "/console",
    "/console/kill-switch",
    "/console/events",
    "/console/accounts",
    "/console/accounts/acc-1",
    "/console/connections",
    "/console/books",
    "/console/orders?status=all",
    "/console/risk",
    "/console/agents",
    "/console/providers",
    "/console/streams",
    "/console/signals",
    "/console/succession",
    "/console/notifications",
    "/console/notifications/preferences",
    "/console/devices",
    "/console/vault",
    "/console/portfolios",
    "/console/backtests",
    "/console/surveillance",
    "/console/fear-greed",
    "/console/wealth",
    "/console/rebalancing",
    "/console/aggregation",
    "/console/crypto",
    "/console/esg",
    "/console/giving",
    "/console/kyc",
    "/console/performance/acc-1",
    "/console/hype",
    "/console/attribution",
    "/console/fixed-income",
    "/console/frontier",
    "/console/stress",
)
CONTROLS = (
    'id="ks-pull-button"',
    'id="place-order"',
    'button class="danger cancel"',
    'id="dry-run-current"',
    'id="enrol-form"',
    'id="profile-form"',
    'id="limits-form"',
    'id="link-token-form"',
    'id="donation-form"',
    'id="grant-form"',
    'class="danger delete-donation"',
    'id="kyc-upload-form"',
    'id="add-connection"',
    "revoke-connection",
    'id="new-book"',
    'id="book-halt-form"',
)


async def test_a_viewer_reads_every_page_and_sees_no_control(market: Harness) -> None:
    await owner_with_orders(market)
    viewer = await market.user(Role.VIEWER)

    async with signed_in(market, viewer.username) as client:
        pages = {path: await client.get(path) for path in PAGES}

    assert {path: r.status_code for path, r in pages.items()} == dict.fromkeys(PAGES, 200)
    assert "acc-1" in pages["/console/orders?status=all"].text  # another owner's orders
    assert "acc-1" in pages["/console/accounts"].text
    for path, response in pages.items():
        shown = [control for control in CONTROLS if control in response.text]
        assert shown == [], f"{path} shows {shown} to a viewer"


async def test_every_console_action_a_viewer_posts_is_refused(market: Harness) -> None:
    owner = await owner_with_orders(market)
    orders = await market.client.get("/api/v1/orders?account_id=acc-1", headers=owner.headers)
    order_id = orders.json()["items"][0]["id"]
    viewer = await market.user(Role.VIEWER)
    actions = (
        ("/console/kill-switch/activate", {"scope": "account:acc-1", "confirmed": "yes"}),
        ("/console/orders", {"account_id": "acc-1", "symbol": "AAPL", "side": "buy"}),
        (f"/console/orders/{order_id}/cancel", {}),
        ("/console/providers/failover", {}),
        ("/console/succession/check-in", {}),
        ("/console/kyc/upload", {"kind": "passport"}),
        ("/console/kyc/kyc-any/delete", {}),
        ("/console/connections", {"label": "x", "kind": "ibkr"}),
        ("/console/connections/vc-any/revoke", {}),
        ("/console/books", {"name": "x", "members": "acc-1"}),
        ("/console/books/bk-any/kill-switch", {"passcode": "x"}),
    )

    async with signed_in(market, viewer.username) as client:
        answers = {}
        for path, form in actions:
            response = await client.htmx("POST", path, data=form)
            answers[path] = (real_status(response), response.headers.get("X-Bulwark-Code"))

    assert set(answers.values()) == {(403, "FORBIDDEN")}, answers
    after = await market.client.get("/api/v1/orders?account_id=acc-1", headers=owner.headers)
    assert [o["status"] for o in after.json()["items"]] == [
        o["status"] for o in orders.json()["items"]
    ]
