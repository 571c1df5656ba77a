"""CryptoWalletStore: users' stored crypto wallets (docs/crypto-defi.md).

The store keeps what the application checked (application/analytics/crypto_wallet_book.py);
memory, SQLite and PostgreSQL alike (tests/integration/store/test_crypto_wallets_contract.py):

- `add(wallet)`: Conflict when the id is taken, CryptoWalletExists when its owner has a
  wallet of that chain id and address already (the unique key decides under concurrency).
- `get(wallet_id)`: the wallet or None (whoever owns it: the application checks the owner).
- `list_for(owner_id)`: the owner's wallets, oldest first (then by id).
- `save(wallet)`: replaces the stored wallet of its id (label, tokens, updated_at); False
  when there is none.
- `remove(wallet_id, owner_id)`: True when the owner's wallet was there and is gone.
- `count_for(owner_id)`: how many wallets the owner has.
"""

from __future__ import annotations

from typing import Protocol

from domain.analytics.crypto.wallet_book import StoredWallet
from domain.errors import Conflict


class CryptoWalletExists(Conflict):
    """The user has a wallet of that chain and address already (409 naming `address`)."""

    code = "CRYPTO_WALLET_EXISTS"


class CryptoWalletStore(Protocol):
    async def add(self, wallet: StoredWallet) -> None: ...

    async def get(self, wallet_id: str) -> StoredWallet | None: ...

    async def list_for(self, owner_id: str) -> list[StoredWallet]: ...

    async def save(self, wallet: StoredWallet) -> bool: ...

    async def remove(self, wallet_id: str, owner_id: str) -> bool: ...

    async def count_for(self, owner_id: str) -> int: ...
