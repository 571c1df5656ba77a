"""Command records to use cases: authenticate, authorize, run once, publish the decision.

The same use cases as HTTP run here. Effects are exactly once: an order's idempotency
key is its message id (unless the sender gave one) and the other commands record their
message id in the transaction of their effect, so a redelivered record changes nothing.
A record that can never succeed raises Poison (the runtime dead-letters it); a store
outage raises StoreUnavailable / ConcurrentUpdate, which the runtime retries in place.

Runs of order submissions at the head of a partition's poll are started together
(`prepare`), one account's in one call to `OrderService.submit_many`, so they are
decided in batches; every record is still completed, and its offset committed, in order.
"""

from __future__ import annotations

import asyncio
import dataclasses
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, replace
from datetime import datetime

import structlog
from aiokafka.structs import ConsumerRecord

from adapters.kafka.commands import CancelOrder, to_command
from adapters.kafka.envelope import (
    Envelope,
    EnvelopeCodec,
    OrderDecisionMessage,
    PoisonMessage,
    SubmitOrderCommand,
    credential_of,
)
from adapters.kafka.runtime import Poison, Transient
from adapters.tracing.messages import NO_MESSAGE_TRACING, MessageTracing
from application.core.audit_context import audit_context
from application.safety.agents import AgentService, RecordHeartbeat
from application.safety.killswitch import ActivateKillSwitch, KillSwitchService, ResumeTrading
from application.trading.decision_ledger import PublishedDecisions
from application.trading.orders import OrderResult, OrderService, SubmitOrder
from domain.errors import (
    ConcurrentUpdate,
    DomainError,
    DuplicateMessage,
    StoreUnavailable,
    Unauthenticated,
)
from domain.principals import Principal

log = structlog.get_logger(__name__)

Authenticate = Callable[[str], Awaitable[Principal]]
PublishDecision = Callable[[OrderDecisionMessage], Awaitable[None]]
Now = Callable[[], datetime]

UNAUTHENTICATED = "UNAUTHENTICATED"
_Key = tuple[str, int, int]


@dataclass(frozen=True, slots=True)
class _Published:
    """An order result whose decision message is already on the decisions topic."""

    result: OrderResult


_RunOutcome = OrderResult | _Published | Exception


@dataclass(frozen=True, slots=True)
class CommandServices:
    """The use cases commands reach, and how a credential becomes a principal."""

    orders: OrderService
    killswitch: KillSwitchService
    agents: AgentService
    authenticate: Authenticate
    # Which decisions went out before; None: a result's own `replayed` (an idempotent hit).
    decisions: PublishedDecisions | None = None


