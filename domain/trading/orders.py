"""Orders: the request a principal makes and its lifecycle state machine."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal
from enum import StrEnum

from domain.errors import IllegalTransition, InvalidFill, InvalidOrder
from domain.events import DomainEvent
from domain.numbers import ZERO
from domain.trading.attribution import Attribution
from domain.trading.holds import SecondApproverRequired


class Side(StrEnum):
    """Buy or sell; `sign` is +1 for a buy and -1 for a sell."""

    BUY = "buy"
    SELL = "sell"

    @property
    def sign(self) -> int:
        return 1 if self is Side.BUY else -1

    @property
    def opposite(self) -> Side:
        return Side.SELL if self is Side.BUY else Side.BUY


class OrderType(StrEnum):
    """How the order is priced."""

    MARKET = "market"
    LIMIT = "limit"
    STOP = "stop"
    STOP_LIMIT = "stop_limit"


class TimeInForce(StrEnum):
    """How long an order may rest."""

    DAY = "day"
    GTC = "gtc"
    IOC = "ioc"
    FOK = "fok"


class OrderStatus(StrEnum):
    """Lifecycle states; see `TRANSITIONS` for the legal edges."""

    NEW = "new"
    PENDING_SUBMIT = "pending_submit"
    ACCEPTED = "accepted"
    PARTIALLY_FILLED = "partially_filled"
    FILLED = "filled"
    CANCELED = "canceled"
    REJECTED = "rejected"
    EXPIRED = "expired"
    DENIED = "denied"
    # Decided and stored, but its broker never received it (looked up by client order id).
    NEVER_SENT = "never_sent"
    # Held by a HOLD rule for a person's approval: not sent, not open, until approved.
    HELD = "held"


class OriginKind(StrEnum):
    """Who originated an order."""

    USER = "user"
    STRATEGY = "strategy"
    AGENT = "agent"
    # A rebalance of a household (its id is the proposal's): gated like any other order.
    REBALANCE = "rebalance"


class Channel(StrEnum):
    """The way an order came in: the REST API, the console, a Kafka command, the MCP server,
    or Bulwark itself (a strategy's signal, a rebalance, a drill)."""

    API = "api"
    CONSOLE = "console"
    KAFKA = "kafka"
    MCP = "mcp"
    INTERNAL = "internal"


@dataclass(frozen=True, slots=True)
class Origin:
    """The principal behind an order: a user, a strategy or an autonomous agent; and the
    `channel` it came through (told, not compared: an idempotency key's retry through another
    channel is the same order)."""

    kind: OriginKind
    id: str
    channel: Channel = field(default=Channel.INTERNAL, compare=False)


@dataclass(frozen=True, slots=True)
class HoldApproval:
    """One person's approval of a held order: who (`approver_id`, `name` their username when
    known) and when (UTC). Four eyes need several, each by a different person."""

    approver_id: str
    at: datetime | None = None
    name: str = ""


_S = OrderStatus
TRANSITIONS: dict[OrderStatus, frozenset[OrderStatus]] = {
    _S.NEW: frozenset({_S.PENDING_SUBMIT, _S.DENIED, _S.HELD}),
    # Approved (and decided again), denied on approval, rejected by its reviewer, or lapsed.
    _S.HELD: frozenset({_S.PENDING_SUBMIT, _S.DENIED, _S.CANCELED, _S.EXPIRED}),
    _S.PENDING_SUBMIT: frozenset(
        {_S.ACCEPTED, _S.REJECTED, _S.CANCELED, _S.EXPIRED, _S.NEVER_SENT}
    ),
    _S.ACCEPTED: frozenset({_S.PARTIALLY_FILLED, _S.FILLED, _S.CANCELED, _S.EXPIRED}),
    _S.PARTIALLY_FILLED: frozenset({_S.PARTIALLY_FILLED, _S.FILLED, _S.CANCELED, _S.EXPIRED}),
    _S.FILLED: frozenset(),
    _S.CANCELED: frozenset(),
    _S.REJECTED: frozenset(),
    _S.EXPIRED: frozenset(),
    _S.DENIED: frozenset(),
    _S.NEVER_SENT: frozenset(),
}
OPEN_STATUSES = frozenset({_S.PENDING_SUBMIT, _S.ACCEPTED, _S.PARTIALLY_FILLED})
TERMINAL_STATUSES = frozenset(s for s, nxt in TRANSITIONS.items() if not nxt)


@dataclass(frozen=True, slots=True)
class OrderEvent(DomainEvent):
    """What every order event names first: the order, and the account it belongs to."""

    order_id: str
    account_id: str


@dataclass(frozen=True, slots=True)
class OrderDenied(OrderEvent):
    """The gate denied the order (`reasons` its codes). Who sent it (`origin_kind` and
    `origin_id`: the user, strategy or agent; empty in events written before them) is told, not
    compared: the execution throttle counts an originator's ORDER_RATE denials by it."""

    reasons: tuple[str, ...]
    origin_kind: str = field(default="", compare=False)
    origin_id: str = field(default="", compare=False)
    # When it was denied (UTC; None in events written before it): its notice's latency start.
    at: datetime | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True)
