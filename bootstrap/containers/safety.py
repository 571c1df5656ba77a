"""Safety: everything the kill-switch lane needs, and nothing else — the kill switch and what
it remembers for a store that is down, the agents' heartbeats, the margin and loss watches,
succession, orders in doubt, the drills, and the lane's own listener's services.

Receives `core` and `trading` for its order service's sync and in-doubt resolution (`orders`:
the API's own, or on the lane, which overrides `orders`, the hand-off to the API loop), so the
lane builds core + safety only.
"""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from dependency_injector import containers, providers

from application.safety.agents import AgentService, HeartbeatMonitor
from application.safety.drill_faults import DrillFaultControl
from application.safety.execution_throttle import StrategyStops
from application.safety.killswitch import KillSwitchConfig
from application.safety.killswitch_groups import ScopeGroups
from application.safety.killswitch_memory import KillSwitchMemory
from application.safety.margin import MarginService, MarginWatch
from application.safety.succession import SuccessionScheduler, SuccessionService
from application.safety.triggers import LossLimitWatch
from application.trading.in_doubt_watch import InDoubtWatch
from bootstrap import execution_throttle as throttle_wiring
from bootstrap.containers import http
from bootstrap.killswitch_wiring import wire_killswitch
from bootstrap.lane_killswitch import LaneKillSwitch
from bootstrap.settings import Settings


def killswitch_config(settings: Settings) -> KillSwitchConfig:
    return KillSwitchConfig(
        deadline=settings.safety.kill_switch_deadline_seconds,
        four_eyes=settings.safety.four_eyes_resume,
        in_doubt_grace=settings.safety.in_doubt_grace_seconds,
        flatten_collar=Decimal(str(settings.safety.kill_switch_flatten_collar)),
    )


def in_doubt_grace(settings: Settings) -> timedelta:
    return timedelta(seconds=settings.safety.in_doubt_grace_seconds)


def order_hold_ttl(settings: Settings) -> timedelta:
    """How long a held order waits for a person (BULWARK_ORDER_HOLD_SECONDS)."""
    return timedelta(seconds=settings.safety.order_hold_seconds)


class SafetyContainer(containers.DeclarativeContainer):
    """The kill switch and its watchers, over the core it is given."""

    core = providers.DependenciesContainer()
    # Its order service: OrderSync and in-doubt resolution (application/trading/orders.py).
    trading = providers.DependenciesContainer()
    orders = trading.orders

    killswitch_config = providers.Singleton(killswitch_config, core.settings)
    # What the kill switch remembers to stop trading while the store is down (the API's and
    # the lane's kill switch share it: application/safety/killswitch_memory.py).
    killswitch_memory = providers.Singleton(KillSwitchMemory)
    # The group scopes (books) other contexts add (application/safety/killswitch_groups.py);
    # the lane is given the API's, read on the API loop (bootstrap/killswitch_lane.py).
    scope_groups = providers.Singleton(ScopeGroups)
    # Runs locally until bootstrap/killswitch_lane.py starts the lane; then on the lane.
    # Its stages are built by bootstrap/killswitch_wiring.py (the embedded service's too).
    killswitch = providers.Singleton(
        wire_killswitch,
        LaneKillSwitch,
        core.uow_factory, core.brokers, core.publisher, core.hasher, core.clock, core.ids,
        core.audit, core.notifier, core.latch, orders, killswitch_config,
        tracer=core.tracing.provided.tracer, memory=killswitch_memory, meter=core.meter,
        groups=scope_groups, marks=core.market,
    )  # fmt: skip
    agents = providers.Singleton(
        AgentService, core.uow_factory, core.publisher, core.clock, core.audit
    )
    heartbeat_monitor = providers.Singleton(
        HeartbeatMonitor,
        core.uow_factory, killswitch, core.publisher, core.clock, core.audit, core.notifier,
    )  # fmt: skip
    margin = providers.Singleton(MarginService, core.uow_factory, core.quotes)
    margin_watch = providers.Singleton(
        MarginWatch,
        core.uow_factory, core.quotes, killswitch, core.publisher, core.clock, core.audit,
        core.notifier,
    )  # fmt: skip
    loss_watch = providers.Singleton(
        LossLimitWatch,
        core.uow_factory, core.quotes, killswitch, core.clock, core.audit, core.notifier,
        locks=core.locks,
    )  # fmt: skip
    succession = providers.Singleton(
        SuccessionService, core.uow_factory, core.publisher, core.clock, core.audit
    )
    succession_scheduler = providers.Singleton(
        SuccessionScheduler,
        core.uow_factory, killswitch, core.quotes, core.publisher, core.clock, core.audit,
        core.notifier,
    )  # fmt: skip
    # Orders in doubt, resolved at start-up and every few seconds
    # (application/trading/in_doubt_watch.py).
    in_doubt_watch = providers.Singleton(
        InDoubtWatch,
        core.uow_factory, orders, core.clock, core.notifier,
        providers.Callable(in_doubt_grace, core.settings),
    )  # fmt: skip
    drill_faults = providers.Singleton(DrillFaultControl, core.paper_faults, core.clock, core.audit)
    # The execution throttle (bootstrap/execution_throttle.py): N ORDER_RATE breaches of an
    # agent, strategy or account within a window disable it; counted in Redis when configured.
    # The strategies context adds its stop to `throttle_stops` (it is above safety).
    throttle_stops = providers.Singleton(StrategyStops)
    breach_window = providers.Selector(
        core.shared_kind,
        local=providers.Singleton(throttle_wiring.memory_breach_window),
        redis=providers.Singleton(throttle_wiring.redis_breach_window, core.redis_client),
    )
    execution_throttle = providers.Singleton(
        throttle_wiring.execution_throttle,
        core.settings, breach_window, killswitch, core.uow_factory, core.audit, core.notifier,
        core.clock, throttle_stops,
    )  # fmt: skip
    throttle_in_process = providers.Resource(
        throttle_wiring.throttle_lifetime, core.settings, core.bus, execution_throttle.provider
    )

    # The lane's own listener: the kill-switch routes and the health checks.
    http_config = providers.Singleton(http.http_config, core.settings)
    lane_edge = providers.Singleton(
        http.edge_services,
        clock=core.clock, auth=core.auth, api_keys=core.api_keys,
        rate_limiter=core.api_rate_limiter,
    )  # fmt: skip
    lane_contexts = providers.Singleton(
        http.lane_contexts,
        clock=core.clock,
        probes=providers.Callable(
            http.readiness_probes,
            providers.Callable(http.store_probe, core.store_kind, core.engine.provider),
            core.kafka_link,
        ),
        killswitch=killswitch, succession=succession, drill_faults=drill_faults,
    )  # fmt: skip

    # Its background loops, each in the one process that holds its lease; and the kill
    # switch's memory in every process, never leased: it must be there wherever a halt can be
    # asked for (accounts and passcodes read for a halt while the store is down, every 5 s).
    watches = providers.Dict(
        in_doubt=in_doubt_watch.provided.check,
        heartbeats=heartbeat_monitor.provided.check,
        margin=margin_watch.provided.check,
        loss_limits=loss_watch.provided.check,
        succession=succession_scheduler.provided.run,
    )
    watches_everywhere = providers.Dict(kill_switch_memory=killswitch.provided.remember)
