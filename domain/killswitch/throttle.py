"""The execution throttle's policy (MiFID II RTS 6 Art. 15): which denials are breaches, whose
they are, and the reason a halt gives.

N breaches by one originator within a window disable it until a person re-enables it. A
breach is an order the gate denied for its rate (ORDER_RATE; DUPLICATE_ORDER too when the
policy says so), never one denied because its scope is already halted (TRADING_HALTED): the
halt stops that originator already, and its orders must not start the next episode. The
originator is the agent or the strategy that sent the order, else its account (a person's
orders, a rebalance's).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta
from enum import StrEnum

RATE = "ORDER_RATE"
DUPLICATE = "DUPLICATE_ORDER"
HALTED = "TRADING_HALTED"
# The origin kinds an order names (domain.trading.orders.OriginKind's values).
_AGENT = "agent"
_STRATEGY = "strategy"


class OriginatorKind(StrEnum):
    """Who a breach is counted against, and so what the throttle disables."""

    AGENT = "agent"  # the kill switch's agent scope
    STRATEGY = "strategy"  # the strategy itself (the kill switch has no strategy scope)
    ACCOUNT = "account"  # the kill switch's account scope: a person's orders, a rebalance's


@dataclass(frozen=True, slots=True)
class Originator:
    """The agent, strategy or account behind a breach; `key` names its count."""

    kind: OriginatorKind
    id: str

    @property
    def key(self) -> str:
        return f"{self.kind.value}:{self.id}"


def originator_of(account_id: str, origin_kind: str, origin_id: str) -> Originator:
    """An agent's or a strategy's order counts against it; any other against its account."""
    if origin_id and origin_kind == _AGENT:
        return Originator(OriginatorKind.AGENT, origin_id)
    if origin_id and origin_kind == _STRATEGY:
        return Originator(OriginatorKind.STRATEGY, origin_id)
    return Originator(OriginatorKind.ACCOUNT, account_id)


@dataclass(frozen=True, slots=True)
class ThrottlePolicy:
    """`breaches` denials for `reasons` within `window` (counted per originator) disable it."""

    breaches: int = 3
    window: timedelta = timedelta(seconds=60)
    reasons: frozenset[str] = frozenset({RATE})

    def __post_init__(self) -> None:
        if self.breaches < 1:
            raise ValueError("the throttle needs at least one breach")
        if self.window <= timedelta(0):
            raise ValueError("the throttle's window is longer than zero")
        if not self.reasons or not self.reasons <= {RATE, DUPLICATE}:
            raise ValueError(f"the throttle counts {RATE} (and {DUPLICATE}) denials only")

    @classmethod
    def of(
        cls, breaches: int, window_seconds: float, *, duplicates: bool = False
    ) -> ThrottlePolicy:
        reasons = frozenset({RATE, DUPLICATE} if duplicates else {RATE})
        return cls(breaches, timedelta(seconds=window_seconds), reasons)

    def is_breach(self, reasons: Iterable[str]) -> bool:
        """A denial for a counted reason, and not of a scope already halted."""
        codes = set(reasons)
        return HALTED not in codes and not codes.isdisjoint(self.reasons)

    @property
    def rules(self) -> str:
        """The counted reasons, as a halt's reason names them: `ORDER_RATE`."""
        return "/".join(sorted(self.reasons, key=(RATE, DUPLICATE).index))

    def reason(self, originator: Originator) -> str:
        """What the halt says: the rule, N, the window and who, and who may undo it."""
        seconds = self.window.total_seconds()
        window = f"{seconds:g}s"
        return (
            f"execution throttle: {self.breaches} {self.rules} breaches within {window} by "
            f"{originator.key} (MiFID II RTS 6 Art. 15); disabled until a person re-enables it"
        )
