"""/api/v1/analytics/crypto/wallets and /chains DTOs (docs/crypto-defi.md): wallets in, exact
balances out (raw units and amounts as decimal strings), valued where a price is known."""

from __future__ import annotations

from typing import Annotated

import msgspec

from adapters.http.schemas.common import Input, Mirror, Output, doc
from adapters.http.wire_format import plain_decimal
from application.analytics.crypto_wallets import (
    MAX_TOKENS_PER_WALLET,
    MAX_WALLETS,
    AssetBalance,
    WalletBalances,
    WalletRequest,
    WalletView,
)
from domain.analytics.crypto.wallets import ChainInfo

WALLET_CONVENTIONS = {
    "raw": "the chain's integer in the asset's smallest unit (wei for ether), as a string",
    "amount": "raw / 10^decimals, exact (no float on the way)",
    "block": "every wallet of a chain is read at this block",
    "price": "the reference price of an instrument named like the asset's symbol, when the "
    "market data has one (a stablecoin is not assumed to be worth 1); value = amount x price",
}


EvmAddress = Annotated[str, msgspec.Meta(max_length=42, description="0x and 40 hex digits")]


class EvmWalletIn(Input):
    """A wallet on one chain and the ERC-20 contracts to read in it."""

    chain_id: Annotated[int, doc("EIP-155 chain id (1 Ethereum, 137 Polygon, 8453 Base ...)")]
    address: EvmAddress
    tokens: Annotated[
        list[Annotated[str, msgspec.Meta(max_length=42)]],
        doc(f"ERC-20 contract addresses, at most {MAX_TOKENS_PER_WALLET}"),
    ] = msgspec.field(default_factory=list)


class WalletBalancesIn(Input):
    wallets: Annotated[list[EvmWalletIn], doc(f"1 to {MAX_WALLETS} wallets, any chains")]

    def to_requests(self) -> list[WalletRequest]:
        return [WalletRequest(w.chain_id, w.address, tuple(w.tokens)) for w in self.wallets]


class WalletAssetOut(Output):
    kind: str
    token: str | None
    symbol: str | None
    decimals: int
    raw: str
    amount: str
    price: str | None
    value: str | None

    @classmethod
    def from_domain(cls, a: AssetBalance) -> WalletAssetOut:
        return cls.from_attributes(
            a,
            raw=str(a.raw),
            amount=plain_decimal(a.amount),
            price=None if a.price is None else plain_decimal(a.price),
            value=None if a.value is None else plain_decimal(a.value),
        )


class EvmChainOut(Mirror[ChainInfo]):
    chain_id: int
    name: str
    native_symbol: str
    native_decimals: int


class EvmWalletOut(Output):
    chain: EvmChainOut
    block: int | None
    address: str
    assets: list[WalletAssetOut]
    value: str

    @classmethod
    def from_domain(cls, w: WalletView) -> EvmWalletOut:
        return cls(
            chain=EvmChainOut.from_domain(w.chain),
            block=w.block,
            address=w.address,
            assets=[WalletAssetOut.from_domain(a) for a in w.assets],
            value=plain_decimal(w.value),
        )


class WalletBalancesOut(Output):
    source: str
    wallets: list[EvmWalletOut]
    total_value: str
    unpriced: list[str]
    conventions: dict[str, str]

    @classmethod
    def from_domain(cls, b: WalletBalances) -> WalletBalancesOut:
        return cls(
            source=b.source,
            wallets=[EvmWalletOut.from_domain(w) for w in b.wallets],
            total_value=plain_decimal(b.total_value),
            unpriced=list(b.unpriced),
            conventions=WALLET_CONVENTIONS,
        )


class EvmChainsOut(Output):
    source: str
    chains: list[EvmChainOut]
