"""Broker CSV into ledger transactions: every row checked, every bad row reported, all or none.

The format (docs/ledger.md, example data/portfolio/transactions_example.csv), one header line
then one transaction a line, UTF-8, comma separated, RFC 4180 quoting:

    date,account,type,symbol,quantity,price,amount,fees,currency,reference,split_ratio,acquired,note,
    new_symbol,new_price,allocation,cusip,isin,settle_date

- `date` (required): the trade date, ISO 8601 `YYYY-MM-DD`, not after today (UTC).
- `account` (required): the id or the name of one of the portfolio's accounts.
- `type` (required): buy, sell, dividend, interest, fee, deposit, withdrawal, split,
  transfer_in, transfer_out, and the corporate actions reverse_split, cash_merger,
  stock_merger, mixed_merger, spin_off, symbol_change, cash_in_lieu (case-insensitive).
- `symbol`, `quantity` (shares, > 0), `price` (per share), `fees` (>= 0, empty = 0) for
  share kinds; `amount` (> 0) for cash kinds; `split_ratio` (new shares per old) for a split;
  `acquired` (the original acquisition date) for a transfer in.
- corporate actions (fields as domain.portfolio.transactions.Transaction describes them):
  `new_symbol` (the shares' symbol after a merger, spin-off or symbol change), `split_ratio`
  (new shares per old), `price` (cash per share), `new_price` (a mixed merger's fair market
  value per new share), `allocation` (a spin-off's basis fraction, from Form 8937).
- `currency`: ISO 4217 (empty = the portfolio's base currency).
- `cusip`, `isin` (optional): the security's identifiers, checked with their check digits
  (domain/trading/identifiers.py; a US ISIN must embed the row's CUSIP).
- `settle_date` (optional): the settlement date, `YYYY-MM-DD`, not before `date`; empty on a
  buy or sell in US dollars = T+1 on the exchange calendar (the context's `settle_on`).
- `reference`: the broker's reference; unique in the portfolio (a repeat in the file or an
  already booked one is a row error), so re-importing a statement books nothing twice.
- `note`: free text, at most 500 characters, no NUL character (no store can keep one).
- numbers: at most MAX_SCALE digits after the point (PostgreSQL NUMERIC's largest scale).

Column order is free; the three required columns must be in the header and every other one
may be left out (an absent column reads as empty); an unknown column is a header error.
Rows are numbered as a spreadsheet shows them: the header is row 1, the first data row 2.
Nothing here writes: `parse_transactions` answers the transactions or raises CsvInvalid with
every row error (the use case then runs the tax engine over them before anything is stored).

This row-by-row parser is the reference: the use case takes any `CsvParser` (the production
one is column-wise, adapters/arrow/transaction_csv.py, and explains its bad rows with
`explain_row` from here); both answer the same rows and the same errors for every file.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Protocol

from domain.errors import DomainError, InvalidTransaction
from domain.portfolio.transactions import (
    Transaction,
    TransactionKind,
    TransactionSource,
    identifiers_of,
    validate_transaction,
)
from ports.portfolio.transaction_batch import TransactionBatch, TransactionList

COLUMNS = (
    "date",
    "account",
    "type",
    "symbol",
    "quantity",
    "price",
    "amount",
    "fees",
    "currency",
    "reference",
    "split_ratio",
    "acquired",
    "note",
)
# The corporate actions' columns: a file without corporate actions needs none of them.
ACTION_COLUMNS = ("new_symbol", "new_price", "allocation")
# Identifiers and settlement: optional, a file without them reads as before.
SECURITY_COLUMNS = ("cusip", "isin", "settle_date")
KNOWN_COLUMNS = COLUMNS + ACTION_COLUMNS + SECURITY_COLUMNS
SETTLED_KINDS = frozenset({TransactionKind.BUY, TransactionKind.SELL})
SETTLED_CURRENCY = "USD"
REQUIRED = ("date", "account", "type")
MAX_BYTES = 16 * 1_048_576  # 16 MiB: ~150,000 typical rows
MAX_ROWS = 200_000
MAX_NUMBER = Decimal("1e15")
MAX_SYMBOL = 32
MAX_REFERENCE = 128
MAX_NOTE = 500
MAX_SCALE = 16_383  # digits after the point: PostgreSQL NUMERIC keeps no more
# The transaction's field named by validate_transaction -> the CSV column holding it.
_COLUMN_OF = {
    "trade_date": "date",
    "account_id": "account",
    "kind": "type",
    "external_id": "reference",
    "lot_picks": "quantity",
}
KINDS = {k.value: k for k in TransactionKind}
ZERO = Decimal(0)


@dataclass(frozen=True, slots=True)
class RowError:
    """One problem of one CSV row (row 1 is the header); `field` is the column's name."""

    row: int
    field: str
    message: str


