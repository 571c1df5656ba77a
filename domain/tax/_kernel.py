"""The tax-lot kernel: domain.tax.engine's algorithm over integer columns (numba).

Inputs (domain/tax/fast_engine.py and domain/tax/_kpack.py build them): `tx`, one row per share
transaction in processing order -- group by group (groups of substantially identical symbols
in order of first appearance), chronological within a group -- with columns X_*: the
caller's index of the transaction, kind code, (account, symbol) pair, IRA flag, trade date
(ordinal), quantity, price and fees (fixed point, each with its Decimal exponent), currency
code, lot method in force, split ratio, transfer start date, lot picks; `group_start`, where
each group begins. The pass reads `tx` front to back: laid out in processing order, a
transaction costs no cache miss (read in the caller's order, group by group, it cost one per
row, a field per column even more). `per_money` = 10^(10 - quantity scale - price scale) turns
quantity x price into money units.

The pass is the Decimal engine's, group by group: a BUY books a lot (and its pending wash
adjustments), a SELL takes lots (domain/tax/_ktake.py) and washes its loss rows
(domain/tax/_kwash.py), a SPLIT multiplies the pair's lots, a TRANSFER_IN inserts a lot by
purchase date, a TRANSFER_OUT takes lots at basis; each group's open lots follow its pass, pair
by pair in order of first appearance. Outputs, in the engine's order (`counts` says how many):
- realized: r64 (quantity, proceeds, basis, wash disallowed, gain), r32 (sale transaction, lot
  base transaction, lot `:w` number, acquired), r8 (the five exponents, 1 = long term);
- wash records: w64 (quantity, disallowed), w32 (sale, sold lot base, `:w`, replacement base,
  `:w`, holding days carried), w8 (the two exponents, 1 = permanent);
- open lots and transferred-out lots: o64/t64 (quantity, basis, wash adjustment), o32/t32
  (base, `:w`, acquired), o8/t8 (the three exponents).
Raises ValueError where the engine raises InvalidTransaction, OverflowError where a figure
leaves the fixed-point range (BufferError, a table overrun, cannot happen: each transaction
gets room first). Releases the GIL: fast_engine runs ranges of groups on two threads.
"""

from __future__ import annotations

import numpy as np

from domain.jit import maybe_njit
from domain.tax._fixed import add_checked, mul_checked
from domain.tax._ksell import disposal_rows
from domain.tax._kstate import (
    B_DATE,
    B_F,
    B_FE,
    B_IRA,
    B_LOT,
    B_NXT,
    B_PH,
    B_PT,
    B_Q,
    B_QE,
    B_SPLITS,
    B_TX,
    C_COLS,
    C_LOTS,
    C_MOVED,
    C_OPEN,
    C_PAIRS,
    C_PENDING,
    C_REALIZED,
    C_WASH,
    L_ACQ,
    L_B,
    L_BASE,
    L_BE,
    L_BI,
    L_C,
    L_CE,
    L_CUR,
    L_NEXT,
    L_PAIR,
    L_PREV,
    L_PUR,
    L_Q,
    L_QE,
    L_W,
    L_WE,
    L_WN,
    MAX_QTY,
    IntArray,
    link_after,
    money_exp,
    new_lot,
    next_row,
    qty_exp,
)
from domain.tax._kwash import book

BUY, SELL, SPLIT, TRANSFER_IN, TRANSFER_OUT, OTHER = 0, 1, 2, 3, 4, 5
X_T, X_KIND, X_PAIR, X_IRA, X_DAY = 0, 1, 2, 3, 4
X_Q, X_QE, X_P, X_PE, X_F, X_FE = 5, 6, 7, 8, 9, 10
X_CUR, X_METHOD, X_RATIO, X_SHIFT, X_RATIO_E, X_START, X_PICK_LO, X_PICK_HI = range(11, 19)
X_COLS = 19
_POW10 = np.array([10**k for k in range(19)], dtype=np.int64)


@maybe_njit(cache=True)
def _split(lots: IntArray, head: IntArray, pair: int, ratio: int, shift: int, ratio_e: int) -> None:
    """lot.qty *= ratio and lot.cap *= ratio for the pair's lots; ratio = `ratio` / 10^shift."""
    divisor = _POW10[shift]
    h = head[pair]
    while h != -1:
        for col in (L_Q, L_C):
            product = mul_checked(lots[h, col], ratio)
            if product % divisor != 0 or product // divisor >= MAX_QTY:
                raise OverflowError("split quantity not representable")
            lots[h, col] = product // divisor
            lots[h, col + 1] = qty_exp(lots[h, col + 1] + ratio_e)
        h = lots[h, L_NEXT]


