"""A user's stored crypto wallets, and the crypto portfolio read from all of them at once.

Owner-scoped: another user's wallet answers 404 CRYPTO_WALLET_NOT_FOUND, as an unknown one; a
viewer reads (its own, none) and changes nothing (403). A wallet is a chain id, an address
(0x and 40 hex digits, kept lower-case: domain/analytics/crypto/wallets.py), a label and the
ERC-20 contracts to read; each user keeps at most MAX_WALLETS wallets with MAX_TOKENS tokens
in all (MAX_TOKENS_PER_WALLET each), so the portfolio is one read of the wallet-balance use
case. A chain the chain source does not serve is refused when stored (404 UNKNOWN_CHAIN). Each
change is audited (`crypto_wallet.created` / `.changed` / `.deleted`, subject
`crypto_wallet:<id>`, the chain id and token count in the details, never the address).

The portfolio reads every stored wallet through WalletBalanceService (the chains concurrently,
one block per chain), values the assets at reference prices and adds them up per asset across
wallets and chains (domain/analytics/crypto/wallet_book.py names the conventions). A chain
that is down fails the whole read (503 CHAIN_UNAVAILABLE with Retry-After): a total without
one chain's wallets would be wrong without saying so.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from decimal import Decimal

from application.analytics.crypto_wallets import (
    MAX_TOKENS,
    MAX_TOKENS_PER_WALLET,
    MAX_WALLETS,
    WalletBalances,
    WalletBalanceService,
    WalletRequest,
)
from application.core.access import ensure_may_change, owned_by
from domain.analytics.crypto.errors import InvalidCryptoInput
from domain.analytics.crypto.wallet_book import (
    MAX_LABEL,
    AssetTotal,
    ChainBlock,
    CryptoPortfolio,
    Holding,
    StoredWallet,
    asset_key,
    share,
)
from domain.analytics.crypto.wallets import parse_address
from domain.errors import Conflict, NotFound
from domain.principals import Principal
from ports.analytics.chain import NotAToken, UnknownChain
from ports.analytics.crypto_wallets import CryptoWalletStore
from ports.core.clock import Clock, IdGenerator
from ports.core.events import AuditEntry, AuditLog

ZERO = Decimal(0)
_WALLET_FIELD = re.compile(r"^wallets\[(\d+)\]")


class CryptoWalletNotFound(NotFound):
    """No such stored wallet (or it is another user's)."""

    code = "CRYPTO_WALLET_NOT_FOUND"


class TooManyCryptoWallets(Conflict):
    """The user keeps MAX_WALLETS wallets, or MAX_TOKENS tokens in all, already."""

    code = "TOO_MANY_CRYPTO_WALLETS"


@dataclass(frozen=True, slots=True)
class NewWallet:
    chain_id: int
    address: str
    label: str = ""
    tokens: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class WalletChange:
    """A PATCH: what is None stays as it is."""

    label: str | None = None
    tokens: tuple[str, ...] | None = None


@dataclass(eq=False)
class CryptoWalletBook:
    """Stored wallets over their store; the portfolio over the wallet-balance use case."""

    store: CryptoWalletStore
    balances: WalletBalanceService
    clock: Clock
    ids: IdGenerator
    audit: AuditLog
    max_wallets: int = MAX_WALLETS

    async def create(self, caller: Principal, new: NewWallet) -> StoredWallet:
        ensure_may_change(caller)
        if not 1 <= new.chain_id <= 2**53:
            raise InvalidCryptoInput(
                "chain_id must be an EIP-155 chain id (1 or more)", field="chain_id"
            )
        address = parse_address(new.address, "address")
        tokens = _tokens(new.tokens)
        label = _label(new.label)
        served = {c.chain_id for c in self.balances.chains()}
        if served and new.chain_id not in served:
            raise UnknownChain(
                f"the chain source ({self.balances.source}) does not serve chain {new.chain_id}",
                field="chain_id",
            )
        mine = await self.store.list_for(caller.id)
        if len(mine) >= self.max_wallets:
            raise TooManyCryptoWallets(f"at most {self.max_wallets} crypto wallets per user")
        _within_tokens(mine, len(tokens))
        now = self.clock.now()
        wallet = StoredWallet(
            self.ids.new("cw-"), caller.id, new.chain_id, address, label, tokens, now, now
        )
        await self.store.add(wallet)
        await self._record(caller, "crypto_wallet.created", wallet, "created")
        return wallet

    async def list_for(self, caller: Principal) -> list[StoredWallet]:
        return await self.store.list_for(caller.id)

    async def get(self, caller: Principal, wallet_id: str) -> StoredWallet:
        found = await self.store.get(wallet_id)
        refusal = CryptoWalletNotFound(f"no crypto wallet {wallet_id}", field="wallet_id")
        return owned_by(caller, found, refusal)

    async def change(self, caller: Principal, wallet_id: str, change: WalletChange) -> StoredWallet:
        ensure_may_change(caller)
        current = await self.get(caller, wallet_id)
        label = current.label if change.label is None else _label(change.label)
        tokens = current.tokens
        if change.tokens is not None:
            tokens = _tokens(change.tokens)
            others = [w for w in await self.store.list_for(caller.id) if w.id != wallet_id]
            _within_tokens(others, len(tokens))
        changed = dataclasses.replace(
            current, label=label, tokens=tokens, updated_at=self.clock.now()
        )
        if not await self.store.save(changed):
            raise CryptoWalletNotFound(f"no crypto wallet {wallet_id}", field="wallet_id")
        await self._record(caller, "crypto_wallet.changed", changed, "changed")
        return changed

    async def delete(self, caller: Principal, wallet_id: str) -> None:
        ensure_may_change(caller)
        current = await self.get(caller, wallet_id)
        if not await self.store.remove(wallet_id, caller.id):
            raise CryptoWalletNotFound(f"no crypto wallet {wallet_id}", field="wallet_id")
        await self._record(caller, "crypto_wallet.deleted", current, "deleted")

    async def portfolio(self, caller: Principal) -> CryptoPortfolio:
        """Every stored wallet read at once, added up per asset (module doc)."""
        wallets = await self.store.list_for(caller.id)
        if not wallets:
            return CryptoPortfolio(self.balances.source, 0, (), (), ZERO, ())
        requests = [WalletRequest(w.chain_id, w.address, w.tokens) for w in wallets]
        try:
            read = await self.balances.balances(requests)
        except (UnknownChain, NotAToken, InvalidCryptoInput) as error:
            error.field = _wallet_field(error.field, wallets)
            raise
        return _aggregate(read, wallets)

    async def _record(
        self, caller: Principal, action: str, wallet: StoredWallet, outcome: str
    ) -> None:
        details = {"chain_id": wallet.chain_id, "tokens": len(wallet.tokens)}
        await self.audit.record(
            AuditEntry(
                caller.id, action, f"crypto_wallet:{wallet.id}", outcome, self.clock.now(), details
            )
        )


def _aggregate(read: WalletBalances, wallets: list[StoredWallet]) -> CryptoPortfolio:
    amounts: dict[str, Decimal] = {}
    prices: dict[str, Decimal | None] = {}
    symbols: dict[str, str | None] = {}
    holdings: dict[str, list[Holding]] = {}
    blocks: dict[int, ChainBlock] = {}
    for stored, view in zip(wallets, read.wallets, strict=True):
        chain_id = view.chain.chain_id
        blocks.setdefault(chain_id, ChainBlock(view.chain, view.block))
        for asset in view.assets:
            key = asset_key(asset.symbol, chain_id, asset.token)
            amounts[key] = amounts.get(key, ZERO) + asset.amount
            prices.setdefault(key, asset.price)
            symbols.setdefault(key, asset.symbol)
            holdings.setdefault(key, []).append(
                Holding(stored.id, chain_id, asset.token, asset.amount)
            )
    values: dict[str, Decimal | None] = {}
    for key, amount in amounts.items():
        price = prices[key]
        values[key] = None if price is None else amount * price
    total = sum((v for v in values.values() if v is not None), ZERO)
    totals = [
        AssetTotal(
            key, symbols[key], amounts[key], prices[key], values[key], share(values[key], total),
            tuple(holdings[key]),
        )
        for key in amounts
    ]  # fmt: skip
    priced = sorted((a for a in totals if a.value is not None), key=_by_value)
    unpriced = sorted((a for a in totals if a.value is None), key=lambda a: a.asset)
    return CryptoPortfolio(
        read.source,
        len(wallets),
        tuple(blocks[c] for c in sorted(blocks)),
        tuple(priced + unpriced),
        total,
        tuple(a.asset for a in unpriced),
    )


def _by_value(total: AssetTotal) -> tuple[Decimal, str]:
    return (-(total.value or ZERO), total.asset)


def _tokens(texts: tuple[str, ...]) -> tuple[str, ...]:
    if len(texts) > MAX_TOKENS_PER_WALLET:
        raise InvalidCryptoInput(f"at most {MAX_TOKENS_PER_WALLET} tokens a wallet", field="tokens")
    tokens: list[str] = []
    for j, text in enumerate(texts):
        token = parse_address(text, f"tokens[{j}]")
        if token in tokens:
            raise InvalidCryptoInput("a token named twice", field=f"tokens[{j}]")
        tokens.append(token)
    return tuple(tokens)


def _label(text: str) -> str:
    cleaned = text.strip()
    if len(cleaned) > MAX_LABEL or not cleaned.isprintable():
        raise InvalidCryptoInput(
            f"label must be at most {MAX_LABEL} printable characters", field="label"
        )
    return cleaned


def _within_tokens(others: list[StoredWallet], adding: int) -> None:
    held = sum(len(w.tokens) for w in others)
    if held + adding > MAX_TOKENS:
        raise TooManyCryptoWallets(
            f"at most {MAX_TOKENS} tokens across your wallets ({held} kept already)",
            field="tokens",
        )


def _wallet_field(field: str | None, wallets: list[StoredWallet]) -> str | None:
    """`wallets[3].tokens[1]` of the balance read as `wallets[<stored id>].tokens[1]`."""
    if field is None:
        return None
    found = _WALLET_FIELD.match(field)
    if found is None or int(found.group(1)) >= len(wallets):
        return field
    return f"wallets[{wallets[int(found.group(1))].id}]{field[found.end() :]}"
