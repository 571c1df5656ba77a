"""The viewer role over HTTP: it reads what a risk officer reads and every change answers 403.

The negative is proven by walking the OpenAPI document: every operation that is not a GET,
called as a viewer, must answer 403 FORBIDDEN, except the few listed in VIEWER_MAY_CALL with
the reason a viewer may still call them.
"""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import numpy as np

from domain.market_data.bars import BarSeries, Timeframe
from domain.principals import Role
from tests.http.core_helpers import assert_problem, order_body, resting_limit, submit
from tests.http.harness import PASSCODE, PASSWORD, Harness, User

WAIT = 5.0

# Non-GET operations a viewer may call, and why (adapters/http/read_only.py VIEWER_MAY_CALL).
VIEWER_MAY_CALL = {
    ("POST", "/api/v1/auth/logout"): "ends the viewer's own session",
    ("POST", "/api/v1/auth/password"): "the viewer's own password",
    ("POST", "/api/v1/auth/mfa/enroll"): "the viewer's own second factor",
    ("POST", "/api/v1/auth/mfa/verify"): "the viewer's own second factor",
    ("PUT", "/api/v1/notifications/preferences"): "the viewer's own notification preferences",
    ("POST", "/api/v1/notifications/read-all"): "marks the viewer's own inbox read",
    ("POST", "/api/v1/notifications/{notification_id}/read"): "the viewer's own inbox",
    ("POST", "/api/v1/user/workspace"): "the viewer's own console layout",
    ("DELETE", "/api/v1/user/workspaces/{workspace_id}"): "the viewer's own console layout",
    ("POST", "/api/v1/risk-rules/calculate-position-size"): "a calculation; stores nothing",
    ("POST", "/api/v1/risk-rules/portfolio-risk"): "a calculation; stores nothing",
    ("POST", "/api/v1/risk/analyze"): "a calculation; stores nothing",
    ("POST", "/api/v1/margin/{account_id}/deleverage-plan"): "a plan; stores nothing",
    ("POST", "/api/v1/analytics/options/greeks"): "a calculation; stores nothing",
    ("POST", "/api/v1/analytics/options/implied-vol"): "a calculation; stores nothing",
    ("POST", "/api/v1/planning/monte-carlo"): "a simulation; stores nothing",
    ("POST", "/api/v1/risk/var"): "a calculation; stores nothing",
    ("POST", "/api/v1/risk/scenario-simulation"): "a simulation; stores nothing",
    ("POST", "/api/v1/analytics/options/american"): "a calculation; stores nothing",
    ("POST", "/api/v1/analytics/regime"): "a calculation; stores nothing",
    ("POST", "/api/v1/analytics/attribution"): "a calculation; stores nothing",
    ("POST", "/api/v1/analytics/fixed-income/bond"): "a calculation; stores nothing",
    ("POST", "/api/v1/analytics/fixed-income/ladder"): "a calculation; stores nothing",
    ("POST", "/api/v1/tax/harvesting"): "a plan over the caller's own lots; stores nothing",
    # Calculations on posted inputs.
    ("POST", "/api/v1/analytics/optimization"): "a calculation; stores nothing",
    ("POST", "/api/v1/planning/alternatives/crypto"): "an allocation; stores nothing",
    ("POST", "/api/v1/planning/alternatives/reits"): "an allocation; stores nothing",
    ("POST", "/api/v1/planning/alternatives/private-equity"): "a screen; stores nothing",
    ("POST", "/api/v1/planning/alternatives/commodities"): "an allocation; stores nothing",
    # Calculations and documents on posted inputs or the caller's own
    # portfolio; nothing is stored.
    ("POST", "/api/v1/analytics/futures/curve"): "a calculation; stores nothing",
    ("POST", "/api/v1/analytics/futures/crack-spread"): "a calculation; stores nothing",
    ("POST", "/api/v1/analytics/scenarios/shock"): "a calculation; stores nothing",
    ("POST", "/api/v1/analytics/scenarios/liquidity"): "a calculation; stores nothing",
    ("POST", "/api/v1/analytics/scenarios/recovery"): "a calculation; stores nothing",
    ("POST", "/api/v1/planning/13f/information-table"): "a document; stores nothing",
    ("POST", "/api/v1/planning/13f/information-table.xml"): "a document; stores nothing",
    ("POST", "/api/v1/planning/13f/validate"): "a schema check; stores nothing",
    ("POST", "/api/v1/planning/13f/threshold"): "a calculation; stores nothing",
    ("POST", "/api/v1/planning/filing-calendar/deadline"): "a calculation; stores nothing",
    ("POST", "/api/v1/ml/predict/{model}"): "a model's calculation; stores nothing",
    ("POST", "/api/v1/ml/keywords"): "a calculation; stores nothing",
    ("POST", "/api/v1/sentiment"): "a classification; stores nothing",
    # Crypto, ESG and giving calculations.
    ("POST", "/api/v1/analytics/crypto/impermanent-loss"): "a calculation; stores nothing",
    ("POST", "/api/v1/analytics/crypto/pool-drain"): "a calculation; stores nothing",
    ("POST", "/api/v1/analytics/crypto/gas"): "a calculation; stores nothing",
    (
        "POST",
        "/api/v1/analytics/crypto/wallets/balances",
    ): "reads public chain state; stores nothing",
    ("POST", "/api/v1/analytics/esg/score"): "a calculation; stores nothing",
    ("POST", "/api/v1/analytics/esg/screen"): "a calculation; stores nothing",
    ("POST", "/api/v1/analytics/esg/carbon"): "a calculation; stores nothing",
    ("POST", "/api/v1/planning/giving/deduction"): "a calculation over the caller's own gifts",
    ("POST", "/api/v1/planning/giving/suggestion"): "a calculation; stores nothing",
    # The Fear & Greed composite of posted inputs.
    ("POST", "/api/v1/analytics/fear-greed/composite"): "a calculation; stores nothing",
    # The viewer's own inbox and devices.
    ("DELETE", "/api/v1/notifications"): "clears the viewer's own inbox",
    ("DELETE", "/api/v1/notifications/{notification_id}"): "the viewer's own inbox",
    ("POST", "/api/v1/notifications/read"): "marks the viewer's own inbox read",
    ("PATCH", "/api/v1/devices/{device_id}"): "renames the viewer's own device",
    ("DELETE", "/api/v1/devices/{device_id}"): "revokes the viewer's own device",
    ("POST", "/api/v1/devices/step-up"): "trusts the viewer's own device (its TOTP)",
    # Advisory reviews: the desk reads every order; a review changes no order.
    ("POST", "/api/v1/orders/{order_id}/review"): "an advisory review; the order is unchanged",
    ("POST", "/api/v1/reviews"): "an advisory review of a proposed order; stores no order",
    # Wealth calculations on posted inputs.
    ("POST", "/api/v1/wealth/retirement/contribution-room"): "a calculation; stores nothing",
    ("POST", "/api/v1/wealth/retirement/employer-match"): "a calculation; stores nothing",
    ("POST", "/api/v1/wealth/retirement/rmd"): "a calculation; stores nothing",
    ("POST", "/api/v1/wealth/retirement/roth-conversion"): "a calculation; stores nothing",
    ("POST", "/api/v1/wealth/estate-tax"): "a calculation; stores nothing",
    (
        "POST",
        "/api/v1/rebalancing/portfolios/{portfolio_id}/attribution",
    ): "a calculation over a portfolio; stores nothing",
}
# GETs a viewer may not make, and why (everything else a GET answers the viewer 2xx).
# Operations a person's credentials never open (a machine's own token): a viewer's is 401
# (409 CAPABILITY_NOT_CONFIGURED where the machine's token is not configured at all).
MACHINE_ONLY = {
    ("POST", "/api/v1/monitoring/alertmanager"): "Alertmanager's bearer token only",
}
VIEWER_MAY_NOT_READ = {
    "/api/v1/admin/keys": "signing-key administration is an admin's",
    "/api/v1/admin/drills/paper-faults": "the paper broker's drill faults are an admin's",
    "/api/v1/admin/keys/rotations/{rotation_id}": "signing-key administration is an admin's",
    "/api/v1/audit/verify": "verifying the whole chain is an admin's (the trail itself is read)",
    "/api/v1/users": "user administration is an admin's",
    "/api/v1/invitations": "user administration is an admin's",
    "/api/v1/kyc/documents": "identity documents are personal data: owners and reviewers only",
    "/api/v1/kyc/documents/{document_id}": "identity documents: owners and reviewers only",
    "/api/v1/kyc/documents/{document_id}/content": "identity documents: owners and reviewers",
    "/api/v1/kyc/status": "a person's KYC status: owners and reviewers only",
    "/api/v1/kyc/status/{user_id}": "a person's KYC status: owners and reviewers only",
    "/api/v1/succession/policy": "an owner's own dead man's switch; there is no desk view",
    "/api/v1/succession/beneficiaries": "an owner's own dead man's switch",
    "/api/v1/succession/status": "an owner's own dead man's switch",
    "/api/v1/users/{user_id}/devices": "another user's devices are an admin's to list",
    "/api/v1/notifications/role-defaults": "the roles' default preferences: admins",
    "/api/v1/notifications/role-defaults/{role}": "the roles' default preferences: admins",
}
# GETs that answer the viewer 404 for the owner's ids, as they do a risk officer: resources
# that are their owner's alone (nobody else reads them), or ids the walk cannot know.
PERSONAL = {
    "/api/v1/users/{user_id}": "a user reads only their own record (an admin reads any)",
    "/api/v1/user/workspace": "the caller's own console layout (the viewer saved none)",
    "/api/v1/privacy/users/{user_id}/export": "a person's data: their own (an admin's for any)",
    "/api/v1/accounts/{account_id}/broker-credentials": "the account owner's secrets",
    "/api/v1/strategies/{strategy_id}": "an owner's own strategy (no desk view)",
    "/api/v1/strategies/{strategy_id}/decisions": "an owner's own strategy",
    "/api/v1/backtests/{backtest_id}": "an owner's own backtest",
    "/api/v1/notifications/endpoints/{endpoint_id}": "the caller's own webhook endpoints",
    "/api/v1/planning/profile": "the caller's own planning profile (the viewer saved none)",
    "/api/v1/planning/homeostasis": "the caller's own planning profile (the viewer saved none)",
    "/api/v1/vault/keys/{vault_key_id}": "the caller's own vault keys",
    "/api/v1/connections/{connection_id}": "the caller's own venue connections",
    "/api/v1/connections/{connection_id}/reconciliation": "the caller's own venue connections",
    "/api/v1/books/{book_id}": "the caller's own books (no desk view)",
    "/api/v1/drills/schedules/{schedule_id}": "the owner's own drill schedules (no desk view)",
    "/api/v1/drills/runs/{run_id}": "the owner's own drill records (no desk view)",
    "/api/v1/accounts/{account_id}/account-rules": "the account owner's own settings",
    "/api/v1/vault/keys/{vault_key_id}/access": "the caller's own vault keys",
    # A portfolio is its owner's alone (no desk view); another's answers 404.
    "/api/v1/portfolios/{portfolio_id}": "the caller's own portfolio",
    "/api/v1/portfolios/{portfolio_id}/transactions": "the caller's own portfolio",
    "/api/v1/portfolios/{portfolio_id}/holdings": "the caller's own portfolio",
    "/api/v1/portfolios/{portfolio_id}/performance": "the caller's own portfolio",
    "/api/v1/portfolios/{portfolio_id}/risk": "the caller's own portfolio",
    "/api/v1/portfolios/{portfolio_id}/fixed-income": "the caller's own portfolio",
    # An illiquid asset is its portfolio owner's alone.
    "/api/v1/planning/illiquid-assets/{asset_id}": "the caller's own illiquid asset",
    # A donation is its donor's alone; another's answers 404.
    "/api/v1/planning/giving/donations/{donation_id}": "the caller's own donation",
    # The desk (and the viewer) reads every alert; the walk's desk raises none.
    "/api/v1/surveillance/alerts/{alert_id}": "an id the walk cannot know (no alert raised)",
    "/api/v1/price-alerts/{alert_id}": "the caller's own price alert",
    "/api/v1/crypto/wallets/{wallet_id}": "the caller's own crypto wallet",
    "/api/v1/wealth/profile": "the caller's own investor profile (the viewer saved none)",
    "/api/v1/wealth/profiles/{user_id}": "a user reads only their own profile (an admin any)",
    # The retirement plan kept beside an account is its owner's alone (no desk view).
    "/api/v1/wealth/retirement/accounts/{account_id}/plan": "the account owner's own plan",
    "/api/v1/wealth/retirement/accounts/{account_id}/contributions": "the owner's own plan",
    "/api/v1/rebalancing/autopilot": "the caller's own autopilot limits (the viewer set none)",
    "/api/v1/rebalancing/portfolios/{portfolio_id}/drift": "the caller's own portfolio",
    "/api/v1/rebalancing/proposals/{proposal_id}": "an id the walk cannot know (none proposed)",
    "/api/v1/orders/{order_id}/review": "an id the walk cannot know (the order has no review)",
    "/api/v1/reviews/{review_id}": "an id the walk cannot know (no review made)",
    "/api/v1/models/signals/{name}": "a name the walk cannot know (no model trained)",
    "/api/v1/notifications/{notification_id}": "the caller's own inbox",
    "/api/v1/aggregation/items/{item_id}": "the caller's own linked item",
    "/api/v1/aggregation/items/{item_id}/transactions": "the caller's own linked item",
}


