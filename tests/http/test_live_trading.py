"""Live trading by explicit opt-in through the API: an account on a live connection (the Alpaca
simulator, on a thread of its own) has its orders denied LIVE_NOT_ENABLED until its owner types
the acknowledgement; a second approver where configured; the required limits checked when
opting in and kept afterwards; the owner's KYC verified first; every new account's default
limits; loosening audited."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from decimal import Decimal
from typing import Any

import pytest

from adapters.brokers.simulators import alpaca as alpaca_sim
from domain.kyc.status import KycRecord, KycStatus
from domain.principals import Role
from tests.alpaca_server import AlpacaServer
from tests.http.core_helpers import assert_problem, harness_with, order_body, submit
from tests.http.harness import Harness, User
from tests.kit.fake_server import threaded

pytestmark = pytest.mark.serves("trading", "connections", "live_trading", "audit")

ACCOUNTS = "/api/v1/accounts"
RULES = "/api/v1/risk-rules"
PRICE = "100"


@pytest.fixture
def venue() -> Iterator[tuple[alpaca_sim.AlpacaSimulator, str]]:
    """Alpaca's simulator with 50,000 of cash, served on a thread of its own."""
    simulator = alpaca_sim.AlpacaSimulator(cash=Decimal(50_000))
    with threaded(AlpacaServer()) as server:
        simulator.install(server)
        yield simulator, server.url


@pytest.fixture
async def desk(venue: tuple[alpaca_sim.AlpacaSimulator, str]) -> AsyncIterator[Harness]:
    simulator, _ = venue
    await simulator.set_price("AAPL", Decimal(PRICE))
    async with harness_with() as h:
        await h.instrument("AAPL", PRICE)
        yield h


@pytest.fixture
async def four_eyed_desk(
    venue: tuple[alpaca_sim.AlpacaSimulator, str],
) -> AsyncIterator[Harness]:
    """A deployment whose opt-ins need a second approver (BULWARK_LIVE_SECOND_APPROVER)."""
    simulator, _ = venue
    await simulator.set_price("AAPL", Decimal(PRICE))
    async with harness_with(live_second_approver="true") as h:
        await h.instrument("AAPL", PRICE)
        yield h


async def live_account(
    h: Harness,
    owner: User,
    venue: tuple[Any, str],
    environment: str = "live",
    *,
    kyc_verified: bool = True,
) -> tuple[str, str]:
    """An account of `owner` on a new connection to the simulator, opened and synced through
    the API, the owner's KYC verified unless told otherwise: (account id, connection id)."""
    if kyc_verified:
        record = KycRecord(owner.id, KycStatus.VERIFIED, h.clock.now())
        assert await h.container.identity.kyc_statuses().save(record)
    body = {
        "label": "equities",
        "kind": "alpaca",
        "environment": environment,
        "key_id": alpaca_sim.KEY_ID,
        "secret": alpaca_sim.SECRET,
        "endpoint": venue[1],
    }
    made = await h.client.post("/api/v1/connections", json=body, headers=owner.headers)
    assert made.status_code == 201, made.text
    connection = str(made.json()["id"])
    account = {
        "name": "real money",
        "connection_id": connection,
        "base_currency": "USD",
        "account_type": "taxable",
        "trading_type": "margin",
    }
    opened = await h.client.post(ACCOUNTS, json=account, headers=owner.headers)
    assert opened.status_code == 201, opened.text
    account_id = str(opened.json()["id"])
    synced = await h.client.post(f"{ACCOUNTS}/{account_id}/sync", headers=owner.headers)
    assert synced.status_code == 200, synced.text
    return account_id, connection


def phrase(account_id: str, connection_id: str) -> str:
    return (
        f"I enable live trading with real money on account {account_id} "
        f"through connection {connection_id}"
    )


def opt_in_path(account_id: str) -> str:
    return f"{ACCOUNTS}/{account_id}/live-opt-in"


async def opt_in(h: Harness, user: User, account_id: str, typed: str) -> Any:
    return await h.client.post(
        opt_in_path(account_id), json={"acknowledgement": typed}, headers=user.headers
    )


async def rules_of(h: Harness, owner: User, account_id: str) -> dict[str, dict[str, Any]]:
    """The account's own rules, by rule type."""
    listed = await h.client.get(RULES, headers=owner.headers)
    assert listed.status_code == 200, listed.text
    return {r["rule_type"]: r for r in listed.json()["items"] if r["account_id"] == account_id}


