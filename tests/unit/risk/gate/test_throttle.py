"""SharedThrottle: the gate's order-rate limits on buckets that every instance shares."""

from __future__ import annotations

from decimal import Decimal

import pytest

from adapters.memory.clock import FakeClock
from adapters.memory.ratelimit import InMemoryRateLimiter
from adapters.memory.store import unit_of_work_factory
from application.core.concurrency import KeyedLocks
from application.trading.orders import BrokerRouter, OrderService
from application.trading.policies import PolicyCache
from application.trading.throttle import SharedThrottle
from bootstrap.embedded import Embedded
from domain.risk.controls.flow import OrderRateThrottle
from domain.risk.gate import Policy
from domain.risk.reasons import Action, Outcome, ReasonCode, RuleScope
from domain.risk.rules import RuleType
from domain.risk.verdicts import Decision, Verdict
from domain.trading.orders import Order, OrderStatus, Origin, OriginKind, Side
from ports.core.ratelimit import RateDecision
from tests.kit.desk import BUY, add_rule, fake_clock, limit

D = Decimal
USER = Origin(OriginKind.USER, "u-1")
AGENT = Origin(OriginKind.AGENT, "agent-1")


def _order(n: int, *, account: str = "acc-1", origin: Origin = USER) -> Order:
    return Order(f"ord-{n}", f"cl-{n}", account, "AAPL", Side.BUY, D(1), origin)


def _policy(*controls: OrderRateThrottle, account: str = "acc-1") -> Policy:
    return Policy(account, controls)


class _Broken:
    """A limiter whose server is gone."""

    async def hit(self, key: str, capacity: int, per_seconds: float) -> RateDecision:
        raise ConnectionError("redis is down")


@pytest.fixture
def limiter(clock: FakeClock) -> InMemoryRateLimiter:
    return InMemoryRateLimiter(clock)


async def test_orders_beyond_per_second_are_denied_with_order_rate(
    limiter: InMemoryRateLimiter,
) -> None:
    # Arrange
    throttle = SharedThrottle(limiter)
    policy = _policy(OrderRateThrottle(per_second=2, rule_id="rate-1"))

    # Act
    verdicts = [await throttle.admit(policy, _order(n)) for n in range(3)]

    # Assert
    assert verdicts[:2] == [None, None]
    denied = verdicts[2]
    assert denied is not None
    assert (denied.code, denied.outcome) == (ReasonCode.ORDER_RATE, Outcome.DENY)
    assert (denied.control, denied.rule_id) == ("OrderRateThrottle", "rate-1")


async def test_two_instances_on_one_limiter_share_the_count(limiter: InMemoryRateLimiter) -> None:
    # Arrange: two throttles (two instances) over one shared limiter (Redis)
    first, second = SharedThrottle(limiter), SharedThrottle(limiter)
    policy = _policy(OrderRateThrottle(per_second=3))

    # Act
    verdicts = [await (first if n % 2 else second).admit(policy, _order(n)) for n in range(5)]

    # Assert
    assert sum(v is None for v in verdicts) == 3


async def test_per_minute_still_denies_after_the_second_has_refilled(
    limiter: InMemoryRateLimiter, clock: FakeClock
) -> None:
    # Arrange
    throttle = SharedThrottle(limiter)
    policy = _policy(OrderRateThrottle(per_second=2, per_minute=3))
    for n in range(2):
        await throttle.admit(policy, _order(n))
    clock.advance(1.0)

    # Act
    third = await throttle.admit(policy, _order(3))
    fourth = await throttle.admit(policy, _order(4))
    clock.advance(20.0)  # a minute bucket of 3 refills one token every 20 s
    fifth = await throttle.admit(policy, _order(5))

    # Assert
    assert third is None
    assert fourth is not None and fourth.code is ReasonCode.ORDER_RATE
    assert fifth is None


async def test_a_warn_only_throttle_takes_no_token(limiter: InMemoryRateLimiter) -> None:
    # Arrange
    throttle = SharedThrottle(limiter)
    policy = _policy(OrderRateThrottle(per_second=1, action=Action.WARN))

    # Act
    verdicts = [await throttle.admit(policy, _order(n)) for n in range(3)]

    # Assert
    assert verdicts == [None, None, None]