async def document(harness: Harness) -> dict[str, Any]:
    response = await harness.client.get("/schema/openapi.json")
    assert response.status_code == 200
    paths: dict[str, Any] = response.json()["paths"]
    return paths


def operations(paths: dict[str, Any], *, reads: bool) -> list[tuple[str, str, dict[str, Any]]]:
    """(METHOD, path, operation) of the authenticated operations: the GETs, or all others."""
    found = []
    for path, ops in paths.items():
        for method, operation in ops.items():
            if operation.get("security") == [] or not path.startswith("/api/"):
                continue  # public: a viewer's credentials change nothing there
            if (method == "get") == reads:
                found.append((method.upper(), path, operation))
    return found


async def stored_daily_closes(harness: Harness, symbol: str, days: int) -> None:
    """`days` daily bars of `symbol` to the clock's yesterday in the app's bar store: what the
    routes that read stored history (a regime, the held positions' correlation) read."""
    today = harness.clock.now().replace(hour=0, minute=0, second=0, microsecond=0)
    starts = np.array([(today - timedelta(days=days - k)).timestamp() for k in range(days)])
    close = 150.0 * np.exp(np.cumsum(np.random.default_rng(4).normal(0.0005, 0.01, days)))
    series = BarSeries(starts, close, close, close, close, np.full(days, 1_000.0))
    await harness.container.market_data.bar_store().write_series(symbol, Timeframe.D1, series)