class CsvInvalid(DomainError):
    """The file cannot be imported; `errors` lists every bad row. Nothing was written."""

    code = "CSV_INVALID"

    def __init__(self, message: str, errors: list[RowError]) -> None:
        super().__init__(message, field="body")
        self.errors = errors


@dataclass(frozen=True, slots=True)
class ImportedRow:
    """A good row: its row number and the transaction it books."""

    row: int
    transaction: Transaction


@dataclass(frozen=True, slots=True)
class ImportContext:
    """What a row is checked against: the portfolio, its accounts by id and by name, the
    references already booked there, today's date, and the id maker for new rows."""

    portfolio_id: str
    base_currency: str
    accounts: Mapping[str, str]  # id or name -> account id
    booked_references: Collection[str]
    today: date
    new_id: Callable[[], str]
    new_ids: Callable[[int], Sequence[str]] | None = None  # n ids at once, as n new_id() calls
    # The settlement date of a buy or sell in US dollars traded on a day (None: not known);
    # a row without `settle_date` of those kinds takes it.
    settle_on: Callable[[date], date | None] | None = None

    def default_settlement(
        self, kind: TransactionKind, currency: str, trade_date: date
    ) -> date | None:
        """The settlement date a row without one gets (module doc)."""
        if self.settle_on is None or kind not in SETTLED_KINDS or currency != SETTLED_CURRENCY:
            return None
        return self.settle_on(trade_date)

    def ids(self, count: int) -> Sequence[str]:
        """`count` new ids, in the order `count` calls of `new_id` would make them."""
        if self.new_ids is not None:
            return self.new_ids(count)
        return [self.new_id() for _ in range(count)]


class ImportBatch(TransactionBatch, Protocol):
    """A parsed file's good rows as a store batch, with each row's spreadsheet number."""

    def row_numbers(self) -> Sequence[int]:
        """The CSV row of each of `transactions()`, in the same order."""
        ...


class CsvParser(Protocol):
    """Parses a whole file like `parse_transactions` (the same rows, the same CsvInvalid)."""

    def __call__(self, text: str, context: ImportContext) -> ImportBatch: ...


class ParsedRows(TransactionList):
    """An ImportBatch over the reference parser's rows."""

    __slots__ = ("_rows",)

    def __init__(self, portfolio_id: str, rows: Sequence[ImportedRow]) -> None:
        super().__init__(portfolio_id, [r.transaction for r in rows])
        self._rows = [r.row for r in rows]

    def row_numbers(self) -> Sequence[int]:
        return self._rows


def parse_batch(text: str, context: ImportContext) -> ImportBatch:
    """`parse_transactions` as a CsvParser: the reference, row by row."""
    return ParsedRows(context.portfolio_id, parse_transactions(text, context))


