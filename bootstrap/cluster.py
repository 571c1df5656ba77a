"""Several Bulwark instances as one: domain events and cache invalidations fanned out.

Each instance publishes the events of its bus on the broadcast channel (Redis pub/sub
when configured, in-process otherwise), tagged with its instance id; the others hand
them to their WebSocket hub, so a halt pulled on one instance is seen live on every
instance within the broadcast's latency. Durable state stays the truth: orders read
the trading state from the database (through a cache of it that a trading-state change or
emergency halt heard here evicts at once, and that is trusted only while the broadcast is
live: application/trading/trading_state_cache.py), and on every (re)connect an instance drops its
compiled risk policies so rules changed while it was away are reloaded. While the
broadcast is down the instance keeps deciding from the database (fail closed there).
"""

from __future__ import annotations

import asyncio
import contextlib
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable

import msgspec
import structlog

from adapters.eventcodec import EventCodec
from application.trading.policies import PolicyCache
from application.trading.trading_state_cache import TradingStateCache
from domain.events import DomainEvent
from ports.core.broadcast import Broadcast

EVENTS = "bulwark:events"
RULES = "bulwark:rules"
_log = structlog.get_logger("bulwark.cluster")


class _Envelope(msgspec.Struct, frozen=True):
    origin: str
    type: str
    payload: object


class ClusterBridge:
    """Bus -> broadcast for local events; broadcast -> hub for everyone else's."""

    def __init__(
        self,
        broadcast: Broadcast,
        deliver: Callable[[DomainEvent], Awaitable[None]],
        policies: PolicyCache,
        instance_id: str | None = None,
        *,
        states: TradingStateCache | None = None,
    ) -> None:
        self.instance_id = instance_id or uuid.uuid4().hex
        self.connected = asyncio.Event()
        self.received = 0
        self._broadcast = broadcast
        self._deliver = deliver
        self._policies = policies
        self._states = states
        if states is not None:
            states.channel_lost()  # trusted from the first connection on, not before
        self._codec = EventCodec()
        self._encoder = msgspec.json.Encoder()
        self._decoder = msgspec.json.Decoder(_Envelope)
        policies.on_change = self.rules_changed

    async def forward(self, event: DomainEvent) -> None:
        """A bus handler: share a local event with the other instances (best effort)."""
        if type(event).__name__ not in self._codec.types:
            return
        envelope = _Envelope(self.instance_id, event.name, self._codec.encode(event))
        try:
            await self._broadcast.publish(EVENTS, self._encoder.encode(envelope))
        except ConnectionError:
            _log.warning("cluster.publish_failed", event=event.name)

    async def rules_changed(self) -> None:
        with contextlib.suppress(ConnectionError):
            await self._broadcast.publish(RULES, self.instance_id.encode())

    async def run(self) -> None:
        try:
            await self._broadcast.listen(
                [EVENTS, RULES], self._on_message, self._on_connect, self._on_disconnect
            )
        finally:
            if self._states is not None:
                self._states.channel_lost()  # nothing heard from here on

    async def _on_message(self, channel: str, data: bytes) -> None:
        if channel == RULES:
            if data.decode() != self.instance_id:
                self._policies.invalidate(local=True)
            return
        try:
            envelope = self._decoder.decode(data)
            if envelope.origin == self.instance_id:
                return
            event = self._codec.decode(envelope.type, envelope.payload)
        except (msgspec.DecodeError, msgspec.ValidationError, ValueError):
            _log.warning("cluster.undecodable", channel=channel)
            if self._states is not None:
                self._states.clear()  # it may have been a trading-state change
            return
        self.received += 1
        if self._states is not None:
            await self._states.heard(event)  # before anything else that could wait
        await self._deliver(event)

    async def _on_connect(self) -> None:
        self._policies.invalidate(local=True)  # rules may have changed while away
        if self._states is not None:
            self._states.channel_live()  # and trading states too
        self.connected.set()
        _log.info("cluster.connected", instance=self.instance_id)

    async def _on_disconnect(self) -> None:
        if self._states is not None:
            self._states.channel_lost()
        self.connected.clear()
        _log.warning("cluster.disconnected", instance=self.instance_id)


async def cluster_lifetime(bridge: ClusterBridge | None) -> AsyncIterator[ClusterBridge | None]:
    """Runs the bridge's listener for the app's lifetime (nothing without a bridge)."""
    if bridge is None:
        yield None
        return
    task = asyncio.create_task(bridge.run())
    try:
        yield bridge
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