async def desk(harness: Harness) -> tuple[User, User, dict[str, str]]:
    """An owner with an account, a resting order, a rule and an agent; a viewer.

    Returns (owner, viewer, ids) where ids name the owner's resources by path parameter.
    """
    await harness.instrument("AAPL", "190")
    # The Fear & Greed index's default index: its chain, bars and breadth answer.
    await harness.instrument("SPY", "560", sector="Index")
    owner = await harness.user(Role.OWNER)
    viewer = await harness.user(Role.VIEWER)
    account = await harness.account(owner, "acc-owner")
    placed = await submit(harness, owner, resting_limit(account))
    assert placed.status_code == 201, placed.text
    rule = await harness.client.post(
        "/api/v1/risk-rules",
        json={"rule_type": "MAX_ORDER_QUANTITY", "params": {"max_quantity": 50}},
        headers=owner.headers,
    )
    assert rule.status_code == 201, rule.text
    await harness.agent_key(owner, "agent-owner", (account,))
    await stored_daily_closes(harness, "AAPL", 260)
    ids = {
        "account_id": account,
        "order_id": placed.json()["order"]["id"],
        "rule_id": rule.json()["id"],
        "agent_id": "agent-owner",
        "symbol": "AAPL",
        "user_id": owner.id,  # user records: an admin's (a user reads only their own)
        "series_id": "DGS10",  # a FRED series of the shipped rates sample
        "root": "CL",  # a futures product of the shipped sample
        "macro_series_id": "CPIAUCSL",  # a macro series of the shipped sample
        "input_name": "vix",  # a Fear & Greed input
        "notification_id": "0" * 64,  # well formed; the owner's inbox is the owner's alone
        "venue": "XNYS",  # a market calendar
    }
    return owner, viewer, ids


