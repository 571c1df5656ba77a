"""/api/v1/crypto DTOs (docs/crypto-defi.md): stored wallets, the aggregated portfolio, live gas.
Amounts, prices, values, shares and fees leave as plain decimal strings."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import msgspec

from adapters.http.analytics.crypto_wallets_schemas import EvmAddress, EvmChainOut
from adapters.http.schemas.common import Input, ItemsOut, Output
from adapters.http.wire_format import AnalyticOut, plain_decimal
from application.analytics.crypto_wallet_book import NewWallet, WalletChange
from application.analytics.crypto_wallets import MAX_TOKENS_PER_WALLET
from domain.analytics.crypto.fees import BlockFees, GasFees, PercentileFee
from domain.analytics.crypto.wallet_book import (
    MAX_LABEL,
    SHARE_PLACES,
    AssetTotal,
    ChainBlock,
    CryptoPortfolio,
    Holding,
    StoredWallet,
)

_Token = Annotated[str, msgspec.Meta(max_length=42)]
_Tokens = Annotated[
    list[_Token],
    msgspec.Meta(
        max_length=MAX_TOKENS_PER_WALLET,
        description=f"ERC-20 contract addresses, at most {MAX_TOKENS_PER_WALLET}",
    ),
]
_Label = Annotated[str, msgspec.Meta(max_length=MAX_LABEL * 2, description="A name of yours")]

PORTFOLIO_CONVENTIONS = {
    "asset": "an asset is its symbol across wallets and chains (USDC on Ethereum and Polygon "
    "is one asset, valued at one reference price); a token without a symbol is "
    "`<chain id>:<contract>`",
    "amount": "the sum of the holdings' exact amounts (raw / 10^decimals)",
    "value": "amount x the reference price of an instrument named like the symbol, when the "
    "market data has one (a stablecoin is not assumed to be worth 1)",
    "share": f"value / total_value, rounded half-even to {SHARE_PLACES} places; null for an "
    "unpriced asset",
    "block": "every wallet of a chain is read at that chain's one block",
}

GAS_FEE_CONVENTIONS = {
    "unit": "gwei per gas (1 gwei = 10^9 wei), exact decimal strings",
    "base_fee": "each block's base fee per gas (EIP-1559), from eth_feeHistory",
    "next_base_fee": "the base fee of the block after the newest, as the node computes it",
    "priority_fee": "the median over the non-empty blocks of each block's reward at that "
    "percentile (effective priority fee per gas, weighted by gas used); null when every "
    "block was empty",
    "max_fee": "2 x next_base_fee + priority_fee: valid through six full blocks (+12.5 % each)",
    "gas_price": "eth_gasPrice, the node's legacy estimate, only from a node without "
    "eth_feeHistory",
}


class CryptoWalletIn(Input):
    """A wallet to keep: a chain, an address and the ERC-20 contracts to read in it."""

    chain_id: Annotated[int, msgspec.Meta(description="EIP-155 chain id (1 Ethereum, 137 Polygon)")]
    address: EvmAddress
    label: _Label = ""
    tokens: _Tokens = msgspec.field(default_factory=list)

    def to_new(self) -> NewWallet:
        return NewWallet(self.chain_id, self.address, self.label, tuple(self.tokens))


class CryptoWalletChangeIn(Input):
    """What to change: the label, the tokens (the whole list), or both."""

    label: _Label | None = None
    tokens: _Tokens | None = None

    def to_change(self) -> WalletChange:
        tokens = None if self.tokens is None else tuple(self.tokens)
        return WalletChange(self.label, tokens)


class CryptoWalletOut(Output):
    id: str
    chain_id: int
    address: str
    label: str
    tokens: list[str]
    created_at: datetime
    updated_at: datetime

    @classmethod
    def from_domain(cls, w: StoredWallet) -> CryptoWalletOut:
        return cls.from_attributes(w, tokens=list(w.tokens))


class CryptoWalletListOut(ItemsOut):
    items: list[CryptoWalletOut]


class CryptoHoldingOut(Output):
    wallet_id: str
    chain_id: int
    token: str | None
    amount: str

    @classmethod
    def from_domain(cls, h: Holding) -> CryptoHoldingOut:
        return cls.from_attributes(h, amount=plain_decimal(h.amount))


class CryptoAssetTotalOut(Output):
    asset: str
    symbol: str | None
    amount: str
    price: str | None
    value: str | None
    share: str | None
    holdings: list[CryptoHoldingOut]

    @classmethod
    def from_domain(cls, a: AssetTotal) -> CryptoAssetTotalOut:
        return cls.from_attributes(
            a,
            amount=plain_decimal(a.amount),
            price=None if a.price is None else plain_decimal(a.price),
            value=None if a.value is None else plain_decimal(a.value),
            share=None if a.share is None else plain_decimal(a.share),
            holdings=[CryptoHoldingOut.from_domain(h) for h in a.holdings],
        )


class CryptoChainBlockOut(Output):
    chain: EvmChainOut
    block: int | None

    @classmethod
    def from_domain(cls, c: ChainBlock) -> CryptoChainBlockOut:
        return cls(chain=EvmChainOut.from_domain(c.chain), block=c.block)


class CryptoPortfolioOut(Output):
    source: str
    wallets: int
    chains: list[CryptoChainBlockOut]
    assets: list[CryptoAssetTotalOut]
    total_value: str
    unpriced: list[str]
    conventions: dict[str, str]

    @classmethod
    def from_domain(cls, p: CryptoPortfolio) -> CryptoPortfolioOut:
        return cls(
            source=p.source,
            wallets=p.wallets,
            chains=[CryptoChainBlockOut.from_domain(c) for c in p.chains],
            assets=[CryptoAssetTotalOut.from_domain(a) for a in p.assets],
            total_value=plain_decimal(p.total_value),
            unpriced=list(p.unpriced),
            conventions=PORTFOLIO_CONVENTIONS,
        )


class BlockFeesOut(Output):
    number: int
    base_fee: str
    gas_used_ratio: AnalyticOut
    priority_fees: list[str]

    @classmethod
    def from_domain(cls, b: BlockFees) -> BlockFeesOut:
        return cls(
            number=b.number,
            base_fee=plain_decimal(b.base_fee),
            gas_used_ratio=b.gas_used_ratio,
            priority_fees=[plain_decimal(f) for f in b.priority_fees],
        )


class PercentileFeeOut(Output):
    percentile: AnalyticOut
    priority_fee: str | None
    max_fee: str | None

    @classmethod
    def from_domain(cls, p: PercentileFee) -> PercentileFeeOut:
        return cls(
            percentile=p.percentile,
            priority_fee=None if p.priority_fee is None else plain_decimal(p.priority_fee),
            max_fee=None if p.max_fee is None else plain_decimal(p.max_fee),
        )


class GasFeesOut(Output):
    chain: EvmChainOut
    method: Annotated[str, msgspec.Meta(description="eth_feeHistory, or eth_gasPrice")]
    newest_block: int | None
    blocks: list[BlockFeesOut]
    next_base_fee: str | None
    percentiles: list[PercentileFeeOut]
    gas_price: str | None
    conventions: dict[str, str]

    @classmethod
    def from_domain(cls, f: GasFees) -> GasFeesOut:
        return cls(
            chain=EvmChainOut.from_domain(f.chain),
            method=f.method,
            newest_block=f.newest_block,
            blocks=[BlockFeesOut.from_domain(b) for b in f.blocks],
            next_base_fee=None if f.next_base_fee is None else plain_decimal(f.next_base_fee),
            percentiles=[PercentileFeeOut.from_domain(p) for p in f.percentiles],
            gas_price=None if f.gas_price is None else plain_decimal(f.gas_price),
            conventions=GAS_FEE_CONVENTIONS,
        )
