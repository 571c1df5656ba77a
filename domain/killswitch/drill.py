"""Kill-switch drills: the broker faults a drill switches on, and how a drill is judged.

A drill engages the kill switch against a broker made to misbehave, then asks the broker
itself what is still open. The drill passes when the kill switch's verdict (confirmed or
not) matches that truth: a kill switch that reports UNCONFIRMED while the broker keeps the
orders did its job; one that reports CONFIRMED while orders are still live failed it.

A drill over several venues (`judge_venues`) asks more: did the one halt stop every venue?
Each venue is confirmed, or named with the orders it still holds; that drill passes only
when every venue was confirmed and holds nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from domain.errors import DomainError

DEFAULT_DELAY_MS = 250
MAX_DELAY_MS = 60_000
NO_FAULT = "none"


class BrokerFault(StrEnum):
    """A way a broker can lie or fail, for drills only."""

    # Acknowledge cancels but leave the orders open.
    KEEP_ON_CANCEL = "keep_on_cancel"
    # Carry out orders and cancels, but answer only after a delay.
    DELAY_ACKS = "delay_acks"
    # Carry out orders and cancels, but lose the answer: the call fails as a time-out.
    DROP_ACKS = "drop_acks"
    # Refuse every new order.
    REJECT_SENDS = "reject_sends"
    # Every call fails: the broker cannot be reached.
    DISCONNECT = "disconnect"


class UnknownFault(DomainError):
    """A fault name or delay no drill knows."""

    code = "UNKNOWN_FAULT"


@dataclass(frozen=True, slots=True)
class BrokerFaults:
    """The faults switched on, and the acknowledgement delay when DELAY_ACKS is one of them."""

    faults: frozenset[BrokerFault] = frozenset()
    delay_ms: int = 0

    def __post_init__(self) -> None:
        delaying = BrokerFault.DELAY_ACKS in self.faults
        if delaying and not 1 <= self.delay_ms <= MAX_DELAY_MS:
            raise UnknownFault(f"delay_acks needs a delay of 1 to {MAX_DELAY_MS} ms")
        if not delaying and self.delay_ms != 0:
            raise UnknownFault("a delay goes with delay_acks only")

    @property
    def active(self) -> bool:
        return bool(self.faults)

    def has(self, fault: BrokerFault) -> bool:
        return fault in self.faults

    @property
    def names(self) -> list[str]:
        """The faults' names in a stable order (the order of BrokerFault)."""
        return [f.value for f in BrokerFault if f in self.faults]

    def describe(self) -> str:
        """As BULWARK_PAPER_FAULTS spells it: `none`, or e.g. `keep_on_cancel,delay_acks=250`."""
        if not self.faults:
            return NO_FAULT
        return ",".join(
            f"{name}={self.delay_ms}" if name == BrokerFault.DELAY_ACKS else name
            for name in self.names
        )

    @classmethod
    def of(cls, names: Iterable[str], delay_ms: int | None = None) -> BrokerFaults:
        """From fault names (`none` alone for no fault); UnknownFault names what is wrong."""
        given = [n.strip().lower() for n in names]
        if given == [NO_FAULT]:
            given = []
        faults: set[BrokerFault] = set()
        for name in given:
            try:
                faults.add(BrokerFault(name))
            except ValueError:
                known = ", ".join([NO_FAULT, *(f.value for f in BrokerFault)])
                raise UnknownFault(f"unknown fault {name!r}; known: {known}") from None
        if BrokerFault.DELAY_ACKS in faults and delay_ms is None:
            delay_ms = DEFAULT_DELAY_MS
        return cls(frozenset(faults), delay_ms or 0)

    @classmethod
    def parse(cls, text: str) -> BrokerFaults:
        """`none`, or comma-separated fault names; `delay_acks=MS` sets the delay."""
        names: list[str] = []
        delay_ms: int | None = None
        for item in (part.strip() for part in text.split(",")):
            name, sep, value = item.partition("=")
            if sep:
                if name.strip().lower() != BrokerFault.DELAY_ACKS or not value.strip().isdigit():
                    raise UnknownFault(f"expected delay_acks=MS, got {item!r}")
                delay_ms = int(value.strip())
            names.append(name)
        return cls.of(names, delay_ms)


class DrillVerdict(StrEnum):
    PASS = "PASS"
    FAIL = "FAIL"