def url_of(path: str, ids: dict[str, str]) -> str:
    return re.sub(r"\{(\w+)\}", lambda m: ids.get(m.group(1), "x"), path)


async def test_every_change_a_viewer_asks_for_answers_403(harness: Harness) -> None:
    # Arrange
    _, viewer, ids = await desk(harness)
    paths = await document(harness)

    # Act: every non-GET operation, with the owner's real ids where the path names them
    wrong, exempt_seen, refused = [], set(), 0
    for method, path, operation in operations(paths, reads=False):
        if (method, path) in VIEWER_MAY_CALL:
            exempt_seen.add((method, path))
            continue
        body = {"json": {}} if "requestBody" in operation else {}
        response = await harness.client.request(
            method, url_of(path, ids), headers=viewer.headers, **body
        )
        refused += 1
        if (method, path) in MACHINE_ONLY:
            exempt_seen.add((method, path))
            # 401; or, where the machine's token is not configured here, 409 naming it.
            refusal = (response.status_code, response.json().get("code"))
            if refusal not in ((401, "UNAUTHENTICATED"), (409, "CAPABILITY_NOT_CONFIGURED")):
                wrong.append(f"{method} {path}: {response.status_code} for a person's token")
        elif response.status_code != 403 or response.json().get("code") != "FORBIDDEN":
            wrong.append(f"{method} {path}: {response.status_code} {response.text[:80]}")
        elif "403" not in operation["responses"]:
            wrong.append(f"{method} {path}: answers 403 but does not document it")

    # Assert
    assert not wrong, "\n".join(wrong)
    assert exempt_seen == set(VIEWER_MAY_CALL) | set(MACHINE_ONLY)  # real operations only
    assert refused > 50