class OrderHeld(OrderEvent):
    """A HOLD rule held the order for a person's approval until `expires_at` (UTC)."""

    reasons: tuple[str, ...]
    symbol: str = ""
    side: str = ""
    quantity: Decimal | None = None
    origin_kind: str = ""
    origin_id: str = ""
    expires_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class OrderApproved(OrderEvent):
    """A person released a held order: it was decided again and, when approved, sent."""

    approver_id: str
    at: datetime | None = None


@dataclass(frozen=True, slots=True)
class OrderApprovalRecorded(OrderEvent):
    """Four eyes: a person approved a held order that needs more approvals; it stays held.
    `approvals` given so far (this one included) of the `required`."""

    approver_id: str
    approvals: int
    required: int
    at: datetime | None = None


@dataclass(frozen=True, slots=True)
class OrderRejectedByReviewer(OrderEvent):
    """A person refused a held order: it is canceled, never sent."""

    reviewer_id: str
    reason: str
    at: datetime | None = None


@dataclass(frozen=True, slots=True)
class OrderAccepted(OrderEvent):
    """The broker took the order: it is in the market.

    The fields after `broker_order_id` (surveillance) are optional, so events
    written before them still decode: the order's terms, who is behind it (`owner_id` the
    account's owner, the beneficial owner; `origin_kind`/`origin_id` the user, strategy or
    agent), when it was sent (`at`, UTC) and the touch then (`bid`/`ask`; None: unknown).
    """

    broker_order_id: str
    at: datetime | None = None
    symbol: str = ""
    side: str = ""
    quantity: Decimal | None = None
    order_type: str = ""
    limit_price: Decimal | None = None
    owner_id: str = ""
    origin_kind: str = ""
    origin_id: str = ""
    bid: Decimal | None = None
    ask: Decimal | None = None


@dataclass(frozen=True, slots=True)
class OrderRejected(OrderEvent):
    reason: str


@dataclass(frozen=True, slots=True)
class OrderFilled(OrderEvent):
    symbol: str
    side: str
    quantity: Decimal
    price: Decimal
    filled_quantity: Decimal
    status: str


@dataclass(frozen=True, slots=True)
class OrderCanceled(OrderEvent):
    """The order left the market unfilled (in part). Optional (surveillance): `at` (UTC) and
    `requested`: its owner asked for this cancel (False: the broker no longer listed it, e.g.
    the kill switch or the broker took it off). Older events decode as requested, time unknown.
    """

    at: datetime | None = None
    requested: bool = True


@dataclass(frozen=True, slots=True)
class OrderExpired(OrderEvent):
    at: datetime | None = None


@dataclass(frozen=True, slots=True)
class OrderNeverSent(OrderEvent):
    """An order in doubt that its broker does not know: closed, it never left for the market."""

    reason: str
    at: datetime | None = None


