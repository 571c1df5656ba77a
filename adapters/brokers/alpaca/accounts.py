"""Alpaca per account: each Bulwark account on its own key pair, read from the credential vault."""

from __future__ import annotations

import hashlib
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from adapters.alpaca.http import AlpacaCredentials, trading_url
from adapters.brokers.alpaca.broker import AlpacaBroker, AlpacaBrokerConfig, connect_alpaca_broker
from domain.errors import StoreUnavailable
from domain.trading.fills import Fill
from domain.trading.orders import Order
from ports.broker import (
    BrokerAccount,
    BrokerError,
    BrokerErrorCode,
    BrokerOrder,
    BrokerPort,
    BrokerPosition,
    CancelResult,
    CloseResult,
)
from ports.clock import Clock
from ports.vault import VaultUnreadable


@dataclass(frozen=True, slots=True)
class AlpacaKey:
    """A key pair and whether it is for Alpaca's paper or live trading API."""

    credentials: AlpacaCredentials
    paper: bool = True


CredentialsLookup = Callable[[str], Awaitable[AlpacaKey | None]]
BrokerFactory = Callable[[AlpacaCredentials, str], AlpacaBroker]
# (trading URL, key id, digest of the secret): the secret itself is not kept as a dict key.
_PairId = tuple[str, str, str]


@dataclass(frozen=True, slots=True)
class _Resolved:
    pair: _PairId | None
    at: float