async def test_nothing_changed_after_a_viewer_tried_everything(harness: Harness) -> None:
    # Arrange
    owner, viewer, ids = await desk(harness)
    for method, path, operation in operations(await document(harness), reads=False):
        if (method, path) not in VIEWER_MAY_CALL:
            body = {"json": {}} if "requestBody" in operation else {}
            await harness.client.request(method, url_of(path, ids), headers=viewer.headers, **body)

    # Act
    order = await harness.client.get(f"/api/v1/orders/{ids['order_id']}", headers=owner.headers)
    switch = await harness.client.get("/api/v1/kill-switch/status", headers=owner.headers)
    rule = await harness.client.get(f"/api/v1/risk-rules/{ids['rule_id']}", headers=owner.headers)

    # Assert
    assert order.json()["status"] == "accepted"
    assert {s["state"] for s in switch.json()["scopes"]} == {"active"}
    assert rule.json()["params"] == {"max_quantity": 50}


# Reads whose query names what to read (the rest need none).
READ_PARAMS = {
    "/api/v1/calendars/{venue}": {"start": "2026-11-23", "end": "2026-11-27"},
    "/api/v1/wealth/retirement/limits": {"tax_year": "2025"},
    "/api/v1/crypto/gas": {"chain_id": "1"},
    "/api/v1/orders/attribution": {"from": "2026-01-01T00:00:00Z", "to": "2027-01-01T00:00:00Z"},
    "/api/v1/compliance/evidence": {
        "from": "2026-01-01T00:00:00Z",
        "to": "2027-01-01T00:00:00Z",
    },
    "/api/v1/market/bars": {
        "symbol": "AAPL",
        "start": "2024-01-01T00:00:00Z",
        "end": "2024-02-01T00:00:00Z",
    },
}


