"""The fixture ChainPort: the shipped SYNTHETIC sample and a file of one's own, bad files, the
sample's fee history."""

from __future__ import annotations

import json
import os
from decimal import Decimal
from pathlib import Path

import pytest

from adapters.chain.fixture import FixtureChain
from bootstrap.crypto import SHIPPED_WALLETS
from domain.analytics.crypto.errors import InvalidCryptoInput
from domain.analytics.crypto.fees import gas_fees
from ports.analytics.chain import (
    ChainUnavailable,
    NotAToken,
    TokenBalance,
    UnknownChain,
    WalletQuery,
)

ALICE = "0x00000000000000000000000000000000000a11ce"
USDC = "0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48"
STRANGER = "0x3333333333333333333333333333333333333333"


async def test_the_shipped_sample_answers_like_a_chain() -> None:
    # Arrange
    chain = FixtureChain(SHIPPED_WALLETS)

    # Act
    snapshot = await chain.snapshot(1, [WalletQuery(ALICE, (USDC,)), WalletQuery(STRANGER)])

    # Assert
    assert [c.chain_id for c in chain.chains()] == [1, 137, 8453]
    assert snapshot.block == 21_000_000
    alice, stranger = snapshot.wallets
    assert alice.native_raw == 1_500_000_000_000_000_000
    assert alice.tokens == (TokenBalance(USDC, 2_500_000_000, 6, "USDC"),)
    assert (stranger.native_raw, stranger.tokens) == (0, ())  # an unused address holds nothing
    assert json.loads(SHIPPED_WALLETS.read_text())["synthetic"] is True


async def test_unknown_chains_and_tokens() -> None:
    chain = FixtureChain(SHIPPED_WALLETS)
    with pytest.raises(UnknownChain):
        await chain.snapshot(10, [WalletQuery(ALICE)])
    with pytest.raises(NotAToken) as caught:
        await chain.snapshot(1, [WalletQuery(ALICE, (STRANGER,))])
    assert caught.value.token == STRANGER


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ("not json", "is not readable JSON"),
        ('{"chains": {}}', 'has no "chains" list'),
        ('{"chains": [{"chain_id": "1"}]}', "no integer chain_id"),
        ('{"chains": [{"chain_id": 1, "wallets": {"0x12": {}}}]}', "is not an address"),
        (
            '{"chains": [{"chain_id": 1, "wallets": {"' + ALICE + '": {"native": 1.5}}}]}',
            "not a decimal string",
        ),
        (
            '{"chains": [{"chain_id": 1, "tokens": {"' + USDC + '": {"decimals": 99}}}]}',
            "decimals must be 0 to 77",
        ),
    ],
)
async def test_a_bad_file_is_chain_unavailable_naming_the_problem(
    tmp_path: Path, content: str, words: str
) -> None:
    # Arrange
    path = tmp_path / "wallets.json"
    path.write_text(content)

    # Act
    with pytest.raises(ChainUnavailable) as caught:
        await FixtureChain(path).snapshot(1, [WalletQuery(ALICE)])

    # Assert
    assert words in caught.value.message and "wallets.json" in caught.value.message


async def test_a_changed_file_is_read_again(tmp_path: Path) -> None:
    # Arrange
    path = tmp_path / "w.json"
    path.write_text(json.dumps({"chains": [{"chain_id": 5, "wallets": {ALICE: {"native": "1"}}}]}))
    chain = FixtureChain(path)
    first = await chain.snapshot(5, [WalletQuery(ALICE)])
    path.write_text(json.dumps({"chains": [{"chain_id": 5, "wallets": {ALICE: {"native": "22"}}}]}))
    os.utime(path, ns=(1, 1))  # a different modification time whatever the clock's resolution

    # Act
    second = await chain.snapshot(5, [WalletQuery(ALICE)])

    # Assert
    assert (first.wallets[0].native_raw, second.wallets[0].native_raw) == (1, 22)


def test_a_missing_file_serves_no_chains(tmp_path: Path) -> None:
    assert FixtureChain(tmp_path / "missing.json").chains() == ()


async def test_the_shipped_sample_holds_a_fee_history_of_chain_1() -> None:
    # Arrange
    chain = FixtureChain(SHIPPED_WALLETS)

    # Act
    fees = gas_fees(await chain.fee_history(1, 2, [50, 90], with_times=True))
    history = await chain.fee_history(1, 20, [])

    # Assert: the last two of its four blocks; the medians over the one non-empty block
    assert [(b.number, b.base_fee) for b in fees.blocks] == [
        (20_999_999, Decimal("22.5")), (21_000_000, Decimal("19.6875")),
    ]  # fmt: skip
    assert fees.next_base_fee == Decimal("20.91796875")
    assert [(p.priority_fee, p.max_fee) for p in fees.percentiles] == [
        (Decimal("1.25"), Decimal("43.0859375")), (Decimal(2), Decimal("43.8359375")),
    ]  # fmt: skip
    assert history.block_count == 4 and history.rewards == ()
    times = (await chain.fee_history(1, 2, [], with_times=True)).times
    assert [t.isoformat() for t in times] == [
        "2025-01-06T11:59:48+00:00", "2025-01-06T12:00:00+00:00",
    ]  # fmt: skip


async def test_fees_the_fixture_does_not_hold_are_refused() -> None:
    # Arrange
    chain = FixtureChain(SHIPPED_WALLETS)

    # Act / Assert
    with pytest.raises(InvalidCryptoInput) as percentile:
        await chain.fee_history(1, 4, [50, 75])
    with pytest.raises(ChainUnavailable) as no_fees:
        await chain.fee_history(137, 4, [50])
    with pytest.raises(UnknownChain):
        await chain.fee_history(10, 4, [50])
    assert percentile.value.field == "percentiles[1]"
    assert "no gas fees of chain 137" in no_fees.value.message
