"""/api/v1/crypto over the real container: stored wallets (owner-scoped, audited), the
aggregated portfolio read from the shipped SYNTHETIC fixture, and live gas from a local
JSON-RPC node (tests/integration/jsonrpc_server.py)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from domain.principals import Role
from tests.http.core_helpers import assert_problem, harness_with
from tests.http.harness import Harness, User
from tests.integration.jsonrpc_server import jsonrpc_node

pytestmark = [pytest.mark.serves("analytics", "audit"), pytest.mark.shares_app()]

WALLETS = "/api/v1/crypto/wallets"
PORTFOLIO = "/api/v1/crypto/portfolio"
GAS = "/api/v1/crypto/gas"
ALICE = "0x00000000000000000000000000000000000a11ce"
BOB = "0x0000000000000000000000000000000000000b0b"
USDC = "0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48"
WETH = "0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2"
DAI = "0x6b175474e89094c44da98b954eedeac495271d0f"
USDC_POLYGON = "0x3c499c542cef5e3811e1192ce70d8cc03d5c3359"
USDC_BASE = "0x833589fcd6edb6e08f4c7c32d4f71b54bda02913"
GWEI = 10**9


async def keep(harness: Harness, user: User, **body: object) -> dict[str, object]:
    answer = await harness.client.post(WALLETS, json=body, headers=user.headers)
    assert answer.status_code == 201, answer.text
    found: dict[str, object] = answer.json()
    return found


async def test_a_wallet_is_kept_read_changed_and_forgotten_audited(
    harness: Harness, owner: User
) -> None:
    # Act
    created = await keep(
        harness, owner, chain_id=1, address=ALICE.replace("a11ce", "A11CE"), label=" cold ",
        tokens=[USDC.upper().replace("0X", "0x")],
    )  # fmt: skip
    listed = await harness.client.get(WALLETS, headers=owner.headers)
    changed = await harness.client.patch(
        f"{WALLETS}/{created['id']}", json={"label": "hot", "tokens": [DAI, USDC]},
        headers=owner.headers,
    )  # fmt: skip
    read = await harness.client.get(f"{WALLETS}/{created['id']}", headers=owner.headers)
    deleted = await harness.client.delete(f"{WALLETS}/{created['id']}", headers=owner.headers)
    gone = await harness.client.get(f"{WALLETS}/{created['id']}", headers=owner.headers)
    audit = await harness.client.get(
        "/api/v1/audit", params={"action": "crypto_wallet.*"}, headers=owner.headers
    )

    # Assert: addresses kept lower-case, the label trimmed, tokens in the order given
    assert (created["chain_id"], created["address"], created["label"]) == (1, ALICE, "cold")
    assert created["tokens"] == [USDC]
    assert [w["id"] for w in listed.json()["items"]] == [created["id"]]
    assert changed.status_code == 200, changed.text
    assert read.json()["label"] == "hot" and read.json()["tokens"] == [DAI, USDC]
    assert deleted.status_code == 204
    assert_problem(gone, 404, "CRYPTO_WALLET_NOT_FOUND")
    entries = [(e["action"], e["subject"]) for e in audit.json()["items"]]
    target = f"crypto_wallet:{created['id']}"
    assert sorted(entries) == sorted(
        [(f"crypto_wallet.{a}", target) for a in ("created", "changed", "deleted")]
    )
    assert ALICE not in audit.text  # the address stays out of the audit details


async def test_another_users_wallet_answers_404_and_a_viewer_keeps_none(
    harness: Harness, owner: User
) -> None:
    # Arrange
    created = await keep(harness, owner, chain_id=1, address=ALICE)
    other = await harness.user()
    path = f"{WALLETS}/{created['id']}"

    # Act
    read = await harness.client.get(path, headers=other.headers)
    changed = await harness.client.patch(path, json={"label": "mine"}, headers=other.headers)
    deleted = await harness.client.delete(path, headers=other.headers)
    listed = await harness.client.get(WALLETS, headers=other.headers)
    viewer = await harness.user(Role.VIEWER)
    by_viewer = await harness.client.post(
        WALLETS, json={"chain_id": 1, "address": BOB}, headers=viewer.headers
    )

    # Assert
    for answer in (read, changed, deleted):
        assert_problem(answer, 404, "CRYPTO_WALLET_NOT_FOUND")
    assert listed.json()["items"] == []
    assert by_viewer.status_code == 403
    still = await harness.client.get(path, headers=owner.headers)
    assert still.status_code == 200 and still.json()["label"] == ""


async def test_bad_wallets_are_refused_naming_the_field(harness: Harness, owner: User) -> None:
    # Arrange
    await keep(harness, owner, chain_id=1, address=ALICE)

    # Act
    bad_address = await harness.client.post(
        WALLETS, json={"chain_id": 1, "address": "0xabc"}, headers=owner.headers
    )
    bad_token = await harness.client.post(
        WALLETS, json={"chain_id": 1, "address": BOB, "tokens": [USDC, "nope"]},
        headers=owner.headers,
    )  # fmt: skip
    twice = await harness.client.post(
        WALLETS, json={"chain_id": 1, "address": BOB, "tokens": [USDC, USDC]},
        headers=owner.headers,
    )  # fmt: skip
    unserved = await harness.client.post(
        WALLETS, json={"chain_id": 10, "address": BOB}, headers=owner.headers
    )
    again = await harness.client.post(
        WALLETS, json={"chain_id": 1, "address": ALICE.upper().replace("0X", "0x")},
        headers=owner.headers,
    )  # fmt: skip

    # Assert
    fields = [
        assert_problem(a, 422, "INVALID_CRYPTO_INPUT")["errors"][0]["field"]
        for a in (bad_address, bad_token, twice)
    ]
    assert fields == ["address", "tokens[1]", "tokens[1]"]
    assert assert_problem(unserved, 404, "UNKNOWN_CHAIN")["errors"][0]["field"] == "chain_id"
    assert_problem(again, 409, "CRYPTO_WALLET_EXISTS")


async def test_the_portfolio_adds_up_every_wallet_per_asset(harness: Harness, owner: User) -> None:
    # Arrange: three chains, two wallets on Ethereum; ETH at 3000 and USDC at 1 priced
    await harness.instrument("ETH", "3000")
    await harness.instrument("USDC", "1")
    await keep(harness, owner, chain_id=1, address=ALICE, tokens=[USDC, WETH, DAI])
    await keep(harness, owner, chain_id=1, address=BOB, label="b", tokens=[USDC])
    await keep(harness, owner, chain_id=137, address=ALICE, tokens=[USDC_POLYGON])
    await keep(harness, owner, chain_id=8453, address=ALICE, tokens=[USDC_BASE])

    # Act
    answer = await harness.client.get(PORTFOLIO, headers=owner.headers)
    empty = await harness.client.get(PORTFOLIO, headers=(await harness.user()).headers)

    # Assert: ETH 1.5 + 0.042 + 0.003 = 1.545 x 3000 = 4635; USDC 2500 + 1 + 75.5 + 10 = 2586.5;
    # the total 7221.5; shares 4635 / 7221.5 and 2586.5 / 7221.5 to 10 places
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert body["wallets"] == 4 and body["total_value"] == "7221.5"
    assert [(c["chain"]["chain_id"], c["block"]) for c in body["chains"]] == [
        (1, 21000000), (137, 64000000), (8453, 22000000),
    ]  # fmt: skip
    rows = {a["asset"]: a for a in body["assets"]}
    assert [a["asset"] for a in body["assets"]] == ["ETH", "USDC", "DAI", "POL", "WETH"]
    eth, usdc = rows["ETH"], rows["USDC"]
    assert (eth["amount"], eth["price"], eth["value"], eth["share"]) == (
        "1.545", "3000", "4635", "0.6418334141",
    )  # fmt: skip
    assert (usdc["amount"], usdc["value"], usdc["share"]) == ("2586.5", "2586.5", "0.3581665859")
    assert sorted((h["chain_id"], h["amount"]) for h in usdc["holdings"]) == [
        (1, "1"), (1, "2500"), (137, "75.5"), (8453, "10"),
    ]  # fmt: skip
    assert (rows["POL"]["amount"], rows["POL"]["value"], rows["POL"]["share"]) == (
        "120", None, None,
    )  # fmt: skip
    assert body["unpriced"] == ["DAI", "POL", "WETH"]
    assert sum(Decimal(a["share"]) for a in body["assets"] if a["share"]) == 1
    assert empty.json()["wallets"] == 0 and empty.json()["assets"] == []


async def test_a_chain_that_cannot_answer_is_503_with_retry_after(tmp_path: Path) -> None:
    # Arrange: an operator's chain file that is not JSON
    path = tmp_path / "wallets.json"
    path.write_text("{oops")
    async with harness_with(chain_fixture_file=str(path)) as harness:
        owner = await harness.user()
        await keep(harness, owner, chain_id=1, address=ALICE)

        # Act
        answer = await harness.client.get(PORTFOLIO, headers=owner.headers)
        gas = await harness.client.get(GAS, params={"chain_id": 1}, headers=owner.headers)

    # Assert
    assert_problem(answer, 503, "CHAIN_UNAVAILABLE")
    assert answer.headers["Retry-After"] == "300"
    assert_problem(gas, 503, "CHAIN_UNAVAILABLE")


async def test_live_gas_and_the_gas_analytics_from_a_json_rpc_node() -> None:
    # Arrange: four blocks of EIP-1559 base fees (20, 22.5, 22.5 empty, 19.6875 gwei; the next
    # 20.91796875) with rewards at 10/50/90
    fees = [
        (20 * GWEI, 1.0, (1 * GWEI, 2 * GWEI, 5 * GWEI)),
        (22_500_000_000, 0.5, (500_000_000, 1_500_000_000, 3 * GWEI)),
        (22_500_000_000, 0.0, (0, 0, 0)),
        (19_687_500_000, 0.75, (1 * GWEI, 1_250_000_000, 2 * GWEI)),
    ]
    with jsonrpc_node(fees=fees, next_base_fee=20_917_968_750) as node:
        async with harness_with(chain_source="rpc", chain_rpc_urls=f"1={node.url}") as harness:
            owner = await harness.user()

            # Act
            live = await harness.client.get(
                GAS, params={"chain_id": 1, "blocks": 4}, headers=owner.headers
            )
            one = await harness.client.get(
                GAS, params={"chain_id": 1, "blocks": 4, "percentiles": [50]},
                headers=owner.headers,
            )  # fmt: skip
            report = await harness.client.post(
                "/api/v1/analytics/crypto/gas",
                json={"chain_id": 1, "blocks": 4, "window": 2, "threshold": 3},
                headers=owner.headers,
            )
            unserved = await harness.client.get(
                GAS, params={"chain_id": 137}, headers=owner.headers
            )
            bad = await harness.client.get(
                GAS, params={"chain_id": 1, "percentiles": [50, 10]}, headers=owner.headers
            )

    # Assert
    assert live.status_code == 200, live.text
    body = live.json()
    assert body["method"] == "eth_feeHistory" and body["newest_block"] == 21_000_000
    assert [b["base_fee"] for b in body["blocks"]] == ["20", "22.5", "22.5", "19.6875"]
    assert body["next_base_fee"] == "20.91796875"
    assert [(p["percentile"], p["priority_fee"], p["max_fee"]) for p in body["percentiles"]] == [
        (10.0, "1", "42.8359375"), (50.0, "1.5", "43.3359375"), (90.0, "3", "44.8359375"),
    ]  # fmt: skip
    assert [p["priority_fee"] for p in one.json()["percentiles"]] == ["1.5"]
    assert report.status_code == 200, report.text
    assert report.json()["observations"] == 4
    # the last block (19.6875) against the two before it (22.5, 22.5: a flat window)
    assert report.json()["latest"]["gwei"] == 19.6875
    assert_problem(unserved, 404, "UNKNOWN_CHAIN")
    assert assert_problem(bad, 422, "INVALID_CRYPTO_INPUT")["errors"][0]["field"] == (
        "percentiles[1]"
    )