@maybe_njit(cache=True)
def _open_lot(lots: IntArray, counts: IntArray, t: int, pair: int, currency: int) -> int:
    h = new_lot(lots, counts)
    lots[h, L_W] = 0
    lots[h, L_WE] = 0
    lots[h, L_BASE] = t
    lots[h, L_WN] = 0
    lots[h, L_PAIR] = pair
    lots[h, L_CUR] = currency
    return h


@maybe_njit(cache=True)
def _init_purchases(buys: IntArray, tx: IntArray, lo: int, hi: int, first: int) -> int:
    """The group's purchases from row `first`, and their sentinel; returns their count."""
    i = first
    for k in range(lo, hi):
        if tx[k, X_KIND] == BUY:
            buys[i, B_DATE] = tx[k, X_DAY]
            buys[i, B_TX] = tx[k, X_T]
            buys[i, B_IRA] = tx[k, X_IRA]
            buys[i, B_Q] = tx[k, X_Q]
            buys[i, B_QE] = tx[k, X_QE]
            buys[i, B_F] = tx[k, X_Q]
            buys[i, B_FE] = tx[k, X_QE]
            buys[i, B_LOT] = -1
            buys[i, B_NXT] = i
            buys[i, B_PH] = -1
            buys[i, B_PT] = -1
            buys[i, B_SPLITS] = 0
            i += 1
    buys[i, B_NXT] = i
    return i - first


@maybe_njit(cache=True)
def _room(table: np.ndarray, used: int, extra: int) -> np.ndarray:
    """`table`, or a copy with twice the rows (at least used + extra) when it has no room."""
    if used + extra <= table.shape[0]:
        return table
    grown = np.empty((max(2 * table.shape[0], used + extra), table.shape[1]), table.dtype)
    grown[:used] = table[:used]
    return grown


@maybe_njit(cache=True)
def _write_open(
    lots: IntArray,
    head: IntArray,
    counts: IntArray,
    pair: int,
    o64: IntArray,
    o32: np.ndarray,
    o8: np.ndarray,
) -> None:
    h = head[pair]
    while h != -1:
        r = next_row(counts, C_OPEN, o64.shape[0])
        o64[r, 0] = lots[h, L_Q]
        o64[r, 1] = lots[h, L_B]
        o64[r, 2] = lots[h, L_W]
        o32[r, 0] = lots[h, L_BASE]
        o32[r, 1] = lots[h, L_WN]
        o32[r, 2] = lots[h, L_ACQ]
        o8[r, 0] = lots[h, L_QE]
        o8[r, 1] = lots[h, L_BE]
        o8[r, 2] = lots[h, L_WE]
        h = lots[h, L_NEXT]