class CommandDispatcher:
    """The handler (and `prepare` hook) of the command consumers; see the module docstring.

    Authenticated credentials are remembered for `auth_ttl` seconds (a key revoked
    meanwhile still works that long) so a burst of one agent's commands checks its key once.
    """

    def __init__(
        self,
        services: CommandServices,
        publish_decision: PublishDecision,
        now: Now,
        codec: EnvelopeCodec | None = None,
        auth_ttl: float = 1.0,
        *,
        tracing: MessageTracing = NO_MESSAGE_TRACING,
    ) -> None:
        self._services = services
        self._tracing = tracing  # each command's work continues its producer's trace
        self._publish_decision = publish_decision
        self._now = now
        self._codec = codec or EnvelopeCodec()
        self._auth_ttl = auth_ttl
        self._principals: dict[str, tuple[float, Principal]] = {}
        # Records of a started run: its task, the record's place in it, its decoded envelope.
        self._started: dict[_Key, tuple[asyncio.Task[list[_RunOutcome]], int, Envelope]] = {}
        self.handled = 0
        self.duplicates = 0

    # -- the runtime's hooks --------------------------------------------------------------
    def prepare(self, records: list[ConsumerRecord]) -> None:
        """Start the leading run of order submissions of a partition's poll, per account."""
        if not records:
            return
        first = records[0]
        for key in [k for k in self._started if k[:2] == (first.topic, first.partition)]:
            del self._started[key]  # left over from a poll whose records were abandoned
        runs: dict[str, list[tuple[ConsumerRecord, Envelope]]] = {}
        for record in records:
            try:
                envelope = self._codec.decode(record.value, record.key)
            except PoisonMessage:
                continue  # no effect either way; handled (dead-lettered) in its turn
            if not isinstance(envelope.payload, SubmitOrderCommand):
                break  # later submissions must not overtake this command
            runs.setdefault(envelope.account_id, []).append((record, envelope))
        for run in runs.values():
            task = self._tracing.spawn(
                "kafka.consume order.submit",
                [record.headers for record, _ in run],
                first.topic,
                self._submit_run(run),
            )
            for index, (record, envelope) in enumerate(run):
                self._started[_key(record)] = (task, index, envelope)

    async def handle(self, record: ConsumerRecord) -> None:
        started = self._started.pop(_key(record), None)
        if started is not None:
            envelope = started[2]  # decoded by prepare
        else:
            try:
                envelope = self._codec.decode(record.value, record.key)
            except PoisonMessage as exc:
                raise Poison(exc.code, exc.detail) from None
        # Audit entries of this command carry its message id as their request id (no IP).
        with (
            structlog.contextvars.bound_contextvars(message_id=envelope.id),
            audit_context(f"kafka:{envelope.id}"[:64]),
        ):
            try:
                if started is not None:
                    task, index, _ = started
                    outcome = (await task)[index]
                    if isinstance(outcome, Exception):
                        raise outcome
                    if not isinstance(outcome, _Published):
                        await self._decided([(envelope, outcome)])
                else:
                    name = f"kafka.consume {envelope.type}"
                    with self._tracing.consuming(name, record.headers, record.topic):
                        await self._run(envelope, record)
            except DuplicateMessage:
                self.duplicates += 1
            except (StoreUnavailable, ConcurrentUpdate):
                raise  # the runtime retries this record in place
            except Unauthenticated as exc:
                raise Poison(UNAUTHENTICATED, str(exc), envelope.id) from None
            except PoisonMessage as exc:
                raise Poison(exc.code, exc.detail, envelope.id) from None
            except DomainError as exc:
                raise Poison(exc.code, str(exc), envelope.id) from None
        self.handled += 1

    # -- one command ----------------------------------------------------------------------
    async def _run(self, envelope: Envelope, record: ConsumerRecord) -> None:
        command = to_command(envelope, await self._principal(record))
        if isinstance(command, SubmitOrder):
            await self._decided([(envelope, await self._services.orders.submit(command))])
        elif isinstance(command, CancelOrder):
            await self._services.orders.cancel(
                command.principal, command.order_id, message_id=envelope.id
            )
        elif isinstance(command, ActivateKillSwitch | ResumeTrading):
            with_id = dataclasses.replace(command, message_id=envelope.id)
            if isinstance(with_id, ActivateKillSwitch):
                await self._services.killswitch.activate(with_id)
            else:
                await self._services.killswitch.resume(with_id)
        elif isinstance(command, RecordHeartbeat):
            beat = dataclasses.replace(command, message_id=envelope.id)
            await self._services.agents.record_heartbeat(beat)

    async def _submit_run(self, run: list[tuple[ConsumerRecord, Envelope]]) -> list[_RunOutcome]:
        """Authenticate and convert each record, then submit the valid ones together."""
        commands: list[SubmitOrder] = []
        slots: list[int | Exception] = []
        for record, envelope in run:
            try:
                command = to_command(envelope, await self._principal(record))
            except Exception as exc:
                slots.append(exc)
                continue
            if not isinstance(command, SubmitOrder):  # pragma: no cover - prepare checked it
                slots.append(PoisonMessage("SCHEMA_VIOLATION", "not an order submission"))
                continue
            slots.append(len(commands))
            commands.append(command)
        results = await self._services.orders.submit_many(commands) if commands else []
        outcomes = [results[s] if isinstance(s, int) else s for s in slots]
        # The run's decisions go out together (one wait for all acknowledgements, not one
        # per record); a failure leaves every record to be retried on its own (a replay).
        decided = [
            (envelope, outcome)
            for (_, envelope), outcome in zip(run, outcomes, strict=True)
            if isinstance(outcome, OrderResult)
        ]
        try:
            await self._decided(decided)
        except Exception as exc:
            failure = Transient(f"decisions not published: {type(exc).__name__}")
            return [failure if isinstance(o, OrderResult) else o for o in outcomes]
        return [_Published(o) if isinstance(o, OrderResult) else o for o in outcomes]

    async def _decided(self, decided: list[tuple[Envelope, OrderResult]]) -> None:
        """Publish the decisions together; `replayed` only for one that went out before.

        An idempotent hit whose decision was never published (a crash between storing the
        decision and publishing it) goes out as the original; a twin later in the same run
        is a replay of the one before it.
        """
        ledger = self._services.decisions
        flags = [result.replayed for _, result in decided]
        if ledger is not None:
            hits = [result.order.id for _, result in decided if result.replayed]
            seen = await ledger.published(hits) if hits else set()
            flags = []
            for _, result in decided:
                flags.append(result.order.id in seen)
                seen.add(result.order.id)
        now = self._now()
        messages = [
            OrderDecisionMessage.from_result(envelope, replace(result, replayed=flag), now)
            for (envelope, result), flag in zip(decided, flags, strict=True)
        ]
        await asyncio.gather(*(self._publish_decision(m) for m in messages))
        if ledger is not None:
            await ledger.record(result.order.id for _, result in decided)

    async def _principal(self, record: ConsumerRecord) -> Principal:
        credential = credential_of(record.headers or ())
        if credential is None:
            raise Unauthenticated("the record has no authorization header")
        now = time.monotonic()
        cached = self._principals.get(credential)
        if cached is not None and cached[0] > now:
            return cached[1]
        principal = await self._services.authenticate(credential)
        if len(self._principals) > 10_000:
            self._principals.clear()
        self._principals[credential] = (now + self._auth_ttl, principal)
        return principal


def _key(record: ConsumerRecord) -> _Key:
    return (record.topic, record.partition, record.offset)
