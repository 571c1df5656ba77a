"""The broker of each venue connection: its adapter opened on first use, shared by the
connection's accounts, reopened when its credentials change, refused once it is revoked.

An account on a connection is routed by the connection's id (`vc-...`), so the router asks
ConnectionBrokers for that name. A rotation (or any change of the connection's vault key)
retires the open adapter: calls already under way finish on it, the next call opens a new
one on the new credentials, and the old one closes when its last call ends; so credentials
rotate under traffic with no failed order. While the vault's grace lasts, a call the new
credentials are refused for is sent once more on the previous ones.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import TypeVar

from application.keys.vault import KeyVaultService
from domain.connections.connection import VenueConnection, is_connection_id
from domain.errors import NotFound
from domain.trading.fills import Fill
from domain.trading.orders import Order
from ports.connections.store import ConnectionStore
from ports.connections.venues import VenueAdapter, VenueAdapters
from ports.core.clock import Clock
from ports.keys.key_vault import Credentials, KeyUnusable
from ports.trading.broker import (
    BrokerAccount,
    BrokerError,
    BrokerErrorCode,
    BrokerOrder,
    BrokerPort,
    BrokerPosition,
    CancelResult,
    CloseResult,
    DeadlineBroker,
)

T = TypeVar("T")
DEFAULT_ACCEPTANCE_WINDOW_S = 30.0


class ConnectionState(StrEnum):
    """What the last call through a connection learnt of it."""

    UNUSED = "unused"  # no call yet in this process
    OK = "ok"  # the venue answered (an order it refused included)
    AUTH_FAILED = "auth_failed"  # the venue, or the vault, refused the credentials
    UNREACHABLE = "unreachable"  # no usable answer: down, timing out
    RATE_LIMITED = "rate_limited"
    REVOKED = "revoked"


_STATE_OF: dict[BrokerErrorCode, ConnectionState] = {
    BrokerErrorCode.AUTH_FAILED: ConnectionState.AUTH_FAILED,
    BrokerErrorCode.UNAVAILABLE: ConnectionState.UNREACHABLE,
    BrokerErrorCode.TIMEOUT: ConnectionState.UNREACHABLE,
    BrokerErrorCode.RATE_LIMITED: ConnectionState.RATE_LIMITED,
    BrokerErrorCode.CONNECTION_REVOKED: ConnectionState.REVOKED,
}


@dataclass(frozen=True, slots=True)
class ConnectionHealth:
    """A connection's state as its last call left it, since when, and why."""

    connection_id: str
    state: ConnectionState
    since: datetime | None = None
    reason: str = ""


@dataclass(eq=False)
class _Opened:
    """One open adapter of a connection, and its calls under way."""

    adapter: VenueAdapter
    fallback: Credentials | None
    in_flight: int = 0
    retired: bool = False
    previous: VenueAdapter | None = field(default=None)  # on the fallback pair, once needed


class _BrokerCalls:
    """The BrokerPort's calls, each handed to `_run` as work on an adapter."""

    async def _run(self, work: Callable[[BrokerPort], Awaitable[T]]) -> T:
        raise NotImplementedError

    async def submit(self, order: Order) -> BrokerOrder:
        return await self._run(lambda b: b.submit(order))

    async def cancel(self, account_id: str, broker_order_id: str) -> CancelResult:
        return await self._run(lambda b: b.cancel(account_id, broker_order_id))

    async def cancel_all(self, account_id: str) -> list[CancelResult]:
        return await self._run(lambda b: b.cancel_all(account_id))

    async def close_all(self, account_id: str) -> list[CloseResult]:
        return await self._run(lambda b: b.close_all(account_id))

    async def open_orders(self, account_id: str) -> list[BrokerOrder]:
        return await self._run(lambda b: b.open_orders(account_id))

    async def positions(self, account_id: str) -> list[BrokerPosition]:
        return await self._run(lambda b: b.positions(account_id))

    async def account(self, account_id: str) -> BrokerAccount:
        return await self._run(lambda b: b.account(account_id))

    async def fills(self, account_id: str) -> list[Fill]:
        return await self._run(lambda b: b.fills(account_id))

    async def order_by_client_id(self, account_id: str, client_order_id: str) -> BrokerOrder | None:
        return await self._run(lambda b: b.order_by_client_id(account_id, client_order_id))


