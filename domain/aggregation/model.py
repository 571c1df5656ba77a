"""Linked items and what they hold, as Bulwark keeps them.

An item is one login at one institution, linked by a user through the aggregator's Link
flow; its access token is stored sealed (never in these objects' repr, never logged). Its
accounts are read-only: Bulwark never places an order on them (`ensure_tradable` below is
what the order gate asks), and they count in a household's value, drift and lots when the
item is attached to a portfolio (domain/aggregation/household.py).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum

from domain.errors import Conflict, DomainError, Forbidden, NotFound, RateLimited

# Bulwark's ids of aggregated accounts start with this, so the order gate can tell one from
# a trading account without reading the aggregation store.
ACCOUNT_PREFIX = "agg_"
ITEM_PREFIX = "itm_"


class ItemStatus(StrEnum):
    ACTIVE = "active"
    LOGIN_REQUIRED = "login_required"  # the institution wants the user to log in again
    ERROR = "error"  # another item error reported by the aggregator (error_code says which)


class AggregationNotFound(NotFound):
    code = "AGGREGATED_ITEM_NOT_FOUND"


class AggregatedAccountReadOnly(Forbidden):
    """An order (or a ledger write) aimed at an account read through the aggregator."""

    code = "AGGREGATED_ACCOUNT_READ_ONLY"


class ItemLoginRequired(Conflict):
    """The institution needs the user to log in again (Link in update mode)."""

    code = "ITEM_LOGIN_REQUIRED"


class AggregatorRateLimited(RateLimited):
    code = "AGGREGATOR_RATE_LIMITED"


class AggregatorUnavailable(DomainError):
    """The aggregator could not be reached or answered with a server error (503)."""

    code = "AGGREGATOR_UNAVAILABLE"


class AggregatorRefused(DomainError):
    """The aggregator refused a request for a reason the caller can fix (422): an invalid
    public token, an unknown institution, ..."""

    code = "AGGREGATOR_REFUSED"


class InvalidWebhook(DomainError):
    """A webhook whose signature, key, age or body hash does not check out (400)."""

    code = "INVALID_WEBHOOK_SIGNATURE"


def is_aggregated_account(account_id: str) -> bool:
    return account_id.startswith(ACCOUNT_PREFIX)


def ensure_tradable(account_id: str) -> None:
    """Raises AggregatedAccountReadOnly for an aggregated account's id."""
    if is_aggregated_account(account_id):
        raise AggregatedAccountReadOnly(
            f"account {account_id} is read through an aggregator: it is read-only and takes "
            "no orders",
            field="account_id",
        )


@dataclass(frozen=True, slots=True)
class LinkedItem:
    """One linked login. `access_token` is the sealed text (ports/core/encryption.py)."""

    id: str
    owner_id: str
    provider_item_id: str
    institution_id: str | None
    institution_name: str | None
    access_token: str = field(repr=False)
    created_at: datetime
    portfolio_id: str | None = None
    status: ItemStatus = ItemStatus.ACTIVE
    error_code: str | None = None
    cursor: str | None = None  # the transactions sync cursor; None before the first sync
    last_synced_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class AggregatedAccount:
    id: str  # Bulwark's (ACCOUNT_PREFIX...), stable per provider account id
    item_id: str
    owner_id: str
    provider_account_id: str
    name: str
    mask: str | None
    type: str  # investment, depository, credit, loan, ...
    subtype: str | None
    current_balance: Decimal | None
    currency: str | None


@dataclass(frozen=True, slots=True)
class AggregatedHolding:
    """One position as the institution reports it. `cost_basis` is the TOTAL basis when the
    institution gives it (None otherwise); `symbol` None when the security has no ticker."""

    account_id: str
    security_id: str
    symbol: str | None
    name: str | None
    security_type: str | None
    quantity: Decimal
    cost_basis: Decimal | None
    institution_price: Decimal
    institution_value: Decimal
    currency: str | None
    as_of: date


@dataclass(frozen=True, slots=True)
class AggregatedTransaction:
    id: str  # the provider's transaction id (unique across the provider)
    account_id: str
    item_id: str
    day: date
    name: str
    amount: Decimal  # the provider's sign: positive is money out of the account
    currency: str | None
    pending: bool


def account_id_for(item_id: str, provider_account_id: str) -> str:
    """Bulwark's id of a provider account: stable across syncs of one item."""
    digest = hashlib.sha256(f"{item_id}:{provider_account_id}".encode()).hexdigest()[:24]
    return f"{ACCOUNT_PREFIX}{digest}"
