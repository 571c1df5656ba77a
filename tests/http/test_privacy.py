"""A person's data over HTTP: the export zip (complete, secret-free, owner-scoped) and the
erasure (admin only, confirmed, audited, what it keeps)."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from datetime import datetime

import pytest

from domain.drills.runs import DrillOutcome, DrillRun
from domain.drills.schedule import DrillTarget
from domain.identity.apikeys import parse_api_key
from domain.principals import Role
from tests.http.core_helpers import assert_problem, order_body, submit
from tests.http.harness import PASSWORD, Harness, User

BOT_TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"
pytestmark = pytest.mark.serves(
    "privacy",
    "trading",
    "safety",
    "identity",
    "notifications",
    "audit",
    "analytics",
    "wealth",
    "drills",
)
WALLET = "0x00000000000000000000000000000000000a11ce"
USDC = "0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48"

USERS = "/api/v1/privacy/users"
PLAN = {"kind": "sep_ira", "birth_date": "1970-02-03", "compensation": "90000"}


async def _keep_plan(harness: Harness, owner: User, account: str) -> None:
    """A SEP IRA plan kept beside `account`, with one contribution for 2025."""
    at = f"/api/v1/wealth/retirement/accounts/{account}"
    kept = await harness.client.put(f"{at}/plan", json=PLAN, headers=owner.headers)
    assert kept.status_code == 200, kept.text
    added = await harness.client.post(
        f"{at}/contributions",
        json={"tax_year": 2025, "amount": "1500", "contributed_on": "2025-04-01"},
        headers=owner.headers,
    )
    assert added.status_code == 201, added.text


def _drill_run(owner_id: str, schedule_id: str, at: datetime) -> DrillRun:
    """A passed paper drill of `owner_id`'s schedule, as the scheduler records one."""
    return DrillRun(
        "dr-export-1", owner_id, schedule_id, DrillTarget.paper(), False, "", at, at,
        DrillOutcome.PASS, "halted and confirmed", time_to_halt_ms=12.5,
    )  # fmt: skip


def _zip(content: bytes) -> zipfile.ZipFile:
    return zipfile.ZipFile(io.BytesIO(content))


async def _export(harness: Harness, caller: User, user_id: str) -> zipfile.ZipFile:
    response = await harness.client.get(f"{USERS}/{user_id}/export", headers=caller.headers)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/zip"
    assert f"bulwark-personal-data-{user_id}-" in response.headers["content-disposition"]
    return _zip(response.content)