@maybe_njit(cache=True, nogil=True)
def run_ledger(
    tx: IntArray,
    group_start: IntArray,
    picks: IntArray,
    n_pairs: int,
    per_money: int,
    lots: IntArray,
    pending: IntArray,
    buys: IntArray,
    taken: IntArray,
    scratch: IntArray,
    r64: IntArray,
    r32: np.ndarray,
    r8: np.ndarray,
    w64: IntArray,
    w32: np.ndarray,
    w8: np.ndarray,
    o64: IntArray,
    o32: np.ndarray,
    o8: np.ndarray,
    t64: IntArray,
    t32: np.ndarray,
    t8: np.ndarray,
) -> tuple[np.ndarray, ...]:
    """The whole ledger (module doc). The tables come allocated (`tables` sizes them; numpy
    backs big ones with huge pages) and go back with the row counts, grown where they filled:
    `buys` needs a row per BUY plus one per group."""
    n_groups = group_start.shape[0] - 1
    head = np.full(n_pairs, -1, np.int64)
    tail = np.full(n_pairs, -1, np.int64)
    seen = np.zeros(n_pairs, np.bool_)
    pairs = np.empty(n_pairs, np.int64)
    counts = np.zeros(C_COLS, np.int64)
    first = 0
    for g in range(n_groups):
        lo = group_start[g]
        hi = group_start[g + 1]
        count = _init_purchases(buys, tx, lo, hi, first)
        booked = 0
        pairs_from = counts[C_PAIRS]
        lots_from = counts[C_LOTS]
        pending_from = counts[C_PENDING]
        for k in range(lo, hi):
            t = tx[k, X_T]
            # One transaction adds at most this many rows to any table: a disposal takes at
            # most the group's lots, washes each row once plus once per purchase it exhausts,
            # and splits off at most one lot per wash record; a buy applies its pending ones.
            room = counts[C_LOTS] - lots_from + count + counts[C_PENDING] - pending_from + 2
            if (
                counts[C_LOTS] + room > lots.shape[0]
                or room > taken.shape[0]
                or counts[C_PENDING] + room > pending.shape[0]
                or counts[C_REALIZED] + room > r64.shape[0]
                or counts[C_WASH] + room > w64.shape[0]
                or counts[C_MOVED] + room > t64.shape[0]
            ):
                lots = _room(lots, counts[C_LOTS], room)
                taken = _room(taken, 0, room)
                scratch = _room(scratch, 0, room)
                pending = _room(pending, counts[C_PENDING], room)
                r64 = _room(r64, counts[C_REALIZED], room)
                r32 = _room(r32, counts[C_REALIZED], room)
                r8 = _room(r8, counts[C_REALIZED], room)
                w64 = _room(w64, counts[C_WASH], room)
                w32 = _room(w32, counts[C_WASH], room)
                w8 = _room(w8, counts[C_WASH], room)
                t64 = _room(t64, counts[C_MOVED], room)
                t32 = _room(t32, counts[C_MOVED], room)
                t8 = _room(t8, counts[C_MOVED], room)
            p = tx[k, X_PAIR]
            if not seen[p]:
                seen[p] = True
                pairs[counts[C_PAIRS]] = p
                counts[C_PAIRS] += 1
            what = tx[k, X_KIND]
            q = tx[k, X_Q]
            q_e = tx[k, X_QE]
            if what == BUY:
                h = _open_lot(lots, counts, t, p, tx[k, X_CUR])
                lots[h, L_Q] = q
                lots[h, L_QE] = q_e
                cost = mul_checked(mul_checked(q, tx[k, X_P]), per_money)
                lots[h, L_B] = add_checked(cost, tx[k, X_F])
                lots[h, L_BE] = min(money_exp(q_e + tx[k, X_PE]), tx[k, X_FE])
                lots[h, L_ACQ] = tx[k, X_DAY]
                lots[h, L_PUR] = tx[k, X_DAY]
                lots[h, L_C] = q
                lots[h, L_CE] = q_e
                lots[h, L_BI] = first + booked
                link_after(lots, head, tail, p, tail[p], h)
                book(buys, lots, pending, head, tail, counts, first + booked, h)
                booked += 1
            elif what == SELL or what == TRANSFER_OUT:  # noqa: SIM109 (numba)
                disposal_rows(
                    lots, buys, pending, head, tail, counts, taken, scratch,
                    r64, r32, r8, w64, w32, w8, t64, t32, t8,
                    t, what == SELL, p, tx[k, X_IRA] != 0, tx[k, X_DAY], q, q_e,
                    tx[k, X_P], tx[k, X_PE], tx[k, X_F], tx[k, X_FE], tx[k, X_CUR],
                    tx[k, X_METHOD], picks, tx[k, X_PICK_LO], tx[k, X_PICK_HI], per_money,
                    first, count, booked,
                )  # fmt: skip
            elif what == SPLIT:
                _split(lots, head, p, tx[k, X_RATIO], tx[k, X_SHIFT], tx[k, X_RATIO_E])
            else:  # TRANSFER_IN
                start = tx[k, X_START]
                h = _open_lot(lots, counts, t, p, tx[k, X_CUR])
                lots[h, L_Q] = q
                lots[h, L_QE] = q_e
                lots[h, L_B] = mul_checked(mul_checked(q, tx[k, X_P]), per_money)
                lots[h, L_BE] = money_exp(q_e + tx[k, X_PE])
                lots[h, L_ACQ] = start
                lots[h, L_PUR] = start
                lots[h, L_C] = 0
                lots[h, L_CE] = 0
                lots[h, L_BI] = -1
                at = tail[p]
                while at != -1 and lots[at, L_PUR] > start:
                    at = lots[at, L_PREV]
                link_after(lots, head, tail, p, at, h)
        room = counts[C_LOTS] - lots_from + 1
        if counts[C_OPEN] + room > o64.shape[0]:
            o64 = _room(o64, counts[C_OPEN], room)
            o32 = _room(o32, counts[C_OPEN], room)
            o8 = _room(o8, counts[C_OPEN], room)
        for j in range(pairs_from, counts[C_PAIRS]):
            _write_open(lots, head, counts, pairs[j], o64, o32, o8)
        first += count + 1
    return (r64, r32, r8, w64, w32, w8, o64, o32, o8, t64, t32, t8, counts)
