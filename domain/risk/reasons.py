"""Stable vocabularies of the risk gate: reason codes, actions, scopes, outcomes."""

from __future__ import annotations

from enum import StrEnum


class ReasonCode(StrEnum):
    """Why a control passed, warned, reduced or denied. Values never change once published."""

    OK = "OK"
    TRADING_HALTED = "TRADING_HALTED"
    TRADING_REDUCE_ONLY = "TRADING_REDUCE_ONLY"
    UNKNOWN_TRADING_STATE = "UNKNOWN_TRADING_STATE"
    STATE_STORE_UNAVAILABLE = "STATE_STORE_UNAVAILABLE"
    UNKNOWN_INSTRUMENT = "UNKNOWN_INSTRUMENT"
    NO_REFERENCE_PRICE = "NO_REFERENCE_PRICE"
    REDUCE_ONLY_VIOLATION = "REDUCE_ONLY_VIOLATION"
    MAX_ORDER_QUANTITY = "MAX_ORDER_QUANTITY"
    MAX_ORDER_NOTIONAL = "MAX_ORDER_NOTIONAL"
    PRICE_COLLAR = "PRICE_COLLAR"
    MAX_POSITION = "MAX_POSITION"
    GROSS_EXPOSURE = "GROSS_EXPOSURE"
    NET_EXPOSURE = "NET_EXPOSURE"
    MAX_DAILY_LOSS = "MAX_DAILY_LOSS"
    MAX_DRAWDOWN = "MAX_DRAWDOWN"
    MAX_LEVERAGE = "MAX_LEVERAGE"
    SECTOR_CONCENTRATION = "SECTOR_CONCENTRATION"
    ORDER_RATE = "ORDER_RATE"
    DUPLICATE_ORDER = "DUPLICATE_ORDER"
    RESTRICTED_SYMBOL = "RESTRICTED_SYMBOL"
    OUTSIDE_TRADING_HOURS = "OUTSIDE_TRADING_HOURS"
    MARKET_CLOSED = "MARKET_CLOSED"
    MARKET_HOLIDAY = "MARKET_HOLIDAY"
    MARKET_EARLY_CLOSE = "MARKET_EARLY_CLOSE"
    INSUFFICIENT_BUYING_POWER = "INSUFFICIENT_BUYING_POWER"
    SELF_MATCH = "SELF_MATCH"
    MAX_OPEN_ORDERS = "MAX_OPEN_ORDERS"
    RISK_CHECK_ERROR = "RISK_CHECK_ERROR"
    ACCOUNT_CLOSED = "ACCOUNT_CLOSED"
    INSTRUMENT_INACTIVE = "INSTRUMENT_INACTIVE"
    SHORT_NOT_ALLOWED = "SHORT_NOT_ALLOWED"
    # A book's limits over a group of accounts (domain/books/limits.py: BookReason).
    BOOK_GROSS_EXPOSURE = "BOOK_GROSS_EXPOSURE"
    BOOK_NET_EXPOSURE = "BOOK_NET_EXPOSURE"
    BOOK_POSITION = "BOOK_POSITION"
    BOOK_DAILY_LOSS = "BOOK_DAILY_LOSS"
    BOOK_DRAWDOWN = "BOOK_DRAWDOWN"
    BOOK_LEVERAGE = "BOOK_LEVERAGE"
    BOOK_ORDERS_PER_DAY = "BOOK_ORDERS_PER_DAY"
    BOOK_STATE_UNKNOWN = "BOOK_STATE_UNKNOWN"
    BOOK_FX_UNKNOWN = "BOOK_FX_UNKNOWN"
    # The account's venue connection (application/connections/gate_check.py).
    CONNECTION_AUTH_FAILED = "CONNECTION_AUTH_FAILED"
    CONNECTION_REVOKED = "CONNECTION_REVOKED"
    # US account rules (application/account_rules/check.py): FINRA's pattern-day-trader rule,
    # day-trading buying power, the account's options approval level.
    PATTERN_DAY_TRADER = "PATTERN_DAY_TRADER"
    DAY_TRADING_BUYING_POWER = "DAY_TRADING_BUYING_POWER"
    OPTIONS_LEVEL = "OPTIONS_LEVEL"
    # An account on a live connection whose owner has not enabled live trading (yet), or whose
    # opt-in waits for a second approver (application/live_trading/gate_check.py).
    LIVE_NOT_ENABLED = "LIVE_NOT_ENABLED"
    # An account on a live connection whose owner's KYC is not verified (pending, rejected,
    # expired, never started: domain/kyc/status.py). Paper accounts are never asked.
    KYC_NOT_VERIFIED = "KYC_NOT_VERIFIED"


class Action(StrEnum):
    """What a control does when its limit is breached."""

    BLOCK = "block"
    WARN = "warn"
    REDUCE = "reduce"
    # Holds the order for a person's approval (docs/pre-trade-gate.md#orders-held-for-a-person).
    HOLD = "hold"


class RuleScope(StrEnum):
    """Which orders a rule applies to."""

    GLOBAL = "global"
    ACCOUNT = "account"
    STRATEGY = "strategy"
    AGENT = "agent"


class Outcome(StrEnum):
    """A single control's verdict."""

    PASS = "pass"
    WARN = "warn"
    REDUCE = "reduce"
    HOLD = "hold"
    DENY = "deny"
