"""Agent liveness on explicit times, and the order-flow windows behind the throttle."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

from domain.agents.heartbeat import Agent, AgentDied, Liveness, is_alive
from domain.risk.flow import OrderFlow
from domain.trading.orders import Order, Origin, OriginKind, Side

T0 = datetime(2026, 1, 5, 14, 0, tzinfo=UTC)


def test_is_alive_is_inclusive_of_the_threshold() -> None:
    assert is_alive(T0, T0 + timedelta(seconds=5))
    assert not is_alive(T0, T0 + timedelta(seconds=5, microseconds=1))
    assert not is_alive(None, T0)


def test_dead_agent_stays_dead_until_revived() -> None:
    agent = Agent("a1", "owner")
    agent.record_heartbeat("ok", T0)
    assert agent.is_alive(T0 + timedelta(seconds=5))
    assert agent.is_overdue(T0 + timedelta(seconds=6))
    assert agent.declare_dead(T0 + timedelta(seconds=6))
    assert not agent.declare_dead(T0 + timedelta(seconds=7))  # once only
    agent.record_heartbeat("back", T0 + timedelta(seconds=8))
    assert agent.liveness is Liveness.DEAD
    assert not agent.is_alive(T0 + timedelta(seconds=8))
    agent.revive("officer")
    agent.record_heartbeat("ok", T0 + timedelta(seconds=9))
    assert agent.is_alive(T0 + timedelta(seconds=9))
    assert [type(e) for e in agent.events][:1] == [AgentDied]


def _order(origin: Origin, qty: int = 1) -> Order:
    return Order("o", "c", "acc", "AAPL", Side.BUY, Decimal(qty), origin)


def test_flow_counts_per_account_and_per_origin_in_windows() -> None:
    flow = OrderFlow()
    a, b = Origin(OriginKind.AGENT, "a"), Origin(OriginKind.AGENT, "b")
    for t in (0.0, 0.5, 30.0, 59.5):
        flow.record(_order(a), 1000 + t)
    flow.record(_order(b, 2), 1059.6)
    now = 1060.0
    assert flow.count_since("account", now - 1) == 2  # 1059.5 and 1059.6
    assert flow.count_since("agent:a", now - 60) == 4  # 1000.0 is exactly the edge
    assert flow.count_since("agent:b", now - 60) == 1
    assert flow.last_seen(OrderFlow.signature(_order(b, 2), Decimal(2))) == 1059.6


def test_flow_forgets_signatures_past_the_horizon() -> None:
    flow = OrderFlow(horizon=60)
    origin = Origin(OriginKind.USER, "u")
    flow.record(_order(origin, 1), 0.0)
    flow.record(_order(origin, 2), 100.0)  # prunes everything before 40
    assert flow.last_seen(OrderFlow.signature(_order(origin, 1), Decimal(1))) is None
    assert flow.count_since("account", 0.0) == 1
