"""Wiring the execution throttle (application/safety/execution_throttle.py): its count (Redis
when configured, so every worker and instance counts together; this process's otherwise), its
policy from the settings, and its run on the bus for the process's lifetime."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Callable
from typing import TYPE_CHECKING, Any

import structlog

from application.safety.execution_throttle import ExecutionThrottle, Halter, StrategyStops
from bootstrap.settings import Settings
from domain.killswitch.throttle import ThrottlePolicy
from ports.core.clock import Clock
from ports.core.events import AuditLog, Notifier
from ports.core.unit_of_work import UnitOfWorkFactory
from ports.safety.throttle import BreachWindow

if TYPE_CHECKING:
    from redis.asyncio import Redis

    from adapters.memory.breach_window import InMemoryBreachWindow
    from adapters.redis.breach_window import RedisBreachWindow

_log = structlog.get_logger("bulwark.throttle")


def memory_breach_window() -> InMemoryBreachWindow:
    from adapters.memory.breach_window import InMemoryBreachWindow

    return InMemoryBreachWindow()


def redis_breach_window(redis: Redis) -> RedisBreachWindow:
    """Shared by every instance; counted in this process while Redis cannot be reached."""
    from adapters.memory.breach_window import InMemoryBreachWindow
    from adapters.redis.breach_window import RedisBreachWindow

    return RedisBreachWindow(redis, fallback=InMemoryBreachWindow())


def throttle_policy(settings: Settings) -> ThrottlePolicy:
    s = settings.safety
    return ThrottlePolicy.of(
        s.throttle_breaches, s.throttle_window_seconds, duplicates=s.throttle_duplicates
    )


def execution_throttle(
    settings: Settings,
    window: BreachWindow,
    halter: Halter,
    uow_factory: UnitOfWorkFactory,
    audit: AuditLog,
    notifier: Notifier,
    clock: Clock,
    strategies: StrategyStops,
) -> ExecutionThrottle:
    return ExecutionThrottle(
        throttle_policy(settings), window, halter, uow_factory, audit, notifier, clock, strategies
    )


async def throttle_lifetime(
    settings: Settings, bus: Any, make: Callable[[], ExecutionThrottle]
) -> AsyncIterator[ExecutionThrottle | None]:
    """With BULWARK_THROTTLE (on by default): subscribed to the bus, counting on its own task
    until the process stops."""
    if not settings.safety.throttle:
        yield None
        return
    throttle = make()
    for event_type in throttle.SUBSCRIPTIONS:
        bus.subscribe(event_type, throttle.on_event)
    task = asyncio.create_task(throttle.run_forever(), name="execution-throttle")
    policy = throttle.policy
    _log.info(
        "execution_throttle",
        breaches=policy.breaches,
        window_seconds=policy.window.total_seconds(),
        rules=policy.rules,
    )
    try:
        yield throttle
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError, Exception):
            await task