@dataclass(frozen=True, slots=True)
class DrillJudgement:
    """PASS when the kill switch told the broker's truth; `reason` says what was compared."""

    verdict: DrillVerdict
    reason: str

    @property
    def passed(self) -> bool:
        return self.verdict is DrillVerdict.PASS


def judge(kill_switch_confirmed: bool, still_open: int) -> DrillJudgement:
    """Compare the kill switch's verdict with the orders the broker still holds open."""
    if still_open < 0:
        raise ValueError("a count of open orders is not negative")
    held = f"{still_open} order{'' if still_open == 1 else 's'}"
    if kill_switch_confirmed and still_open == 0:
        return DrillJudgement(
            DrillVerdict.PASS,
            "the kill switch confirmed and the broker holds no order of the scope",
        )
    if not kill_switch_confirmed and still_open > 0:
        return DrillJudgement(
            DrillVerdict.PASS,
            f"the kill switch reported UNCONFIRMED and the broker still holds {held}",
        )
    if kill_switch_confirmed:
        return DrillJudgement(
            DrillVerdict.FAIL,
            f"the kill switch reported CONFIRMED but the broker still holds {held}",
        )
    return DrillJudgement(
        DrillVerdict.FAIL,
        "the kill switch reported UNCONFIRMED but the broker holds no order of the scope "
        "(a false alarm)",
    )


class VenueStep(StrEnum):
    """What a venue was seen doing during a drill's halt, as the kill switch met it."""

    CANCEL_SENT = "cancel sent"
    CANCEL_ACKNOWLEDGED = "cancel acknowledged"
    NONE_OPEN = "none open"


@dataclass(frozen=True, slots=True)
class HeldOrder:
    """A drill order a venue still holds open: Bulwark's id and the venue's own."""

    client_order_id: str
    venue_order_id: str


class VenueStatus(StrEnum):
    """A venue after a drill's halt: confirmed, UNCONFIRMED (it kept orders and the kill
    switch said so), or one of the kill switch's own mistakes."""

    CONFIRMED = "confirmed"
    UNCONFIRMED = "UNCONFIRMED"
    FALSELY_CONFIRMED = "CONFIRMED but open"
    FALSE_ALARM = "false alarm"


@dataclass(frozen=True, slots=True)
class VenueFinding:
    """One venue after a drill's halt: the kill switch's word for it and what it still holds."""

    venue: str
    reported_confirmed: bool
    still_open: tuple[HeldOrder, ...]

    @property
    def status(self) -> VenueStatus:
        if self.reported_confirmed:
            return VenueStatus.FALSELY_CONFIRMED if self.still_open else VenueStatus.CONFIRMED
        return VenueStatus.UNCONFIRMED if self.still_open else VenueStatus.FALSE_ALARM

    def orders(self) -> str:
        """The orders still open, by Bulwark's ids: `3 orders still open (a, b, c)`."""
        count = len(self.still_open)
        ids = ", ".join(o.client_order_id for o in self.still_open)
        return f"{count} order{'' if count == 1 else 's'} still open ({ids})"

    def failure(self) -> str | None:
        """Why this venue fails the drill, or None when it was confirmed."""
        match self.status:
            case VenueStatus.UNCONFIRMED:
                return (
                    f"the halt did not hold at {self.venue}: {self.orders()}, reported UNCONFIRMED"
                )
            case VenueStatus.FALSELY_CONFIRMED:
                return f"the kill switch reported {self.venue} CONFIRMED but {self.orders()}"
            case VenueStatus.FALSE_ALARM:
                return (
                    f"the kill switch reported {self.venue} UNCONFIRMED but it holds no drill "
                    "order (a false alarm)"
                )
        return None


def judge_venues(findings: Iterable[VenueFinding]) -> DrillJudgement:
    """One halt over several venues: PASS when every venue was confirmed and holds no drill
    order; FAIL names each venue where the halt did not hold (with its orders) and each the
    kill switch misreported."""
    found = list(findings)
    if not found:
        raise ValueError("a venue drill halts at least one venue")
    failures = [reason for f in found if (reason := f.failure()) is not None]
    if failures:
        return DrillJudgement(DrillVerdict.FAIL, "; ".join(failures))
    names = ", ".join(f.venue for f in found)
    return DrillJudgement(
        DrillVerdict.PASS, f"every venue confirmed and holds no drill order ({names})"
    )
