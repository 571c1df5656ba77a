"""The order-rate throttle shared by every instance: the gate's limits on shared token buckets."""

from __future__ import annotations

from dataclasses import dataclass

from domain.risk.controls.flow import OrderRateThrottle
from domain.risk.flow import OrderFlow
from domain.risk.gate import Policy
from domain.risk.reasons import Action, Outcome, ReasonCode
from domain.risk.verdicts import Decision, Verdict
from domain.trading.orders import Order
from ports.core.ratelimit import RateLimiter

# bucket key -> (capacity, seconds, the control it enforces)
_Buckets = dict[str, tuple[int, float, OrderRateThrottle]]


@dataclass(eq=False)
class SharedThrottle:
    """Takes one token per approved order from buckets every instance shares (fail closed).

    The gate's OrderRateThrottle counts in this process's OrderFlow, so each of N instances
    would allow the full rate. Here every BLOCK/REDUCE/HOLD throttle that applies to the order's
    origin takes a token from a bucket keyed by account and the control's counting key
    (per_second: capacity per_second over 1 s; per_minute: per_minute over 60 s). An error
    of the limiter denies with RISK_CHECK_ERROR. Tokens are not given back when a decision
    is later rolled back (a retried or failed batch): the shared count errs towards fewer
    orders.
    """

    limiter: RateLimiter
    prefix: str = "order-rate:"

    async def admit(self, policy: Policy, order: Order) -> Verdict | None:
        """None when every shared bucket had a token; else the verdict that denies the order."""
        for key, (capacity, seconds, control) in self._buckets(policy, order).items():
            try:
                decision = await self.limiter.hit(key, capacity, seconds)
            except Exception as exc:
                message = f"shared order throttle unavailable: {type(exc).__name__}"
                return Verdict(
                    ReasonCode.RISK_CHECK_ERROR,
                    Outcome.DENY,
                    control.name,
                    control.rule_id,
                    message,
                )
            if not decision.allowed:
                window = "s" if seconds == 1.0 else "min"
                message = f"order rate limit reached across instances ({capacity}/{window})"
                # A HOLD throttle holds the order for a person as the gate's own would.
                outcome = Outcome.HOLD if control.action is Action.HOLD else Outcome.DENY
                return Verdict(
                    ReasonCode.ORDER_RATE, outcome, control.name, control.rule_id, message
                )
        return None

    async def check(self, policy: Policy, order: Order, decision: Decision) -> Decision:
        """`decision` unchanged when admitted; else the same verdicts plus the denying one
        (or the holding one: still approved, now held)."""
        verdict = await self.admit(policy, order)
        if verdict is None:
            return decision
        if verdict.outcome is Outcome.HOLD:
            return decision._replace(verdicts=(*decision.verdicts, verdict))
        requested = decision.requested_quantity
        return Decision(False, requested, requested, (*decision.verdicts, verdict))

    def _buckets(self, policy: Policy, order: Order) -> _Buckets:
        # Two rules with the same key and limit share one bucket: an order counts once in it.
        buckets: _Buckets = {}
        for control in policy.controls_for(order.origin):
            if not isinstance(control, OrderRateThrottle) or control.action is Action.WARN:
                continue
            counted = OrderFlow.keys_for(order)[1] if control.per_origin else "account"
            base = f"{self.prefix}{order.account_id}:{counted}"
            if control.per_second is not None:
                buckets[f"{base}:1s:{control.per_second}"] = (control.per_second, 1.0, control)
            if control.per_minute is not None:
                buckets[f"{base}:60s:{control.per_minute}"] = (control.per_minute, 60.0, control)
        return buckets
