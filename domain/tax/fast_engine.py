"""compute_tax_ledger's fast path: the transactions as integer columns, the kernel, column rows.

`kernel_ledger(transactions, accounts, identical)` returns the ledger the Decimal engine
(domain.tax.engine) would return -- the same rows in the same order, the same ids, the same
Decimals to the exponent -- or None when the input does not fit the kernel, and the caller runs
the Decimal engine (which also raises the engine's errors: the kernel gives up on any input the
engine rejects).

Fixed point, chosen per run from the input: money in units of 10^-10 (BASIS_QUANTUM: every
rounding the engine does is to it); quantities in units of 10^-Sq, Sq = the most decimal
places of any quantity or lot pick plus the most places split ratios can add within one group
of substantially identical symbols (a wash moves shares between accounts); prices in units of
10^-Sp, Sp = the most places of a price. The input fits when Sq + Sp <= 10 (so quantity x
price is exact in money units), fees have at most 10 places, quantities stay below 10^14 units
(Decimal's 34-digit quotients then round as the exact ones: docs/tax-lots.md), money below
2^62 units, and the Decimal exponents where the tracked ones keep a coefficient of at most 34
digits. The kernel re-checks what only the pass shows (a split that leaves a quantity
unrepresentable, a sum out of range) and gives up the same way.

Reading the transactions is the Python part: one pass per attribute through C-level `map`s;
Decimals are converted once per distinct object (a ledger shares its Decimal objects, or not:
then once per row), dates by `toordinal`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from operator import attrgetter
from typing import Any

import numpy as np
import numpy.typing as npt

from domain.portfolio.transactions import Transaction, TransactionKind
from domain.tax._fixed import LIMIT
from domain.tax._kernel import BUY, OTHER, SELL, SPLIT, TRANSFER_IN, TRANSFER_OUT, run_ledger
from domain.tax._kpack import group_order, new_tables, pack
from domain.tax._kstate import EXP_MAX, MAX_QTY, MONEY_EXP_MIN, QTY_EXP_MIN
from domain.tax.ledger import TaxLedger
from domain.tax.ledger_rows import (
    LotRows,
    LotTable,
    RealizedRows,
    RealizedTable,
    RowSource,
    WashRows,
    WashTable,
)
from domain.tax.lots import TaxAccount
from domain.tax.methods import AccountTaxType, LotMethod

K = TransactionKind
Ints = npt.NDArray[np.int64]
MONEY_PLACES = 10
_KIND = dict.fromkeys(K, OTHER) | {
    K.BUY: BUY,
    K.SELL: SELL,
    K.SPLIT: SPLIT,
    K.TRANSFER_IN: TRANSFER_IN,
    K.TRANSFER_OUT: TRANSFER_OUT,
}
_METHOD: dict[LotMethod | None, int] = {
    None: -1,
    LotMethod.FIFO: 0,
    LotMethod.LIFO: 1,
    LotMethod.HIFO: 2,
    LotMethod.SPECIFIC: 3,
}
_kind = attrgetter("kind")
_symbol = attrgetter("symbol")
_account = attrgetter("account_id")
_trade_date = attrgetter("trade_date")
_currency = attrgetter("currency")
_lot_method = attrgetter("lot_method")
_lot_picks = attrgetter("lot_picks")


class _Codes(dict[Any, int]):
    """Dense codes in order of first appearance (a missing key gets the next one)."""

    def __missing__(self, key: object) -> int:
        code = self[key] = len(self)
        return code


def _parts(value: Decimal) -> tuple[int, int, int] | None:
    """(signed coefficient, exponent, decimal places the value needs); None for a value the
    kernel does not take (not finite, or a negative zero)."""
    sign, digits, exponent = value.as_tuple()
    if not isinstance(exponent, int):
        return None
    coefficient = int("".join(map(str, digits))) if digits else 0
    if coefficient == 0:
        return (None if sign else (0, exponent, 0))  # fmt: skip
    stripped, zeros = coefficient, 0
    while stripped % 10 == 0:
        stripped //= 10
        zeros += 1
    return (-coefficient if sign else coefficient), exponent, max(0, -(exponent + zeros))


class _Numbers:
    """One Decimal attribute of every transaction: each row's index among the distinct
    objects (int32: below numpy's huge-page threshold for a million rows), and their parts."""

    def __init__(self, txs: list[Transaction], name: str) -> None:
        get = attrgetter(name)
        ids = _Codes()
        self.codes = np.fromiter(map(ids.__getitem__, map(id, map(get, txs))), np.int32, len(txs))
        firsts = [0] * len(ids)
        for position, code in _first_positions(self.codes, len(ids)):
            firsts[code] = position
        parts = [_parts(get(txs[i])) for i in firsts]
        self.finite = np.array([p is not None for p in parts], dtype=np.bool_)
        self.coefficient = [0 if p is None else p[0] for p in parts]
        self.exponent = np.array([0 if p is None else p[1] for p in parts], dtype=np.int64)
        self.places = np.array([0 if p is None else p[2] for p in parts], dtype=np.int64)
        self.sign = np.array([0 if p is None else (p[0] > 0) - (p[0] < 0) for p in parts])

    def max_places(self, rows: npt.NDArray[np.bool_]) -> int:
        used = np.unique(self.codes[rows])
        return int(self.places[used].max()) if used.shape[0] else 0

    def scaled(
        self, scale: int, rows: npt.NDArray[np.bool_], bound: int, exp_min: int, positive: bool
    ) -> Ints | None:
        """The distinct values x 10^scale; None when one used by `rows` is out of range: not
        finite, negative (or zero when `positive`), >= bound, or its exponent < exp_min."""
        values = np.zeros(len(self.coefficient), np.int64)
        fits = self.finite & (self.exponent >= exp_min) & (self.exponent <= EXP_MAX)
        fits &= (self.sign > 0) if positive else (self.sign >= 0)
        for k, (c, e) in enumerate(zip(self.coefficient, self.exponent.tolist(), strict=True)):
            shift = e + scale
            v = c * 10**shift if shift >= 0 else c // 10**-shift
            if abs(v) < bound and (shift >= 0 or v * 10**-shift == c):
                values[k] = v
            else:
                fits[k] = False
        if not fits[np.unique(self.codes[rows])].all():
            return None
        return values


def _first_positions(codes: npt.NDArray[np.int32], count: int) -> list[tuple[int, int]]:
    """(position, code) of each code's first row (codes are numbered in order of first
    appearance, so a code's first row is where the running maximum rises to it)."""
    if count == 0:
        return []
    running = np.maximum.accumulate(codes)
    rises = np.flatnonzero(running[1:] != running[:-1]) + 1
    positions = [0, *rises.tolist()]
    return list(zip(positions, codes[positions].tolist(), strict=True))


def _decimal_scalar(value: Decimal | None) -> tuple[int, int, int] | None:
    return None if value is None else _parts(value)


@dataclass(frozen=True)
class KnownColumns:
    """Columns of a list of transactions already read (`read_known`): kind codes, symbol
    codes into `symbols`, trade dates as ordinals. A caller that reads them anyway (the batch
    split, application/tax_batch.py) passes them on rather than have them read twice."""

    kind: npt.NDArray[np.int8]
    symbol: npt.NDArray[np.int32]
    symbols: tuple[str | None, ...]
    day: npt.NDArray[np.int32]

    def subset(self, rows: Ints) -> KnownColumns:
        """The columns of the transactions at `rows` (a shard)."""
        return KnownColumns(self.kind[rows], self.symbol[rows], self.symbols, self.day[rows])

    def share_rows(self) -> npt.NDArray[np.bool_]:
        """Which transactions the engine processes (the others are cash)."""
        share: npt.NDArray[np.bool_] = self.kind != OTHER
        return share


def read_known(txs: Sequence[Transaction]) -> KnownColumns:
    """Read the kind, symbol and trade date of every transaction (module doc)."""
    n = len(txs)
    symbols = _Codes()
    return KnownColumns(
        np.fromiter(map(_KIND.__getitem__, map(_kind, txs)), np.int8, n),
        np.fromiter(map(symbols.__getitem__, map(_symbol, txs)), np.int32, n),
        tuple(symbols),
        np.fromiter(map(date.toordinal, map(_trade_date, txs)), np.int32, n),
    )


def kernel_ledger(
    transactions: Sequence[Transaction],
    accounts: Mapping[str, TaxAccount],
    identical: Callable[[str], str] | None = None,
    known: KnownColumns | None = None,
) -> TaxLedger | None:
    """The ledger by the kernel, or None when the input does not fit it (module doc).
    `known`: these transactions' columns when the caller has read them already."""
    txs = transactions if isinstance(transactions, list) else list(transactions)
    n = len(txs)
    if n == 0 or n >= 2**31 - 1:
        return None
    if known is None or known.kind.shape[0] != n:
        known = read_known(txs)
    kind, sym, day = known.kind, known.symbol, known.day
    symbols = known.symbols
    share = kind != OTHER
    if not share.any():
        return None
    if None in symbols and (share & (sym == symbols.index(None))).any():
        return None  # the engine asserts a symbol on share transactions
    account_codes = _Codes()
    acc = np.fromiter(map(account_codes.__getitem__, map(_account, txs)), np.int32, n)
    account_ids = tuple(account_codes)
    ira = np.array([_ira(accounts, a) for a in account_ids], dtype=np.bool_)
    default_method = np.array([_METHOD[_method(accounts, a)] for a in account_ids], np.int8)
    currency_codes = _Codes()
    cur = np.fromiter(map(currency_codes.__getitem__, map(_currency, txs)), np.int32, n)
    override = np.fromiter(map(_METHOD.__getitem__, map(_lot_method, txs)), np.int8, n)
    of_symbol = _groups(sym, share, symbols, identical)
    numbers = _columns(txs, kind, of_symbol, sym)
    if numbers is None:
        return None
    (q_code, p_code, f_code), values, exponents, extras, pick_start, picks, q_scale, per_money = (
        numbers
    )
    n_sym = len(symbols)
    pair_codes = np.zeros(0, np.int64)
    n_pairs = len(account_ids) * n_sym
    if n_pairs > 1 << 22:
        _, inverse = np.unique(acc.astype(np.int64) * n_sym + sym, return_inverse=True)
        pair_codes = inverse.astype(np.int64)
        n_pairs = int(pair_codes.max()) + 1
    unsorted = bool((day[1:] < day[:-1]).any())
    by_date = np.argsort(day, kind="stable") if unsorted else np.zeros(0, np.int64)
    order, group_start = group_order(kind, sym, of_symbol, by_date, int(of_symbol.max()) + 1)
    packed, method = pack(
        order, kind, sym, acc, day, cur, override, q_code, p_code, f_code, values, exponents,
        ira.astype(np.int8), default_method, n_sym, pair_codes, extras, pick_start,
    )  # fmt: skip
    n_buys = int(np.count_nonzero(kind == BUY))
    n_lots = n_buys + int(np.count_nonzero(kind == TRANSFER_IN))
    try:
        out = run_ledger(
            packed, group_start, picks, n_pairs, per_money,
            *new_tables(n, n_buys, n_lots, group_start.shape[0] - 1),
        )  # fmt: skip
    except (ValueError, OverflowError, BufferError):
        return None
    r64, r32, r8, w64, w32, w8, o64, o32, o8, t64, t32, t8, counts = out
    source = RowSource(
        txs,
        q_scale,
        day,
        acc,
        account_ids,
        ira,
        cur,
        tuple(currency_codes),
        sym,
        symbols,
        method,
    )
    nr, nw, no, nt = (int(counts[k]) for k in (1, 2, 3, 4))
    return TaxLedger(
        LotRows(LotTable(source, o64[:no], o32[:no], o8[:no])),
        RealizedRows(RealizedTable(source, r64[:nr], r32[:nr], r8[:nr])),
        WashRows(WashTable(source, w64[:nw], w32[:nw], w8[:nw])),
        LotRows(LotTable(source, t64[:nt], t32[:nt], t8[:nt])),
        computed_by="kernel",
    )


def _ira(accounts: Mapping[str, TaxAccount], account_id: str) -> bool:
    found = accounts.get(account_id)
    return found is not None and found.tax_type is AccountTaxType.IRA


def _method(accounts: Mapping[str, TaxAccount], account_id: str) -> LotMethod:
    found = accounts.get(account_id)
    return LotMethod.FIFO if found is None else found.lot_method


def _groups(
    sym: npt.NDArray[np.int32],
    share: npt.NDArray[np.bool_],
    symbols: tuple[Any, ...],
    identical: Callable[[str], str] | None,
) -> Ints:
    """The group code of each symbol code (symbols only on cash rows: 0, never read)."""
    of_symbol = np.zeros(len(symbols), np.int64)
    keys = _Codes()
    for s in np.unique(sym[share]).tolist():
        name = symbols[s]
        of_symbol[s] = keys[name if identical is None else identical(name)]
    return of_symbol


def _columns(
    txs: list[Transaction],
    kind: npt.NDArray[np.int8],
    of_symbol: Ints,
    sym: npt.NDArray[np.int32],
) -> tuple[Any, ...] | None:
    """Quantities, prices and fees as codes into their distinct fixed-point values (module
    doc), split ratios and transfer start dates (`extras`), lot picks, the quantity scale and
    10^(10 - Sq - Sp); None when they do not fit."""
    moves = (kind == BUY) | (kind == SELL) | (kind == TRANSFER_IN) | (kind == TRANSFER_OUT)
    priced = (kind == BUY) | (kind == SELL) | (kind == TRANSFER_IN)
    charged = (kind == BUY) | (kind == SELL)
    quantity = _Numbers(txs, "quantity")
    price = _Numbers(txs, "price")
    fees = _Numbers(txs, "fees")
    splits = np.flatnonzero(kind == SPLIT)
    arrivals = np.flatnonzero(kind == TRANSFER_IN)
    extras = np.zeros((splits.shape[0] + arrivals.shape[0], 5), np.int64)
    for j, t in enumerate(splits.tolist()):
        parts = _decimal_scalar(txs[t].split_ratio)
        if parts is None or parts[0] <= 0:
            return None
        c, e, places = parts
        k = e + places  # ratio = value / 10^places exactly
        value = c * 10**k if k >= 0 else c // 10**-k
        if value >= LIMIT or places > 18:
            return None
        extras[j] = (t, value, places, e, 0)
    for j, t in enumerate(arrivals.tolist(), start=splits.shape[0]):
        tx = txs[t]
        extras[j] = (t, 1, 0, 0, (tx.acquired or tx.trade_date).toordinal())
    raw_picks: list[tuple[int, str, Decimal]] = []
    pick_places = 0
    if any(map(_lot_picks, txs)):
        for t, chosen in enumerate(map(_lot_picks, txs)):
            for pick in chosen:
                raw_picks.append((t, pick.lot_id, pick.quantity))
        for _, _, picked in raw_picks:
            parts = _parts(picked)
            if parts is None:
                return None
            pick_places = max(pick_places, parts[2])
    split_places = 0  # a wash carries shares between pairs: a group's splits all add up
    if splits.shape[0]:
        _, inverse = np.unique(of_symbol[sym[splits]], return_inverse=True)
        split_places = int(np.bincount(inverse, weights=extras[: splits.shape[0], 2]).max())
    q_scale = max(quantity.max_places(moves), pick_places) + split_places
    p_scale = price.max_places(priced)
    if q_scale + p_scale > MONEY_PLACES or fees.max_places(charged) > MONEY_PLACES:
        return None
    q_values = quantity.scaled(q_scale, moves, MAX_QTY, QTY_EXP_MIN, True)
    p_values = price.scaled(p_scale, priced, LIMIT, MONEY_EXP_MIN, False)
    f_values = fees.scaled(MONEY_PLACES, charged, LIMIT, MONEY_EXP_MIN, False)
    if q_values is None or p_values is None or f_values is None:
        return None
    pick_start = np.zeros(0, np.int64)
    picks = np.zeros((0, 4), np.int64)
    if raw_picks:
        found = _pick_table(txs, kind, raw_picks, q_scale)
        if found is None:
            return None
        pick_start, picks = found
    columns = ((q_values, quantity), (p_values, price), (f_values, fees))
    width = max(len(column) for column, _ in columns)
    values = np.zeros((3, width), np.int64)
    exponents = np.zeros((3, width), np.int64)
    for row, (column, numbers) in enumerate(columns):
        values[row, : len(column)] = column
        exponents[row, : len(column)] = numbers.exponent
    codes = (quantity.codes, price.codes, fees.codes)
    per_money = 10 ** (MONEY_PLACES - q_scale - p_scale)
    return codes, values, exponents, extras, pick_start, picks, q_scale, per_money


def _pick_table(
    txs: list[Transaction],
    kind: npt.NDArray[np.int8],
    raw: list[tuple[int, str, Decimal]],
    q_scale: int,
) -> tuple[Ints, Ints] | None:
    """Per-row offsets into the picks (lot's transaction, `:w` number, quantity, exponent);
    None when lot ids could be ambiguous (a repeated id, an id containing ':w')."""
    makers = np.flatnonzero((kind == BUY) | (kind == TRANSFER_IN)).tolist()
    by_id = {txs[t].id: t for t in makers}
    if len(by_id) != len(makers) or any(":w" in lot_id for lot_id in by_id):
        return None
    n = len(txs)
    counts = np.zeros(n + 1, np.int64)
    picks = np.zeros((len(raw), 4), np.int64)
    for k, (t, lot_id, quantity) in enumerate(raw):
        counts[t + 1] += 1
        base, split = by_id.get(lot_id, -1), 0
        if base == -1 and ":w" in lot_id:
            head, _, number = lot_id.rpartition(":w")
            if number.isdigit() and str(int(number)) == number and int(number) > 0:
                base, split = by_id.get(head, -1), int(number)
        parts = _parts(quantity)
        if parts is None:
            return None
        c, e, _ = parts
        shift = e + q_scale
        value = c * 10**shift if shift >= 0 else c // 10**-shift
        if abs(value) >= MAX_QTY:
            return None
        picks[k] = (base, split if base != -1 else -1, value, e)
    return np.cumsum(counts), picks