async def test_a_viewer_reads_what_a_risk_officer_reads_and_only_the_listed_refusals_differ(
    harness: Harness,
) -> None:
    # Arrange
    _, viewer, ids = await desk(harness)
    officer = await harness.user(Role.RISK_OFFICER)
    paths = await document(harness)

    # Act: every GET, with the owner's real ids, as the viewer and as a risk officer
    viewer_got, officer_got = {}, {}
    for _, path, _ in operations(paths, reads=True):
        url = url_of(path, ids)
        params = READ_PARAMS.get(path, {}) | (
            {"account_id": ids["account_id"]} if path.endswith("/portfolio-risk") else {}
        )
        for who, got in ((viewer, viewer_got), (officer, officer_got)):
            response = await harness.client.get(url, params=params, headers=who.headers)
            got[path] = response.status_code

    # Assert
    refused = {p for p, status in viewer_got.items() if status == 403}
    assert refused == set(VIEWER_MAY_NOT_READ)
    not_found = {p for p, status in viewer_got.items() if status == 404}
    assert not_found == set(PERSONAL)
    failing = {
        p: s for p, s in viewer_got.items() if p not in refused | not_found and not 200 <= s < 300
    }
    assert not failing, failing
    differ = {p for p in viewer_got if viewer_got[p] != officer_got[p]}
    assert differ == {p for p in VIEWER_MAY_NOT_READ if p.startswith("/api/v1/kyc/")}


async def test_a_viewer_sees_other_owners_orders_accounts_rules_and_agents(
    harness: Harness,
) -> None:
    # Arrange
    _, viewer, ids = await desk(harness)
    get = harness.client.get

    # Act
    accounts = await get("/api/v1/accounts", headers=viewer.headers)
    positions = await get(f"/api/v1/accounts/{ids['account_id']}/positions", headers=viewer.headers)
    orders = await get("/api/v1/orders", headers=viewer.headers)
    rules = await get("/api/v1/risk-rules", headers=viewer.headers)
    agents = await get("/api/v1/agents", headers=viewer.headers)
    status = await get("/api/v1/kill-switch/status", headers=viewer.headers)
    providers = await get("/api/v1/providers", headers=viewer.headers)
    streams = await get("/api/v1/monitoring/kafka", headers=viewer.headers)
    me = await get("/api/v1/auth/me", headers=viewer.headers)

    # Assert
    assert [a["id"] for a in accounts.json()["items"]] == [ids["account_id"]]
    assert positions.status_code == 200
    assert [o["id"] for o in orders.json()["items"]] == [ids["order_id"]]
    assert ids["rule_id"] in {r["id"] for r in rules.json()["items"]}
    assert [a["agent_id"] for a in agents.json()["items"]] == [ids["agent_id"]]
    assert status.status_code == providers.status_code == streams.status_code == 200
    assert me.json()["role"] == "viewer"


