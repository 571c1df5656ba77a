"""Reading transactions into the tax kernel's columns (domain/tax/fast_engine.py's first step).

Internal. Each attribute of every transaction is read in one pass of C-level `map`s: kinds,
symbols, accounts, currencies and lot methods become small integer codes; each Decimal
attribute becomes the index of its object among the distinct objects (a ledger shares its
Decimal objects, or it does not: then one per row), and only the distinct values are taken apart
into (coefficient, exponent, decimal places) -- then scaled to the run's fixed point, with the
checks that the values fit (fast_engine's module doc). Split ratios, transfer start dates and
lot picks are read only for the rows that have them.
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
from domain.tax._kernel import BUY, OTHER, SELL, SPLIT, TRANSFER_IN, TRANSFER_OUT
from domain.tax._kstate import EXP_MAX, MAX_QTY, MONEY_EXP_MIN, QTY_EXP_MIN
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


def _text_parts(text: str) -> tuple[int, int, int] | None:
    """_parts of a Decimal from its str(): plain notation ("-12.50") read directly,
    anything else (exponent notation, NaN, Infinity) through the Decimal."""
    head, dot, tail = text.partition(".")
    whole = head[1:] if head.startswith("-") else head
    if not whole.isdigit() or (dot and not tail.isdigit()):
        return _parts(Decimal(text))
    digits = whole + tail
    coefficient = int(digits)
    if coefficient == 0:
        return None if head.startswith("-") else (0, -len(tail), 0)
    zeros = len(digits) - len(digits.rstrip("0"))
    sign = -1 if head.startswith("-") else 1
    return sign * coefficient, -len(tail), max(0, len(tail) - zeros)


class _Numbers:
    """One Decimal attribute of every transaction: each row's index among its distinct values
    (int32: below numpy's huge-page threshold for a million rows), and their parts. Rows are
    first told apart by object (cheap), then objects by their text (two Decimal objects with
    one text are one value with one exponent), and only distinct texts are taken apart."""

    def __init__(self, txs: list[Transaction], name: str) -> None:
        get = attrgetter(name)
        ids = np.fromiter(map(id, map(get, txs)), np.int64, len(txs))
        _, firsts, codes = np.unique(ids, return_index=True, return_inverse=True)
        texts = _Codes()
        of_object = np.fromiter(
            map(texts.__getitem__, map(str, map(get, map(txs.__getitem__, firsts.tolist())))),
            np.int32,
            firsts.shape[0],
        )
        self.codes = of_object[codes]
        parts = list(map(_text_parts, texts))
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


def _decimal_scalar(value: Decimal | None) -> tuple[int, int, int] | None:
    return None if value is None else _parts(value)


@dataclass(frozen=True)
class KnownColumns:
    """Columns of a list of transactions already read (`read_known`): kind codes, symbol
    codes into `symbols`, trade dates as ordinals. A caller that reads them anyway (the batch
    split, application/portfolio/tax_batch.py) passes them on rather than have them read twice."""

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


@dataclass(frozen=True)
class AccountColumns:
    """Account and currency codes of every transaction, what each account's code means (its
    id, IRA or not, its default lot method code), and each row's own lot method (-1: none)."""

    account: npt.NDArray[np.int32]
    account_ids: tuple[str, ...]
    ira: npt.NDArray[np.bool_]
    default_method: npt.NDArray[np.int8]
    currency: npt.NDArray[np.int32]
    currencies: tuple[str, ...]
    override: npt.NDArray[np.int8]


def read_accounts(txs: Sequence[Transaction], accounts: Mapping[str, TaxAccount]) -> AccountColumns:
    n = len(txs)
    account_codes, currency_codes = _Codes(), _Codes()
    account = np.fromiter(map(account_codes.__getitem__, map(_account, txs)), np.int32, n)
    ids = tuple(account_codes)
    return AccountColumns(
        account,
        ids,
        np.array([_ira(accounts, a) for a in ids], dtype=np.bool_),
        np.array([_METHOD[_method(accounts, a)] for a in ids], np.int8),
        np.fromiter(map(currency_codes.__getitem__, map(_currency, txs)), np.int32, n),
        tuple(currency_codes),
        np.fromiter(map(_METHOD.__getitem__, map(_lot_method, txs)), np.int8, n),
    )


def _ira(accounts: Mapping[str, TaxAccount], account_id: str) -> bool:
    found = accounts.get(account_id)
    return found is not None and found.tax_type is AccountTaxType.IRA


def _method(accounts: Mapping[str, TaxAccount], account_id: str) -> LotMethod:
    found = accounts.get(account_id)
    return LotMethod.FIFO if found is None else found.lot_method


def groups(
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


def columns(
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
        if abs(value) >= MAX_QTY or not QTY_EXP_MIN <= e <= EXP_MAX:
            return None
        picks[k] = (base, split if base != -1 else -1, value, e)
    return np.cumsum(counts), picks
