"""Command records to use cases: authenticate, authorize, run once, publish the decision.

The same use cases as HTTP run here. Effects are exactly once: an order's idempotency
key is its message id (unless the sender gave one) and the other commands record their
message id in the transaction of their effect, so a redelivered record changes nothing.

A partition's chunk is handled as one batch (`handle_batch`, the runtime's `Batched`
handler): every record decoded; each run of order submissions (up to the next command of
another kind) grouped by account, in record order, and each account's run decided in one
call to `OrderService.submit_many`, the accounts concurrently, and its decisions published
together as soon as it is decided (the decisions topic's batch sender lets concurrent ones
share a request); the run's published decisions recorded once; a command of another kind
handled alone, after the run before it. Each record gets its outcome: done, Poison (the
runtime dead-letters it: it can never succeed), or the store's StoreUnavailable /
ConcurrentUpdate (the runtime runs it again, with what is not finished after it). After a
run with such a failure, the records after the run are not run (`Skipped`): nothing
overtakes a record that still has to happen.
"""

from __future__ import annotations

import asyncio
import dataclasses
import time
from collections.abc import Awaitable, Callable, Sequence
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
from adapters.kafka.outcomes import Poison, Skipped, Transient
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
Headers = list[tuple[str, bytes]]
# Publishes decisions together, each with its record headers (its trace context); returns
# once every one is acknowledged, raises otherwise.
PublishDecisions = Callable[[Sequence[tuple[OrderDecisionMessage, Headers]]], Awaitable[None]]
Now = Callable[[], datetime]
Outcome = Exception | None  # None: done; see the module docstring

UNAUTHENTICATED = "UNAUTHENTICATED"
_DECODES_PER_TURN = 128  # records decoded between two turns of the event loop (~3 ms)
_NOT_RUN = Skipped("an earlier record of the batch has to succeed first")


@dataclass(frozen=True, slots=True)
class CommandServices:
    """The use cases commands reach, and how a credential becomes a principal."""

    orders: OrderService
    killswitch: KillSwitchService
    agents: AgentService
    authenticate: Authenticate
    # Which decisions went out before; None: a result's own `replayed` (an idempotent hit).
    decisions: PublishedDecisions | None = None


@dataclass(frozen=True, slots=True)
class _Submission:
    """A record of a run: its place in the batch and its envelope."""

    index: int
    record: ConsumerRecord
    envelope: Envelope


