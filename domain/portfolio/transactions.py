"""Ledger transactions: what happened to a portfolio's cash and holdings, one row each.

Conventions: money is Decimal in `currency` (ISO 4217); `quantity` is in shares (units of the
instrument), always positive (the kind says the direction); `price` is per share; `fees` are
the commission and charges of that transaction (>= 0, added to a buy's basis, taken from a
sale's proceeds). `trade_date` is the trade date (the tax date); `settle_date`, when known, is
the settlement date (given, or the venue calendar's T+1 for a US equity trade booked through
the API or a CSV: application/portfolio/settlement.py), never before the trade date. `cusip` and
`isin` (optional) identify the security (domain/trading/identifiers.py), checked with their
check digits.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

from domain.errors import InvalidTransaction
from domain.numbers import ZERO
from domain.portfolio.currencies import is_currency
from domain.portfolio.lot_method import LotMethod
from domain.trading.identifiers import (
    Cusip,
    InvalidSecurityIdentifier,
    Isin,
    checked_identifier,
)


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
    # Corporate actions (domain/tax/corporate_actions.py; docs/tax-lots.md "Corporate actions")
    REVERSE_SPLIT = "reverse_split"
    CASH_MERGER = "cash_merger"
    STOCK_MERGER = "stock_merger"
    MIXED_MERGER = "mixed_merger"  # cash and stock: stock plus boot
    SPIN_OFF = "spin_off"
    SYMBOL_CHANGE = "symbol_change"
    CASH_IN_LIEU = "cash_in_lieu"


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
# Corporate actions other than a plain split (the tax engine applies them to the lots).
CORPORATE_ACTION_KINDS = frozenset(
    {
        TransactionKind.REVERSE_SPLIT,
        TransactionKind.CASH_MERGER,
        TransactionKind.STOCK_MERGER,
        TransactionKind.MIXED_MERGER,
        TransactionKind.SPIN_OFF,
        TransactionKind.SYMBOL_CHANGE,
        TransactionKind.CASH_IN_LIEU,
    }
)
# Actions whose shares come out under `new_symbol`.
NEW_SYMBOL_KINDS = frozenset(
    {
        TransactionKind.STOCK_MERGER,
        TransactionKind.MIXED_MERGER,
        TransactionKind.SPIN_OFF,
        TransactionKind.SYMBOL_CHANGE,
    }
)
# Actions that need a positive `split_ratio` (new shares per old share).
_RATIO_KINDS = frozenset(
    {
        TransactionKind.SPLIT,
        TransactionKind.REVERSE_SPLIT,
        TransactionKind.STOCK_MERGER,
        TransactionKind.MIXED_MERGER,
        TransactionKind.SPIN_OFF,
    }
)
# Actions that take effect at the start of their day (the ex-date), before its trades.
START_OF_DAY_KINDS = frozenset({TransactionKind.SPLIT, *CORPORATE_ACTION_KINDS})
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

    Corporate actions (effective date = `trade_date`; they apply to the lots of `symbol` in
    `account_id`; see domain/tax/corporate_actions.py for the tax treatment):

    - REVERSE_SPLIT: `split_ratio` < 1 (0.1 for 1-for-10) and `price` = cash paid per NEW
      share for the fractional new share of the account's position (0: the fraction is kept).
    - CASH_MERGER: `price` = cash per share; every share is sold at it (`fees` optional).
    - STOCK_MERGER: `new_symbol`, `split_ratio` = new shares per old share.
    - MIXED_MERGER: `new_symbol`, `split_ratio`, `price` = cash (boot) per OLD share,
      `new_price` = fair market value of one NEW share on the effective date.
    - SPIN_OFF: `new_symbol` (the spun-off company), `split_ratio` = its shares per parent
      share, `allocation` = the fraction of basis that goes to them (Form 8937), 0 < a < 1.
    - SYMBOL_CHANGE: `new_symbol`; the lots are renamed, nothing else changes.
    - CASH_IN_LIEU: `quantity` (0 < q < 1) fractional shares of `symbol` paid out at `price`
      per whole share: a sale of that fraction.
    `amount` on a corporate action is the cash the account received, as its statement shows
    (the cash balance's view; the lots use `price`); 0 when none or not known.

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
    new_symbol: str | None = None
    new_price: Decimal = ZERO
    allocation: Decimal | None = None
    cusip: str | None = None
    isin: str | None = None
    settle_date: date | None = None

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
        if kind is TransactionKind.CASH_IN_LIEU:
            return self.quantity * self.price - self.fees
        if kind in CORPORATE_ACTION_KINDS:
            return self.amount
        return ZERO


def validate_transaction(tx: Transaction) -> Transaction:
    """`tx` when its fields agree with its kind; else InvalidTransaction naming the field.

    The identifiers must be exactly their checked form (upper case): see `identifiers_of`."""
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
    if (
        kind in SHARE_KINDS or kind is TransactionKind.SPLIT or kind in CORPORATE_ACTION_KINDS
    ) and not tx.symbol:
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
    if kind in CORPORATE_ACTION_KINDS:
        _validate_action(tx)
    else:
        for field in ("new_symbol", "allocation"):
            if getattr(tx, field) is not None:
                raise InvalidTransaction(f"only a corporate action has {field}", field=field)
        if tx.new_price:
            raise InvalidTransaction("only a corporate action has new_price", field="new_price")
    if tx.acquired is not None and tx.acquired > tx.trade_date:
        raise InvalidTransaction("acquired must not be after the trade date", field="acquired")
    if tx.settle_date is not None and tx.settle_date < tx.trade_date:
        raise InvalidTransaction(
            f"settle_date {tx.settle_date} is before the trade date {tx.trade_date}",
            field="settle_date",
        )
    checked = identifiers_of(tx.cusip, tx.isin)
    for name, given, wanted in zip(("cusip", "isin"), (tx.cusip, tx.isin), checked, strict=True):
        if given != wanted:
            raise InvalidTransaction(f"{name} must be given as {wanted}", field=name)
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


def identifiers_of(cusip: str | None, isin: str | None) -> tuple[str | None, str | None]:
    """`cusip` and `isin` checked (check digits; a US or CA ISIN embeds the CUSIP given with
    it) and upper-cased, "" as None; else InvalidTransaction naming the field."""
    checked: dict[str, str | None] = {}
    for name, kind, text in (("cusip", Cusip, cusip), ("isin", Isin, isin)):
        try:
            checked[name] = checked_identifier(kind, text)
        except InvalidSecurityIdentifier as exc:
            raise InvalidTransaction(f"{name}: {exc}", field=name) from None
    found_cusip, found_isin = checked["cusip"], checked["isin"]
    if found_cusip is not None and found_isin is not None:
        embedded = Isin(found_isin).cusip()
        if embedded is not None and embedded.value != found_cusip:
            raise InvalidTransaction(
                f"isin: {found_isin} embeds the CUSIP {embedded.value}, not {found_cusip}",
                field="isin",
            )
    return found_cusip, found_isin


def _validate_action(tx: Transaction) -> None:
    """The fields a corporate action needs (Transaction's docstring)."""
    kind = tx.kind
    name = kind.value
    for field in ("new_price", "allocation", "split_ratio"):
        value = getattr(tx, field)
        if value is not None and not value.is_finite():
            raise InvalidTransaction(f"{field} must be a finite number", field=field)
    if kind in NEW_SYMBOL_KINDS:
        if not tx.new_symbol:
            raise InvalidTransaction(f"a {name} needs a new_symbol", field="new_symbol")
        if tx.new_symbol == tx.symbol:
            raise InvalidTransaction("new_symbol must differ from symbol", field="new_symbol")
    elif tx.new_symbol is not None:
        raise InvalidTransaction(f"a {name} takes no new_symbol", field="new_symbol")
    ratio = tx.split_ratio
    if kind in _RATIO_KINDS:
        if ratio is None or ratio <= ZERO:
            raise InvalidTransaction(f"a {name} needs a positive split_ratio", field="split_ratio")
        if kind is TransactionKind.REVERSE_SPLIT and ratio >= 1:
            raise InvalidTransaction(
                "a reverse split's split_ratio is below 1 (0.1 for 1-for-10)", field="split_ratio"
            )
    elif ratio is not None:
        raise InvalidTransaction(f"a {name} takes no split_ratio", field="split_ratio")
    if tx.price < ZERO:
        raise InvalidTransaction("price must not be negative", field="price")
    if tx.amount < ZERO:
        raise InvalidTransaction("amount must not be negative", field="amount")
    needs_price = (
        TransactionKind.CASH_MERGER,
        TransactionKind.MIXED_MERGER,
        TransactionKind.CASH_IN_LIEU,
    )
    if kind in needs_price and tx.price <= ZERO:
        raise InvalidTransaction(f"a {name} needs a positive price (cash per share)", field="price")
    if kind is TransactionKind.MIXED_MERGER:
        if tx.new_price <= ZERO:
            raise InvalidTransaction(
                "a mixed_merger needs new_price (fair market value per new share)",
                field="new_price",
            )
    elif tx.new_price:
        raise InvalidTransaction(f"a {name} takes no new_price", field="new_price")
    if kind is TransactionKind.SPIN_OFF:
        share = tx.allocation
        if share is None or not ZERO < share < 1:
            raise InvalidTransaction(
                "a spin_off needs an allocation between 0 and 1 (Form 8937)", field="allocation"
            )
    elif tx.allocation is not None:
        raise InvalidTransaction(f"a {name} takes no allocation", field="allocation")
    if kind is TransactionKind.CASH_IN_LIEU:
        if not ZERO < tx.quantity < 1:
            raise InvalidTransaction(
                "cash in lieu is for a fraction of a share: 0 < quantity < 1", field="quantity"
            )
    elif tx.quantity:
        raise InvalidTransaction(f"a {name} takes no quantity", field="quantity")
    if tx.fees and kind not in (TransactionKind.CASH_MERGER, TransactionKind.CASH_IN_LIEU):
        raise InvalidTransaction(f"a {name} takes no fees", field="fees")


def day_rank(tx: Transaction) -> int:
    """A transaction's place within its day: 0 for a corporate action (a split, a merger...:
    it takes effect as the day opens, so a trade of its ex-date is of the new shares), 1 for
    everything else."""
    return 0 if tx.kind in START_OF_DAY_KINDS else 1


def ledger_sorted(transactions: Iterable[Transaction]) -> list[Transaction]:
    """The transactions in ledger order: by trade date; within a day, corporate actions first,
    then the order given (the store's: by id). Stable, so an already ordered ledger keeps its
    order."""
    return sorted(transactions, key=lambda tx: (tx.trade_date, day_rank(tx)))