async def test_a_live_accounts_orders_are_denied_until_its_owner_opts_in_then_pass(
    desk: Harness, venue: tuple[Any, str]
) -> None:
    # Arrange
    owner = await desk.user()
    account, connection = await live_account(desk, owner, venue)
    before = await desk.client.get(opt_in_path(account), headers=owner.headers)
    denied = await submit(desk, owner, order_body(account, quantity="5"))

    # Act
    opted = await opt_in(desk, owner, account, phrase(account, connection))
    passed = await submit(desk, owner, order_body(account, quantity="5"))

    # Assert
    assert before.status_code == 200, before.text
    shown = before.json()
    assert shown["status"] == "pending_acknowledgement"
    assert shown["acknowledgement_phrase"] == phrase(account, connection)
    assert shown["missing_limits"] == []  # the default limits are there
    assert assert_problem(denied, 422, "ORDER_DENIED")["reasons"] == ["LIVE_NOT_ENABLED"]
    assert opted.status_code == 200, opted.text
    assert opted.json()["status"] == "enabled"
    assert opted.json()["acknowledged_by"] == owner.id
    assert opted.json()["acknowledged_at"] is not None
    assert passed.status_code == 201, passed.text


async def test_live_trading_waits_for_the_owners_kyc_and_paper_never_does(
    desk: Harness, venue: tuple[Any, str]
) -> None:
    # Arrange: the owner never verified their identity
    owner = await desk.user()
    account, connection = await live_account(desk, owner, venue, kyc_verified=False)
    paper = await desk.account(owner, "acc-paper-kyc")

    # Act
    refused = await opt_in(desk, owner, account, phrase(account, connection))
    denied = await submit(desk, owner, order_body(account, quantity="5"))
    on_paper = await submit(desk, owner, order_body(paper, quantity="5"))

    # Assert
    problem = assert_problem(refused, 409, "KYC_NOT_VERIFIED")
    assert "it is unverified" in problem["detail"]
    reasons = assert_problem(denied, 422, "ORDER_DENIED")["reasons"]
    assert reasons == ["LIVE_NOT_ENABLED", "KYC_NOT_VERIFIED"]
    assert on_paper.status_code == 201, on_paper.text


async def test_a_wrong_acknowledgement_answers_422_saying_what_to_type(
    desk: Harness, venue: tuple[Any, str]
) -> None:
    # Arrange
    owner = await desk.user()
    account, connection = await live_account(desk, owner, venue)

    # Act
    wrong = await opt_in(desk, owner, account, "yes, go live")
    state = await desk.client.get(opt_in_path(account), headers=owner.headers)

    # Assert
    problem = assert_problem(wrong, 422, "LIVE_ACKNOWLEDGEMENT_MISMATCH")
    assert phrase(account, connection) in problem["detail"]
    assert problem["errors"][0]["field"] == "acknowledgement"
    assert state.json()["status"] == "pending_acknowledgement"


async def test_an_opt_in_without_the_required_limits_is_refused_naming_them(
    desk: Harness, venue: tuple[Any, str]
) -> None:
    # Arrange: the account's default order-rate and open-orders rules deleted
    owner = await desk.user()
    account, connection = await live_account(desk, owner, venue)
    rules = await rules_of(desk, owner, account)
    for kind in ("ORDER_RATE", "MAX_OPEN_ORDERS"):
        gone = await desk.client.delete(f"{RULES}/{rules[kind]['id']}", headers=owner.headers)
        assert gone.status_code == 204, gone.text

    # Act
    refused = await opt_in(desk, owner, account, phrase(account, connection))
    state = await desk.client.get(opt_in_path(account), headers=owner.headers)

    # Assert
    problem = assert_problem(refused, 409, "LIVE_LIMITS_MISSING")
    assert "ORDER_RATE, MAX_OPEN_ORDERS" in problem["detail"]
    assert state.json()["status"] == "pending_acknowledgement"
    assert state.json()["missing_limits"] == ["ORDER_RATE", "MAX_OPEN_ORDERS"]


async def test_agents_are_forbidden_and_another_owners_account_is_not_found(
    desk: Harness, venue: tuple[Any, str]
) -> None:
    # Arrange
    owner = await desk.user()
    stranger = await desk.user()
    account, connection = await live_account(desk, owner, venue)
    key = await desk.agent_key(owner, "agent-live", (account,))
    agent = {"Authorization": f"Bearer {key}"}
    typed = {"acknowledgement": phrase(account, connection)}

    # Act
    agent_reads = await desk.client.get(opt_in_path(account), headers=agent)
    agent_opts = await desk.client.post(opt_in_path(account), json=typed, headers=agent)
    stranger_reads = await desk.client.get(opt_in_path(account), headers=stranger.headers)
    stranger_opts = await opt_in(desk, stranger, account, phrase(account, connection))

    # Assert
    assert_problem(agent_reads, 403, "FORBIDDEN")
    assert_problem(agent_opts, 403, "FORBIDDEN")
    assert_problem(stranger_reads, 404, "NOT_FOUND")
    assert_problem(stranger_opts, 404, "NOT_FOUND")