class CommandDispatcher:
    """The batch handler of the command consumers; see the module docstring.

    Authenticated credentials are remembered for `auth_ttl` seconds (a key revoked
    meanwhile still works that long) so a burst of one agent's commands checks its key once.
    """

    def __init__(
        self,
        services: CommandServices,
        publish_decisions: PublishDecisions,
        now: Now,
        codec: EnvelopeCodec | None = None,
        auth_ttl: float = 1.0,
        *,
        tracing: MessageTracing = NO_MESSAGE_TRACING,
    ) -> None:
        self._services = services
        self._tracing = tracing  # each command's work continues its producer's trace
        self._publish_decisions = publish_decisions
        self._now = now
        self._codec = codec or EnvelopeCodec()
        self._auth_ttl = auth_ttl
        self._principals: dict[str, tuple[float, Principal]] = {}
        self.handled = 0
        self.duplicates = 0

    # -- the runtime's hooks --------------------------------------------------------------
    async def handle_batch(self, records: list[ConsumerRecord]) -> list[Outcome]:
        """Each record's outcome, in order (see the module docstring)."""
        outcomes: list[Outcome] = [_NOT_RUN] * len(records)
        run: list[_Submission] = []
        for index, record in enumerate(records):
            if index % _DECODES_PER_TURN == _DECODES_PER_TURN - 1:
                await asyncio.sleep(0)  # a long fetch does not hold the loop while it decodes
            try:
                envelope = self._codec.decode(record.value, record.key)
            except PoisonMessage as exc:
                # no effect either way: it does not end a run
                outcomes[index] = Poison(exc.code, exc.detail)
                continue
            if isinstance(envelope.payload, SubmitOrderCommand):
                run.append(_Submission(index, record, envelope))
                continue
            # a command of another kind: the submissions before it are decided first
            if run and not await self._submit_runs(run, outcomes):
                return outcomes
            run = []
            outcomes[index] = await self._one(envelope, record)
            if not _final(outcomes[index]):
                return outcomes
        if run:
            await self._submit_runs(run, outcomes)
        return outcomes

    async def handle(self, record: ConsumerRecord) -> None:
        """One record alone; raises what `handle_batch` answers for it, if anything."""
        [outcome] = await self.handle_batch([record])
        if outcome is not None:
            raise outcome

    # -- runs of submissions --------------------------------------------------------------
    async def _submit_runs(self, run: list[_Submission], outcomes: list[Outcome]) -> bool:
        """Each account's submissions of the run decided together and their decisions
        published together, the accounts at once; the published ones recorded once. False
        when a record of the run is not final (to run again)."""
        by_account: dict[str, list[_Submission]] = {}
        for submission in run:
            by_account.setdefault(submission.envelope.account_id, []).append(submission)
        topic = run[0].record.topic
        tasks = [
            self._tracing.spawn(
                "kafka.consume order.submit",
                [s.record.headers for s in mine],
                topic,
                self._submit_account(mine),
            )
            for mine in by_account.values()
        ]
        published: list[_Submission] = []
        first: list[str] = []  # orders whose decision went out for the first time
        results = await asyncio.gather(*tasks)
        for mine, (answers, new) in zip(by_account.values(), results, strict=True):
            first.extend(new)
            for submission, answer in zip(mine, answers, strict=True):
                if isinstance(answer, OrderResult):
                    published.append(submission)
                else:
                    outcomes[submission.index] = self._verdict(answer, submission.envelope)
        ledger = self._services.decisions
        try:
            if ledger is not None:
                await ledger.record_new(first)
        except Exception as exc:
            failure = Transient(f"decisions not recorded: {type(exc).__name__}")
            for submission in published:
                outcomes[submission.index] = failure
        else:
            for submission in published:
                outcomes[submission.index] = None
            self.handled += len(published)
        return all(_final(outcomes[s.index]) for s in run)

    async def _submit_account(
        self, mine: list[_Submission]
    ) -> tuple[list[OrderResult | Exception], list[str]]:
        """Authenticate and convert each record, submit the valid ones together, publish
        their decisions together: each record's answer (an order result once its decision
        is published), and the orders whose decision went out for the first time."""
        commands: list[SubmitOrder] = []
        slots: list[int | Exception] = []
        for submission in mine:
            try:
                principal = await self._principal(submission.record)
                command = to_command(submission.envelope, principal)
            except Exception as exc:
                slots.append(exc)
                continue
            if not isinstance(command, SubmitOrder):  # pragma: no cover - decoded as one
                slots.append(PoisonMessage("SCHEMA_VIOLATION", "not an order submission"))
                continue
            slots.append(len(commands))
            commands.append(command)
        results: list[OrderResult | Exception] = []
        if commands:
            try:
                results = await self._services.orders.submit_many(commands)
            except Exception as exc:  # the run fails as a whole: the other accounts' do not
                results = [exc] * len(commands)
        answers = [results[s] if isinstance(s, int) else s for s in slots]
        decided = [
            (s.envelope, answer)
            for s, answer in zip(mine, answers, strict=True)
            if isinstance(answer, OrderResult)
        ]
        try:
            first = await self._publish(decided)
        except Exception as exc:
            # their records run again: replays, published as originals
            failure = Transient(f"decisions not published: {type(exc).__name__}")
            return [failure if isinstance(a, OrderResult) else a for a in answers], []
        return answers, first

    async def _publish(self, decided: list[tuple[Envelope, OrderResult]]) -> list[str]:
        """Publish the decisions together, with this run's trace context; `replayed` only for
        one that went out before. The orders whose decision went out for the first time.

        An idempotent hit whose decision was never published (a crash between storing the
        decision and publishing it) goes out as the original; a twin later in the same run
        is a replay of the one before it.
        """
        if not decided:
            return []
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
        headers = self._tracing.headers([])
        decision = OrderDecisionMessage.from_result
        await self._publish_decisions(
            [
                (decision(envelope, _replayed(result, flag), now), headers)
                for (envelope, result), flag in zip(decided, flags, strict=True)
            ]
        )
        return [
            result.order.id for (_, result), flag in zip(decided, flags, strict=True) if not flag
        ]

    # -- one command of another kind ------------------------------------------------------
    async def _one(self, envelope: Envelope, record: ConsumerRecord) -> Outcome:
        # Audit entries of this command carry its message id as their request id (no IP).
        with (
            structlog.contextvars.bound_contextvars(message_id=envelope.id),
            audit_context(f"kafka:{envelope.id}"[:64]),
        ):
            try:
                name = f"kafka.consume {envelope.type}"
                with self._tracing.consuming(name, record.headers, record.topic):
                    await self._run(envelope, record)
            except Exception as exc:
                return self._verdict(exc, envelope)
        self.handled += 1
        return None

    async def _run(self, envelope: Envelope, record: ConsumerRecord) -> None:
        command = to_command(envelope, await self._principal(record))
        if isinstance(command, SubmitOrder):  # pragma: no cover - submissions go in runs
            raise PoisonMessage("SCHEMA_VIOLATION", "an order submission outside a run")
        if isinstance(command, CancelOrder):
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

    # -- outcomes and credentials ---------------------------------------------------------
    def _verdict(self, exc: Exception, envelope: Envelope) -> Outcome:
        """A use case's exception as the record's outcome."""
        if isinstance(exc, DuplicateMessage):
            self.duplicates += 1
            self.handled += 1
            return None
        if isinstance(exc, StoreUnavailable | ConcurrentUpdate | Poison | Transient):
            return exc  # the runtime runs a store failure again
        if isinstance(exc, Unauthenticated):
            return Poison(UNAUTHENTICATED, str(exc), envelope.id)
        if isinstance(exc, PoisonMessage):
            return Poison(exc.code, exc.detail, envelope.id)
        if isinstance(exc, DomainError):
            return Poison(exc.code, str(exc), envelope.id)
        return exc  # unexpected: the runtime dead-letters it (or retries it, if transient)

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


def _replayed(result: OrderResult, flag: bool) -> OrderResult:
    return result if result.replayed is flag else replace(result, replayed=flag)


def _final(outcome: Outcome) -> bool:
    """Done or dead-lettered: nothing of the record is left to happen."""
    return outcome is None or isinstance(outcome, Poison)
