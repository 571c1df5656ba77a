"""Wiring surveillance (docs/surveillance.md): the store by store kind, the policy's
actions, the in-process run on the bus, and `bulwark surveil`'s consumer."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Callable

import structlog

from adapters.memory.bus import InProcessEventBus
from application.surveillance.actions import AgentHalter, SurveillanceActions
from application.surveillance.alerts import SurveillanceRun
from application.surveillance.feed import SURVEILLED
from application.surveillance.live import LiveSurveillance
from bootstrap.settings import Settings
from bootstrap.surveillance_rules import build_rules
from domain.surveillance.cases import SurveillancePolicy
from domain.surveillance.rules import SurveillanceRules
from ports.core.clock import Clock
from ports.core.events import AuditLog, Notifier
from ports.core.unit_of_work import UnitOfWorkFactory
from ports.surveillance.surveillance import SurveillanceStore

log = structlog.get_logger("bulwark.surveillance")


def rules(settings: Settings) -> SurveillanceRules:
    return build_rules(
        settings.surveillance.thresholds,
        settings.surveillance.close,
        settings.surveillance.close_zone,
    )


def actions(
    settings: Settings,
    surveillance_store: SurveillanceStore,
    uow_factory: UnitOfWorkFactory,
    halter: AgentHalter,
    audit: AuditLog,
    notifier: Notifier,
    clock: Clock,
) -> SurveillanceActions:
    policy = SurveillancePolicy(settings.surveillance.action)
    return SurveillanceActions(
        surveillance_store, uow_factory, halter, audit, notifier, clock, policy
    )


def runs_in_process(settings: Settings) -> bool:
    """auto: in process without Kafka (with it, `bulwark surveil` reads the events topic)."""
    mode = settings.surveillance.mode
    return mode == "inprocess" or (mode == "auto" and not settings.kafka.bootstrap)


def run(
    name: str,
    settings: Settings,
    surveillance_rules: SurveillanceRules,
    surveillance_store: SurveillanceStore,
    surveillance_actions: SurveillanceActions,
    clock: Clock,
) -> SurveillanceRun:
    return SurveillanceRun(
        name,
        surveillance_rules,
        surveillance_store,
        surveillance_actions,
        clock,
        checkpoint_seconds=settings.surveillance.checkpoint_seconds,
    )


async def live_lifetime(
    settings: Settings,
    bus: InProcessEventBus,
    make_live: Callable[[], LiveSurveillance],
) -> AsyncIterator[LiveSurveillance | None]:
    """The in-process run (when settings say so): subscribed to the bus, run on a task of its
    own until the process stops (a last checkpoint on the way out)."""
    if not runs_in_process(settings):
        yield None
        return
    live = make_live()

    for event_type in SURVEILLED:  # only what the engine reads: the bus skips the rest
        bus.subscribe(event_type, live.on_event)
    task = asyncio.create_task(live.run_forever(), name="surveillance")
    log.info("surveillance_in_process", checkpoint=live.run.name)
    try:
        yield live
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError, Exception):
            await task


def live(
    settings: Settings,
    process: str,
    surveillance_rules: SurveillanceRules,
    surveillance_store: SurveillanceStore,
    surveillance_actions: SurveillanceActions,
    clock: Clock,
) -> LiveSurveillance:
    name = f"inprocess:{process}"
    made = run(name, settings, surveillance_rules, surveillance_store, surveillance_actions, clock)
    return LiveSurveillance(made, clock)


def consumer_run(
    settings: Settings,
    surveillance_rules: SurveillanceRules,
    surveillance_store: SurveillanceStore,
    surveillance_actions: SurveillanceActions,
    clock: Clock,
) -> SurveillanceRun:
    """The run `bulwark surveil` drives (its checkpoint named by the settings)."""
    return run(
        settings.surveillance.consumer_name,
        settings,
        surveillance_rules,
        surveillance_store,
        surveillance_actions,
        clock,
    )