class ConnectionBroker(_BrokerCalls):
    """The BrokerPort of one connection (module docstring); `name` is the connection's id."""

    def __init__(
        self,
        connection_id: str,
        store: ConnectionStore,
        vault: KeyVaultService,
        adapters: VenueAdapters,
        clock: Clock,
    ) -> None:
        self.name = connection_id
        self._clock = clock
        self._store = store
        self._vault = vault
        self._adapters = adapters
        self._opened: _Opened | None = None
        self._opening = asyncio.Lock()
        self.vault_key_id: str | None = None
        self._closing: set[asyncio.Task[None]] = set()
        self.health = ConnectionHealth(connection_id, ConnectionState.UNUSED)

    @property
    def acceptance_window_s(self) -> float:
        opened = self._opened
        if opened is None:
            return DEFAULT_ACCEPTANCE_WINDOW_S
        return float(getattr(opened.adapter, "acceptance_window_s", DEFAULT_ACCEPTANCE_WINDOW_S))

    def invalidate(self) -> None:
        """Retire the open adapter: the next call reads the connection and its key again (a
        refusal of the old credentials no longer stands: the state is unknown until then)."""
        if self.health.state is ConnectionState.AUTH_FAILED:
            self.health = ConnectionHealth(self.name, ConnectionState.UNUSED, self._clock.now())
        opened, self._opened = self._opened, None
        if opened is None:
            return
        opened.retired = True
        if opened.in_flight == 0:
            self._close_later(opened)

    def within(self, deadline: float) -> BrokerPort:
        """This connection's broker with every call bounded by `deadline` (DeadlineBroker)."""
        return _Bounded(self, deadline)

    async def aclose(self) -> None:
        opened, self._opened = self._opened, None
        if opened is not None:
            await _close(opened)
        if self._closing:
            await asyncio.gather(*self._closing, return_exceptions=True)

    # -- the adapter's lifetime --------------------------------------------------
    async def _run(self, work: Callable[[BrokerPort], Awaitable[T]]) -> T:
        return await self.call(work)

    async def call(
        self, work: Callable[[BrokerPort], Awaitable[T]], deadline: float | None = None
    ) -> T:
        """`work` on the open adapter (opened first when none is), counted as under way; the
        connection's health as the answer leaves it."""
        try:
            answer = await self._call(work, deadline)
        except BrokerError as exc:
            state = _STATE_OF.get(exc.code, ConnectionState.OK)
            self._heard(state, exc.message if state is not ConnectionState.OK else "")
            raise
        self._heard(ConnectionState.OK, "")
        return answer

    def _heard(self, state: ConnectionState, reason: str) -> None:
        if state is not self.health.state or reason != self.health.reason:
            self.health = ConnectionHealth(self.name, state, self._clock.now(), reason)

    async def _call(self, work: Callable[[BrokerPort], Awaitable[T]], deadline: float | None) -> T:
        opened = await self._open()
        opened.in_flight += 1
        try:
            try:
                return await work(_bounded(opened.adapter, deadline))
            except BrokerError as exc:
                if exc.code is not BrokerErrorCode.AUTH_FAILED or opened.fallback is None:
                    raise
                # Refused on the new credentials while the previous ones are in their grace.
                if opened.previous is None:
                    connection = await self._connection()
                    opened.previous = self._adapters.open(connection, opened.fallback)
                return await work(_bounded(opened.previous, deadline))
        finally:
            opened.in_flight -= 1
            if opened.retired and opened.in_flight == 0:
                self._close_later(opened)

    async def _open(self) -> _Opened:
        opened = self._opened
        if opened is not None:
            return opened
        async with self._opening:
            if self._opened is None:
                self._opened = await self._opened_now()
            return self._opened

    async def _opened_now(self) -> _Opened:
        connection = await self._connection()
        self.vault_key_id = connection.vault_key_id
        current: Credentials | None = None
        fallback: Credentials | None = None
        if connection.vault_key_id is not None:
            component = f"connection.{connection.kind.family}"
            try:
                material = await self._vault.use(connection.vault_key_id, component)
            except KeyUnusable as exc:
                raise BrokerError(
                    BrokerErrorCode.AUTH_FAILED,
                    f"connection {self.name}: its credentials cannot be used ({exc.message})",
                ) from exc
            except NotFound as exc:
                raise BrokerError(
                    BrokerErrorCode.AUTH_FAILED, f"connection {self.name} has no credentials"
                ) from exc
            current, fallback = material.current, material.fallback
        return _Opened(self._adapters.open(connection, current), fallback)

    async def _connection(self) -> VenueConnection:
        connection = await self._store.get(self.name)
        if connection is None:
            raise BrokerError(
                BrokerErrorCode.CONNECTION_REVOKED, f"connection {self.name} does not exist"
            )
        if not connection.active:
            raise BrokerError(
                BrokerErrorCode.CONNECTION_REVOKED, f"connection {self.name} is revoked"
            )
        return connection

    def _close_later(self, opened: _Opened) -> None:
        task = asyncio.get_running_loop().create_task(_close(opened))
        self._closing.add(task)
        task.add_done_callback(self._closing.discard)


