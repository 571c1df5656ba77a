"""The crypto routes over the real container: impermanent loss, pool drains, gas, wallets
(the shipped SYNTHETIC fixture), and their problem documents."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.http.core_helpers import assert_problem, harness_with
from tests.http.harness import Harness, User

pytestmark = [pytest.mark.serves("analytics"), pytest.mark.shares_app()]

ROOT = "/api/v1/analytics/crypto"
ALICE = "0x00000000000000000000000000000000000a11ce"
USDC = "0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48"
T0 = datetime(2025, 1, 6, tzinfo=UTC)


async def test_impermanent_loss_of_a_v3_range(harness: Harness, owner: User) -> None:
    # Act
    answer = await harness.client.post(
        f"{ROOT}/impermanent-loss",
        json={"entry_price": "4", "prices": ["9", "25"], "deposit": "2",
              "range": {"lower": "1", "upper": "16"}},
        headers=owner.headers,
    )  # fmt: skip

    # Assert
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert body["position"]["model"] == "concentrated_v3"
    assert body["position"]["liquidity"] == "1" and body["position"]["liquidity_multiple"] == "2"
    at_9, at_25 = body["points"]
    assert (at_9["lp_value"], at_9["hold_value"], at_9["loss_value"]) == ("2.75", "3.25", "0.5")
    assert at_9["impermanent_loss"].startswith("-0.153846153846153846")
    assert at_25["in_range"] is False and at_25["amount0"] == "0"
    assert "lp_value / hold_value - 1" in body["conventions"]["impermanent_loss"]


async def test_bad_impermanent_loss_input_is_a_problem(harness: Harness, owner: User) -> None:
    # Act
    reversed_range = await harness.client.post(
        f"{ROOT}/impermanent-loss",
        json={"entry_price": "4", "prices": ["9"], "range": {"lower": "16", "upper": "1"}},
        headers=owner.headers,
    )
    zero_price = await harness.client.post(
        f"{ROOT}/impermanent-loss", json={"entry_price": "0", "prices": ["1"]},
        headers=owner.headers,
    )  # fmt: skip
    no_prices = await harness.client.post(
        f"{ROOT}/impermanent-loss", json={"entry_price": "1", "prices": []}, headers=owner.headers
    )

    # Assert
    problem = assert_problem(reversed_range, 422, "INVALID_CRYPTO_INPUT")
    assert problem["errors"][0]["field"] == "range.lower"
    assert assert_problem(zero_price, 400, "VALIDATION_ERROR")["errors"][0]["field"] == (
        "entry_price"
    )
    assert assert_problem(no_prices, 422, "INVALID_CRYPTO_INPUT")["errors"][0]["field"] == "prices"


async def test_a_pool_drain_alert(harness: Harness, owner: User) -> None:
    # Arrange: hourly TVL falling from 1,000,000 to 400,000 within 3 hours
    at = [(T0 + timedelta(hours=h)).isoformat() for h in range(5)]
    tvl = ["1000000", "1000000", "700000", "400000", "450000"]

    # Act
    answer = await harness.client.post(
        f"{ROOT}/pool-drain",
        json={"at": at, "tvl": tvl, "window_hours": 3, "threshold": "0.5"},
        headers=owner.headers,
    )
    unordered = await harness.client.post(
        f"{ROOT}/pool-drain", json={"at": [at[1], at[0]], "tvl": ["1", "1"]},
        headers=owner.headers,
    )  # fmt: skip

    # Assert: 1 - 400,000 / 1,000,000 = 0.6, then 0.55: one alert, still alerting
    assert answer.status_code == 200, answer.text
    body = answer.json()
    (alert,) = body["alerts"]
    assert (alert["max_drop"], alert["observations"], body["alerting"]) == ("0.6", 2, True)
    assert alert["trough_tvl"] == "400000" and alert["peak_tvl"] == "1000000"
    assert assert_problem(unordered, 422, "INVALID_CRYPTO_INPUT")["errors"][0]["field"] == "at[1]"


async def test_gas_spikes_and_the_cheapest_hour(harness: Harness, owner: User) -> None:
    # Arrange: a week hourly: 20 gwei, 5 at Sunday 03:00 UTC, a spike of 300 at the end
    hours = 168
    at = [(T0 + timedelta(hours=h)).isoformat() for h in range(hours)]
    gwei = [20.0 + (h % 2) for h in range(hours)]
    gwei[6 * 24 + 3] = 5.0
    gwei[-1] = 300.0

    # Act
    answer = await harness.client.post(
        f"{ROOT}/gas", json={"at": at, "gwei": gwei, "window": 24}, headers=owner.headers
    )
    bad_zone = await harness.client.post(
        f"{ROOT}/gas", json={"at": at[:3], "gwei": gwei[:3], "window": 2, "timezone": "Nowhere/X"},
        headers=owner.headers,
    )  # fmt: skip

    # Assert
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert body["latest_is_spike"] and body["spikes"][-1]["gwei"] == 300.0
    cheapest = body["cheapest"]
    assert (cheapest["start_weekday"], cheapest["start_hour"]) == ("sunday", 3)
    assert cheapest["mean_median_gwei"] == 5.0 and len(cheapest["by_hour"]) == 168
    assert assert_problem(bad_zone, 422, "INVALID_CRYPTO_INPUT")["errors"][0]["field"] == (
        "timezone"
    )


async def test_wallet_balances_from_the_synthetic_fixture(harness: Harness, owner: User) -> None:
    # Arrange: the market data prices ETH
    await harness.instrument("ETH", "3000")

    # Act
    chains = await harness.client.get(f"{ROOT}/chains", headers=owner.headers)
    answer = await harness.client.post(
        f"{ROOT}/wallets/balances",
        json={"wallets": [{"chain_id": 1, "address": ALICE.upper().replace("0X", "0x"),
                           "tokens": [USDC]}]},
        headers=owner.headers,
    )  # fmt: skip

    # Assert
    assert chains.json()["source"] == "fixture"
    assert [c["chain_id"] for c in chains.json()["chains"]] == [1, 137, 8453]
    assert answer.status_code == 200, answer.text
    (wallet,) = answer.json()["wallets"]
    eth, usdc = wallet["assets"]
    assert (eth["raw"], eth["amount"], eth["value"]) == ("1500000000000000000", "1.5", "4500")
    assert (usdc["symbol"], usdc["amount"], usdc["price"]) == ("USDC", "2500", None)
    assert wallet["block"] == 21000000 and answer.json()["unpriced"] == ["USDC"]


async def test_wallet_problems_name_the_field(harness: Harness, owner: User) -> None:
    # Act
    unknown_chain = await harness.client.post(
        f"{ROOT}/wallets/balances", json={"wallets": [{"chain_id": 10, "address": ALICE}]},
        headers=owner.headers,
    )  # fmt: skip
    not_a_token = await harness.client.post(
        f"{ROOT}/wallets/balances",
        json={"wallets": [{"chain_id": 1, "address": ALICE, "tokens": [ALICE]}]},
        headers=owner.headers,
    )
    bad_address = await harness.client.post(
        f"{ROOT}/wallets/balances", json={"wallets": [{"chain_id": 1, "address": "0xabc"}]},
        headers=owner.headers,
    )  # fmt: skip

    # Assert
    field = assert_problem(unknown_chain, 404, "UNKNOWN_CHAIN")["errors"][0]["field"]
    assert field == "wallets[0].chain_id"
    field = assert_problem(not_a_token, 422, "NOT_AN_ERC20_TOKEN")["errors"][0]["field"]
    assert field == "wallets[0].tokens[0]"
    field = assert_problem(bad_address, 422, "INVALID_CRYPTO_INPUT")["errors"][0]["field"]
    assert field == "wallets[0].address"


async def test_an_unreadable_chain_fixture_is_503_with_retry_after(tmp_path: Path) -> None:
    # Arrange: an operator's fixture file that is not JSON
    path = tmp_path / "wallets.json"
    path.write_text("{oops")
    async with harness_with(chain_fixture_file=str(path)) as harness:
        owner = await harness.user()

        # Act
        answer = await harness.client.post(
            f"{ROOT}/wallets/balances", json={"wallets": [{"chain_id": 1, "address": ALICE}]},
            headers=owner.headers,
        )  # fmt: skip

    # Assert
    problem = assert_problem(answer, 503, "CHAIN_UNAVAILABLE")
    assert answer.headers["Retry-After"] == "300" and "not readable JSON" in problem["detail"]