@dataclass(slots=True, eq=False)
class Order:
    """An order aggregate. It changes its own state and records events."""

    id: str
    client_order_id: str
    account_id: str
    symbol: str
    side: Side
    quantity: Decimal
    origin: Origin
    order_type: OrderType = OrderType.MARKET
    time_in_force: TimeInForce = TimeInForce.DAY
    limit_price: Decimal | None = None
    stop_price: Decimal | None = None
    reduce_only: bool = False
    idempotency_key: str | None = None
    created_at: datetime | None = None
    status: OrderStatus = OrderStatus.NEW
    filled_quantity: Decimal = ZERO
    average_fill_price: Decimal = ZERO
    broker_order_id: str | None = None
    broker: str = "paper"
    # What denied or closed it: the gate's codes (also on approval of a held order), the
    # reviewer's reason for a rejected hold, the reason it never reached its broker. Empty
    # for an order nothing denied: a held order waiting, an approved one, a filled one.
    deny_reasons: tuple[str, ...] = ()
    requested_quantity: Decimal | None = None
    # The codes of the HOLD rules that held it for a person, kept whatever came after.
    hold_reasons: tuple[str, ...] = ()
    # The people who approved it while held, in order (four eyes: the first stays held).
    approvals: tuple[HoldApproval, ...] = ()
    # Its algorithm, the person responsible and the client (domain/trading/attribution.py),
    # fixed when placed; None for an order stored before orders were attributed.
    attribution: Attribution | None = None
    events: list[DomainEvent] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        validate_order_terms(self.order_type, self.quantity, self.limit_price, self.stop_price)
        if self.requested_quantity is None:
            self.requested_quantity = self.quantity  # kept when a REDUCE control scales it down

    # -- queries ---------------------------------------------------------------
    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    @property
    def is_terminal(self) -> bool:
        return self.status in TERMINAL_STATUSES

    @property
    def is_held(self) -> bool:
        return self.status is OrderStatus.HELD

    def hold_expired(self, now: datetime, ttl: timedelta) -> bool:
        """Held for longer than `ttl` since it was decided (an order without a time has lapsed)."""
        return self.is_held and (self.created_at is None or now - self.created_at >= ttl)

    def in_doubt(self, now: datetime, grace: timedelta) -> bool:
        """Approved and stored but never acknowledged by its broker, for longer than `grace`.

        The send of an order runs right after its decision: one still without a broker order
        id past the grace was sent by a process that died, or never sent at all.
        """
        return (
            self.status is OrderStatus.PENDING_SUBMIT
            and self.broker_order_id is None
            and (self.created_at is None or now - self.created_at >= grace)
        )

    @property
    def remaining_quantity(self) -> Decimal:
        return self.quantity - self.filled_quantity

    @property
    def signed_remaining(self) -> Decimal:
        return self.remaining_quantity * self.side.sign

    # -- transitions -----------------------------------------------------------
    def _move(self, target: OrderStatus) -> None:
        if target not in TRANSITIONS[self.status]:
            raise IllegalTransition(
                f"order {self.id}: {self.status.value} -> {target.value} is not allowed"
            )
        self.status = target

    def deny(self, reasons: tuple[str, ...], *, at: datetime | None = None) -> None:
        self._move(OrderStatus.DENIED)
        self.deny_reasons = reasons
        origin = self.origin
        self.events.append(
            OrderDenied(self.id, self.account_id, reasons, origin.kind.value, origin.id, at=at)
        )

    def hold(self, reasons: tuple[str, ...], *, expires_at: datetime | None = None) -> None:
        """A HOLD rule breached: kept, unsent, for a person; `reasons` the rules' codes."""
        self._move(OrderStatus.HELD)
        self.hold_reasons = reasons  # held, not denied: deny_reasons stay empty
        self.events.append(
            OrderHeld(
                self.id,
                self.account_id,
                reasons,
                symbol=self.symbol,
                side=self.side.value,
                quantity=self.quantity,
                origin_kind=self.origin.kind.value,
                origin_id=self.origin.id,
                expires_at=expires_at,
            )
        )

    def approved_by(self, approver_id: str) -> bool:
        return any(a.approver_id == approver_id for a in self.approvals)

    def add_approval(
        self, approver_id: str, required: int, *, name: str = "", at: datetime | None = None
    ) -> None:
        """Four eyes: one more person's approval of the held order, which stays held.
        SecondApproverRequired when this person already approved it."""
        self._approval(approver_id, name, at)
        self.events.append(
            OrderApprovalRecorded(
                self.id, self.account_id, approver_id, len(self.approvals), required, at
            )
        )

    def approve_held(self, approver_id: str, *, name: str = "", at: datetime | None = None) -> None:
        """A person released the held order (the last approval it needs); it is decided again
        before it moves on. SecondApproverRequired when this person already approved it."""
        self._approval(approver_id, name, at)
        self.events.append(OrderApproved(self.id, self.account_id, approver_id, at))

    def _approval(self, approver_id: str, name: str, at: datetime | None) -> None:
        if not self.is_held:
            raise IllegalTransition(f"order {self.id} is {self.status.value}, not held")
        if self.approved_by(approver_id):
            raise SecondApproverRequired(
                f"order {self.id} already has your approval: another person must approve it"
            )
        self.approvals = (*self.approvals, HoldApproval(approver_id, at, name))

    def reject_held(self, reviewer_id: str, reason: str, *, at: datetime | None = None) -> None:
        """A person refused the held order: canceled, never sent; the reviewer's `reason` is
        what denied it (its hold reasons stay)."""
        self._move(OrderStatus.CANCELED)
        self.deny_reasons = (reason,)
        self.events.append(
            OrderRejectedByReviewer(self.id, self.account_id, reviewer_id, reason, at)
        )

    def mark_pending_submit(self, quantity: Decimal | None = None) -> None:
        """Approved by the gate; `quantity` is set when a REDUCE control scaled it down."""
        if quantity is not None:
            if quantity <= ZERO or quantity > self.quantity:
                raise InvalidOrder(f"reduced quantity {quantity} is out of range")
            self.quantity = quantity
        self._move(OrderStatus.PENDING_SUBMIT)

    def accept(
        self,
        broker_order_id: str,
        *,
        at: datetime | None = None,
        owner_id: str = "",
        bid: Decimal | None = None,
        ask: Decimal | None = None,
    ) -> None:
        """The broker took it; `at` when it was sent, the touch then, the account's owner."""
        self._move(OrderStatus.ACCEPTED)
        self.broker_order_id = broker_order_id
        self.events.append(
            OrderAccepted(
                self.id,
                self.account_id,
                broker_order_id,
                at=at,
                symbol=self.symbol,
                side=self.side.value,
                quantity=self.quantity,
                order_type=self.order_type.value,
                limit_price=self.limit_price,
                owner_id=owner_id,
                origin_kind=self.origin.kind.value,
                origin_id=self.origin.id,
                bid=bid,
                ask=ask,
            )
        )

    def reject(self, reason: str) -> None:
        """The broker refused it (or it could not be sent): `reason` is its code."""
        self._move(OrderStatus.REJECTED)
        self.deny_reasons = (reason,)
        self.events.append(OrderRejected(self.id, self.account_id, reason))

    def cancel(self, *, at: datetime | None = None, requested: bool = True) -> None:
        """Off the market; `requested`: its owner asked (not the broker or the kill switch)."""
        self._move(OrderStatus.CANCELED)
        self.events.append(OrderCanceled(self.id, self.account_id, at, requested))

    def never_sent(self, reason: str, *, at: datetime | None = None) -> None:
        """Close an order its broker does not know after its acceptance window."""
        self._move(OrderStatus.NEVER_SENT)
        self.deny_reasons = (reason,)  # the order's closing reasons, as a denial keeps its own
        self.events.append(OrderNeverSent(self.id, self.account_id, reason, at))

    def expire(self, *, at: datetime | None = None) -> None:
        self._move(OrderStatus.EXPIRED)
        self.events.append(OrderExpired(self.id, self.account_id, at))

    def apply_fill(self, quantity: Decimal, price: Decimal) -> None:
        """Record an execution; moves to PARTIALLY_FILLED or FILLED."""
        if quantity <= ZERO or price <= ZERO:
            raise InvalidFill(f"order {self.id}: fill quantity and price must be positive")
        if quantity > self.remaining_quantity:
            raise InvalidFill(
                f"order {self.id}: fill {quantity} exceeds remaining {self.remaining_quantity}"
            )
        new_filled = self.filled_quantity + quantity
        target = OrderStatus.FILLED if new_filled == self.quantity else OrderStatus.PARTIALLY_FILLED
        self._move(target)
        self.average_fill_price = (
            self.average_fill_price * self.filled_quantity + price * quantity
        ) / new_filled
        self.filled_quantity = new_filled
        self.events.append(
            OrderFilled(
                self.id,
                self.account_id,
                self.symbol,
                self.side.value,
                quantity,
                price,
                new_filled,
                self.status.value,
            )
        )


def validate_order_terms(
    order_type: OrderType,
    quantity: Decimal,
    limit_price: Decimal | None,
    stop_price: Decimal | None,
) -> None:
    """Raise InvalidOrder when quantity and prices do not fit the order type."""
    if not quantity.is_finite() or quantity <= ZERO:
        raise InvalidOrder("quantity must be a positive number")
    needs_limit = order_type in (OrderType.LIMIT, OrderType.STOP_LIMIT)
    needs_stop = order_type in (OrderType.STOP, OrderType.STOP_LIMIT)
    if needs_limit != (limit_price is not None):
        raise InvalidOrder(
            f"{order_type.value} order {'needs' if needs_limit else 'takes no'} limit price"
        )
    if needs_stop != (stop_price is not None):
        raise InvalidOrder(
            f"{order_type.value} order {'needs' if needs_stop else 'takes no'} stop price"
        )
    for price in (limit_price, stop_price):
        if price is not None and (not price.is_finite() or price <= ZERO):
            raise InvalidOrder("prices must be positive numbers")