class VaultedAlpacaBrokers:
    """A BrokerPort named "alpaca" that sends each account's calls with that account's keys.

    Per call it finds the account's key pair through `credentials_for` (cached for
    `cache_seconds`; `invalidate(account_id)` drops an entry at once, the credential
    service calls it on every change), falling back to `fallback` (the settings' keys)
    for an account without its own, else BrokerError(REJECTED). One AlpacaBroker per key
    pair is made on first use and closed once no account uses it any more, and on aclose().
    """

    name = "alpaca"

    def __init__(
        self,
        credentials_for: CredentialsLookup,
        clock: Clock,
        *,
        fallback: AlpacaKey | None = None,
        url_for: Callable[[bool], str] = trading_url,
        connect: BrokerFactory | None = None,
        config: AlpacaBrokerConfig | None = None,
        cache_seconds: float = 30.0,
    ) -> None:
        self._credentials_for = credentials_for
        self._clock = clock
        self._fallback = fallback
        self._url_for = url_for
        self._connect = connect or (
            lambda credentials, url: connect_alpaca_broker(
                credentials, clock, base_url=url, config=config
            )
        )
        self._cache_seconds = cache_seconds
        self._resolved: dict[str, _Resolved] = {}
        self._generations: dict[str, int] = {}
        self._keys: dict[_PairId, AlpacaCredentials] = {}
        self._brokers: dict[_PairId, AlpacaBroker] = {}

    def invalidate(self, account_id: str) -> None:
        """Forget the account's key pair: its next call reads the vault again."""
        self._resolved.pop(account_id, None)
        self._generations[account_id] = self._generations.get(account_id, 0) + 1

    def within(self, deadline: float) -> BrokerPort:
        """This broker with every call bounded by `deadline` (see ports.broker.DeadlineBroker)."""
        return _DeadlineView(self, deadline)

    @property
    def open_key_pairs(self) -> int:
        """How many AlpacaBrokers (one per key pair) are open now."""
        return len(self._brokers)

    async def aclose(self) -> None:
        brokers, self._brokers = list(self._brokers.values()), {}
        self._resolved.clear()
        for broker in brokers:
            await broker.aclose()

    # -- BrokerPort ------------------------------------------------------------
    async def submit(self, order: Order, *, deadline: float | None = None) -> BrokerOrder:
        broker = await self._broker_for(order.account_id)
        return await broker.submit(order, deadline=deadline)

    async def cancel(
        self, account_id: str, broker_order_id: str, *, deadline: float | None = None
    ) -> CancelResult:
        broker = await self._broker_for(account_id)
        return await broker.cancel(account_id, broker_order_id, deadline=deadline)

    async def cancel_all(
        self, account_id: str, *, deadline: float | None = None
    ) -> list[CancelResult]:
        broker = await self._broker_for(account_id)
        return await broker.cancel_all(account_id, deadline=deadline)

    async def close_all(
        self, account_id: str, *, deadline: float | None = None
    ) -> list[CloseResult]:
        broker = await self._broker_for(account_id)
        return await broker.close_all(account_id, deadline=deadline)

    async def open_orders(
        self, account_id: str, *, deadline: float | None = None
    ) -> list[BrokerOrder]:
        broker = await self._broker_for(account_id)
        return await broker.open_orders(account_id, deadline=deadline)

    async def positions(
        self, account_id: str, *, deadline: float | None = None
    ) -> list[BrokerPosition]:
        broker = await self._broker_for(account_id)
        return await broker.positions(account_id, deadline=deadline)

    async def account(self, account_id: str, *, deadline: float | None = None) -> BrokerAccount:
        broker = await self._broker_for(account_id)
        return await broker.account(account_id, deadline=deadline)

    async def fills(self, account_id: str, *, deadline: float | None = None) -> list[Fill]:
        broker = await self._broker_for(account_id)
        return await broker.fills(account_id, deadline=deadline)

    # -- internals -------------------------------------------------------------
    async def _broker_for(self, account_id: str) -> AlpacaBroker:
        now = self._clock.monotonic()
        cached = self._resolved.get(account_id)
        if cached is not None and now - cached.at < self._cache_seconds:
            pair = cached.pair
        else:
            generation = self._generations.get(account_id, 0)
            pair = await self._lookup(account_id)
            # A change heard while the vault was read makes this answer stale: not cached.
            if self._generations.get(account_id, 0) == generation:
                self._resolved[account_id] = _Resolved(pair, now)
            await self._retire_unused()
        if pair is None:
            raise BrokerError(
                BrokerErrorCode.REJECTED,
                f"no Alpaca credentials for account {account_id}",
                retryable=False,
            )
        broker = self._brokers.get(pair)
        if broker is None:
            broker = self._connect(self._keys[pair], pair[0])
            self._brokers[pair] = broker
        return broker

    async def _lookup(self, account_id: str) -> _PairId | None:
        try:
            key = await self._credentials_for(account_id)
        except VaultUnreadable as exc:
            raise BrokerError(BrokerErrorCode.REJECTED, str(exc), retryable=False) from None
        except StoreUnavailable:
            raise BrokerError(
                BrokerErrorCode.UNAVAILABLE,
                f"the credentials of account {account_id} cannot be read now",
                retryable=True,
            ) from None
        key = key or self._fallback
        if key is None:
            return None
        credentials = key.credentials
        digest = hashlib.sha256(credentials.secret_key.encode()).hexdigest()
        pair = (self._url_for(key.paper), credentials.key_id, digest)
        self._keys[pair] = credentials
        return pair

    async def _retire_unused(self) -> None:
        """Close the brokers of key pairs no cached account resolves to any more."""
        used = {r.pair for r in self._resolved.values()}
        for pair in [p for p in self._brokers if p not in used]:
            broker = self._brokers.pop(pair)
            self._keys.pop(pair, None)
            await broker.aclose()


class _DeadlineView:
    """VaultedAlpacaBrokers with every call bounded by one absolute deadline."""

    def __init__(self, brokers: VaultedAlpacaBrokers, deadline: float) -> None:
        self._brokers = brokers
        self._deadline = deadline
        self.name = brokers.name

    async def submit(self, order: Order) -> BrokerOrder:
        return await self._brokers.submit(order, deadline=self._deadline)

    async def cancel(self, account_id: str, broker_order_id: str) -> CancelResult:
        return await self._brokers.cancel(account_id, broker_order_id, deadline=self._deadline)

    async def cancel_all(self, account_id: str) -> list[CancelResult]:
        return await self._brokers.cancel_all(account_id, deadline=self._deadline)

    async def close_all(self, account_id: str) -> list[CloseResult]:
        return await self._brokers.close_all(account_id, deadline=self._deadline)

    async def open_orders(self, account_id: str) -> list[BrokerOrder]:
        return await self._brokers.open_orders(account_id, deadline=self._deadline)

    async def positions(self, account_id: str) -> list[BrokerPosition]:
        return await self._brokers.positions(account_id, deadline=self._deadline)

    async def account(self, account_id: str) -> BrokerAccount:
        return await self._brokers.account(account_id, deadline=self._deadline)

    async def fills(self, account_id: str) -> list[Fill]:
        return await self._brokers.fills(account_id, deadline=self._deadline)