async def test_a_withdrawn_opt_in_denies_the_next_order_until_the_owner_opts_in_again(
    desk: Harness, venue: tuple[Any, str]
) -> None:
    # Arrange: an enabled live account, a stranger, the account's agent
    owner = await desk.user()
    stranger = await desk.user()
    account, connection = await live_account(desk, owner, venue)
    assert (await opt_in(desk, owner, account, phrase(account, connection))).status_code == 200
    key = await desk.agent_key(owner, "agent-withdraw", (account,))

    # Act
    by_agent = await desk.client.delete(
        opt_in_path(account), headers={"Authorization": f"Bearer {key}"}
    )
    by_stranger = await desk.client.delete(opt_in_path(account), headers=stranger.headers)
    withdrawn = await desk.client.delete(opt_in_path(account), headers=owner.headers)
    denied = await submit(desk, owner, order_body(account, quantity="2"))
    again = await desk.client.delete(opt_in_path(account), headers=owner.headers)
    reopted = await opt_in(desk, owner, account, phrase(account, connection))
    passed = await submit(desk, owner, order_body(account, quantity="2"))

    # Assert
    assert_problem(by_agent, 403, "FORBIDDEN")
    assert_problem(by_stranger, 404, "NOT_FOUND")
    assert withdrawn.status_code == 200, withdrawn.text
    assert withdrawn.json()["status"] == "pending_acknowledgement"
    assert assert_problem(denied, 422, "ORDER_DENIED")["reasons"] == ["LIVE_NOT_ENABLED"]
    assert_problem(again, 409, "LIVE_NOT_OPTED_IN")
    assert reopted.status_code == 200 and reopted.json()["status"] == "enabled", reopted.text
    assert passed.status_code == 201, passed.text


async def test_an_account_not_on_a_live_connection_needs_no_opt_in(
    desk: Harness, venue: tuple[Any, str]
) -> None:
    # Arrange: a paper-environment connection
    owner = await desk.user()
    account, connection = await live_account(desk, owner, venue, environment="paper")

    # Act
    state = await desk.client.get(opt_in_path(account), headers=owner.headers)
    refused = await opt_in(desk, owner, account, phrase(account, connection))
    order = await submit(desk, owner, order_body(account, quantity="5"))

    # Assert
    assert state.json()["status"] == "not_required"
    assert state.json()["acknowledgement_phrase"] is None
    assert_problem(refused, 409, "LIVE_OPT_IN_NOT_REQUIRED")
    assert order.status_code == 201, order.text


async def test_a_second_approver_other_than_the_owner_enables_the_opt_in(
    four_eyed_desk: Harness, venue: tuple[Any, str]
) -> None:
    # Arrange
    h = four_eyed_desk
    owner = await h.user()
    officer = await h.user(Role.RISK_OFFICER)
    account, connection = await live_account(h, owner, venue)
    opted = await opt_in(h, owner, account, phrase(account, connection))
    waiting = await submit(h, owner, order_body(account, quantity="5"))
    queue = await h.client.get(
        "/api/v1/live-opt-ins", params={"status": "pending_approval"}, headers=officer.headers
    )

    # Act
    by_owner = await h.client.post(f"{opt_in_path(account)}/approve", headers=owner.headers)
    by_officer = await h.client.post(f"{opt_in_path(account)}/approve", headers=officer.headers)
    again = await h.client.post(f"{opt_in_path(account)}/approve", headers=officer.headers)
    passed = await submit(h, owner, order_body(account, quantity="5"))

    # Assert
    assert opted.status_code == 200, opted.text
    assert opted.json()["status"] == "pending_approval"
    assert opted.json()["second_approver_required"] is True
    assert assert_problem(waiting, 422, "ORDER_DENIED")["reasons"] == ["LIVE_NOT_ENABLED"]
    assert [item["account_id"] for item in queue.json()["items"]] == [account]
    assert_problem(by_owner, 403, "LIVE_SECOND_APPROVER_REQUIRED")
    assert by_officer.status_code == 200, by_officer.text
    approved = by_officer.json()
    assert (approved["status"], approved["approved_by"]) == ("enabled", officer.id)
    assert approved["acknowledged_by"] == owner.id
    assert_problem(again, 409, "LIVE_OPT_IN_NOT_PENDING")
    assert passed.status_code == 201, passed.text


