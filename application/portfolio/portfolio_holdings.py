"""What a portfolio holds now: per account, each symbol's quantity, basis and open tax lots, and
cash per currency, valued at reference prices.

Quantities and cash come from the transactions (domain/portfolio/holdings.py); the open lots
from the tax engine (domain/tax/engine.py) under the account's lot method (a sale may name
another, or its lots), and the lots' quantities add up to the position's. `cost_basis` is
the lots' adjusted basis (buy fees and wash-sale additions included). A symbol without a
reference price has `price`, `market_value` and `unrealized_gain` null and is named in
`unpriced`; the totals are in the base currency and count only rows in it (no FX).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from domain.portfolio.holdings import Holdings
from domain.tax.engine import TaxLedger
from domain.tax.lots import TaxLot
from ports.portfolio.portfolios import Portfolio, PortfolioAccount

ZERO = Decimal(0)


@dataclass(frozen=True, slots=True)
class PositionView:
    symbol: str
    quantity: Decimal
    currency: str
    cost_basis: Decimal
    price: Decimal | None
    market_value: Decimal | None
    unrealized_gain: Decimal | None
    lots: tuple[TaxLot, ...]


@dataclass(frozen=True, slots=True)
class AccountHoldings:
    account: PortfolioAccount
    positions: tuple[PositionView, ...]
    cash: dict[str, Decimal]


@dataclass(frozen=True, slots=True)
class HoldingsView:
    portfolio: Portfolio
    accounts: tuple[AccountHoldings, ...]
    market_value: Decimal  # base currency: cash + priced positions
    cost_basis: Decimal  # base currency: the positions' basis
    unpriced: tuple[str, ...]


def holdings_view(
    portfolio: Portfolio,
    held: Holdings,
    ledger: TaxLedger,
    marks: Mapping[str, Decimal],
) -> HoldingsView:
    """The view of `portfolio` from its holdings, their tax ledger and reference prices."""
    lots: dict[tuple[str, str], list[TaxLot]] = defaultdict(list)
    for lot in ledger.open_lots:
        if lot.quantity > ZERO:
            lots[(lot.account_id, lot.symbol)].append(lot)
    base = portfolio.base_currency
    total, basis_total = ZERO, ZERO
    unpriced: set[str] = set()
    accounts = []
    for account in portfolio.accounts:
        positions = []
        for (account_id, symbol), quantity in sorted(held.quantities.items()):
            if account_id != account.id or not quantity:
                continue
            open_lots = sorted(
                lots.get((account_id, symbol), []), key=lambda x: (x.purchased, x.id)
            )
            basis = sum((lot.cost_basis for lot in open_lots), ZERO)
            currency = held.currencies.get(symbol, base)
            price = marks.get(symbol)
            value = None if price is None else quantity * price
            if price is None:
                unpriced.add(symbol)
            if currency == base:
                basis_total += basis
                total += value or ZERO
            positions.append(
                PositionView(
                    symbol=symbol,
                    quantity=quantity,
                    currency=currency,
                    cost_basis=basis,
                    price=price,
                    market_value=value,
                    unrealized_gain=None if value is None else value - basis,
                    lots=tuple(open_lots),
                )
            )
        balances = {
            currency: amount
            for (account_id, currency), amount in sorted(held.cash.items())
            if account_id == account.id and amount
        }
        total += balances.get(base, ZERO)
        accounts.append(AccountHoldings(account, tuple(positions), balances))
    return HoldingsView(portfolio, tuple(accounts), total, basis_total, tuple(sorted(unpriced)))