def parse_transactions(text: str, context: ImportContext) -> list[ImportedRow]:
    """Every row of `text` as a transaction, or CsvInvalid listing every bad row."""
    if len(text) > MAX_BYTES:
        raise CsvInvalid(f"the file is larger than {MAX_BYTES} bytes", [])
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        raw_header = next(reader, None)
    except csv.Error as exc:
        raise CsvInvalid("the header cannot be read", [RowError(1, "header", str(exc))]) from None
    if raw_header is None:
        raise CsvInvalid("the file is empty: it needs a header and rows", [])
    header = [h.strip().lower() for h in raw_header]
    check_header(header)
    rows: list[ImportedRow] = []
    errors: list[RowError] = []
    seen: dict[str, int] = {}
    line = 1
    try:
        for cells in reader:
            row = line + 1
            line = reader.line_num
            if not any(c.strip() for c in cells):
                continue  # a blank line
            if len(rows) + len(errors) >= MAX_ROWS:
                raise CsvInvalid(f"the file has more than {MAX_ROWS} rows", [])
            if len(cells) != len(header):
                errors.append(
                    RowError(row, "row", f"{len(cells)} cells where the header has {len(header)}")
                )
                continue
            record = dict(zip(header, map(str.strip, cells), strict=True))
            parsed = explain_row(row, record, context, seen, errors)
            if parsed is not None:
                rows.append(parsed)
    except csv.Error as exc:
        errors.append(RowError(reader.line_num, "row", str(exc)))
    if errors:
        raise CsvInvalid(f"{len(errors)} row error(s); nothing was imported", errors)
    if not rows:
        raise CsvInvalid("the file has a header but no rows", [])
    return rows


def check_header(header: list[str]) -> None:
    """CsvInvalid naming every missing, unknown or repeated column of row 1."""
    problems = [
        *(RowError(1, c, "column is missing") for c in REQUIRED if c not in header),
        *(
            RowError(1, c or "(empty)", "column is not known")
            for c in header
            if c not in KNOWN_COLUMNS
        ),
        *(
            RowError(1, c, "column appears twice")
            for c in sorted(set(header))
            if header.count(c) > 1
        ),
    ]
    if problems:
        raise CsvInvalid(f"row 1 must be the header: {','.join(KNOWN_COLUMNS)}", problems)


def number_cell(record: dict[str, str], name: str, row: int, errors: list[RowError]) -> Decimal:
    """The cell's exact Decimal (empty: 0); a bad one appends its error and answers 0."""
    text = record.get(name, "")
    if not text:
        return ZERO
    try:
        value = Decimal(text)
    except InvalidOperation:
        errors.append(RowError(row, name, f"{text[:40]!r} is not a number"))
        return ZERO
    if not value.is_finite() or abs(value) > MAX_NUMBER:
        errors.append(RowError(row, name, "must be a finite number within +-1e15"))
        return ZERO
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and exponent < -MAX_SCALE:
        errors.append(RowError(row, name, f"must have at most {MAX_SCALE} digits after the point"))
        return ZERO
    return value


def date_cell(
    record: dict[str, str], name: str, row: int, errors: list[RowError], today: date
) -> date | None:
    """The cell's date (empty: None); a bad one or one after `today` appends its error."""
    text = record.get(name, "")
    if not text:
        return None
    try:
        value = date.fromisoformat(text) if len(text) == 10 else None
    except ValueError:
        value = None
    if value is None:
        errors.append(RowError(row, name, f"{text[:40]!r} is not a date (YYYY-MM-DD)"))
    elif value > today:
        errors.append(RowError(row, name, f"{value} is after today ({today})"))
    return value


