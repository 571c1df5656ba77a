"""/api/v1/strategies: create, list, read, patch (modes, passcode), decisions, agents' signals."""

from __future__ import annotations

from typing import Any

import pytest

from domain.principals import Role
from tests.http.core_helpers import assert_problem, field_names
from tests.http.harness import PASSCODE, Harness, User

pytestmark = [
    pytest.mark.serves("review", "safety", "strategies", "trading"),
    pytest.mark.shares_app(),
]

STRATEGIES = "/api/v1/strategies"


def definition(account_id: str, **fields: Any) -> dict[str, Any]:
    return {
        "name": "agent follower",
        "account_ids": [account_id],
        "sources": [{"kind": "external", "symbols": ["AAPL"]}],
        "sizing": {"method": "fixed_notional", "notional": "9500"},
        "exit": {"stop_loss_fraction": "0.05", "take_profit_fraction": "0.1"},
        "mode": "paper",
        **fields,
    }


async def create(harness: Harness, user: User, **fields: Any) -> dict[str, Any]:
    account = fields.pop("account_id", harness.id("acc-1"))
    response = await harness.client.post(
        STRATEGIES, json=definition(account, **fields), headers=user.headers
    )
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    return body


async def set_mode(h: Harness, user: User, strategy_id: str, mode: str, **more: str) -> Any:
    """PATCH the strategy's mode as of version 0 (a strategy as created)."""
    body = {"version": 0, "mode": mode, **more}
    return await h.client.patch(f"{STRATEGIES}/{strategy_id}", json=body, headers=user.headers)


async def test_a_strategy_is_created_listed_and_read(market: Harness, owner: User) -> None:
    # Arrange
    await market.account(owner, "acc-1")

    # Act
    created = await create(market, owner)
    listed = await market.client.get(STRATEGIES, headers=owner.headers)
    read = await market.client.get(f"{STRATEGIES}/{created['id']}", headers=owner.headers)

    # Assert
    assert created["mode"] == "paper" and created["version"] == 0
    assert created["sizing"]["notional"] == "9500.00"
    assert created["exit"]["stop_loss_fraction"] == "0.0500000000"
    assert created["sources"] == [
        {
            "kind": "external", "symbols": ["AAPL"], "timeframe": None, "pattern": None,
            "name": None, "weight": 1.0, "window_hours": None, "min_items": None,
        }
    ]  # fmt: skip
    assert created["entry"]["combine"] == "each"
    assert [s["id"] for s in listed.json()] == [created["id"]]
    assert read.status_code == 200 and read.json() == created


async def test_another_users_strategy_and_account_answer_404(market: Harness, owner: User) -> None:
    # Arrange
    stranger = await market.user()
    await market.account(owner, "acc-1")
    acc_2 = await market.account(stranger, "acc-2")
    mine = await create(market, owner)

    # Act
    read = await market.client.get(f"{STRATEGIES}/{mine['id']}", headers=stranger.headers)
    patched = await market.client.patch(
        f"{STRATEGIES}/{mine['id']}", json={"version": 0, "name": "x"}, headers=stranger.headers
    )
    decisions = await market.client.get(
        f"{STRATEGIES}/{mine['id']}/decisions", headers=stranger.headers
    )
    theirs = await market.client.post(STRATEGIES, json=definition(acc_2), headers=owner.headers)
    listed = await market.client.get(STRATEGIES, headers=stranger.headers)

    # Assert
    for response in (read, patched, decisions, theirs):
        assert_problem(response, 404, "NOT_FOUND")
    assert listed.json() == []


async def test_an_invalid_definition_is_422_naming_the_field(market: Harness, owner: User) -> None:
    acc_1 = await market.account(owner, "acc-1")
    both_stops = definition(acc_1, exit={"stop_loss_fraction": "0.05", "stop_loss_atr": "2"})
    response = await market.client.post(STRATEGIES, json=both_stops, headers=owner.headers)
    problem = assert_problem(response, 422, "INVALID_STRATEGY")
    assert field_names(problem) == {"stop_loss_atr"}