async def test_a_user_exports_all_their_data_and_no_secret(market: Harness, owner: User) -> None:
    # Arrange: an account with a filled order, an agent with a key, an email endpoint
    account = await market.account(owner, "acc-p1")
    placed = await submit(market, owner, order_body(account, quantity="3"))
    assert placed.status_code == 201, placed.text
    api_key = await market.agent_key(owner, "bot-1", (account,))
    endpoint = await market.client.post(
        "/api/v1/notifications/endpoints",
        json={
            "channel": "telegram",
            "label": "mine",
            "chat_id": "-1001234",
            "bot_token": BOT_TOKEN,
        },
        headers=owner.headers,
    )
    assert endpoint.status_code == 201, endpoint.text
    wallet = await market.client.post(
        "/api/v1/crypto/wallets",
        json={"chain_id": 1, "address": WALLET, "label": "cold", "tokens": [USDC]},
        headers=owner.headers,
    )
    assert wallet.status_code == 201, wallet.text
    await _keep_plan(market, owner, account)
    drill = await market.client.post(
        "/api/v1/drills/schedules", json={"cron": "0 3 * * *"}, headers=owner.headers
    )
    assert drill.status_code == 201, drill.text
    run = _drill_run(owner.id, drill.json()["id"], market.container.core.clock().now())
    await market.container.drills.runs_store().add(run)

    # Act
    archive = await _export(market, owner, owner.id)

    # Assert: the manifest lists every section, each as JSON and CSV
    manifest = json.loads(archive.read("manifest.json"))
    sections = {s["name"]: s for s in manifest["sections"]}
    assert manifest["user_id"] == owner.id
    assert {"user", "sessions", "api_keys", "accounts", "positions", "orders", "fills",
            "agents", "risk_rules", "portfolios", "notification_endpoints", "devices",
            "logins", "crypto_wallets", "retirement_plans", "retirement_contributions",
            "drill_schedules", "drill_runs", "audit"} <= set(sections)  # fmt: skip
    for name in sections:
        assert f"{name}.json" in archive.namelist() and f"{name}.csv" in archive.namelist()
    orders = json.loads(archive.read("orders.json"))
    assert [(o["account_id"], o["symbol"], o["quantity"]) for o in orders] == [
        (account, "AAPL", "3")
    ]
    fills = list(csv.DictReader(io.StringIO(archive.read("fills.csv").decode())))
    assert [(f["symbol"], f["quantity"], f["price"]) for f in fills] == [("AAPL", "3", "190")]
    assert json.loads(archive.read("user.json"))[0]["username"] == owner.username
    assert [a["id"] for a in json.loads(archive.read("agents.json"))] == ["bot-1"]
    endpoints = json.loads(archive.read("notification_endpoints.json"))
    assert [(e["channel"], e["label"]) for e in endpoints] == [("telegram", "mine")]
    wallets = json.loads(archive.read("crypto_wallets.json"))
    assert [(w["chain_id"], w["address"], w["label"], w["erc20_contracts"]) for w in wallets] == [
        ("1", WALLET, "cold", USDC)
    ]
    plans = json.loads(archive.read("retirement_plans.json"))
    assert [(p["account_id"], p["kind"], p["birth_date"]) for p in plans] == [
        (account, "sep_ira", "1970-02-03")
    ]
    contributions = json.loads(archive.read("retirement_contributions.json"))
    assert [(c["tax_year"], c["amount"]) for c in contributions] == [("2025", "1500")]
    schedules = json.loads(archive.read("drill_schedules.json"))
    assert [(d["id"], d["cron"], d["target"]) for d in schedules] == [
        (drill.json()["id"], "0 3 * * *", "paper")
    ]
    runs = json.loads(archive.read("drill_runs.json"))
    assert [(r["id"], r["outcome"], r["target"]) for r in runs] == [(run.id, "pass", "paper")]
    audit = json.loads(archive.read("audit.json"))
    assert any(entry["action"] == "api_key.create" for entry in audit)
    # No secret of any kind, under any name
    everything = b"".join(archive.read(name) for name in archive.namelist()).decode()
    parsed = parse_api_key(api_key)
    assert parsed is not None  # the secret is all after the key id (it may hold "_" itself)
    assert api_key not in everything and parsed[1] not in everything
    assert owner.refresh_token not in everything
    assert BOT_TOKEN.split(":")[1] not in everything
    for secret_column in ("password_hash", "secret_digest", "mfa_secret", "sealed"):
        assert secret_column not in everything
    assert "$argon2" not in everything


async def test_another_users_data_is_not_found_an_agents_forbidden_an_admins_exported(
    market: Harness, owner: User
) -> None:
    # Arrange
    other = await market.user()
    admin = await market.user(Role.ADMIN)
    account = await market.account(owner, "acc-p2")
    api_key = await market.agent_key(owner, "bot-2", (account,))

    # Act
    by_other = await market.client.get(f"{USERS}/{owner.id}/export", headers=other.headers)
    by_agent = await market.client.get(
        f"{USERS}/{owner.id}/export", headers={"Authorization": f"Bearer {api_key}"}
    )
    unknown = await market.client.get(f"{USERS}/usr-nobody/export", headers=admin.headers)
    by_admin = await _export(market, admin, owner.id)

    # Assert
    assert_problem(by_other, 404, "NOT_FOUND")
    assert_problem(by_agent, 403, "FORBIDDEN")
    assert_problem(unknown, 404, "NOT_FOUND")
    accounts = json.loads(by_admin.read("accounts.json"))
    assert [a["id"] for a in accounts] == [account]
    entries = await market.client.get(
        "/api/v1/audit", params={"action": "privacy.export"}, headers=admin.headers
    )
    assert {(e["actor"], e["subject"]) for e in entries.json()["items"]} == {
        (admin.id, f"user:{owner.id}")
    }


