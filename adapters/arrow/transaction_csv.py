"""Broker CSV -> ledger transactions, column-wise (pyarrow): the import's production parser.

The same rows and the same errors as the reference row parser (`parse_transactions`,
application/portfolio/transaction_import.py; a Hypothesis test compares both on generated files with
bad rows), several times faster:
1. the body is tokenized by pyarrow's CSV reader (C++, every column as text) when the file is
   one that Python's csv module reads the same way: no bare CR, no line above the csv
   module's field limit and, where quotes occur, only RFC 4180 quoted fields that end on
   their line (a regex over the body checks it). Any other file, and any header problem, goes
   to the reference parser whole (`parse_batch`): the answer is the reference's by definition.
2. each column is dictionary-encoded (C++); the reference's own cell checks (`number_cell`,
   `date_cell`, the account, kind, symbol, currency, reference and note rules) run once per
   distinct value (a statement has few distinct dates, accounts, kinds, symbols, fees...);
   their results reach the rows through numpy indexing, and the rules that join cells
   (validate_transaction's: a buy's price, a cash kind's amount, a repeated reference...) are
   numpy masks.
3. every row those masks do not pass is explained by the reference (`explain_row`), so its
   errors are the reference's to the character; when there are none, the rows become an
   ArrowImportBatch (ledger_batch.py) whose COPY text pyarrow writes from the same columns.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any

import numpy as np
import pyarrow as pa  # type: ignore[import-untyped]
import pyarrow.compute as pc  # type: ignore[import-untyped]
import pyarrow.csv as pacsv  # type: ignore[import-untyped]

from adapters.arrow.ledger_batch import ArrowImportBatch, Column
from application.portfolio.transaction_import import (
    KINDS,
    MAX_BYTES,
    MAX_NOTE,
    MAX_REFERENCE,
    MAX_ROWS,
    MAX_SYMBOL,
    SETTLED_CURRENCY,
    SETTLED_KINDS,
    CsvInvalid,
    ImportBatch,
    ImportContext,
    RowError,
    check_header,
    date_cell,
    explain_row,
    number_cell,
    parse_batch,
)
from domain.portfolio.currencies import is_currency
from domain.portfolio.transactions import (
    CASH_KINDS,
    CORPORATE_ACTION_KINDS,
    SHARE_KINDS,
    TransactionKind,
)
from domain.trading.identifiers import (
    Cusip,
    Figi,
    InvalidSecurityIdentifier,
    Isin,
    checked_identifier,
)

# What str.strip() strips: every code point whose str.isspace() is true (a test checks it).
PY_WHITESPACE = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004"
    "\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
FIELD_LIMIT = 131_072  # csv.field_size_limit()'s default: a longer field is a csv.Error there
_QUOTE, _COMMA, _CR, _LF = (ord(c) for c in '",\r\n')
_KIND_CODES = {kind: code for code, kind in enumerate(TransactionKind)}


def parse_transaction_csv(text: str, context: ImportContext) -> ImportBatch:
    """Every row of `text` as a transaction, or CsvInvalid listing every bad row (module doc)."""
    read = _read(text)
    if read is None:
        return parse_batch(text, context)
    header, cells, rows = read
    try:
        return _Rows(header, cells, rows, context).batch()
    except _Unsure:
        return parse_batch(text, context)


def _read(text: str) -> tuple[list[str], dict[str, Any], np.ndarray[Any, Any]] | None:
    """(header, raw text column by header name, each row's spreadsheet number) of a file the
    csv module would read the same way, without blank rows; None for any other file."""
    if len(text) > MAX_BYTES or ("\r" in text and text.count("\r") != text.count("\r\n")):
        return None
    cut = text.find("\n") + 1 or len(text)
    try:
        raw_header = next(csv.reader(io.StringIO(text[:cut], newline=""), strict=True))
        body = text[cut:].encode()
    except (csv.Error, StopIteration, UnicodeError):
        return None
    header = [h.strip().lower() for h in raw_header]
    try:
        check_header(header)
    except CsvInvalid:
        return None
    buf = np.frombuffer(body, np.uint8)
    ends = np.flatnonzero(buf == _LF)
    quoted = b'"' in body
    if quoted and not _well_quoted(buf, ends):
        return None
    lines = _line_numbers(buf, ends)
    if lines is None or not len(lines):
        return None
    names = [f"c{i}" for i in range(len(header))]
    try:
        table = pacsv.read_csv(
            io.BytesIO(body),
            read_options=pacsv.ReadOptions(column_names=names),
            parse_options=pacsv.ParseOptions(
                quote_char='"' if quoted else False, newlines_in_values=False
            ),
            convert_options=pacsv.ConvertOptions(
                column_types=dict.fromkeys(names, pa.string()),
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
            ),
        )
    except pa.ArrowInvalid:  # a row with another number of cells than the header
        return None
    if table.num_rows != len(lines):
        return None
    cells = {h: table.column(n).combine_chunks() for h, n in zip(header, names, strict=True)}
    return header, cells, lines


def _line_numbers(buf: np.ndarray[Any, Any], ends: np.ndarray[Any, Any]) -> Any:
    """The spreadsheet row of each non-empty line of the body (the header is row 1; `ends`:
    where its LFs are); None when a line is longer than the csv module's field limit."""
    starts = np.concatenate(([0], ends + 1))
    stops = np.concatenate((ends, [len(buf)]))
    lengths = stops - starts
    carriage = np.zeros(len(lengths), dtype=bool)
    some = lengths > 0
    carriage[some] = buf[stops[some] - 1] == 13
    lengths -= carriage
    if len(lengths) and lengths.max() > FIELD_LIMIT:
        return None
    return np.flatnonzero(lengths > 0) + 2


def _well_quoted(buf: np.ndarray[Any, Any], ends: np.ndarray[Any, Any]) -> bool:
    """Whether every quote of the body belongs to an RFC 4180 quoted field that ends on its
    line: the quotes of a line pair up (open, close), an opening one starts a field (after a
    comma, at the line's start, or right after a closing one: a doubled quote inside), a
    closing one ends it (before a comma, the line's end, or an opening one). Python's strict
    csv reader and pyarrow read such a body alike; any other quote sends the file to the
    reference parser (a quote inside an unquoted field, text after a closing quote...)."""
    at = np.flatnonzero(buf == _QUOTE)
    # Every line holds an even number of quotes, so the 1st, 3rd... of the body open fields.
    if len(at) % 2 or (np.searchsorted(at, ends) % 2).any():
        return False
    opening, closing = at[0::2], at[1::2]
    before = buf[np.maximum(opening - 1, 0)]
    after = buf[np.minimum(closing + 1, len(buf) - 1)]
    starts_field = (opening == 0) | (before == _COMMA) | (before == _LF) | (before == _QUOTE)
    last = closing == len(buf) - 1
    ends_field = last | (after == _COMMA) | (after == _CR) | (after == _LF) | (after == _QUOTE)
    return bool(starts_field.all() and ends_field.all())


class _Rows:
    """The checks of one file's rows, column by column (module doc, steps 2 and 3)."""

    def __init__(
        self,
        header: list[str],
        raw: dict[str, Any],
        rows: np.ndarray[Any, Any],
        context: ImportContext,
    ) -> None:
        self.context = context
        self.header = header
        distinct: dict[str, Any] = {}
        index: dict[str, np.ndarray[Any, Any]] = {}
        blank = np.ones(len(rows), dtype=bool)
        for name, column in raw.items():
            distinct[name], index[name] = _stripped_distinct(column)
            empty = pc.equal(pc.binary_length(distinct[name]), 0).to_numpy(zero_copy_only=False)
            blank &= empty[index[name]]
        keep = ~blank
        self.rows = rows[keep]
        self.n = len(self.rows)
        self.distinct = distinct
        self.index = {name: i[keep] for name, i in index.items()}
        self.first = np.zeros(0, dtype=np.int64)  # per distinct reference: its first row
        self.ref_eligible = np.zeros(0, dtype=bool)  # ... and whether a repeat is an error

    def cells(self, name: str) -> tuple[Any, np.ndarray[Any, Any]]:
        """A column's distinct stripped cells (Arrow) and each row's index (absent: empty)."""
        if name in self.distinct:
            return self.distinct[name], self.index[name]
        return pa.array([""], pa.string()), np.zeros(self.n, dtype=np.int32)

    def batch(self) -> ImportBatch:
        if self.n == 0:  # only blank rows: the reference words it
            raise _Unsure
        if self.n > MAX_ROWS:
            raise CsvInvalid(f"the file has more than {MAX_ROWS} rows", [])
        columns, good = self._check()
        bad = np.flatnonzero(~good)
        if len(bad):
            self._explain(bad)
        ids = self.context.ids(self.n)
        return ArrowImportBatch(self.context.portfolio_id, ids, columns, self.rows)

    def _check(self) -> tuple[dict[str, Column], np.ndarray[Any, Any]]:
        """The rows' columns, and which rows are certainly good."""
        ctx = self.context
        ok = np.ones(self.n, dtype=bool)
        columns: dict[str, Column] = {}

        def per_value(name: str, field: str, check: Callable[[str], tuple[bool, Any]]) -> None:
            values, at = self.cells(name)
            results = [check(v) for v in values.to_pylist()]
            good = np.array([r[0] for r in results], dtype=bool)
            columns[field] = Column([r[1] for r in results], at)
            ok[:] &= good[at]

        def day(text: str, required: bool) -> tuple[bool, date | None]:
            errors: list[RowError] = []
            value = date_cell({"c": text}, "c", 0, errors, ctx.today)
            return (not errors and (value is not None or not required)), value

        def number(text: str) -> tuple[bool, Decimal]:
            errors: list[RowError] = []
            value = number_cell({"c": text}, "c", 0, errors)
            return not errors, value

        per_value("date", "trade_date", lambda t: day(t, True))
        per_value("account", "account_id", lambda t: (t in ctx.accounts, ctx.accounts.get(t)))
        per_value("type", "kind", _kind)
        per_value("symbol", "symbol", _symbol)
        per_value("new_symbol", "new_symbol", _symbol)
        per_value("new_price", "new_price", number)
        per_value("allocation", "allocation", lambda t: number(t) if t else (True, None))
        for name in ("quantity", "price", "amount", "fees"):
            per_value(name, name, number)
        per_value("split_ratio", "split_ratio", lambda t: number(t) if t else (True, None))
        per_value("acquired", "acquired", lambda t: day(t, False))
        per_value("currency", "currency", lambda t: _currency(t, ctx.base_currency))
        per_value("cusip", "cusip", lambda t: _identifier(Cusip, t))
        per_value("isin", "isin", lambda t: _identifier(Isin, t))

        def settle_day(text: str) -> tuple[bool, date | None]:
            errors: list[RowError] = []
            value = date_cell({"c": text}, "c", 0, errors, date.max)
            return not errors, value

        per_value("settle_date", "settle_date", settle_day)
        notes, note_at = self.cells("note")
        good_note = pc.and_(
            pc.less_equal(pc.utf8_length(notes), MAX_NOTE),
            pc.invert(pc.match_substring(notes, "\x00")),
        ).to_numpy(zero_copy_only=False)
        columns["note"] = Column(notes, note_at)
        ok &= good_note[note_at]
        ok &= self._references(columns)
        ok &= _ledger_rules(columns, self.n)
        columns["settle_date"] = _with_default_settlement(columns, self.n, ctx)
        return columns, ok

    def _references(self, columns: dict[str, Column]) -> np.ndarray[Any, Any]:
        """The reference column; False for a row whose reference is bad, already booked or
        held by an earlier row (the reference parser's `seen`)."""
        values, at = self.cells("reference")
        empty = pc.equal(pc.binary_length(values), 0)
        printable = pc.match_substring_regex(values, "^[ -~]*$")
        unsure = pc.invert(pc.or_(printable, pc.string_is_ascii(values)))
        good = pc.and_(printable, pc.less_equal(pc.utf8_length(values), MAX_REFERENCE))
        eligible = good.to_numpy(zero_copy_only=False).copy()
        for u in np.flatnonzero(unsure.to_numpy(zero_copy_only=False)).tolist():
            text = values[u].as_py()  # not ASCII: Python's own isprintable decides
            eligible[u] = len(text) <= MAX_REFERENCE and text.isprintable()
        booked = ctx_booked(self.context)
        if booked is not None:
            eligible &= ~pc.is_in(values, value_set=booked).to_numpy(zero_copy_only=False)
        is_empty = empty.to_numpy(zero_copy_only=False)
        eligible |= is_empty
        self.first = np.full(len(values), self.n, dtype=np.int64)
        present, first = np.unique(at, return_index=True)
        self.first[present] = first
        self.ref_eligible = eligible
        columns["external_id"] = Column(pc.if_else(empty, None, values), at)
        once: np.ndarray[Any, Any] = self.first[at] == np.arange(self.n)
        return np.asarray(is_empty[at] | (eligible[at] & once))

    def _explain(self, bad: np.ndarray[Any, Any]) -> None:
        """CsvInvalid with the reference's errors of the `bad` rows (in row order)."""
        errors: list[RowError] = []
        weights = np.ones(self.n, dtype=np.int64)
        taken = {name: self.cells(name) for name in self.header}
        refs, ref_at = self.cells("reference")
        for k in bad.tolist():
            row = int(self.rows[k])
            record = {name: values[int(at[k])].as_py() for name, (values, at) in taken.items()}
            u = int(ref_at[k])
            seen: dict[str, int] = {}
            if self.ref_eligible[u] and self.first[u] < k:
                seen[refs[u].as_py()] = int(self.rows[self.first[u]])
            before = len(errors)
            explain_row(row, record, self.context, seen, errors, new_id=str)
            weights[k] = max(len(errors) - before, 1)
        if not errors:  # the masks refused a row the reference takes: it answers alone
            raise _Unsure
        counted_before = np.cumsum(weights) - weights
        if (counted_before >= MAX_ROWS).any():
            raise CsvInvalid(f"the file has more than {MAX_ROWS} rows", [])
        raise CsvInvalid(f"{len(errors)} row error(s); nothing was imported", errors)


class _Unsure(Exception):
    """The column checks and the reference disagree on a row: the reference decides."""


def ctx_booked(context: ImportContext) -> Any:
    """The portfolio's booked references as an Arrow array (None: none)."""
    if not context.booked_references:
        return None
    return pa.array(list(context.booked_references), pa.string())


def _stripped_distinct(column: Any) -> tuple[Any, np.ndarray[Any, Any]]:
    """A text column's distinct values after str.strip() (Arrow) and each row's index."""
    encoded = pc.dictionary_encode(column)
    at = encoded.indices.to_numpy(zero_copy_only=False)
    stripped = pc.utf8_trim(encoded.dictionary, characters=PY_WHITESPACE)
    if stripped.equals(encoded.dictionary):  # nothing to strip: the values stay distinct
        return stripped, at
    again = pc.dictionary_encode(stripped)  # "a" and " a" are one value once stripped
    remap = again.indices.to_numpy(zero_copy_only=False)
    return again.dictionary, remap[at]


def _symbol(text: str) -> tuple[bool, str | None]:
    value = text.upper() or None
    good = value is None or (len(value) <= MAX_SYMBOL and value.isprintable() and " " not in value)
    return good, value


def _identifier(kind: type[Cusip | Isin | Figi], text: str) -> tuple[bool, str | None]:
    try:
        return True, checked_identifier(kind, text)
    except InvalidSecurityIdentifier:
        return False, None


def _kind(text: str) -> tuple[bool, TransactionKind | None]:
    kind = KINDS.get(text.lower())
    return kind is not None, kind


def _currency(text: str, base: str) -> tuple[bool, str]:
    value = text.upper() or base
    return is_currency(value), value


def _ledger_rules(columns: dict[str, Column], n: int) -> np.ndarray[Any, Any]:
    """validate_transaction's rules that join fields, as masks (the cells are good)."""

    def per_row(field: str, test: Callable[[Any], bool]) -> np.ndarray[Any, Any]:
        column = columns[field]
        flags = np.array([test(v) for v in column.values], dtype=bool)
        return flags[column.index] if n else np.zeros(0, dtype=bool)

    kinds = columns["kind"]
    codes = np.array([-1 if k is None else _KIND_CODES[k] for k in kinds.values], dtype=np.int64)[
        kinds.index
    ]

    def of(kinds_set: Any) -> np.ndarray[Any, Any]:
        return np.isin(codes, [_KIND_CODES[k] for k in kinds_set])

    share = of(SHARE_KINDS)
    split = of({TransactionKind.SPLIT})
    buy = of({TransactionKind.BUY})
    cash = of(CASH_KINDS)
    positive = lambda v: v is not None and v > 0  # noqa: E731
    negative = lambda v: v is not None and v < 0  # noqa: E731
    good = ~per_row("fees", negative)
    good &= ~((share | split) & ~per_row("symbol", lambda s: bool(s)))
    price_zero = per_row("price", lambda v: v == 0)
    good &= ~share | (per_row("quantity", positive) & ~per_row("price", negative))
    good &= ~(share & buy & price_zero)
    good &= ~cash | per_row("amount", positive)
    good &= ~split | per_row("split_ratio", positive)
    trade = _ordinals(columns["trade_date"])
    acquired = _ordinals(columns["acquired"])
    good &= (acquired < 0) | (acquired <= trade)
    # Corporate actions, and any row naming their fields, are left to the reference parser
    # (explain_row): its rules for them are validate_transaction's, not repeated as masks.
    good &= ~of(CORPORATE_ACTION_KINDS)
    good &= ~per_row("new_symbol", lambda v: v is not None)
    good &= ~per_row("new_price", lambda v: v != 0)
    good &= ~per_row("allocation", lambda v: v is not None)
    settle = _ordinals(columns["settle_date"])
    good &= (settle < 0) | (settle >= trade)
    # A CUSIP with an ISIN: the reference checks that the ISIN embeds it.
    good &= ~(per_row("cusip", lambda v: v is not None) & per_row("isin", lambda v: v is not None))
    return good


def _with_default_settlement(columns: dict[str, Column], n: int, context: ImportContext) -> Column:
    """The settle_date column with the context's default on each row that gives none."""
    given = columns["settle_date"]
    trade, kinds, currencies = columns["trade_date"], columns["kind"], columns["currency"]
    if context.settle_on is None or not n:
        return given
    none_given = np.array([v is None for v in given.values], dtype=bool)[given.index]
    settled = np.array([k in SETTLED_KINDS for k in kinds.values], dtype=bool)[kinds.index]
    in_dollars = np.array([c == SETTLED_CURRENCY for c in currencies.values], dtype=bool)[
        currencies.index
    ]
    use_default = none_given & settled & in_dollars
    if not use_default.any():
        return given
    defaults = [None if d is None else context.settle_on(d) for d in trade.values]
    values = [*given.values, *defaults]
    index = np.where(use_default, len(given.values) + trade.index, given.index).astype(np.int32)
    return Column(values, index)


def _ordinals(column: Column) -> np.ndarray[Any, Any]:
    """Each row's date as a proleptic ordinal (-1: none)."""
    values = np.array([-1 if d is None else d.toordinal() for d in column.values], np.int64)
    return np.asarray(values[column.index])
