"""The stored crypto wallets: one contract on memory, SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
import dataclasses
from datetime import timedelta

import pytest

from adapters.memory.crypto_wallets import InMemoryCryptoWalletStore
from adapters.postgres.crypto_wallets import SqlCryptoWalletStore
from domain.analytics.crypto.wallet_book import StoredWallet
from domain.errors import Conflict
from ports.analytics.crypto_wallets import CryptoWalletExists, CryptoWalletStore
from tests.integration.store.conftest import T0, StoreUnderTest

ALICE = "0x00000000000000000000000000000000000a11ce"
BOB = "0x0000000000000000000000000000000000000b0b"
USDC = "0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48"
DAI = "0x6b175474e89094c44da98b954eedeac495271d0f"


@pytest.fixture
def wallets(store: StoreUnderTest) -> CryptoWalletStore:
    return store.adapter(InMemoryCryptoWalletStore, SqlCryptoWalletStore)


def wallet(wallet_id: str, owner: str = "u-1", **changes: object) -> StoredWallet:
    fields: dict[str, object] = {
        "id": wallet_id,
        "owner_id": owner,
        "chain_id": 1,
        "address": ALICE,
        "label": "cold storage",
        "tokens": (USDC, DAI),
        "created_at": T0,
        "updated_at": T0,
        **changes,
    }
    return StoredWallet(**fields)  # type: ignore[arg-type]


async def test_wallets_read_back_exactly_per_owner_oldest_first(
    wallets: CryptoWalletStore,
) -> None:
    # Arrange
    later = wallet("cw-2", chain_id=2**53, address=BOB, tokens=(), created_at=T0 + timedelta(1))
    first = wallet("cw-9")
    other = wallet("cw-3", owner="u-2")

    # Act
    for w in (later, first, other):
        await wallets.add(w)

    # Assert: tokens in their order, the largest chain id, times timezone-aware
    assert await wallets.list_for("u-1") == [first, later]
    assert await wallets.get("cw-2") == later
    assert await wallets.get("cw-9") == first and first.tokens == (USDC, DAI)
    assert await wallets.count_for("u-1") == 2 and await wallets.count_for("u-3") == 0
    assert await wallets.get("cw-404") is None


async def test_one_address_of_a_chain_once_per_owner(wallets: CryptoWalletStore) -> None:
    # Arrange
    await wallets.add(wallet("cw-1"))

    # Act / Assert: the same address on another chain, or another owner's, is a wallet of its own
    with pytest.raises(CryptoWalletExists):
        await wallets.add(wallet("cw-2", label="again"))
    with pytest.raises(Conflict):
        await wallets.add(wallet("cw-1", chain_id=137))
    await wallets.add(wallet("cw-3", chain_id=137))
    await wallets.add(wallet("cw-4", owner="u-2"))
    assert [w.id for w in await wallets.list_for("u-1")] == ["cw-1", "cw-3"]


async def test_concurrent_adds_of_one_address_keep_one(wallets: CryptoWalletStore) -> None:
    # Act
    results = await asyncio.gather(
        *(wallets.add(wallet(f"cw-{i}")) for i in range(4)), return_exceptions=True
    )

    # Assert
    assert sum(r is None for r in results) == 1
    assert all(isinstance(r, CryptoWalletExists) for r in results if r is not None)
    assert await wallets.count_for("u-1") == 1


async def test_save_replaces_label_and_tokens_and_remove_is_owner_scoped(
    wallets: CryptoWalletStore,
) -> None:
    # Arrange
    await wallets.add(wallet("cw-1"))
    changed = dataclasses.replace(
        wallet("cw-1"), label="hot", tokens=(DAI,), updated_at=T0 + timedelta(hours=1)
    )

    # Act
    saved = await wallets.save(changed)
    missing = await wallets.save(wallet("cw-404"))
    by_another = await wallets.remove("cw-1", "u-2")
    kept = await wallets.get("cw-1")
    removed = await wallets.remove("cw-1", "u-1")

    # Assert
    assert saved and not missing and not by_another
    assert kept == changed
    assert removed and await wallets.get("cw-1") is None
    assert not await wallets.remove("cw-1", "u-1")


async def test_a_wallet_without_tokens_reads_back_without_tokens(
    wallets: CryptoWalletStore,
) -> None:
    # Act
    await wallets.add(wallet("cw-1", tokens=(), label=""))

    # Assert
    found = await wallets.get("cw-1")
    assert found is not None and found.tokens == () and found.label == ""
