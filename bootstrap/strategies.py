"""Strategies in the composition root: their stores, the in-process signal feed, the bracket
loop, and the Kafka events-topic consumer of `bulwark consume`."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

import structlog

from adapters.memory.bus import InProcessEventBus
from adapters.memory.strategies import (
    InMemoryDecisionLog,
    InMemoryHoldingRepository,
    InMemoryStrategyRepository,
)
from application.strategies.strategy_processor import StrategyProcessor
from bootstrap.job_leases import JobLeases
from bootstrap.kafka import KafkaLink
from bootstrap.settings import Settings
from domain.events import DomainEvent
from domain.market_data.signals import SignalEmitted
from ports.market_data.marketdata import BarSource
from ports.strategies.strategies import DecisionLog, HoldingRepository, StrategyRepository

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncEngine

log = structlog.get_logger("bulwark.strategies")
# A signal older than this when it is read from Kafka is not traded (a consumer group started
# afresh reads the topic from its beginning): it was a decision for another moment.
MAX_SIGNAL_AGE = timedelta(minutes=5)


@dataclass(frozen=True)
class StrategyStores:
    strategies: StrategyRepository
    decisions: DecisionLog
    holdings: HoldingRepository


def strategy_stores(store_kind: str, engine: Callable[[], AsyncEngine]) -> StrategyStores:
    """In memory for the embedded store; on the SQL tables otherwise."""
    if store_kind == "sql":
        from adapters.postgres.repos.strategies import (
            SqlDecisionLog,
            SqlHoldingRepository,
            SqlStrategyRepository,
        )

        sql = engine()
        return StrategyStores(
            SqlStrategyRepository(sql), SqlDecisionLog(sql), SqlHoldingRepository(sql)
        )
    return StrategyStores(
        InMemoryStrategyRepository(), InMemoryDecisionLog(), InMemoryHoldingRepository()
    )


async def strategy_runtime(
    settings: Settings,
    bus: InProcessEventBus,
    processor: Callable[[], StrategyProcessor],
    bars: BarSource,
    leases: JobLeases | None = None,
) -> AsyncIterator[StrategyProcessor | None]:
    """Decides the bus's signals off the publisher's path and checks brackets, for the app's
    lifetime (both when BULWARK_STRATEGIES_ENABLED); with `leases`, the brackets are checked
    in the one process of the deployment that holds their lease (this process's signals are
    decided here)."""
    if not settings.strategies.strategies_enabled:
        yield None
        return
    running = processor()
    bus.subscribe(SignalEmitted, running.enqueue)
    stop = asyncio.Event()
    tasks = [asyncio.create_task(running.drain())]
    if settings.strategies.strategy_bracket_seconds > 0:

        async def brackets() -> None:
            await running.run_brackets(bars, settings.strategies.strategy_bracket_seconds, stop)

        tasks.append(
            asyncio.create_task(
                brackets() if leases is None else leases.run("strategy_brackets", brackets)
            )
        )
    try:
        yield running
    finally:
        stop.set()
        for task in tasks:
            task.cancel()
        for task in tasks:
            with contextlib.suppress(asyncio.CancelledError):
                await task


async def start_strategy_consumer(
    settings: Settings, link: KafkaLink, processor: StrategyProcessor
) -> Any:
    """`bulwark consume`: signals on the events topic feed the processor (its own group; the
    decision log's claim makes a replayed record, or one also seen in-process, decide once)."""
    if not settings.strategies.strategies_enabled:
        return None

    async def on_event(event: DomainEvent) -> None:
        if not isinstance(event, SignalEmitted):
            return
        if datetime.now(UTC) - event.created_at > MAX_SIGNAL_AGE:
            log.info("strategies.stale_signal_ignored", signal=event.signal_id)
            return
        await processor.on_event(event)

    return await link.start_event_consumer(
        f"{settings.kafka.group_id}-strategies", on_event, frozenset({"SignalEmitted"})
    )
