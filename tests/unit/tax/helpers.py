"""Builders for tax-engine tests: transactions in a few keystrokes."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from itertools import count

from domain.portfolio.transactions import LotPick, Transaction, TransactionKind
from domain.tax.methods import LotMethod

_ids = count(1)


def d(text: str) -> date:
    return date.fromisoformat(text)


def D(value: str | int) -> Decimal:
    return Decimal(str(value))


def tx(
    kind: TransactionKind,
    day: str,
    symbol: str = "XYZ",
    quantity: str | int = 0,
    price: str | int = 0,
    *,
    account: str = "taxable",
    fees: str | int = 0,
    id: str | None = None,
    lot_method: LotMethod | None = None,
    picks: tuple[tuple[str, str | int], ...] = (),
    ratio: str | None = None,
    acquired: str | None = None,
    currency: str = "USD",
) -> Transaction:
    return Transaction(
        id=id or f"t{next(_ids)}",
        portfolio_id="p1",
        account_id=account,
        kind=kind,
        trade_date=d(day),
        currency=currency,
        symbol=symbol,
        quantity=D(quantity),
        price=D(price),
        fees=D(fees),
        split_ratio=None if ratio is None else D(ratio),
        lot_method=lot_method,
        lot_picks=tuple(LotPick(lot_id, D(q)) for lot_id, q in picks),
        acquired=None if acquired is None else d(acquired),
    )


def buy(day: str, quantity: str | int, price: str | int, **kw: object) -> Transaction:
    return tx(TransactionKind.BUY, day, quantity=quantity, price=price, **kw)  # type: ignore[arg-type]


def sell(day: str, quantity: str | int, price: str | int, **kw: object) -> Transaction:
    return tx(TransactionKind.SELL, day, quantity=quantity, price=price, **kw)  # type: ignore[arg-type]
