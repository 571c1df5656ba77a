"""compute_tax_ledger's fast path: the transactions as integer columns, the kernel, column rows.

`kernel_ledger(transactions, accounts, identical)` returns the ledger the Decimal engine
(domain.tax.engine) would return -- the same rows in the same order, the same ids, the same
Decimals to the exponent -- or None when the input does not fit the kernel, and the caller runs
the Decimal engine (which also raises the engine's errors: the kernel gives up on any input the
engine rejects). The kernel knows SPLIT among the corporate actions and no other: a ledger
with any of `CORPORATE_ACTION_KINDS` (mergers, spin-offs, ...) does not fit it.

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

Steps: read the transactions into codes and fixed-point values (domain/tax/_kread.py: one
C-level `map` pass per attribute, each distinct Decimal text taken apart once; the Python part,
about half the time at a million rows), order the share rows group by group and lay them out
one row each (domain/tax/_kpack.py), run the kernel (domain/tax/_kernel.py) over ranges of
groups on up to two threads (`kernel_threads`), and put the rows behind the column-backed
sequences of domain/tax/ledger_rows.py.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from itertools import pairwise
from operator import attrgetter

import numpy as np

from domain.portfolio.transactions import (
    CORPORATE_ACTION_KINDS,
    Transaction,
    TransactionKind,
    ledger_sorted,
)
from domain.tax._kernel import BUY, OTHER, TRANSFER_IN, X_KIND, run_ledger
from domain.tax._kpack import group_order, new_tables, pack
from domain.tax._kread import (
    Ints,
    KnownColumns,
    columns,
    groups,
    read_accounts,
    read_known,
)
from domain.tax._kstate import C_MOVED, C_OPEN, C_REALIZED, C_WASH
from domain.tax.ledger import TaxLedger
from domain.tax.ledger_rows import LotTable, RealizedTable, RowSource, WashTable
from domain.tax.ledger_sums import LotRows, RealizedRows, WashRows
from domain.tax.lots import TaxAccount

__all__ = ["KnownColumns", "kernel_ledger", "kernel_threads", "read_known"]


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
    kinds = set(map(_kind, txs))
    if not CORPORATE_ACTION_KINDS.isdisjoint(kinds):
        return None  # corporate actions beyond SPLIT: the Decimal engine's (module doc)
    if TransactionKind.SPLIT in kinds:  # a split opens its day (ledger_sorted)
        in_order = ledger_sorted(txs)
        if any(a is not b for a, b in zip(in_order, txs, strict=True)):
            txs, known = in_order, None
    if known is None or known.kind.shape[0] != n:
        known = read_known(txs)
    kind, sym, day = known.kind, known.symbol, known.day
    symbols = known.symbols
    share = kind != OTHER
    if not share.any():
        return None
    if None in symbols and (share & (sym == symbols.index(None))).any():
        return None  # the engine asserts a symbol on share transactions
    read = read_accounts(txs, accounts)
    acc, ira, cur = read.account, read.ira, read.currency
    of_symbol = groups(sym, share, symbols, identical)
    numbers = columns(txs, kind, of_symbol, sym)
    if numbers is None:
        return None
    (q_code, p_code, f_code), values, exponents, extras, pick_start, picks, q_scale, per_money = (
        numbers
    )
    n_sym = len(symbols)
    pair_codes = np.zeros(0, np.int64)
    n_pairs = len(read.account_ids) * n_sym
    if n_pairs > 1 << 22:
        _, inverse = np.unique(acc.astype(np.int64) * n_sym + sym, return_inverse=True)
        pair_codes = inverse.astype(np.int64)
        n_pairs = int(pair_codes.max()) + 1
    unsorted = bool((day[1:] < day[:-1]).any())
    by_date = np.argsort(day, kind="stable") if unsorted else np.zeros(0, np.int64)
    order, group_start = group_order(kind, sym, of_symbol, by_date, int(of_symbol.max()) + 1)
    packed, method = pack(
        order, kind, sym, acc, day, cur, read.override, q_code, p_code, f_code, values,
        exponents, ira.astype(np.int8), read.default_method, n_sym, pair_codes, extras,
        pick_start,
    )  # fmt: skip
    try:
        r64, r32, r8, w64, w32, w8, o64, o32, o8, t64, t32, t8 = _run(
            packed, group_start, picks, n_pairs, per_money
        )
    except (ValueError, OverflowError, BufferError):
        return None
    source = RowSource(
        txs,
        q_scale,
        day,
        acc,
        read.account_ids,
        ira,
        cur,
        read.currencies,
        sym,
        symbols,
        method,
    )
    return TaxLedger(
        LotRows(LotTable(source, o64, o32, o8)),
        RealizedRows(RealizedTable(source, r64, r32, r8)),
        WashRows(WashTable(source, w64, w32, w8)),
        LotRows(LotTable(source, t64, t32, t8)),
        computed_by="kernel",
    )


_kind = attrgetter("kind")
PARALLEL_MIN_ROWS = 50_000  # below, one thread: starting another costs more than it saves
_THREADS = [min(2, os.cpu_count() or 1)]


@contextmanager
def kernel_threads(count: int) -> Iterator[None]:
    """Within the block the kernel runs on at most `count` threads (process-wide; by default
    two, the cores this project is sized for). Worker processes that split the work already
    (application/portfolio/tax_batch.py) ask for one each."""
    before = _THREADS[0]
    _THREADS[0] = max(1, count)
    try:
        yield
    finally:
        _THREADS[0] = before


def _run(
    packed: Ints, group_start: Ints, picks: Ints, n_pairs: int, per_money: int
) -> list[np.ndarray]:
    """run_ledger over the groups, in up to `_THREADS` runs on threads of their own (the
    kernel releases the GIL; groups are independent and the runs' rows concatenate in group
    order), each run a contiguous range of groups balanced by row count. Returns the twelve
    output tables, trimmed to their rows."""
    n_groups = group_start.shape[0] - 1
    rows = int(group_start[-1])
    runs = min(_THREADS[0], n_groups) if rows >= PARALLEL_MIN_ROWS else 1
    cuts = np.searchsorted(group_start, [rows * k // runs for k in range(1, runs)])
    bounds = [0, *sorted({int(c) for c in cuts.tolist()} - {0, n_groups}), n_groups]

    def one(g0: int, g1: int) -> list[np.ndarray]:
        starts = group_start[g0 : g1 + 1]
        kinds = packed[starts[0] : starts[-1], X_KIND]
        n_buys = int(np.count_nonzero(kinds == BUY))
        n_lots = n_buys + int(np.count_nonzero(kinds == TRANSFER_IN))
        out = run_ledger(
            packed, starts, picks, n_pairs, per_money,
            *new_tables(int(starts[-1] - starts[0]), n_buys, n_lots, g1 - g0),
        )  # fmt: skip
        counts = out[-1]
        used = [counts[C_REALIZED]] * 3 + [counts[C_WASH]] * 3
        used += [counts[C_OPEN]] * 3 + [counts[C_MOVED]] * 3
        return [table[: int(n)] for table, n in zip(out[:-1], used, strict=True)]

    spans = list(pairwise(bounds))
    if len(spans) == 1:
        return one(*spans[0])
    with ThreadPoolExecutor(len(spans)) as pool:
        parts = list(pool.map(lambda span: one(*span), spans))
    return [np.concatenate(tables) for tables in zip(*parts, strict=True)]