async def test_an_agent_scoped_throttle_counts_only_that_agents_orders(
    limiter: InMemoryRateLimiter,
) -> None:
    # Arrange
    throttle = SharedThrottle(limiter)
    scoped = OrderRateThrottle(per_second=1, scope=RuleScope.AGENT, scope_id=AGENT.id)
    policy = _policy(scoped)
    await throttle.admit(policy, _order(1, origin=AGENT))

    # Act
    agent_again = await throttle.admit(policy, _order(2, origin=AGENT))
    users = [await throttle.admit(policy, _order(n, origin=USER)) for n in range(3, 6)]

    # Assert
    assert agent_again is not None and agent_again.code is ReasonCode.ORDER_RATE
    assert users == [None, None, None]


async def test_accounts_have_buckets_of_their_own(limiter: InMemoryRateLimiter) -> None:
    # Arrange
    throttle = SharedThrottle(limiter)
    rate = OrderRateThrottle(per_second=1)
    await throttle.admit(_policy(rate), _order(1))

    # Act
    other = await throttle.admit(_policy(rate, account="acc-2"), _order(2, account="acc-2"))

    # Assert
    assert other is None


async def test_two_rules_with_the_same_limit_count_an_order_once(
    limiter: InMemoryRateLimiter,
) -> None:
    # Arrange
    throttle = SharedThrottle(limiter)
    policy = _policy(
        OrderRateThrottle(per_second=2, rule_id="a"), OrderRateThrottle(per_second=2, rule_id="b")
    )

    # Act
    verdicts = [await throttle.admit(policy, _order(n)) for n in range(2)]

    # Assert
    assert verdicts == [None, None]


async def test_a_limiter_error_denies_with_risk_check_error() -> None:
    # Arrange
    throttle = SharedThrottle(_Broken())
    policy = _policy(OrderRateThrottle(per_second=5))

    # Act
    verdict = await throttle.admit(policy, _order(1))

    # Assert
    assert verdict is not None
    assert (verdict.code, verdict.outcome) == (ReasonCode.RISK_CHECK_ERROR, Outcome.DENY)


async def test_no_throttle_rule_needs_no_limiter() -> None:
    # Arrange: a broken limiter is never asked when no rule limits the rate
    throttle = SharedThrottle(_Broken())

    # Act
    verdict = await throttle.admit(_policy(), _order(1))

    # Assert
    assert verdict is None


async def test_check_appends_the_denying_verdict_to_the_gates_decision(
    limiter: InMemoryRateLimiter,
) -> None:
    # Arrange
    throttle = SharedThrottle(limiter)
    policy = _policy(OrderRateThrottle(per_second=1))
    passed = Verdict(ReasonCode.OK, Outcome.PASS, "BuyingPower", None, "")
    approved = Decision(True, D(1), D(1), (passed,))

    # Act
    first = await throttle.check(policy, _order(1), approved)
    second = await throttle.check(policy, _order(2), approved)

    # Assert
    assert first is approved
    assert not second.approved
    assert second.verdicts[0] == passed
    assert second.reasons == (ReasonCode.ORDER_RATE,)


async def test_a_hold_throttle_holds_the_order_beyond_the_shared_rate(
    limiter: InMemoryRateLimiter,
) -> None:
    # Arrange
    throttle = SharedThrottle(limiter)
    policy = _policy(OrderRateThrottle(per_second=1, action=Action.HOLD))
    passed = Verdict(ReasonCode.OK, Outcome.PASS, "BuyingPower", None, "")
    approved = Decision(True, D(1), D(1), (passed,))

    # Act
    first = await throttle.check(policy, _order(1), approved)
    second = await throttle.check(policy, _order(2), approved)

    # Assert
    assert first is approved
    assert (second.approved, second.held) == (True, True)
    assert second.holds == (ReasonCode.ORDER_RATE,)


async def test_two_order_services_with_the_throttle_approve_the_limit_between_them(
    e: Embedded,
) -> None:
    # Arrange: a second instance on the same store, with its own flow memory and locks
    await add_rule(e, RuleType.ORDER_RATE, {"per_second": 2})
    limiter = InMemoryRateLimiter(fake_clock(e))
    services = [
        OrderService.assemble(
            unit_of_work_factory(e.store),
            BrokerRouter({"paper": e.broker}),
            e.market,
            e.bus,
            e.clock,
            e.ids,
            PolicyCache(),
            KeyedLocks(),
            throttle=SharedThrottle(limiter),
        )
        for _ in range(2)
    ]

    # Act: each instance alone would approve two
    results = [await services[n % 2].submit(limit(BUY, n + 1, "95")) for n in range(4)]

    # Assert
    statuses = [r.order.status for r in results]
    assert statuses.count(OrderStatus.DENIED) == 2
    assert all(
        r.order.deny_reasons == (ReasonCode.ORDER_RATE.value,)
        for r in results
        if r.order.status is OrderStatus.DENIED
    )