def explain_row(
    row: int,
    record: dict[str, str],
    context: ImportContext,
    seen: dict[str, int],
    errors: list[RowError],
    new_id: Callable[[], str] | None = None,
) -> ImportedRow | None:
    """Row `row` (its stripped cells by column) as a transaction, or None with its errors
    appended to `errors`. `seen`: the references of earlier rows (first row of each); this
    row's is added. The id is `new_id()` (default: the context's)."""
    before = len(errors)

    def fail(name: str, message: str) -> None:
        errors.append(RowError(row, name, message))

    cell = record.get
    trade_date = date_cell(record, "date", row, errors, context.today)
    if not cell("date"):
        fail("date", "must not be empty (YYYY-MM-DD)")
    account = context.accounts.get(cell("account", ""))
    if account is None:
        fail("account", f"{cell('account', '')[:64]!r} is not an account of this portfolio")
    kind = KINDS.get(cell("type", "").lower())
    if kind is None:
        fail("type", f"{cell('type', '')[:40]!r} is not one of {', '.join(KINDS)}")
    symbol = cell("symbol", "").upper() or None
    if symbol is not None and (
        len(symbol) > MAX_SYMBOL or not symbol.isprintable() or " " in symbol
    ):
        fail("symbol", f"must be at most {MAX_SYMBOL} printable characters without spaces")
    new_symbol = cell("new_symbol", "").upper() or None
    if new_symbol is not None and (
        len(new_symbol) > MAX_SYMBOL or not new_symbol.isprintable() or " " in new_symbol
    ):
        fail("new_symbol", f"must be at most {MAX_SYMBOL} printable characters without spaces")
    quantity = number_cell(record, "quantity", row, errors)
    price = number_cell(record, "price", row, errors)
    amount = number_cell(record, "amount", row, errors)
    fees = number_cell(record, "fees", row, errors)
    ratio = number_cell(record, "split_ratio", row, errors) if cell("split_ratio") else None
    acquired = date_cell(record, "acquired", row, errors, context.today)
    new_price = number_cell(record, "new_price", row, errors)
    allocation = number_cell(record, "allocation", row, errors) if cell("allocation") else None
    currency = cell("currency", "").upper() or context.base_currency
    reference = cell("reference") or None
    if reference is not None:
        if len(reference) > MAX_REFERENCE or not reference.isprintable():
            fail("reference", f"must be at most {MAX_REFERENCE} printable characters")
        elif reference in seen:
            fail("reference", f"{reference!r} is on row {seen[reference]} too")
        elif reference in context.booked_references:
            fail("reference", f"{reference!r} is already booked in this portfolio")
        else:
            seen[reference] = row
    settle_date = date_cell(record, "settle_date", row, errors, date.max)
    try:
        cusip, isin = identifiers_of(cell("cusip"), cell("isin"))
    except InvalidTransaction as exc:
        fail(column_of(exc.field), exc.message)
        cusip = isin = None
    note = cell("note", "")
    if len(note) > MAX_NOTE:
        fail("note", f"must be at most {MAX_NOTE} characters")
    elif "\x00" in note:
        fail("note", "must not contain a NUL character")
    if len(errors) > before or trade_date is None or account is None or kind is None:
        return None
    tx = Transaction(
        id=(new_id or context.new_id)(),
        portfolio_id=context.portfolio_id,
        account_id=account,
        kind=kind,
        trade_date=trade_date,
        currency=currency,
        symbol=symbol,
        quantity=quantity,
        price=price,
        amount=amount,
        fees=fees,
        split_ratio=ratio,
        acquired=acquired,
        source=TransactionSource.IMPORT,
        external_id=reference,
        note=note,
        new_symbol=new_symbol,
        new_price=new_price,
        allocation=allocation,
        cusip=cusip,
        isin=isin,
        settle_date=settle_date
        if settle_date is not None
        else context.default_settlement(kind, currency, trade_date),
    )
    try:
        validate_transaction(tx)
    except InvalidTransaction as exc:
        fail(column_of(exc.field), exc.message)
        return None
    return ImportedRow(row, tx)


def column_of(field: str | None) -> str:
    """The CSV column that holds a Transaction field (InvalidTransaction.field)."""
    if field is None:
        return "row"
    return _COLUMN_OF.get(field, field)