async def test_a_weighted_strategy_with_sentiment_is_created_as_stated(
    market: Harness, owner: User
) -> None:
    # Arrange
    await market.account(owner, "acc-1")
    sources = [
        {"kind": "pattern", "pattern": "ema_crossover", "weight": 0.5},
        {"kind": "sentiment", "symbols": ["aapl"], "weight": 0.3, "window_hours": 6,
         "min_items": 5},
    ]  # fmt: skip
    entry = {"min_score": 0.6, "combine": "weighted", "reading_max_age_hours": 4}

    # Act
    created = await create(market, owner, sources=sources, entry=entry)

    # Assert
    assert [(s["kind"], s["weight"]) for s in created["sources"]] == [
        ("pattern", 0.5), ("sentiment", 0.3)
    ]  # fmt: skip
    sentiment = created["sources"][1]
    assert (sentiment["symbols"], sentiment["window_hours"], sentiment["min_items"]) == (
        ["AAPL"], 6.0, 5
    )  # fmt: skip
    assert (created["entry"]["combine"], created["entry"]["reading_max_age_hours"]) == (
        "weighted", 4.0
    )  # fmt: skip


@pytest.mark.parametrize(
    ("sources", "entry", "field"),
    [
        ([{"kind": "astrology"}], None, "sources.kind"),
        ([{"kind": "pattern", "weight": 1e300}], None, "sources.weight"),
        ([], None, "sources"),
        ([{"kind": "sentiment"}], None, "sources.symbols"),
        ([{"kind": "pattern", "weight": 0}], {"combine": "weighted"}, "sources.weight"),
    ],
)
async def test_a_bad_source_is_422_naming_the_field(
    market: Harness, owner: User, sources: list[Any], entry: Any, field: str
) -> None:
    acc_1 = await market.account(owner, "acc-1")
    body = definition(acc_1, sources=sources, **({"entry": entry} if entry else {}))
    response = await market.client.post(STRATEGIES, json=body, headers=owner.headers)
    problem = assert_problem(response, 422, "INVALID_STRATEGY")
    assert field_names(problem) == {field}


async def test_a_malformed_number_is_400_naming_the_field(market: Harness, owner: User) -> None:
    acc_1 = await market.account(owner, "acc-1")
    body = definition(acc_1, sizing={"method": "fixed_notional", "notional": "-1"})
    response = await market.client.post(STRATEGIES, json=body, headers=owner.headers)
    problem = assert_problem(response, 400, "VALIDATION_ERROR")
    assert any("notional" in name for name in field_names(problem)), problem


async def test_a_patch_changes_the_mode_and_a_stale_version_conflicts(
    market: Harness, owner: User
) -> None:
    # Arrange
    await market.account(owner, "acc-1")
    created = await create(market, owner)

    # Act
    shadow = await set_mode(market, owner, created["id"], "shadow")
    stale = await set_mode(market, owner, created["id"], "off")

    # Assert
    assert shadow.status_code == 200, shadow.text
    assert (shadow.json()["mode"], shadow.json()["version"]) == ("shadow", 1)
    assert_problem(stale, 409, "CONCURRENT_UPDATE")


async def test_live_without_or_with_a_wrong_passcode_is_refused(
    market: Harness, owner: User
) -> None:
    # Arrange
    await market.account(owner, "acc-1")
    created = await create(market, owner)

    # Act
    without = await set_mode(market, owner, created["id"], "live")
    wrong = await set_mode(market, owner, created["id"], "live", passcode="not-it")
    right = await set_mode(market, owner, created["id"], "live", passcode=PASSCODE)

    # Assert
    problem = assert_problem(without, 403, "PASSCODE_REQUIRED")
    assert field_names(problem) == {"passcode"}
    assert_problem(wrong, 403, "WRONG_PASSCODE")
    assert right.status_code == 200 and right.json()["mode"] == "live"


async def test_an_agents_signal_becomes_a_gated_order_and_a_decision(
    market: Harness, owner: User
) -> None:
    # Arrange: a paper strategy following the owner's agent, AAPL at 190
    acc_1 = await market.account(owner, "acc-1")
    key = await market.agent_key(owner, "bot-1", (acc_1,))
    created = await create(market, owner)
    signal = {"symbol": "AAPL", "score": 0.8, "id": "s-1"}

    # Act
    posted = await market.client.post(
        f"{STRATEGIES}/signals", json=signal, headers={"X-API-Key": key}
    )
    again = await market.client.post(
        f"{STRATEGIES}/signals", json=signal, headers={"X-API-Key": key}
    )
    page = await market.client.get(f"{STRATEGIES}/{created['id']}/decisions", headers=owner.headers)
    orders = await market.client.get(
        "/api/v1/orders", params={"account_id": acc_1}, headers=owner.headers
    )

    # Assert: 9,500 at 190 -> 50 shares, approved, sent once
    assert posted.status_code == 200, posted.text
    decided = posted.json()["decisions"]
    assert [(d["action"], d["verdict"], d["quantity"]) for d in decided] == [
        ("enter", "approved", "50.00000000")
    ]
    assert again.json()["decisions"] == []
    items = page.json()["items"]
    assert [d["order_id"] for d in items] == [decided[0]["order_id"]]
    assert items[0]["sizing"]["equity"] == "1000000.00"
    strategy_orders = [o for o in orders.json()["items"] if o["origin_kind"] == "strategy"]
    assert [(o["id"], o["origin_id"]) for o in strategy_orders] == [
        (decided[0]["order_id"], created["id"])
    ]


