"""The stored-wallet use cases on the in-memory store and the shipped fixture chain: limits,
a PATCH's checks, refusals of the portfolio read naming the stored wallet, a symbol-less token
as an asset of its own."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from adapters.chain.fixture import FixtureChain
from adapters.memory.audit import InMemoryAuditLog
from adapters.memory.clock import FakeClock, SequentialIds
from adapters.memory.crypto_wallets import InMemoryCryptoWalletStore
from adapters.memory.marketdata import InMemoryMarketData
from application.analytics.crypto_wallet_book import (
    CryptoWalletBook,
    NewWallet,
    TooManyCryptoWallets,
    WalletChange,
)
from application.analytics.crypto_wallets import MAX_TOKENS, WalletBalanceService
from bootstrap.crypto import SHIPPED_WALLETS
from domain.analytics.crypto.errors import InvalidCryptoInput
from domain.principals import Principal, Role
from ports.analytics.chain import NotAToken

ALICE = "0x00000000000000000000000000000000000a11ce"
USDC = "0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48"
OWNER = Principal("u-1", Role.OWNER)


def book(path: Path = SHIPPED_WALLETS, max_wallets: int = 20) -> CryptoWalletBook:
    clock = FakeClock()
    market = InMemoryMarketData(clock)
    market.set_price("ETH", Decimal("3000"))
    balances = WalletBalanceService(FixtureChain(path), market)
    return CryptoWalletBook(
        InMemoryCryptoWalletStore(), balances, clock, SequentialIds(), InMemoryAuditLog(),
        max_wallets=max_wallets,
    )  # fmt: skip


def address(n: int) -> str:
    return "0x" + f"{n:040x}"


async def test_a_user_keeps_at_most_max_wallets() -> None:
    # Arrange
    wallets = book(max_wallets=2)
    for n in (1, 2):
        await wallets.create(OWNER, NewWallet(1, address(n)))

    # Act / Assert: another user is not counted against the owner
    with pytest.raises(TooManyCryptoWallets):
        await wallets.create(OWNER, NewWallet(1, address(3)))
    await wallets.create(Principal("u-2", Role.OWNER), NewWallet(1, address(3)))


async def test_tokens_in_all_are_capped_when_kept_and_when_changed() -> None:
    # Arrange: four wallets of 50 tokens each, MAX_TOKENS (200) in all
    wallets = book()
    tokens = [address(1000 + n) for n in range(MAX_TOKENS)]
    kept = [
        await wallets.create(OWNER, NewWallet(1, address(w + 1), tokens=tuple(tokens[w::4])))
        for w in range(4)
    ]
    fifth = await wallets.create(OWNER, NewWallet(1, address(9)))  # no token: within

    # Act / Assert
    with pytest.raises(TooManyCryptoWallets) as on_create:
        await wallets.create(OWNER, NewWallet(1, address(10), tokens=(address(1),)))
    with pytest.raises(TooManyCryptoWallets):
        await wallets.change(OWNER, fifth.id, WalletChange(tokens=(address(1),)))
    await wallets.change(OWNER, kept[0].id, WalletChange(tokens=tuple(tokens[0:196:4])))
    changed = await wallets.change(OWNER, fifth.id, WalletChange(tokens=(address(1),)))
    assert on_create.value.field == "tokens" and changed.tokens == (address(1),)


async def test_a_patch_checks_what_it_changes_and_keeps_the_rest() -> None:
    # Arrange
    wallets = book()
    kept = await wallets.create(OWNER, NewWallet(1, ALICE, "mine", (USDC,)))

    # Act
    relabelled = await wallets.change(OWNER, kept.id, WalletChange(label="  savings "))
    with pytest.raises(InvalidCryptoInput) as bad_label:
        await wallets.change(OWNER, kept.id, WalletChange(label="x" * 101))
    with pytest.raises(InvalidCryptoInput) as bad_token:
        await wallets.change(OWNER, kept.id, WalletChange(tokens=(USDC, "0x12")))

    # Assert
    assert relabelled.label == "savings" and relabelled.tokens == (USDC,)
    assert bad_label.value.field == "label" and bad_token.value.field == "tokens[1]"


async def test_a_stored_token_the_chain_refuses_is_named_by_its_wallet() -> None:
    # Arrange: a contract the fixture does not know, on the second stored wallet
    wallets = book()
    await wallets.create(OWNER, NewWallet(1, ALICE, tokens=(USDC,)))
    second = await wallets.create(OWNER, NewWallet(137, ALICE, tokens=(address(5),)))

    # Act
    with pytest.raises(NotAToken) as refused:
        await wallets.portfolio(OWNER)

    # Assert
    assert refused.value.field == f"wallets[{second.id}].tokens[0]"


async def test_a_token_without_a_symbol_is_an_asset_of_its_own(tmp_path: Path) -> None:
    # Arrange: a chain file with a symbol-less token beside ETH
    chain = {"chains": [{"chain_id": 1, "block": 7,
                         "tokens": {USDC: {"decimals": 2}},
                         "wallets": {ALICE: {"native": "2000000000000000000",
                                             "tokens": {USDC: "12345"}}}}]}  # fmt: skip
    path = tmp_path / "chain.json"
    path.write_text(json.dumps(chain))
    wallets = book(path)
    await wallets.create(OWNER, NewWallet(1, ALICE, tokens=(USDC,)))

    # Act
    portfolio = await wallets.portfolio(OWNER)

    # Assert: 2 ETH x 3000 is all of the priced total
    (eth, token) = portfolio.assets
    assert (eth.asset, eth.value, eth.share) == ("ETH", Decimal(6000), Decimal(1))
    assert (token.asset, token.amount, token.value) == (f"1:{USDC}", Decimal("123.45"), None)
    assert portfolio.unpriced == (f"1:{USDC}",) and portfolio.chains[0].block == 7
