"""Alpaca per account: each Bulwark account on its own key pair, read from the API-key vault.

While a rotated key's grace period lasts the vault also hands out the previous pair; a call
the new pair gets refused for (401, or a 403 not about funds) is sent again once with it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TypeVar

from adapters.alpaca.http import AlpacaCredentials, trading_url
from adapters.brokers.alpaca.broker import (
    ACCEPTANCE_WINDOW_S,
    AlpacaBroker,
    AlpacaBrokerConfig,
    DeadlineBoundBroker,
    connect_alpaca_broker,
)
from adapters.brokers.alpaca.errors import key_refused
from domain.errors import StoreUnavailable
from domain.trading.fills import Fill
from domain.trading.orders import Order
from ports.core.clock import Clock
from ports.keys.key_vault import KeyUnusable
from ports.trading.broker import (
    BrokerAccount,
    BrokerError,
    BrokerErrorCode,
    BrokerOrder,
    BrokerPort,
    BrokerPosition,
    CancelResult,
    CloseResult,
)


@dataclass(frozen=True, slots=True)
class AlpacaKey:
    """A key pair and whether it is for Alpaca's paper or live trading API."""

    credentials: AlpacaCredentials
    paper: bool = True
    fallback: AlpacaCredentials | None = None  # the previous pair, during a rotation's grace


CredentialsLookup = Callable[[str], Awaitable[AlpacaKey | None]]
BrokerFactory = Callable[[AlpacaCredentials, str], AlpacaBroker]
T = TypeVar("T")
# (trading URL, key id, digest of the secret): the secret itself is not kept as a dict key.
_PairId = tuple[str, str, str]


@dataclass(frozen=True, slots=True)
class _Resolved:
    pair: _PairId | None
    at: float
    fallback: _PairId | None = None


class VaultedAlpacaBrokers:
    """A BrokerPort named "alpaca" that sends each account's calls with that account's keys.

    Per call it finds the account's key pair through `credentials_for` (cached for
    `cache_seconds`; `invalidate(account_id)` drops an entry at once, the credential
    service calls it on every change), falling back to `fallback` (the settings' keys)
    for an account without its own, else BrokerError(REJECTED). One AlpacaBroker per key
    pair is made on first use and closed once no account uses it any more, and on aclose().
    """

    name = "alpaca"
    acceptance_window_s = ACCEPTANCE_WINDOW_S

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
        """This broker with every call bounded by `deadline` (see
        ports.trading.broker.DeadlineBroker)."""
        return DeadlineBoundBroker(self, deadline)

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
        return await self._run(order.account_id, lambda b: b.submit(order, deadline=deadline))

    async def cancel(
        self, account_id: str, broker_order_id: str, *, deadline: float | None = None
    ) -> CancelResult:
        return await self._run(
            account_id, lambda b: b.cancel(account_id, broker_order_id, deadline=deadline)
        )

    async def cancel_all(
        self, account_id: str, *, deadline: float | None = None
    ) -> list[CancelResult]:
        return await self._run(account_id, lambda b: b.cancel_all(account_id, deadline=deadline))

    async def close_all(
        self, account_id: str, *, deadline: float | None = None
    ) -> list[CloseResult]:
        return await self._run(account_id, lambda b: b.close_all(account_id, deadline=deadline))

    async def open_orders(
        self, account_id: str, *, deadline: float | None = None
    ) -> list[BrokerOrder]:
        return await self._run(account_id, lambda b: b.open_orders(account_id, deadline=deadline))

    async def positions(
        self, account_id: str, *, deadline: float | None = None
    ) -> list[BrokerPosition]:
        return await self._run(account_id, lambda b: b.positions(account_id, deadline=deadline))

    async def account(self, account_id: str, *, deadline: float | None = None) -> BrokerAccount:
        return await self._run(account_id, lambda b: b.account(account_id, deadline=deadline))

    async def fills(self, account_id: str, *, deadline: float | None = None) -> list[Fill]:
        return await self._run(account_id, lambda b: b.fills(account_id, deadline=deadline))

    async def order_by_client_id(
        self, account_id: str, client_order_id: str, *, deadline: float | None = None
    ) -> BrokerOrder | None:
        return await self._run(
            account_id,
            lambda b: b.order_by_client_id(account_id, client_order_id, deadline=deadline),
        )

    # -- internals -------------------------------------------------------------
    async def _run(self, account_id: str, call: Callable[[AlpacaBroker], Awaitable[T]]) -> T:
        """The call on the account's pair; once more on the grace pair if the key is refused."""
        resolved = await self._resolve(account_id)
        try:
            return await call(self._broker(resolved.pair, account_id))
        except BrokerError as exc:
            if resolved.fallback is None or not key_refused(exc):
                raise
        return await call(self._broker(resolved.fallback, account_id))

    async def _resolve(self, account_id: str) -> _Resolved:
        now = self._clock.monotonic()
        cached = self._resolved.get(account_id)
        if cached is not None and now - cached.at < self._cache_seconds:
            return cached
        generation = self._generations.get(account_id, 0)
        resolved = await self._lookup(account_id, now)
        # A change heard while the vault was read makes this answer stale: not cached.
        if self._generations.get(account_id, 0) == generation:
            self._resolved[account_id] = resolved
        await self._retire_unused()
        return resolved

    def _broker(self, pair: _PairId | None, account_id: str) -> AlpacaBroker:
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

    def _pair(self, credentials: AlpacaCredentials, paper: bool) -> _PairId:
        digest = hashlib.sha256(credentials.secret_key.encode()).hexdigest()
        pair = (self._url_for(paper), credentials.key_id, digest)
        self._keys[pair] = credentials
        return pair

    async def _lookup(self, account_id: str, now: float) -> _Resolved:
        try:
            key = await self._credentials_for(account_id)
        except KeyUnusable as exc:
            raise BrokerError(BrokerErrorCode.REJECTED, str(exc), retryable=False) from None
        except StoreUnavailable:
            raise BrokerError(
                BrokerErrorCode.UNAVAILABLE,
                f"the credentials of account {account_id} cannot be read now",
                retryable=True,
            ) from None
        key = key or self._fallback
        if key is None:
            return _Resolved(None, now)
        grace = None if key.fallback is None else self._pair(key.fallback, key.paper)
        return _Resolved(self._pair(key.credentials, key.paper), now, grace)

    async def _retire_unused(self) -> None:
        """Close the brokers of key pairs no cached account resolves to any more."""
        used = {p for r in self._resolved.values() for p in (r.pair, r.fallback)}
        for pair in [p for p in self._brokers if p not in used]:
            broker = self._brokers.pop(pair)
            self._keys.pop(pair, None)
            await broker.aclose()
