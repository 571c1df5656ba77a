"""Holdings from a transaction sequence: shares per (account, symbol), cash per (account, currency).

Conventions: the transactions are applied in the order given (the store lists them in
(trade_date, id) order, which is booking order within a day). Quantities are shares, cash is
Decimal in its currency (`Transaction.cash_effect`: buys cost quantity x price + fees, sales
bring quantity x price - fees, dividends/interest/deposits add, fees/withdrawals take;
transfers and splits move no cash). A SPLIT multiplies that account's shares of the symbol by
`split_ratio` (no cash in lieu is modelled). Corporate actions move shares as the tax lots do
(domain/tax/corporate_actions.py): a reverse split scales and, with a cash price, pays out the
fraction; a cash merger empties the position; a stock merger (with or without cash) and a
symbol change move it to `new_symbol` (x ratio); a spin-off adds `new_symbol` shares (x ratio);
cash in lieu takes its fraction as a sale does. Shares follow the same rules as the tax lots
(domain/tax), so `quantity(account, symbol)` equals the open lots' total: a sale or transfer
out larger than the position raises InvalidTransaction(field="quantity"), as the lot engine
does. Positions that reach zero are dropped; cash may be negative (a margin debit).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from domain.errors import InvalidTransaction
from domain.numbers import ZERO
from domain.portfolio.transactions import (
    CORPORATE_ACTION_KINDS,
    Transaction,
    TransactionKind,
    ledger_sorted,
)

_ADDS = frozenset({TransactionKind.BUY, TransactionKind.TRANSFER_IN})
_TAKES = frozenset(
    {TransactionKind.SELL, TransactionKind.TRANSFER_OUT, TransactionKind.CASH_IN_LIEU}
)
_MOVES = frozenset(
    {
        TransactionKind.STOCK_MERGER,
        TransactionKind.MIXED_MERGER,
        TransactionKind.SYMBOL_CHANGE,
    }
)


@dataclass(frozen=True, slots=True)
class Holdings:
    """What a set of accounts holds after the transactions (zero positions left out).

    `quantities[(account_id, symbol)]`: shares held. `cash[(account_id, currency)]`: cash.
    `currencies[symbol]`: the currency the symbol last traded in (for valuation).
    `last_prices[symbol]`: its last trade price (buy, sell or transfer basis), per share.
    """

    quantities: Mapping[tuple[str, str], Decimal]
    cash: Mapping[tuple[str, str], Decimal]
    currencies: Mapping[str, str]
    last_prices: Mapping[str, Decimal]

    def quantity(self, account_id: str, symbol: str) -> Decimal:
        return self.quantities.get((account_id, symbol), ZERO)

    def symbol_quantities(self) -> dict[str, Decimal]:
        """Shares per symbol across the accounts (zero totals left out)."""
        totals: dict[str, Decimal] = {}
        for (_account, symbol), quantity in self.quantities.items():
            totals[symbol] = totals.get(symbol, ZERO) + quantity
        return {s: q for s, q in totals.items() if q}

    def cash_by_currency(self) -> dict[str, Decimal]:
        """Cash per currency across the accounts."""
        totals: dict[str, Decimal] = {}
        for (_account, currency), amount in self.cash.items():
            totals[currency] = totals.get(currency, ZERO) + amount
        return totals


class HoldingsBuilder:
    """Applies transactions one at a time (valuation walks the days with one of these)."""

    __slots__ = ("cash", "currencies", "last_prices", "quantities")

    def __init__(self) -> None:
        self.quantities: dict[tuple[str, str], Decimal] = {}
        self.cash: dict[tuple[str, str], Decimal] = {}
        self.currencies: dict[str, str] = {}
        self.last_prices: dict[str, Decimal] = {}

    def apply(self, tx: Transaction) -> None:
        kind = tx.kind
        cash_effect = tx.cash_effect
        if cash_effect:
            key = (tx.account_id, tx.currency)
            self.cash[key] = self.cash.get(key, ZERO) + cash_effect
        symbol = tx.symbol
        if symbol is None:
            return
        key = (tx.account_id, symbol)
        held = self.quantities.get(key, ZERO)
        if kind in _ADDS:
            held += tx.quantity
        elif kind in _TAKES:
            if tx.quantity > held:
                raise InvalidTransaction(
                    f"{kind.value} of {tx.quantity} {symbol} is larger than the {held} held "
                    f"in account {tx.account_id} (transaction {tx.id})",
                    field="quantity",
                )
            held -= tx.quantity
        elif kind in CORPORATE_ACTION_KINDS:
            self._corporate_action(tx, symbol, held)
            return
        elif kind is TransactionKind.SPLIT and tx.split_ratio is not None:
            self._set(key, self._scaled(symbol, held, tx.split_ratio))
            return
        else:
            return  # a dividend naming its symbol moves no shares
        self._set(key, held)
        self.currencies[symbol] = tx.currency
        if tx.price:
            self.last_prices[symbol] = tx.price

    def _corporate_action(self, tx: Transaction, symbol: str, held: Decimal) -> None:
        """Shares after a corporate action other than a plain split or cash in lieu."""
        kind = tx.kind
        key = (tx.account_id, symbol)
        ratio = tx.split_ratio if tx.split_ratio is not None else Decimal(1)
        if kind is TransactionKind.REVERSE_SPLIT:
            held = self._scaled(symbol, held, ratio)
            if tx.price:
                held -= held % 1
            self._set(key, held)
            return
        if kind is TransactionKind.CASH_MERGER:
            self._set(key, ZERO)
            return
        new_symbol = tx.new_symbol
        if new_symbol is None or not held:
            return
        new_key = (tx.account_id, new_symbol)
        self._set(new_key, self.quantities.get(new_key, ZERO) + held * ratio)
        self.currencies.setdefault(new_symbol, self.currencies.get(symbol, tx.currency))
        if kind in _MOVES:
            self._set(key, ZERO)
        if kind is TransactionKind.SYMBOL_CHANGE and symbol in self.last_prices:
            self.last_prices.setdefault(new_symbol, self.last_prices[symbol])

    def _scaled(self, symbol: str, held: Decimal, ratio: Decimal) -> Decimal:
        """`held` shares after a split of `ratio` new shares per old; the symbol's last price
        scaled to match."""
        last = self.last_prices.get(symbol)
        if last is not None:
            self.last_prices[symbol] = last / ratio
        return held * ratio

    def _set(self, key: tuple[str, str], held: Decimal) -> None:
        if held:
            self.quantities[key] = held
        else:
            self.quantities.pop(key, None)

    def snapshot(self) -> Holdings:
        return Holdings(
            quantities=dict(self.quantities),
            cash=dict(self.cash),
            currencies=dict(self.currencies),
            last_prices=dict(self.last_prices),
        )


def holdings(transactions: Iterable[Transaction], *, until: date | None = None) -> Holdings:
    """The holdings after `transactions` (those traded on or before `until`, when given), in
    ledger order (`ledger_sorted`: a corporate action before the trades of its day)."""
    builder = HoldingsBuilder()
    for tx in ledger_sorted(transactions):
        if until is None or tx.trade_date <= until:
            builder.apply(tx)
    return builder.snapshot()
