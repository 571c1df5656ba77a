"""Margin over HTTP: an account's margin status and a deleverage plan, owner-scoped."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.http.core_helpers import assert_problem, field_names
from tests.http.harness import Harness, User
from tests.http.risk_helpers import api_key, hold, unpriced_instrument

pytestmark = [pytest.mark.serves("trading"), pytest.mark.shares_app()]

MARGIN = "/api/v1/margin"
D = Decimal


async def leveraged(harness: Harness, owner: User, account_id: str, equity: int) -> str:
    """1,000 AAPL at 190 and 500 XOM at 110 (maintenance 47,500 + 13,750) on `equity`."""
    account = await harness.account(owner, account_id, cash=str(equity))
    await hold(harness, account, "AAPL", "1000", "190")
    await hold(harness, account, "XOM", "500", "110")
    return account


async def test_status_reports_requirements_buffer_and_liquidation_distance(
    market: Harness, owner: User
) -> None:
    account = await leveraged(market, owner, "acc-1", equity=100_000)

    response = await market.client.get(f"{MARGIN}/{account}", headers=owner.headers)

    assert response.status_code == 200, response.text
    body = response.json()
    assert body["account_id"] == account
    assert D(body["equity"]) == D(100_000)
    assert D(body["gross_exposure"]) == D(245_000)
    assert D(body["initial_requirement"]) == D(122_500)
    assert D(body["maintenance_requirement"]) == D(61_250)
    assert D(body["excess_liquidity"]) == D(38_750)
    assert D(body["margin_buffer"]) == D("0.3875")
    assert D(body["buying_power"]) == D(0)  # below initial margin: nothing new may open
    assert body["margin_call"] is False and D(body["margin_deficit"]) == D(0)
    aapl, xom = body["positions"]
    assert (aapl["symbol"], xom["symbol"]) == ("AAPL", "XOM")
    assert D(aapl["maintenance_requirement"]) == D(47_500)
    # AAPL may fall 38,750 / (1,000 x 190 x 0.75) = 27.19% before equity meets maintenance
    distance = D(aapl["liquidation_distance"])
    assert D("0.2719") < distance < D("0.2720")
    # a price at 8 places, the distance at 10: equal within the two roundings
    assert abs(D(aapl["liquidation_price"]) - D(190) * (1 - distance)) <= D("1e-8")


async def test_status_flags_a_margin_call(market: Harness, owner: User) -> None:
    account = await leveraged(market, owner, "acc-1", equity=50_000)

    response = await market.client.get(f"{MARGIN}/{account}", headers=owner.headers)

    assert response.status_code == 200, response.text
    body = response.json()
    assert body["margin_call"] is True
    assert D(body["margin_deficit"]) == D(11_250)
    assert all(D(p["liquidation_distance"]) == 0 for p in body["positions"])


async def test_status_of_another_owners_account_is_404(market: Harness, owner: User) -> None:
    acc_other = await leveraged(market, await market.user(), "acc-other", equity=100_000)

    response = await market.client.get(f"{MARGIN}/{acc_other}", headers=owner.headers)

    assert_problem(response, 404, "NOT_FOUND")


async def test_status_without_a_token_is_401(market: Harness, owner: User) -> None:
    acc_1 = await market.account(owner, "acc-1")

    response = await market.client.get(f"{MARGIN}/{acc_1}")

    assert_problem(response, 401, "UNAUTHENTICATED")


async def test_status_with_a_held_symbol_without_a_mark_is_422(
    market: Harness, owner: User
) -> None:
    acc_1 = await market.account(owner, "acc-1")
    await unpriced_instrument(market, "DARK")
    await hold(market, acc_1, "DARK", "10", "5")

    response = await market.client.get(f"{MARGIN}/{acc_1}", headers=owner.headers)

    body = assert_problem(response, 422, "MARGIN_INPUT_INVALID")
    assert "DARK" in body["detail"]


async def test_an_agent_reads_margin_of_granted_accounts_only(market: Harness, owner: User) -> None:
    acc_1 = await leveraged(market, owner, "acc-1", equity=100_000)
    acc_2 = await market.account(owner, "acc-2")
    key = await market.agent_key(owner, "bot-1", (acc_1,))

    granted = await market.client.get(f"{MARGIN}/{acc_1}", headers=api_key(key))
    refused = await market.client.get(f"{MARGIN}/{acc_2}", headers=api_key(key))

    assert granted.status_code == 200, granted.text
    assert D(granted.json()["maintenance_requirement"]) == D(61_250)
    assert_problem(refused, 404, "NOT_FOUND")


async def test_deleverage_plan_releases_the_largest_requirement_first(
    market: Harness, owner: User
) -> None:
    account = await leveraged(market, owner, "acc-1", equity=100_000)

    response = await market.client.post(
        f"{MARGIN}/{account}/deleverage-plan", json={"target_buffer": "0.5"}, headers=owner.headers
    )

    assert response.status_code == 200, response.text
    plan = response.json()
    assert plan["reaches_target"] is True
    assert D(plan["buffer_before"]) == D("0.3875")
    # M must fall to 50,000: 11,250 at 47.50 a share of AAPL -> 237 shares, whole lots
    (step,) = plan["steps"]
    assert (step["symbol"], step["side"], D(step["quantity"])) == ("AAPL", "sell", D(237))
    assert D(step["maintenance_released"]) == D("11257.5")
    assert D(plan["maintenance_after"]) == D("49992.5")
    assert D(plan["buffer_after"]) >= D("0.5")
    assert plan["explanation"][0].startswith("Buffer 38.8% against a target of 50.0%")
    assert plan["explanation"][1] == f"1. {step['explanation']}"
    assert "target reached" in plan["explanation"][-1]
    # a plan only: the position is untouched
    status = await market.client.get(f"{MARGIN}/{account}", headers=owner.headers)
    assert D(status.json()["positions"][0]["quantity"]) == D(1000)


async def test_deleverage_plan_out_of_a_margin_call(market: Harness, owner: User) -> None:
    account = await leveraged(market, owner, "acc-1", equity=50_000)

    response = await market.client.post(
        f"{MARGIN}/{account}/deleverage-plan", json={"target_buffer": "0"}, headers=owner.headers
    )

    assert response.status_code == 200, response.text
    plan = response.json()
    assert plan["reaches_target"] is True
    assert D(plan["maintenance_after"]) <= D(50_000)
    assert [s["symbol"] for s in plan["steps"]] == ["AAPL"]


async def test_deleverage_plan_with_nothing_to_do(market: Harness, owner: User) -> None:
    acc_1 = await market.account(owner, "acc-1")

    response = await market.client.post(
        f"{MARGIN}/{acc_1}/deleverage-plan", json={"target_buffer": "0.9"}, headers=owner.headers
    )

    assert response.status_code == 200, response.text
    plan = response.json()
    assert plan["steps"] == [] and plan["reaches_target"] is True
    assert plan["explanation"] == ["Buffer 100.0% against a target of 90.0%: no reduction needed."]


async def test_deleverage_target_of_one_is_422(market: Harness, owner: User) -> None:
    acc_1 = await leveraged(market, owner, "acc-1", equity=100_000)

    response = await market.client.post(
        f"{MARGIN}/{acc_1}/deleverage-plan", json={"target_buffer": "1"}, headers=owner.headers
    )

    assert_problem(response, 422, "INVALID_MARGIN_TARGET")


async def test_deleverage_target_outside_its_declared_range_is_400_naming_the_field(
    market: Harness, owner: User
) -> None:
    # Changed with the strict number parser: [0, 1] is the field's declared range (was 422).
    acc_1 = await leveraged(market, owner, "acc-1", equity=100_000)

    response = await market.client.post(
        f"{MARGIN}/{acc_1}/deleverage-plan", json={"target_buffer": "1.5"}, headers=owner.headers
    )

    assert field_names(assert_problem(response, 400, "VALIDATION_ERROR")) == {"target_buffer"}


async def test_deleverage_body_with_a_bad_type_is_400_naming_the_field(
    market: Harness, owner: User
) -> None:
    acc_1 = await market.account(owner, "acc-1")

    response = await market.client.post(
        f"{MARGIN}/{acc_1}/deleverage-plan", json={"target_buffer": "lots"}, headers=owner.headers
    )

    assert field_names(assert_problem(response, 400, "VALIDATION_ERROR")) == {"target_buffer"}


async def test_deleverage_body_with_an_unknown_field_is_400(market: Harness, owner: User) -> None:
    acc_1 = await market.account(owner, "acc-1")

    response = await market.client.post(
        f"{MARGIN}/{acc_1}/deleverage-plan",
        json={"target_buffer": "0.2", "execute": True},
        headers=owner.headers,
    )

    assert field_names(assert_problem(response, 400, "VALIDATION_ERROR")) == {"execute"}


async def test_deleverage_body_without_the_target_is_400(market: Harness, owner: User) -> None:
    acc_1 = await market.account(owner, "acc-1")

    response = await market.client.post(
        f"{MARGIN}/{acc_1}/deleverage-plan", json={}, headers=owner.headers
    )

    assert field_names(assert_problem(response, 400, "VALIDATION_ERROR")) == {"target_buffer"}


async def test_deleverage_plan_of_another_owners_account_is_404(
    market: Harness, owner: User
) -> None:
    acc_other = await leveraged(market, await market.user(), "acc-other", equity=100_000)

    response = await market.client.post(
        f"{MARGIN}/{acc_other}/deleverage-plan",
        json={"target_buffer": "0.5"},
        headers=owner.headers,
    )

    assert_problem(response, 404, "NOT_FOUND")


async def test_deleverage_plan_without_a_token_is_401(market: Harness, owner: User) -> None:
    acc_1 = await market.account(owner, "acc-1")

    response = await market.client.post(
        f"{MARGIN}/{acc_1}/deleverage-plan", json={"target_buffer": "0.5"}
    )

    assert_problem(response, 401, "UNAUTHENTICATED")
