"""The controls a requirement is met by, and what the inventory finds of each for an account.

A control kind is one of the gate's rule types (same names as `domain.risk.rules.RuleType`), a
book limit (`BOOK_<kind>`), a US account rule, or a control of the platform (the kill switch
and its drills, the execution throttle, surveillance, the drop copy, the audit chain,
held-order approvals, agents' key scopes). A
`ControlFinding` says how far the control is configured for one account or book (`Coverage`),
with which settings, and when it last denied an order.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Final

from domain.books.limits import BookLimitKind, BookReason
from domain.risk.reasons import ReasonCode
from domain.risk.rules import RuleType


class ControlKind(StrEnum):
    """A Bulwark control a requirement may be met by."""

    # The gate's rule types (docs/pre-trade-gate.md).
    MAX_ORDER_QUANTITY = "MAX_ORDER_QUANTITY"
    MAX_ORDER_NOTIONAL = "MAX_ORDER_NOTIONAL"
    PRICE_COLLAR = "PRICE_COLLAR"
    MAX_POSITION_SIZE = "MAX_POSITION_SIZE"
    POSITION_LIMIT = "POSITION_LIMIT"
    GROSS_EXPOSURE = "GROSS_EXPOSURE"
    NET_EXPOSURE = "NET_EXPOSURE"
    MAX_DAILY_LOSS = "MAX_DAILY_LOSS"
    MAX_DRAWDOWN = "MAX_DRAWDOWN"
    MAX_LEVERAGE = "MAX_LEVERAGE"
    SECTOR_CONCENTRATION = "SECTOR_CONCENTRATION"
    ORDER_RATE = "ORDER_RATE"
    DUPLICATE_ORDER = "DUPLICATE_ORDER"
    RESTRICTED_SYMBOLS = "RESTRICTED_SYMBOLS"
    TRADING_HOURS = "TRADING_HOURS"
    BUYING_POWER = "BUYING_POWER"
    SELF_MATCH = "SELF_MATCH"
    MAX_OPEN_ORDERS = "MAX_OPEN_ORDERS"
    # A book's limits over its member accounts (docs/books.md).
    BOOK_GROSS_EXPOSURE = "BOOK_GROSS_EXPOSURE"
    BOOK_NET_EXPOSURE = "BOOK_NET_EXPOSURE"
    BOOK_POSITION = "BOOK_POSITION"
    BOOK_DAILY_LOSS = "BOOK_DAILY_LOSS"
    BOOK_DRAWDOWN = "BOOK_DRAWDOWN"
    BOOK_LEVERAGE = "BOOK_LEVERAGE"
    BOOK_ORDERS_PER_DAY = "BOOK_ORDERS_PER_DAY"
    # The US account rules (docs/account-rules.md).
    PATTERN_DAY_TRADER = "PATTERN_DAY_TRADER"
    DAY_TRADING_BUYING_POWER = "DAY_TRADING_BUYING_POWER"
    OPTIONS_LEVEL = "OPTIONS_LEVEL"
    # The platform's own controls.
    KILL_SWITCH = "KILL_SWITCH"
    KILL_SWITCH_DRILL = "KILL_SWITCH_DRILL"
    EXECUTION_THROTTLE = "EXECUTION_THROTTLE"
    SURVEILLANCE = "SURVEILLANCE"
    DROP_COPY = "DROP_COPY"
    AUDIT_CHAIN = "AUDIT_CHAIN"
    LIVE_EVENTS = "LIVE_EVENTS"
    ORDER_ORIGIN = "ORDER_ORIGIN"
    ACCESS_CONTROL = "ACCESS_CONTROL"
    HELD_ORDER_APPROVAL = "HELD_ORDER_APPROVAL"
    AGENT_SCOPED_RULES = "AGENT_SCOPED_RULES"
    KEY_SCOPES = "KEY_SCOPES"
    AGENT_HALT = "AGENT_HALT"


# Each rule type is the control of the same name.
RULE_CONTROLS: Final[Mapping[RuleType, ControlKind]] = {t: ControlKind(t.value) for t in RuleType}
# Each book limit is the control BOOK_<kind>.
BOOK_CONTROLS: Final[Mapping[BookLimitKind, ControlKind]] = {
    k: ControlKind(f"BOOK_{k.value}") for k in BookLimitKind
}
# The controls a book has of its own (its limits and its kill switch scope).
BOOK_LEVEL: Final = frozenset({*BOOK_CONTROLS.values(), ControlKind.KILL_SWITCH})

_RULE_CODES: dict[ControlKind, tuple[str, ...]] = {
    ControlKind.MAX_POSITION_SIZE: (ReasonCode.MAX_POSITION,),
    ControlKind.POSITION_LIMIT: (ReasonCode.MAX_POSITION,),
    ControlKind.RESTRICTED_SYMBOLS: (ReasonCode.RESTRICTED_SYMBOL,),
    ControlKind.TRADING_HOURS: (
        ReasonCode.OUTSIDE_TRADING_HOURS,
        ReasonCode.MARKET_CLOSED,
        ReasonCode.MARKET_HOLIDAY,
        ReasonCode.MARKET_EARLY_CLOSE,
    ),
    ControlKind.BUYING_POWER: (ReasonCode.INSUFFICIENT_BUYING_POWER,),
    ControlKind.KILL_SWITCH: (ReasonCode.TRADING_HALTED, ReasonCode.TRADING_REDUCE_ONLY),
}
# The reason codes an order denied by each control carries (its "breach"); none for the
# controls that deny nothing themselves (surveillance, the audit chain, the execution throttle,
# whose trip is a halt: TRADING_HALTED is the kill switch's, ...).
BREACH_CODES: Final[Mapping[ControlKind, tuple[str, ...]]] = {
    **{kind: (kind.value,) for kind in RULE_CONTROLS.values()},
    **{kind: (BookReason[limit.name].value,) for limit, kind in BOOK_CONTROLS.items()},
    ControlKind.PATTERN_DAY_TRADER: (ReasonCode.PATTERN_DAY_TRADER,),
    ControlKind.DAY_TRADING_BUYING_POWER: (ReasonCode.DAY_TRADING_BUYING_POWER,),
    ControlKind.OPTIONS_LEVEL: (ReasonCode.OPTIONS_LEVEL,),
    **_RULE_CODES,
}


class Coverage(StrEnum):
    """How far a control is configured for an account or a book.

    FULL: it binds every order (a rule of account or global scope that blocks, reduces or
    holds; a default; a control built in). PARTIAL: only some orders (an agent's or a
    strategy's) or it only warns. NONE: not configured. NOT_APPLICABLE: nothing for it to do
    here (no agent trades the account; a cash account and the day-trading rules).
    """

    FULL = "full"
    PARTIAL = "partial"
    NONE = "none"
    NOT_APPLICABLE = "not_applicable"


@dataclass(frozen=True, slots=True)
class Setting:
    """One configured instance of a control: where it comes from (`rule:<id>`, `default`,
    `book:<id>`, `settings`, `agent:<id>`, `built-in`), whom it binds (`global`, `account`,
    `agent:<id>`, `strategy:<id>`, `book`, `platform`), what it does when breached (`block`,
    `reduce`, `hold`, `warn`; empty when not a rule) and its parameters as text."""

    source: str
    scope: str
    action: str = ""
    values: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class DrillRecord:
    """A kill-switch drill on record: what it drilled (`target`: the route of the accounts it
    reached, `paper` or a venue connection's id), when it ran, whether the switch passed."""

    target: str
    at: datetime
    passed: bool
    detail: str = ""


@dataclass(frozen=True, slots=True)
class ControlFinding:
    """What the inventory found of one control for one account or book."""

    kind: ControlKind
    coverage: Coverage
    settings: tuple[Setting, ...] = ()
    note: str = ""
    last_breach: datetime | None = None
    last_test: DrillRecord | None = None
