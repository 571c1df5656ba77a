"""Ledger transactions: what happened to a portfolio's cash and holdings, one row each.

Conventions: money is Decimal in `currency` (ISO 4217); `quantity` is in shares (units of the
instrument), always positive (the kind says the direction); `price` is per share; `fees` are
the commission and charges of that transaction (>= 0, added to a buy's basis, taken from a
sale's proceeds). `trade_date` is the trade date (the tax date; settlement is not modelled).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

from domain.errors import InvalidTransaction
from domain.numbers import ZERO
from domain.portfolio.currencies import is_currency
from domain.portfolio.lot_method import LotMethod


class TransactionKind(StrEnum):
    BUY = "buy"
    SELL = "sell"
    DIVIDEND = "dividend"
    INTEREST = "interest"
    FEE = "fee"
    DEPOSIT = "deposit"
    WITHDRAWAL = "withdrawal"
    SPLIT = "split"
    TRANSFER_IN = "transfer_in"
    TRANSFER_OUT = "transfer_out"


class TransactionSource(StrEnum):
    MANUAL = "manual"  # entered by a person through the API
    FILL = "fill"  # booked from a trading-core fill (external_id = the fill id)
    IMPORT = "import"  # a broker CSV row (external_id = the broker's reference, if any)


# Kinds that move shares of `symbol` and need a positive quantity.
SHARE_KINDS = frozenset(
    {
        TransactionKind.BUY,
        TransactionKind.SELL,
        TransactionKind.TRANSFER_IN,
        TransactionKind.TRANSFER_OUT,
    }
)
# Kinds that are pure cash and need a positive `amount`.
CASH_KINDS = frozenset(
    {
        TransactionKind.DIVIDEND,
        TransactionKind.INTEREST,
        TransactionKind.FEE,
        TransactionKind.DEPOSIT,
        TransactionKind.WITHDRAWAL,
    }
)
# External cash flows for money-weighted and time-weighted returns (in: +, out: -).
EXTERNAL_FLOW_KINDS = frozenset({TransactionKind.DEPOSIT, TransactionKind.WITHDRAWAL})


@dataclass(frozen=True, slots=True)
class LotPick:
    """Specific identification: take `quantity` shares from the open lot `lot_id`."""

    lot_id: str
    quantity: Decimal


@dataclass(frozen=True, slots=True)
class Transaction:
    """One ledger entry. Field use by kind:

    - BUY / SELL: symbol, quantity, price, fees; SELL may name `lot_picks` (specific
      identification) or a `lot_method` overriding the account's.
    - TRANSFER_IN: shares arriving with their basis: symbol, quantity, price = basis per share,
      `acquired` = the original acquisition date (the holding period carries over).
    - TRANSFER_OUT: shares leaving at basis (no gain realized); lots chosen like a sale.
    - DIVIDEND (symbol optional) / INTEREST / FEE / DEPOSIT / WITHDRAWAL: `amount` > 0.
    - SPLIT: symbol and `split_ratio` = new shares per old share (2 for a 2-for-1 split,
      0.1 for a 1-for-10 reverse split); lots keep their total basis and dates.

    `id` is the ledger's id; a lot created by a BUY or TRANSFER_IN has the id of that
    transaction. `external_id` (fill id, broker reference) is unique per portfolio.
    """

    id: str
    portfolio_id: str
    account_id: str
    kind: TransactionKind
    trade_date: date
    currency: str = "USD"
    symbol: str | None = None
    quantity: Decimal = ZERO
    price: Decimal = ZERO
    amount: Decimal = ZERO
    fees: Decimal = ZERO
    split_ratio: Decimal | None = None
    lot_method: LotMethod | None = None
    lot_picks: tuple[LotPick, ...] = ()
    acquired: date | None = None
    source: TransactionSource = TransactionSource.MANUAL
    external_id: str | None = None
    note: str = ""

    @property
    def gross(self) -> Decimal:
        """quantity x price for share kinds, else `amount` (in `currency`)."""
        return self.quantity * self.price if self.kind in SHARE_KINDS else self.amount

    @property
    def cash_effect(self) -> Decimal:
        """Signed change of the account's cash in `currency` (transfers and splits: 0)."""
        kind = self.kind
        if kind is TransactionKind.BUY:
            return -(self.quantity * self.price + self.fees)
        if kind is TransactionKind.SELL:
            return self.quantity * self.price - self.fees
        if kind in (TransactionKind.DIVIDEND, TransactionKind.INTEREST, TransactionKind.DEPOSIT):
            return self.amount
        if kind in (TransactionKind.FEE, TransactionKind.WITHDRAWAL):
            return -self.amount
        return ZERO


def validate_transaction(tx: Transaction) -> Transaction:
    """`tx` when its fields agree with its kind; else InvalidTransaction naming the field."""
    if not is_currency(tx.currency):
        raise InvalidTransaction(
            f"currency must be an ISO 4217 code, got {tx.currency!r}", field="currency"
        )
    if tx.fees < ZERO:
        raise InvalidTransaction("fees must not be negative", field="fees")
    for name in ("quantity", "price", "amount", "fees"):
        if not getattr(tx, name).is_finite():
            raise InvalidTransaction(f"{name} must be a finite number", field=name)
    kind = tx.kind
    if (kind in SHARE_KINDS or kind is TransactionKind.SPLIT) and not tx.symbol:
        raise InvalidTransaction(f"a {kind.value} needs a symbol", field="symbol")
    if kind in SHARE_KINDS:
        if tx.quantity <= ZERO:
            raise InvalidTransaction("quantity must be positive", field="quantity")
        if tx.price < ZERO or (tx.price == ZERO and kind in (TransactionKind.BUY,)):
            raise InvalidTransaction("price must be positive", field="price")
    if kind in CASH_KINDS and tx.amount <= ZERO:
        raise InvalidTransaction("amount must be positive", field="amount")
    if kind is TransactionKind.SPLIT and (tx.split_ratio is None or tx.split_ratio <= ZERO):
        raise InvalidTransaction("a split needs a positive split_ratio", field="split_ratio")
    if tx.acquired is not None and tx.acquired > tx.trade_date:
        raise InvalidTransaction("acquired must not be after the trade date", field="acquired")
    if tx.lot_picks:
        if kind not in (TransactionKind.SELL, TransactionKind.TRANSFER_OUT):
            raise InvalidTransaction("only a sale or transfer out picks lots", field="lot_picks")
        if any(pick.quantity <= ZERO for pick in tx.lot_picks):
            raise InvalidTransaction("lot quantities must be positive", field="lot_picks")
        if sum((pick.quantity for pick in tx.lot_picks), ZERO) != tx.quantity:
            raise InvalidTransaction(
                "lot quantities must add up to the quantity", field="lot_picks"
            )
    return tx