async def test_an_admin_erases_a_user_who_then_cannot_sign_in(market: Harness, owner: User) -> None:
    # Arrange
    admin = await market.user(Role.ADMIN)
    account = await market.account(owner, "acc-p3")
    api_key = await market.agent_key(owner, "bot-3", (account,))
    placed = await submit(market, owner, order_body(account, quantity="2"))
    assert placed.status_code == 201
    wallet = await market.client.post(
        "/api/v1/crypto/wallets", json={"chain_id": 1, "address": WALLET}, headers=owner.headers
    )
    assert wallet.status_code == 201, wallet.text
    await _keep_plan(market, owner, account)

    # Act
    erased = await market.client.post(
        f"{USERS}/{owner.id}/erasure", json={"confirm": owner.username}, headers=admin.headers
    )

    # Assert: the report, the login closed, the key revoked, the records kept by id only
    assert erased.status_code == 200, erased.text
    report = erased.json()
    assert report["user_id"] == owner.id
    assert report["pseudonym"].startswith("erased-") and owner.username not in report["pseudonym"]
    assert report["api_keys_revoked"] == 1 and report["crypto_wallets_removed"] == 1
    assert report["retirement_plans_removed"] == 1
    assert {kept["what"] for kept in report["retained"]} >= {"accounts, orders and fills"}
    login = await market.client.post(
        "/api/v1/auth/login", json={"username": owner.username, "password": PASSWORD}
    )
    assert login.status_code == 401
    agent = await market.client.get(
        "/api/v1/orders", headers={"Authorization": f"Bearer {api_key}"}
    )
    assert agent.status_code == 401
    archive = await _export(market, admin, owner.id)
    user_row = json.loads(archive.read("user.json"))[0]
    assert user_row["username"] == report["pseudonym"] and user_row["email"] == ""
    assert user_row["active"] == "false"
    assert len(json.loads(archive.read("orders.json"))) == 1
    assert json.loads(archive.read("crypto_wallets.json")) == []
    assert json.loads(archive.read("retirement_plans.json")) == []
    assert json.loads(archive.read("retirement_contributions.json")) == []
    again = await market.client.post(
        f"{USERS}/{owner.id}/erasure", json={"confirm": owner.username}, headers=admin.headers
    )
    assert_problem(again, 409, "ALREADY_ERASED")


async def test_erasure_is_refused_unconfirmed_to_non_admins_and_for_oneself(
    harness: Harness, owner: User
) -> None:
    # Arrange
    admin = await harness.user(Role.ADMIN)
    risk = await harness.user(Role.RISK_OFFICER)
    url = f"{USERS}/{owner.id}/erasure"

    # Act
    wrong = await harness.client.post(url, json={"confirm": "someone"}, headers=admin.headers)
    by_owner = await harness.client.post(
        url, json={"confirm": owner.username}, headers=owner.headers
    )
    by_risk = await harness.client.post(url, json={"confirm": owner.username}, headers=risk.headers)
    own = await harness.client.post(
        f"{USERS}/{admin.id}/erasure", json={"confirm": admin.username}, headers=admin.headers
    )
    empty = await harness.client.post(url, json={"confirm": ""}, headers=admin.headers)

    # Assert: nothing was erased
    problem = assert_problem(wrong, 422, "ERASURE_NOT_CONFIRMED")
    assert problem["errors"][0]["field"] == "confirm"
    assert_problem(by_owner, 404, "NOT_FOUND")
    assert_problem(by_risk, 404, "NOT_FOUND")
    assert_problem(own, 403, "FORBIDDEN")
    assert empty.status_code == 400
    still = await harness.client.post(
        "/api/v1/auth/login", json={"username": owner.username, "password": PASSWORD}
    )
    assert still.status_code == 200


async def test_an_order_entry_not_yet_chained_at_erasure_is_chained_and_pseudonymised(
    market: Harness, owner: User
) -> None:
    # Arrange: the order's audit entry waits in the order journal (its turn is far off)
    admin = await market.user(Role.ADMIN)
    account = await market.account(owner, "acc-p9")
    trail = market.container.trading.order_audit()
    turn, trail.turn_seconds = trail.turn_seconds, 60.0
    try:
        placed = await submit(market, owner, order_body(account, quantity="1"))
        assert placed.status_code == 201, placed.text
        order_id = placed.json()["order"]["id"]
        waiting = await trail.journal.lag()

        # Act
        erased = await market.client.post(
            f"{USERS}/{owner.id}/erasure", json={"confirm": owner.username}, headers=admin.headers
        )
    finally:
        trail.turn_seconds = turn

    # Assert: chained before the rewrite, so it is rewritten too, and the chain verifies
    assert waiting.entries >= 1
    assert erased.status_code == 200, erased.text
    listed = await market.client.get(
        "/api/v1/audit", params={"action": "order.placed"}, headers=admin.headers
    )
    assert listed.status_code == 200, listed.text
    [entry] = [e for e in listed.json()["items"] if e["details"].get("order_id") == order_id]
    assert entry["ip"] is not None and entry["ip"].startswith("erased-"), entry
    verified = await market.client.get("/api/v1/audit/verify", headers=admin.headers)
    assert verified.status_code == 200 and verified.json()["ok"] is True
