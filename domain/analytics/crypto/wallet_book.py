"""A user's stored crypto wallets, and the aggregated portfolio read from them.

A stored wallet is an EVM address on one chain (EIP-155 chain id), a label, and the ERC-20
contracts to read in it; addresses are kept lower-case (domain/analytics/crypto/wallets.py).

The portfolio adds up the wallets' balances per asset across wallets and chains. An asset is
its symbol (ETH on Ethereum, Base and Arbitrum is one asset; USDC on Ethereum and on Polygon
is one asset: both are valued at the one reference price of their symbol); an asset without a
readable symbol is its own asset, named `<chain id>:<contract>`. amount = the sum of the
holdings' exact amounts; value = amount x price; share = value / the portfolio's priced total,
rounded half-even to SHARE_PLACES places (None for an unpriced asset, or a total of 0).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import ROUND_HALF_EVEN, Decimal

from domain.analytics.crypto.wallets import ChainInfo

MAX_LABEL = 100
SHARE_PLACES = 10
_SHARE_QUANTUM = Decimal(1).scaleb(-SHARE_PLACES)


@dataclass(frozen=True, slots=True)
class StoredWallet:
    id: str
    owner_id: str
    chain_id: int
    address: str  # lower-case 0x address
    label: str
    tokens: tuple[str, ...]  # lower-case ERC-20 contracts, in the order given
    created_at: datetime
    updated_at: datetime

    def __post_init__(self) -> None:
        for moment in (self.created_at, self.updated_at):
            if moment.tzinfo is None:
                raise ValueError("a stored wallet's times must be timezone-aware")


@dataclass(frozen=True, slots=True)
class Holding:
    """One wallet's balance of an asset."""

    wallet_id: str
    chain_id: int
    token: str | None  # None: the chain's native asset
    amount: Decimal


@dataclass(frozen=True, slots=True)
class AssetTotal:
    asset: str
    symbol: str | None
    amount: Decimal
    price: Decimal | None
    value: Decimal | None
    share: Decimal | None
    holdings: tuple[Holding, ...]


@dataclass(frozen=True, slots=True)
class ChainBlock:
    chain: ChainInfo
    block: int | None


@dataclass(frozen=True, slots=True)
class CryptoPortfolio:
    source: str
    wallets: int
    chains: tuple[ChainBlock, ...]  # by chain id
    assets: tuple[AssetTotal, ...]  # by value (largest first), then the unpriced by name
    total_value: Decimal
    unpriced: tuple[str, ...]


def asset_key(symbol: str | None, chain_id: int, token: str | None) -> str:
    """The name an asset is added up under (module doc)."""
    return symbol if symbol else f"{chain_id}:{token or 'native'}"


def share(value: Decimal | None, total: Decimal) -> Decimal | None:
    """value / total rounded half-even to SHARE_PLACES places; None without a value or total."""
    if value is None or total == 0:
        return None
    return (value / total).quantize(_SHARE_QUANTUM, rounding=ROUND_HALF_EVEN)