async def test_only_agents_post_signals(market: Harness, owner: User) -> None:
    response = await market.client.post(
        f"{STRATEGIES}/signals", json={"symbol": "AAPL", "score": 0.5}, headers=owner.headers
    )
    assert_problem(response, 403, "FORBIDDEN")


async def test_a_signal_score_out_of_range_is_400(market: Harness, owner: User) -> None:
    key = await market.agent_key(owner, "bot-1", ())
    response = await market.client.post(
        f"{STRATEGIES}/signals", json={"symbol": "AAPL", "score": 1.5}, headers={"X-API-Key": key}
    )
    problem = assert_problem(response, 400, "VALIDATION_ERROR")
    assert any("score" in name for name in field_names(problem)), problem


@pytest.mark.own_app("it moves the clock")
async def test_decisions_page_with_a_cursor_and_refuse_a_forged_one(
    market: Harness, owner: User
) -> None:
    # Arrange: three signals in shadow mode (enter, then two skips: already long)
    acc_1 = await market.account(owner, "acc-1")
    key = await market.agent_key(owner, "bot-1", (acc_1,))
    bot_1 = market.id("bot-1")
    created = await create(market, owner, mode="shadow")
    for i in range(3):
        await market.client.post(
            f"{STRATEGIES}/signals",
            json={"symbol": "AAPL", "score": 0.9, "id": f"s-{i}"},
            headers={"X-API-Key": key},
        )
        market.clock.advance(1)
    url = f"{STRATEGIES}/{created['id']}/decisions"

    # Act
    first = (await market.client.get(url, params={"limit": 2}, headers=owner.headers)).json()
    second = (
        await market.client.get(
            url, params={"limit": 2, "cursor": first["next_cursor"]}, headers=owner.headers
        )
    ).json()
    forged = await market.client.get(url, params={"cursor": "bm9wZQ"}, headers=owner.headers)

    # Assert
    triggers = [d["trigger"] for d in first["items"] + second["items"]]
    assert triggers == [f"ext:{bot_1}:s-2", f"ext:{bot_1}:s-1", f"ext:{bot_1}:s-0"]
    assert second["next_cursor"] is None
    assert [d["verdict"] for d in second["items"]] == ["shadow"]
    assert_problem(forged, 400, "INVALID_CURSOR")


async def test_agents_may_not_manage_strategies(market: Harness, owner: User) -> None:
    key = await market.agent_key(owner, "bot-1", ())
    response = await market.client.get(STRATEGIES, headers={"X-API-Key": key})
    assert_problem(response, 403, "FORBIDDEN")
    assert Role.AGENT.value == "agent"


async def test_a_halted_agents_signal_is_refused(market: Harness, owner: User) -> None:
    # Arrange: the owner halts the agent's scope
    acc_1 = await market.account(owner, "acc-1")
    key = await market.agent_key(owner, "bot-1", (acc_1,))
    bot_1 = market.id("bot-1")
    await create(market, owner)
    halted = await market.client.post(
        "/api/v1/kill-switch/activate",
        json={"passcode": PASSCODE, "scope": {"kind": "agent", "id": bot_1}},
        headers=owner.headers,
    )
    assert halted.status_code in (200, 201), halted.text

    # Act
    response = await market.client.post(
        f"{STRATEGIES}/signals", json={"symbol": "AAPL", "score": 0.9}, headers={"X-API-Key": key}
    )

    # Assert
    assert_problem(response, 403, "AGENT_HALTED")
    orders = await market.client.get(
        "/api/v1/orders", params={"account_id": acc_1}, headers=owner.headers
    )
    assert orders.json()["items"] == []
