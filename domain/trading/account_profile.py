"""What an account is, beyond its money: name, tax wrapper, margin or cash, lifecycle, targets.

An account's trading type decides whether it may borrow: a CASH account's buying power is
its cash (every position and open order needs 100% of its value, domain/risk/view.py) and it
may never open a short. Its status decides whether it trades at all: only an OPEN account's
orders pass the gate; CLOSED and ARCHIVED accounts are kept for their history.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from enum import StrEnum

from domain.errors import Conflict, DomainError
from domain.numbers import ONE, ZERO

MAX_NAME_LENGTH = 100
MAX_ALLOCATION_SYMBOLS = 500


class AccountType(StrEnum):
    """The tax wrapper of an account (US retail vocabulary)."""

    TAXABLE = "taxable"
    IRA = "ira"
    ROTH_IRA = "roth_ira"
    K401 = "401k"
    PLAN_529 = "529"
    HSA = "hsa"


class TradingType(StrEnum):
    """MARGIN may borrow against its holdings; CASH pays for everything it buys."""

    MARGIN = "margin"
    CASH = "cash"


class AccountStatus(StrEnum):
    """OPEN trades; CLOSED and ARCHIVED keep their history and trade no more."""

    OPEN = "open"
    CLOSED = "closed"
    ARCHIVED = "archived"


class InvalidAccount(DomainError):
    """An account's name, currency or target allocation breaks its invariants."""

    code = "INVALID_ACCOUNT"


class AccountNotEmpty(Conflict):
    """Closing or archiving an account that still holds positions or open orders."""

    code = "ACCOUNT_NOT_EMPTY"


class AccountClosed(Conflict):
    """Changing or syncing an account that is no longer open."""

    code = "ACCOUNT_CLOSED"


def clean_name(name: str) -> str:
    """The name stripped; InvalidAccount when empty or longer than MAX_NAME_LENGTH."""
    cleaned = name.strip()
    if not cleaned:
        raise InvalidAccount("name must not be empty", field="name")
    if len(cleaned) > MAX_NAME_LENGTH:
        raise InvalidAccount(f"name is longer than {MAX_NAME_LENGTH} characters", field="name")
    if any(not ch.isprintable() for ch in cleaned):
        raise InvalidAccount("name must be printable text", field="name")
    return cleaned


def check_allocation(allocation: Mapping[str, Decimal]) -> dict[str, Decimal]:
    """Symbols upper-cased; each fraction in [0, 1], their sum at most 1 (the rest is cash)."""
    if len(allocation) > MAX_ALLOCATION_SYMBOLS:
        raise InvalidAccount(
            f"target_allocation has more than {MAX_ALLOCATION_SYMBOLS} symbols",
            field="target_allocation",
        )
    cleaned: dict[str, Decimal] = {}
    for raw, fraction in allocation.items():
        symbol = raw.strip().upper()
        if not symbol or len(symbol) > 64:
            raise InvalidAccount(
                f"target_allocation symbol {raw!r} is not a symbol", field="target_allocation"
            )
        if symbol in cleaned:
            raise InvalidAccount(
                f"target_allocation names {symbol} twice", field="target_allocation"
            )
        if not fraction.is_finite() or not ZERO <= fraction <= ONE:
            raise InvalidAccount(
                f"target_allocation[{symbol}] must be between 0 and 1", field="target_allocation"
            )
        cleaned[symbol] = fraction
    if sum(cleaned.values(), ZERO) > ONE:
        raise InvalidAccount(
            "target_allocation fractions sum to more than 1", field="target_allocation"
        )
    return cleaned
