"""Laying the transactions out for the tax kernel (domain/tax/_kernel.py), and its tables.

Internal to domain/tax/fast_engine.py. The per-transaction columns read from the objects are
small codes (kind, symbol, account, currency, the index of each Decimal among the distinct
ones); `pack` gathers them with the distinct values into the kernel's one-row-per-transaction
table, `group_order` puts the share transactions in processing order, `new_tables` makes the
kernel's working and output tables. All three allocate in numba's runtime (plain pages):
numpy asks the kernel for transparent huge pages on big arrays, and on a busy machine the
page compaction that costs was measured to add more than half to the pass.
"""

from __future__ import annotations

import numpy as np

from domain.jit import maybe_njit
from domain.tax._kernel import (
    OTHER,
    TRANSFER_IN,
    X_COLS,
    X_CUR,
    X_DAY,
    X_F,
    X_FE,
    X_IRA,
    X_KIND,
    X_METHOD,
    X_P,
    X_PAIR,
    X_PE,
    X_PICK_HI,
    X_PICK_LO,
    X_Q,
    X_QE,
    X_RATIO,
    X_RATIO_E,
    X_SHIFT,
    X_START,
    X_T,
)
from domain.tax._kstate import B_COLS, L_COLS, P_COLS, IntArray
from domain.tax._ktake import SPECIFIC, T_COLS


@maybe_njit(cache=True)
def pack(
    order: IntArray,
    kind: np.ndarray,
    symbol: np.ndarray,
    account: np.ndarray,
    day: np.ndarray,
    currency: np.ndarray,
    override: np.ndarray,
    q_code: np.ndarray,
    p_code: np.ndarray,
    f_code: np.ndarray,
    values: IntArray,
    exponents: IntArray,
    account_ira: np.ndarray,
    account_method: np.ndarray,
    n_symbols: int,
    pair_codes: IntArray,
    extras: IntArray,
    pick_start: IntArray,
) -> tuple[IntArray, np.ndarray]:
    """The kernel's transaction table (row k: transaction `order[k]`) and each transaction's
    lot method in force (in the caller's order).

    `q_code`, `p_code`, `f_code`: each transaction's index among the distinct quantities,
    prices, fees, whose fixed-point `values` and `exponents` (3 x distinct) are given;
    `pair_codes` the (account, symbol) pair of each, or empty for account x n_symbols + symbol;
    `extras` rows (transaction, split ratio, its shift, its exponent, transfer start date) for
    splits and transfers in; `pick_start` each one's first lot pick (n + 1; empty: none)."""
    n = kind.shape[0]
    method = np.empty(n, np.int8)
    picked = pick_start.shape[0] == n + 1
    for t in range(n):
        m = override[t] if override[t] >= 0 else account_method[account[t]]
        if picked and pick_start[t + 1] > pick_start[t]:
            m = SPECIFIC
        method[t] = m
    out = np.zeros((order.shape[0], X_COLS), np.int64)
    dense = pair_codes.shape[0] == n
    for k in range(order.shape[0]):
        t = order[k]
        a = account[t]
        out[k, X_T] = t
        out[k, X_KIND] = kind[t]
        out[k, X_PAIR] = pair_codes[t] if dense else a * n_symbols + symbol[t]
        out[k, X_IRA] = account_ira[a]
        out[k, X_DAY] = day[t]
        out[k, X_START] = day[t]
        out[k, X_Q] = values[0, q_code[t]]
        out[k, X_QE] = exponents[0, q_code[t]]
        out[k, X_P] = values[1, p_code[t]]
        out[k, X_PE] = exponents[1, p_code[t]]
        out[k, X_F] = values[2, f_code[t]]
        out[k, X_FE] = exponents[2, f_code[t]]
        out[k, X_CUR] = currency[t]
        out[k, X_METHOD] = method[t]
        out[k, X_RATIO] = 1
        if picked:
            out[k, X_PICK_LO] = pick_start[t]
            out[k, X_PICK_HI] = pick_start[t + 1]
    if extras.shape[0]:
        row_of = np.full(n, -1, np.int64)
        for k in range(order.shape[0]):
            row_of[order[k]] = k
        for j in range(extras.shape[0]):
            t = extras[j, 0]
            k = row_of[t]
            if kind[t] == TRANSFER_IN:
                out[k, X_START] = extras[j, 4]
            else:
                out[k, X_RATIO] = extras[j, 1]
                out[k, X_SHIFT] = extras[j, 2]
                out[k, X_RATIO_E] = extras[j, 3]
    return out, method


@maybe_njit(cache=True)
def group_order(
    kind: np.ndarray,
    symbol: np.ndarray,
    group_of_symbol: IntArray,
    by_date: IntArray,
    n_groups: int,
) -> tuple[IntArray, IntArray]:
    """`order` and `group_start`: the share transactions in date order (`by_date`, or the
    given order when it is empty) bucketed by group, groups in order of first appearance (a
    stable counting sort)."""
    n = kind.shape[0]
    sorted_already = by_date.shape[0] == 0
    rank = np.full(n_groups, -1, np.int64)
    sizes = np.zeros(n_groups + 1, np.int64)
    ranked = 0
    for k in range(n):
        t = k if sorted_already else by_date[k]
        if kind[t] == OTHER:
            continue
        g = group_of_symbol[symbol[t]]
        if rank[g] == -1:
            rank[g] = ranked
            ranked += 1
        sizes[rank[g] + 1] += 1
    start = np.cumsum(sizes)[: ranked + 1]
    fill = start[:ranked].copy()
    order = np.empty(start[ranked], np.int64)
    for k in range(n):
        t = k if sorted_already else by_date[k]
        if kind[t] == OTHER:
            continue
        r = rank[group_of_symbol[symbol[t]]]
        order[fill[r]] = t
        fill[r] += 1
    return order, start


@maybe_njit(cache=True)
def new_tables(n: int, n_buys: int, n_lots: int, n_groups: int) -> tuple[np.ndarray, ...]:
    """Fresh tables for `run_ledger`, in its argument order (lots, pending, purchases, taken,
    scratch, the realized, wash, open and moved columns), sized for `n` transactions of which
    `n_buys` BUYs and `n_lots` BUYs or TRANSFER_INs; the kernel grows any that fills."""
    lots = n_lots + n // 2 + 1024
    rows = 2 * n + 1024
    return (
        np.empty((lots, L_COLS), np.int64),
        np.empty((n // 2 + 1024, P_COLS), np.int64),
        np.empty((n_buys + n_groups + 1, B_COLS), np.int64),
        np.empty((1024, T_COLS), np.int64),
        np.empty((1024, 1), np.int64),
        np.empty((rows, 5), np.int64),
        np.empty((rows, 4), np.int32),
        np.empty((rows, 6), np.int8),
        np.empty((rows, 2), np.int64),
        np.empty((rows, 6), np.int32),
        np.empty((rows, 3), np.int8),
        np.empty((lots, 3), np.int64),
        np.empty((lots, 3), np.int32),
        np.empty((lots, 3), np.int8),
        np.empty((1024, 3), np.int64),
        np.empty((1024, 3), np.int32),
        np.empty((1024, 3), np.int8),
    )