async def test_a_viewer_with_a_passcode_still_cannot_pull_or_resume_the_kill_switch(
    harness: Harness,
) -> None:
    # Arrange: the harness gave the viewer a passcode; the refusal is about the role
    _, viewer, ids = await desk(harness)
    scope = {"scope": {"type": "account", "account_id": ids["account_id"]}}

    # Act
    pulled = await harness.client.post(
        "/api/v1/kill-switch/activate", json={**scope, "passcode": PASSCODE}, headers=viewer.headers
    )
    resumed = await harness.client.post(
        "/api/v1/kill-switch/resume", json={**scope, "passcode": PASSCODE}, headers=viewer.headers
    )
    status = await harness.client.get("/api/v1/kill-switch/status", headers=viewer.headers)

    # Assert
    assert_problem(pulled, 403, "FORBIDDEN")
    assert_problem(resumed, 403, "FORBIDDEN")
    assert {s["state"] for s in status.json()["scopes"]} == {"active"}


async def test_a_viewer_keeps_its_own_profile_and_its_calculations(harness: Harness) -> None:
    # Arrange
    _, viewer, ids = await desk(harness)
    post = harness.client.post

    # Act
    workspace = await post(
        "/api/v1/user/workspace",
        json={"workspace_name": "Desk", "layout_json": {"panels": []}},
        headers=viewer.headers,
    )
    sizing = await post(
        "/api/v1/risk-rules/calculate-position-size",
        json={"account_id": ids["account_id"], "symbol": "AAPL", "stop": "180"},
        headers=viewer.headers,
    )
    plan = await post(
        f"/api/v1/margin/{ids['account_id']}/deleverage-plan",
        json={"target_buffer": "0.3"},
        headers=viewer.headers,
    )
    password = await post(
        "/api/v1/auth/password",
        json={"current_password": PASSWORD, "new_password": "a brand new passphrase"},
        headers=viewer.headers,
    )

    # Assert
    assert workspace.status_code == 201, workspace.text
    assert sizing.status_code == 200, sizing.text
    assert plan.status_code == 200, plan.text
    assert password.status_code in (200, 204), password.text


async def test_an_admin_makes_a_viewer_who_can_log_in_and_only_read(harness: Harness) -> None:
    # Arrange
    admin = await harness.user(Role.ADMIN)
    owner = await harness.user(Role.OWNER)
    body = {"username": "dana", "password": PASSWORD, "role": "viewer"}

    # Act
    created = await harness.client.post("/api/v1/users", json=body, headers=admin.headers)
    demoted = await harness.client.patch(
        f"/api/v1/users/{owner.id}", json={"role": "viewer"}, headers=admin.headers
    )
    headers = await harness.session_headers("dana")
    me = await harness.client.get("/api/v1/auth/me", headers=headers)
    order = await harness.client.post("/api/v1/orders", json=order_body("x"), headers=headers)

    # Assert
    assert created.status_code == 201, created.text
    assert created.json()["role"] == "viewer"
    assert demoted.status_code == 200, demoted.text
    assert demoted.json()["role"] == "viewer"
    assert me.json()["role"] == "viewer"
    assert_problem(order, 403, "FORBIDDEN")


async def test_a_viewer_receives_every_owners_live_events(market: Harness, owner: User) -> None:
    # Arrange
    viewer = await market.user(Role.VIEWER)
    account = await market.account(owner, "acc-live")
    session = await market.client.websocket_connect(f"/ws/events?token={viewer.access_token}")

    # Act
    with session as ws:
        hello = ws.receive_json(timeout=WAIT)
        placed = await submit(market, owner, order_body(account))
        accepted = ws.receive_json(timeout=WAIT)

    # Assert
    assert (hello["type"], hello["role"]) == ("welcome", "viewer")
    assert (accepted["event"], accepted["aggregate_id"]) == ("OrderAccepted", account)
    assert accepted["data"]["order_id"] == placed.json()["order"]["id"]
