"""Multi-chain wallet balances through the ChainPort, valued at reference prices.

Each asked wallet names its chain id, its address and the ERC-20 contracts to read. The
wallets of one chain are read together at one block (one snapshot per chain, the chains
concurrently). Raw units become exact Decimals (domain/analytics/crypto/wallets.py). An asset
is valued when the market data has a reference price for an instrument named like the asset's
symbol (ETH, USDC, ...): value = amount x price, in that price's currency; the rest are listed
in `unpriced` (a stablecoin is not assumed to be worth 1). Nothing is stored.

Refusals name the field: 422 INVALID_CRYPTO_INPUT (`wallets[i].address`, `...tokens[j]`, a
repeated token, too many), 404 UNKNOWN_CHAIN (`wallets[i].chain_id`: no source serves it),
422 NOT_AN_ERC20_TOKEN (`wallets[i].tokens[j]`), 503 CHAIN_UNAVAILABLE with Retry-After.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from domain.analytics.crypto.errors import InvalidCryptoInput
from domain.analytics.crypto.wallets import ChainInfo, parse_address, to_units
from ports.analytics.chain import ChainPort, ChainSnapshot, NotAToken, UnknownChain, WalletQuery
from ports.market_data.marketdata import MarketDataPort

MAX_WALLETS = 20
MAX_TOKENS_PER_WALLET = 50
MAX_TOKENS = 200
ZERO = Decimal(0)


@dataclass(frozen=True, slots=True)
class WalletRequest:
    chain_id: int
    address: str
    tokens: Sequence[str] = ()


@dataclass(frozen=True, slots=True)
class AssetBalance:
    kind: str  # "native" or "erc20"
    token: str | None  # the contract (None for the native asset)
    symbol: str | None
    decimals: int
    raw: int  # smallest units
    amount: Decimal  # raw / 10^decimals, exact
    price: Decimal | None
    value: Decimal | None


@dataclass(frozen=True, slots=True)
class WalletView:
    chain: ChainInfo
    block: int | None
    address: str
    assets: tuple[AssetBalance, ...]
    value: Decimal  # of the priced assets


@dataclass(frozen=True, slots=True)
class WalletBalances:
    source: str
    wallets: tuple[WalletView, ...]  # in the order asked
    total_value: Decimal
    unpriced: tuple[str, ...] = field(default=())


@dataclass(eq=False)
class WalletBalanceService:
    """Reads wallets through the ChainPort; prices through the market data."""

    chain: ChainPort
    prices: MarketDataPort

    def chains(self) -> tuple[ChainInfo, ...]:
        return self.chain.chains()

    @property
    def source(self) -> str:
        return self.chain.name

    async def balances(self, wallets: Sequence[WalletRequest]) -> WalletBalances:
        queries = _queries(wallets)
        by_chain: dict[int, list[int]] = {}
        for i, wallet in enumerate(wallets):
            by_chain.setdefault(wallet.chain_id, []).append(i)
        chain_ids = list(by_chain)
        snapshots = await asyncio.gather(
            *(
                self._snapshot(cid, [queries[i] for i in by_chain[cid]], by_chain[cid], queries)
                for cid in chain_ids
            )
        )
        placed: dict[int, tuple[ChainSnapshot, int]] = {}
        for cid, snapshot in zip(chain_ids, snapshots, strict=True):
            for position, i in enumerate(by_chain[cid]):
                placed[i] = (snapshot, position)
        rows = [_assets(*placed[i]) for i in range(len(wallets))]
        symbols = sorted({a.symbol for _, _, assets in rows for a in assets if a.symbol})
        prices = await self.prices.reference_prices(symbols) if symbols else {}
        views = []
        unpriced: set[str] = set()
        for snapshot, address, assets in rows:
            valued = []
            for asset in assets:
                price = prices.get(asset.symbol) if asset.symbol else None
                if price is None:
                    unpriced.add(asset.symbol or (asset.token or "?"))
                value = None if price is None else asset.amount * price
                valued.append(_with_price(asset, price, value))
            total = sum((a.value for a in valued if a.value is not None), ZERO)
            views.append(WalletView(snapshot.chain, snapshot.block, address, tuple(valued), total))
        grand = sum((v.value for v in views), ZERO)
        return WalletBalances(self.chain.name, tuple(views), grand, tuple(sorted(unpriced)))

    async def _snapshot(
        self,
        chain_id: int,
        wallets: list[WalletQuery],
        indices: list[int],
        queries: list[WalletQuery],
    ) -> ChainSnapshot:
        try:
            return await self.chain.snapshot(chain_id, wallets)
        except UnknownChain as error:
            raise UnknownChain(error.message, field=f"wallets[{indices[0]}].chain_id") from None
        except NotAToken as error:
            refused = NotAToken(error.message, error.token)
            refused.field = _token_field(queries, indices, error.token)
            raise refused from None


def _queries(wallets: Sequence[WalletRequest]) -> list[WalletQuery]:
    if not 1 <= len(wallets) <= MAX_WALLETS:
        raise InvalidCryptoInput(f"wallets needs 1 to {MAX_WALLETS} wallets", field="wallets")
    queries, total = [], 0
    for i, wallet in enumerate(wallets):
        if not 1 <= wallet.chain_id <= 2**53:
            raise InvalidCryptoInput(
                "chain_id must be an EIP-155 chain id (1 or more)", field=f"wallets[{i}].chain_id"
            )
        address = parse_address(wallet.address, f"wallets[{i}].address")
        if len(wallet.tokens) > MAX_TOKENS_PER_WALLET:
            raise InvalidCryptoInput(
                f"at most {MAX_TOKENS_PER_WALLET} tokens a wallet", field=f"wallets[{i}].tokens"
            )
        tokens: list[str] = []
        for j, text in enumerate(wallet.tokens):
            token = parse_address(text, f"wallets[{i}].tokens[{j}]")
            if token in tokens:
                raise InvalidCryptoInput("a token named twice", field=f"wallets[{i}].tokens[{j}]")
            tokens.append(token)
        total += len(tokens)
        if total > MAX_TOKENS:
            raise InvalidCryptoInput(f"at most {MAX_TOKENS} tokens in all", field="wallets")
        queries.append(WalletQuery(address, tuple(tokens)))
    return queries


def _assets(
    snapshot: ChainSnapshot, position: int
) -> tuple[ChainSnapshot, str, list[AssetBalance]]:
    state = snapshot.wallets[position]
    chain = snapshot.chain
    assets = [
        AssetBalance(
            "native", None, chain.native_symbol, chain.native_decimals, state.native_raw,
            to_units(state.native_raw, chain.native_decimals), None, None,
        )
    ]  # fmt: skip
    assets.extend(
        AssetBalance(
            "erc20", t.token, t.symbol, t.decimals, t.raw, to_units(t.raw, t.decimals), None, None
        )
        for t in state.tokens
    )
    return snapshot, state.address, assets


def _with_price(asset: AssetBalance, price: Decimal | None, value: Decimal | None) -> AssetBalance:
    return AssetBalance(
        asset.kind, asset.token, asset.symbol, asset.decimals, asset.raw, asset.amount, price, value
    )


def _token_field(queries: list[WalletQuery], indices: list[int], token: str) -> str:
    for i in indices:
        if token in queries[i].tokens:
            return f"wallets[{i}].tokens[{queries[i].tokens.index(token)}]"
    return "wallets"
