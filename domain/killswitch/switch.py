"""Kill-switch records: scope state, activation lockout, triggers and the event it leaves."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum

from domain.errors import DomainError
from domain.events import DomainEvent
from domain.killswitch.state import Scope, TradingState
from domain.principals import Role


class TriggerType(StrEnum):
    """What pulled the switch."""

    MANUAL = "manual"
    DAILY_LOSS = "daily_loss"
    DRAWDOWN = "drawdown"
    DEAD_AGENT = "dead_agent"
    MARGIN_CALL = "margin_call"
    SUCCESSION = "succession"
    SURVEILLANCE = "surveillance"  # a HIGH surveillance alert paused an agent
    AGENT = "agent"  # an agent halted itself, or an account granted to it (never resumes it)
    RECONCILIATION = "reconciliation"  # the venue and Bulwark disagree (halt_on_drift)
    # Repeated ORDER_RATE denials disabled an agent or an account (the execution throttle,
    # MiFID II RTS 6 Art. 15): until a person resumes it.
    THROTTLE = "throttle"


# How long a principal's activation stays locked after its last counted wrong passcode.
ACTIVATION_LOCKOUT_WINDOW = timedelta(minutes=15)


class ActivationLocked(DomainError):
    """Too many wrong passcodes: activation is locked for this principal for a while.

    `retry_after` is the seconds left; without one the whole window is announced (an
    upper bound: the client is never told to come back too early).
    """

    code = "KILL_SWITCH_LOCKED"

    def __init__(self, message: str, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = (
            ACTIVATION_LOCKOUT_WINDOW.total_seconds() if retry_after is None else retry_after
        )


class WrongPasscode(DomainError):
    code = "WRONG_PASSCODE"


class FourEyesRequired(DomainError):
    code = "FOUR_EYES_REQUIRED"


@dataclass(frozen=True, slots=True)
class EmergencyHalt(DomainEvent):
    scope_key: str
    trigger: str
    principal_id: str
    reason: str


@dataclass(frozen=True, slots=True)
class KillSwitchCompleted(DomainEvent):
    """The outcome of one activation, once the brokers were reconciled (or the deadline passed)."""

    scope_key: str
    event_id: str
    trigger: str
    orders_cancelled: int
    broker_confirmed: bool
    unconfirmed_brokers: tuple[str, ...]
    elapsed_ms: float
    # Orders of the scope the store holds open that no broker confirmed closed (by id).
    unconfirmed_orders: tuple[str, ...] = ()
    # Orders held for a person's approval in the scope, rejected TRADING_HALTED.
    held_rejected: int = 0


@dataclass(frozen=True, slots=True)
class TradingStateChanged(DomainEvent):
    scope_key: str
    previous: str
    state: str
    principal_id: str
    reason: str


@dataclass(slots=True, eq=False)
class ScopeState:
    """The trading state of one scope, with who changed it last and why."""

    scope: Scope
    state: TradingState = TradingState.ACTIVE
    reason: str = ""
    changed_by: str = ""
    changed_at: datetime | None = None
    version: int = 0
    events: list[DomainEvent] = field(default_factory=list, repr=False)

    def change(self, state: TradingState, by: str, reason: str, at: datetime) -> bool:
        """Move to `state`; returns False (and records nothing) when already there."""
        if state is self.state:
            return False
        previous = self.state
        self.state, self.changed_by, self.reason, self.changed_at = state, by, reason, at
        self.events.append(
            TradingStateChanged(self.scope.key, previous.value, state.value, by, reason)
        )
        return True


@dataclass(slots=True, eq=False)
class ActivationLockout:
    """Failed passcode attempts of one principal: `max_failures` in `window` locks activation.

    The risk officer is never locked out: they must always be able to stop trading.
    """

    principal_id: str
    failures: list[datetime] = field(default_factory=list)
    max_failures: int = 5
    window: timedelta = ACTIVATION_LOCKOUT_WINDOW

    def _recent(self, now: datetime) -> list[datetime]:
        cutoff = now - self.window
        return [t for t in self.failures if t > cutoff]

    def is_locked(self, role: Role, now: datetime) -> bool:
        if role is Role.RISK_OFFICER:
            return False
        return len(self._recent(now)) >= self.max_failures

    def locked_until(self, now: datetime) -> datetime | None:
        recent = self._recent(now)
        if len(recent) < self.max_failures:
            return None
        return recent[-self.max_failures] + self.window

    def record_failure(self, now: datetime) -> None:
        self.failures = [*self._recent(now), now]

    def reset(self) -> None:
        self.failures = []


@dataclass(frozen=True, slots=True)
class BrokerOutcome:
    """What one broker did during a kill switch."""

    broker: str
    accounts: tuple[str, ...]
    cancel_requested: int
    cancel_acknowledged: int
    remaining_open: int
    confirmed: bool
    attempts: int
    closing_orders: int = 0
    errors: tuple[str, ...] = ()
    # With flatten: whether the venue, asked again, showed no working order and no position
    # (None: not flattened); closing orders still working; what is still held, as
    # "account:symbol".
    flat: bool | None = None
    closing_open: int = 0
    positions_remaining: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class UnconfirmedOrder:
    """An order the store holds open that its broker did not confirm closed, and why."""

    order_id: str
    account_id: str
    broker: str
    reason: str


@dataclass(frozen=True, slots=True)
class KillSwitchEvent:
    """The durable record of one activation (the seed's kill_switch_events, richer)."""

    id: str
    user_id: str
    trigger_type: TriggerType
    scope: Scope
    reason: str
    flatten: bool
    orders_cancelled: int
    broker_confirmed: bool
    brokers: tuple[BrokerOutcome, ...]
    triggered_at: datetime
    halted_at: datetime
    broadcast_at: datetime
    cancel_sent_at: datetime | None
    confirmed_at: datetime | None
    elapsed_ms: float
    # Orders in doubt (never acknowledged by their broker) still unresolved: not confirmed.
    unconfirmed_orders: tuple[UnconfirmedOrder, ...] = ()
    # Done while the store was unreachable: halted in this process and cancelled at the
    # brokers the kill switch remembered; the record and HALTED were stored afterwards.
    store_unavailable: bool = False
    # Orders held for a person's approval in the scope, rejected TRADING_HALTED (never sent).
    held_rejected: int = 0

    @property
    def unconfirmed_brokers(self) -> tuple[str, ...]:
        names = [b.broker for b in self.brokers if not b.confirmed]
        names += [o.broker for o in self.unconfirmed_orders if o.broker not in names]
        return tuple(dict.fromkeys(names))