def _bounded(adapter: BrokerPort, deadline: float | None) -> BrokerPort:
    if deadline is not None and isinstance(adapter, DeadlineBroker):
        return adapter.within(deadline)
    return adapter


async def _close(opened: _Opened) -> None:
    for adapter in (opened.adapter, opened.previous):
        if adapter is not None:
            with contextlib.suppress(Exception):  # best effort: the pool goes anyway
                await adapter.aclose()


class _Bounded(_BrokerCalls):
    """A connection's broker whose every call carries one absolute deadline."""

    def __init__(self, broker: ConnectionBroker, deadline: float) -> None:
        self._broker = broker
        self._deadline = deadline
        self.name = broker.name

    @property
    def acceptance_window_s(self) -> float:
        return self._broker.acceptance_window_s

    async def _run(self, work: Callable[[BrokerPort], Awaitable[T]]) -> T:
        return await self._broker.call(work, self._deadline)


class ConnectionBrokers:
    """Every connection's broker, made on first routing to it (module docstring)."""

    def __init__(
        self,
        store: ConnectionStore,
        vault: KeyVaultService,
        adapters: VenueAdapters,
        clock: Clock,
    ) -> None:
        self._clock = clock
        self._store = store
        self._vault = vault
        self._adapters = adapters
        self._brokers: dict[str, ConnectionBroker] = {}
        vault.subscribe_keys(self.key_changed)

    def route(self, name: str) -> ConnectionBroker | None:
        """The broker of the connection `name` routes to; None for a name that is not one."""
        if not is_connection_id(name):
            return None
        broker = self._brokers.get(name)
        if broker is None:
            broker = ConnectionBroker(name, self._store, self._vault, self._adapters, self._clock)
            self._brokers[name] = broker
        return broker

    def health(self) -> list[ConnectionHealth]:
        """Each connection routed to in this process, as its last call left it."""
        return [b.health for b in self._brokers.values()]

    def health_of(self, connection_id: str) -> ConnectionHealth | None:
        """One connection's health in this process (None: not routed to yet)."""
        broker = self._brokers.get(connection_id)
        return None if broker is None else broker.health

    def drop(self, connection_id: str) -> None:
        """Forget a revoked connection's broker (its adapter closed once idle): its accounts'
        next call finds it revoked, and its last troubles are no longer reported."""
        broker = self._brokers.pop(connection_id, None)
        if broker is not None:
            broker.invalidate()

    def key_changed(self, vault_key_id: str) -> None:
        """A vault key changed (rotated, expiry, deleted): retire the adapters opened on it."""
        for broker in self._brokers.values():
            if broker.vault_key_id == vault_key_id:
                broker.invalidate()

    async def aclose(self) -> None:
        brokers, self._brokers = list(self._brokers.values()), {}
        await asyncio.gather(*(b.aclose() for b in brokers), return_exceptions=True)
