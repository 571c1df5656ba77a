"""Builders for corporate-action tests: an action transaction in one call (validated)."""

from __future__ import annotations

from decimal import Decimal

from domain.portfolio.transactions import Transaction, TransactionKind, validate_transaction
from tests.unit.tax.helpers import D, d


def action(
    kind: TransactionKind,
    day: str,
    symbol: str = "XYZ",
    *,
    id: str,
    account: str = "taxable",
    new_symbol: str | None = None,
    ratio: str | None = None,
    price: str | int = 0,
    new_price: str | int = 0,
    allocation: str | None = None,
    quantity: str | int = 0,
    fees: str | int = 0,
) -> Transaction:
    """A corporate action of `kind` on `symbol`, effective `day`, through validate_transaction."""
    return validate_transaction(
        Transaction(
            id=id,
            portfolio_id="p1",
            account_id=account,
            kind=kind,
            trade_date=d(day),
            symbol=symbol,
            quantity=D(quantity),
            price=D(price),
            fees=D(fees),
            split_ratio=None if ratio is None else D(ratio),
            new_symbol=new_symbol,
            new_price=D(new_price),
            allocation=None if allocation is None else Decimal(allocation),
        )
    )
