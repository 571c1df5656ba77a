"""A drill schedule: an owner's cron expression (in a time zone), the target it drills, on or
off, and when it runs next.

A target is the paper broker, or one of the owner's venue connections in a paper, sandbox or
testnet environment; never a live one (DRILL_TARGET_LIVE). What a drill does there is a
`DrillSpec`: on paper it rests the drill's own orders on the drill's own instrument, may
switch broker faults on and, with flatten, holds a position the kill switch must close; at a
venue it rests buy limits of a symbol the venue lists, at a price well below its market, and
only cancels (no faults, no flatten: both would act on the venue account's real orders and
holdings, at prices the drill cannot know).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from enum import StrEnum
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from domain.errors import Conflict, DomainError
from domain.killswitch.drill import BrokerFaults, UnknownFault

ID_PREFIX = "ds-"
CONNECTION_PREFIX = "vc-"  # a venue connection's id (domain/connections/connection.py)
PAPER = "paper"
MAX_CRON = 120
MAX_SYMBOL = 32


class InvalidDrillSchedule(DomainError):
    """A field of a drill schedule is malformed or does not fit its target."""

    code = "INVALID_DRILL_SCHEDULE"


class DrillTargetLive(DomainError):
    """A drill was asked of a live venue connection: drills run on paper or test venues only."""

    code = "DRILL_TARGET_LIVE"


class DrillTargetRevoked(Conflict):
    """A drill was asked of a revoked venue connection: it routes nothing."""

    code = "CONNECTION_REVOKED"


class TargetKind(StrEnum):
    """What a drill halts: the paper broker, or a venue connection's test environment."""

    PAPER = "paper"
    CONNECTION = "connection"


@dataclass(frozen=True, slots=True)
class DrillTarget:
    """The paper broker, or the venue connection `connection_id`."""

    kind: TargetKind
    connection_id: str | None = None

    def __post_init__(self) -> None:
        if (self.kind is TargetKind.CONNECTION) != (self.connection_id is not None):
            raise ValueError("a connection target names its connection, and only it")

    @classmethod
    def paper(cls) -> DrillTarget:
        return cls(TargetKind.PAPER)

    @classmethod
    def connection(cls, connection_id: str) -> DrillTarget:
        return cls(TargetKind.CONNECTION, connection_id)

    @property
    def key(self) -> str:
        """`paper`, or the connection's id (`vc-...`): the target as the API spells it."""
        return self.connection_id if self.connection_id is not None else PAPER

    @property
    def is_paper(self) -> bool:
        return self.kind is TargetKind.PAPER

    @classmethod
    def parse(cls, text: str) -> DrillTarget:
        """`paper` or a connection's id; InvalidDrillSchedule for anything else."""
        target = cls.of_route(text.strip())
        if target is None:
            raise InvalidDrillSchedule(
                "field `target`: `paper` or the id of one of your venue connections (vc-...)",
                field="target",
            )
        return target

    @classmethod
    def of_route(cls, route: str) -> DrillTarget | None:
        """The target that drills an account routed to `route` (an account's broker name:
        `paper` or its connection's id); None for a route no drill reaches."""
        if route == PAPER:
            return cls.paper()
        if route.startswith(CONNECTION_PREFIX) and len(route) > len(CONNECTION_PREFIX):
            return cls.connection(route)
        return None


@dataclass(frozen=True, slots=True)
class DrillSpec:
    """What one drill does: whose it is, where, whether it flattens, the faults the paper
    broker shows, and at a venue the symbol and the resting buy limit's price."""

    owner_id: str
    target: DrillTarget
    flatten: bool = False
    faults: str = "none"  # as BrokerFaults.describe() spells them
    symbol: str | None = None
    limit_price: Decimal | None = None

    @property
    def broker_faults(self) -> BrokerFaults:
        return BrokerFaults.parse(self.faults)


@dataclass(frozen=True, slots=True)
class DrillSchedule:
    """An owner's drill schedule. `next_run_at` is the cron's next time (None while off);
    `version` grows with every change, so two writers never both take the same run."""

    id: str
    owner_id: str
    cron: str
    timezone: str
    target: DrillTarget
    enabled: bool
    flatten: bool
    faults: str
    created_at: datetime
    updated_at: datetime
    next_run_at: datetime | None = None
    symbol: str | None = None
    limit_price: Decimal | None = None
    version: int = 1

    @property
    def spec(self) -> DrillSpec:
        return DrillSpec(
            self.owner_id, self.target, self.flatten, self.faults, self.symbol, self.limit_price
        )

    def due(self, now: datetime) -> bool:
        return self.enabled and self.next_run_at is not None and self.next_run_at <= now


def check_cron_text(text: str) -> str:
    """The expression's text, trimmed (its fields are the cron calendar's to check)."""
    cleaned = " ".join(text.split())
    if not cleaned or len(cleaned) > MAX_CRON or not cleaned.isprintable():
        raise InvalidDrillSchedule(
            f"field `cron` must be a cron expression of 1 to {MAX_CRON} characters", field="cron"
        )
    return cleaned


def check_timezone(name: str) -> str:
    """An IANA time zone name the cron is read in (`UTC`, `Europe/London`)."""
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise InvalidDrillSchedule(
            f"field `timezone`: {name!r} is not an IANA time zone (e.g. UTC, America/New_York)",
            field="timezone",
        ) from None
    return name


def check_spec(
    target: DrillTarget,
    flatten: bool | None,
    faults: str | None,
    symbol: str | None,
    limit_price: Decimal | None,
) -> tuple[bool, str, str | None, Decimal | None]:
    """(flatten, faults, symbol, limit_price) as the target takes them: on paper, flatten by
    default and any faults, no symbol or price (the drill's own); at a venue, a symbol and a
    positive limit price, no faults and no flatten."""
    if target.is_paper:
        if symbol is not None or limit_price is not None:
            raise InvalidDrillSchedule(
                "fields `symbol` and `limit_price` are for a venue connection's drill: on "
                "paper the drill trades an instrument of its own",
                field="symbol" if symbol is not None else "limit_price",
            )
        try:
            described = BrokerFaults.parse(faults or "none").describe()
        except UnknownFault as exc:
            raise InvalidDrillSchedule(f"field `faults`: {exc.message}", field="faults") from None
        return (True if flatten is None else flatten), described, None, None
    if faults not in (None, "none"):
        raise InvalidDrillSchedule(
            "field `faults`: only a paper drill shows broker faults (at a venue they would "
            "leave the drill's orders working there)",
            field="faults",
        )
    if flatten:
        raise InvalidDrillSchedule(
            "field `flatten`: only a paper drill flattens (at a venue it would close every "
            "position of the venue account)",
            field="flatten",
        )
    cleaned = (symbol or "").strip().upper()
    if not cleaned or len(cleaned) > MAX_SYMBOL or not cleaned.replace("/", "").isalnum():
        raise InvalidDrillSchedule(
            "field `symbol` is needed for a venue connection's drill: a symbol the venue lists",
            field="symbol",
        )
    if limit_price is None or not limit_price.is_finite() or limit_price <= 0:
        raise InvalidDrillSchedule(
            "field `limit_price` is needed for a venue connection's drill: a buy limit well "
            "below the symbol's market, so that the drill's orders rest",
            field="limit_price",
        )
    return False, "none", cleaned, limit_price
