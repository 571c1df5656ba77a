"""Rows of an account's profile and the filters of an instrument search, in SQL."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sqlalchemy import func, or_

from adapters.postgres.tables.trading import instruments
from domain.trading.account_profile import AccountStatus, AccountType, TradingType
from domain.trading.accounts import Account
from ports.core.repositories import InstrumentSearch


def profile_row(account: Account) -> dict[str, Any]:
    """The profile columns of `account`'s row (fractions as text: JSON has no decimal)."""
    return {
        "name": account.name,
        "account_type": account.account_type.value,
        "trading_type": account.trading_type.value,
        "status": account.status.value,
        "target_allocation": {s: str(f) for s, f in account.target_allocation.items()},
        "created_at": account.created_at,
    }


def profile_fields(row: Any) -> dict[str, Any]:
    """The Account keyword arguments of a row's profile columns."""
    return {
        "name": row.name,
        "account_type": AccountType(row.account_type),
        "trading_type": TradingType(row.trading_type),
        "status": AccountStatus(row.status),
        "target_allocation": {s: Decimal(f) for s, f in (row.target_allocation or {}).items()},
        "created_at": row.created_at,
    }


def _like_prefix(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"{escaped}%"


def instrument_filters(criteria: InstrumentSearch) -> list[Any]:
    """WHERE clauses of `criteria`; by symbol ascending they page through the primary key."""
    where: list[Any] = []
    if criteria.prefix:
        where.append(
            or_(
                instruments.c.symbol.like(_like_prefix(criteria.prefix.upper()), escape="\\"),
                func.lower(instruments.c.name).like(
                    _like_prefix(criteria.prefix.lower()), escape="\\"
                ),
            )
        )
    if criteria.asset_class is not None:
        where.append(instruments.c.asset_class == criteria.asset_class.value)
    if criteria.active is not None:
        where.append(instruments.c.active.is_(criteria.active))
    if criteria.after is not None:
        where.append(instruments.c.symbol > criteria.after)
    if criteria.identifier is not None:
        where.append(
            or_(
                instruments.c.cusip == criteria.identifier,
                instruments.c.isin == criteria.identifier,
                instruments.c.figi == criteria.identifier,
            )
        )
    return where
