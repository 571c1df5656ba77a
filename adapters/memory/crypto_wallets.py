"""In-process stored crypto wallets (the embedded store's and the unit tests' store)."""

from __future__ import annotations

from domain.analytics.crypto.wallet_book import StoredWallet
from domain.errors import Conflict
from ports.analytics.crypto_wallets import CryptoWalletExists


class InMemoryCryptoWalletStore:
    """A CryptoWalletStore in a dict by id (ports/analytics/crypto_wallets.py)."""

    def __init__(self) -> None:
        self._wallets: dict[str, StoredWallet] = {}

    async def add(self, wallet: StoredWallet) -> None:
        if wallet.id in self._wallets:
            raise Conflict(f"crypto wallet {wallet.id!r} already exists", field="id")
        if any(_same(wallet, w) for w in self._wallets.values()):
            raise CryptoWalletExists(
                f"you keep the wallet {wallet.address} of chain {wallet.chain_id} already",
                field="address",
            )
        self._wallets[wallet.id] = wallet

    async def get(self, wallet_id: str) -> StoredWallet | None:
        return self._wallets.get(wallet_id)

    async def list_for(self, owner_id: str) -> list[StoredWallet]:
        mine = [w for w in self._wallets.values() if w.owner_id == owner_id]
        return sorted(mine, key=lambda w: (w.created_at, w.id))

    async def save(self, wallet: StoredWallet) -> bool:
        if wallet.id not in self._wallets:
            return False
        self._wallets[wallet.id] = wallet
        return True

    async def remove(self, wallet_id: str, owner_id: str) -> bool:
        found = self._wallets.get(wallet_id)
        if found is None or found.owner_id != owner_id:
            return False
        del self._wallets[wallet_id]
        return True

    async def count_for(self, owner_id: str) -> int:
        return sum(1 for w in self._wallets.values() if w.owner_id == owner_id)


def _same(a: StoredWallet, b: StoredWallet) -> bool:
    return (a.owner_id, a.chain_id, a.address) == (b.owner_id, b.chain_id, b.address)