async def test_a_required_limit_cannot_be_taken_from_a_live_enabled_account(
    desk: Harness, venue: tuple[Any, str]
) -> None:
    # Arrange
    owner = await desk.user()
    account, connection = await live_account(desk, owner, venue)
    opted = await opt_in(desk, owner, account, phrase(account, connection))
    assert opted.status_code == 200, opted.text
    open_orders = (await rules_of(desk, owner, account))["MAX_OPEN_ORDERS"]
    deactivated = {
        k: open_orders[k] for k in ("rule_type", "params", "scope", "action", "account_id")
    } | {"is_active": False}

    # Act
    deleted = await desk.client.delete(f"{RULES}/{open_orders['id']}", headers=owner.headers)
    paused = await desk.client.put(
        f"{RULES}/{open_orders['id']}", json=deactivated, headers=owner.headers
    )
    other = {"rule_type": "MAX_OPEN_ORDERS", "params": {"max_open": 50}, "account_id": account}
    added = await desk.client.post(RULES, json=other, headers=owner.headers)
    deleted_then = await desk.client.delete(f"{RULES}/{open_orders['id']}", headers=owner.headers)

    # Assert
    assert_problem(deleted, 409, "LIVE_LIMITS_REQUIRED")
    assert_problem(paused, 409, "LIVE_LIMITS_REQUIRED")
    assert added.status_code == 201, added.text
    assert deleted_then.status_code == 204, deleted_then.text


async def test_loosening_a_limit_is_audited_with_its_values_before_and_after(
    desk: Harness, venue: tuple[Any, str]
) -> None:
    # Arrange
    owner = await desk.user()
    account, _ = await live_account(desk, owner, venue)
    notional = (await rules_of(desk, owner, account))["MAX_ORDER_NOTIONAL"]
    body = {k: notional[k] for k in ("rule_type", "scope", "action", "account_id", "is_active")}

    # Act: tightened (not a loosening), then raised
    tightened = await desk.client.put(
        f"{RULES}/{notional['id']}",
        json=body | {"params": {"max_notional": "100000"}},
        headers=owner.headers,
    )
    raised = await desk.client.put(
        f"{RULES}/{notional['id']}",
        json=body | {"params": {"max_notional": "500000"}},
        headers=owner.headers,
    )
    audit = await desk.client.get(
        "/api/v1/audit", params={"action": "risk_rule.loosen"}, headers=owner.headers
    )

    # Assert
    assert tightened.status_code == 200, tightened.text
    assert raised.status_code == 200, raised.text
    entries = audit.json()["items"]
    assert len(entries) == 1
    details = entries[0]["details"]
    assert entries[0]["subject"] == notional["id"]
    assert details["before"]["params"] == {"max_notional": "100000"}
    assert details["after"]["params"] == {"max_notional": "500000"}
    assert details["looser"] == ["max_notional 100000 -> 500000"]


async def test_a_new_account_gets_the_default_limits(desk: Harness) -> None:
    # Arrange
    owner = await desk.user()
    body = {
        "name": "paper", "broker": "paper", "base_currency": "USD", "account_type": "taxable",
        "trading_type": "margin", "initial_cash": "100000",
    }  # fmt: skip

    # Act
    opened = await desk.client.post(ACCOUNTS, json=body, headers=owner.headers)
    account = opened.json()["id"]
    rules = await rules_of(desk, owner, account)

    # Assert
    assert {kind: (r["params"], r["action"], r["is_active"]) for kind, r in rules.items()} == {
        "MAX_ORDER_NOTIONAL": ({"max_notional": "250000"}, "block", True),
        "MAX_DAILY_LOSS": ({"max_loss_pct": "0.1"}, "block", True),
        "ORDER_RATE": ({"per_second": 20}, "block", True),
        "MAX_OPEN_ORDERS": ({"max_open": 200}, "block", True),
    }


async def test_the_default_limits_can_be_turned_off() -> None:
    # Arrange
    async with harness_with(default_limits="false") as h:
        owner = await h.user()
        body = {
            "name": "paper", "broker": "paper", "base_currency": "USD",
            "account_type": "taxable", "trading_type": "margin", "initial_cash": "1000",
        }  # fmt: skip

        # Act
        opened = await h.client.post(ACCOUNTS, json=body, headers=owner.headers)
        rules = await rules_of(h, owner, opened.json()["id"])

    # Assert
    assert opened.status_code == 201, opened.text
    assert rules == {}
