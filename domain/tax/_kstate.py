"""The tax kernel's working state: lots, purchases, pending wash adjustments, lot lists.

Internal to domain/tax/_kernel.py (see it for the whole picture). Every table is a 2-D int64
array, one row per item, columns named by the constants below; a Decimal of the engine is a
pair (value, exponent): the value an int64 in fixed point (money at 10^-10, quantities at the
run's quantity scale), the exponent the one the Decimal engine's result would carry, tracked by
Decimal's own rules (a sum takes the smaller exponent, a product their sum, `quantize` -10), so
the Decimals rebuilt from the columns are the engine's to the digit and the exponent.

Lot lists: one doubly linked list per (account, symbol) pair (`head`/`tail` per pair,
NEXT/PREV per lot), in the Decimal engine's list order. Capacity: the kernel makes room in
every table before each transaction (domain/tax/_kernel.py bounds what one can add); a write
past a table's end would raise BufferError, which the caller treats as "does not fit".
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from domain.jit import maybe_njit
from domain.tax._fixed import mul_div_round

IntArray = npt.NDArray[np.int64]

MONEY_EXP_MIN = -25  # below, a money Decimal's coefficient could pass 34 digits (module doc)
QTY_EXP_MIN = -20  # the same for quantities (scaled quantities stay below MAX_QTY)
EXP_MAX = 60
MAX_QTY = 10**14  # scaled quantities stay below: Decimal's 34 digits then round no differently
QUANTUM_EXP = -10  # BASIS_QUANTUM's exponent: what a pro-rata share of a basis is rounded to

# lots: one row per open (or emptied) lot
L_Q, L_QE = 0, 1  # quantity
L_B, L_BE = 2, 3  # cost basis (money)
L_ACQ, L_PUR = 4, 5  # holding-period start, purchase date (ordinals)
L_W, L_WE = 6, 7  # wash adjustment (money)
L_C, L_CE = 8, 9  # shares that may still absorb a wash-sale loss
L_BI = 10  # row of its purchase in the purchases table, -1 for a transferred-in lot
L_BASE, L_WN = 11, 12  # id: the transaction `BASE`, `:w<WN>` when WN > 0
L_PAIR, L_CUR = 13, 14  # (account, symbol) pair, currency code
L_NEXT, L_PREV = 15, 16  # neighbours in the pair's list (-1: none)
L_COLS = 17

# purchases (the BUYs of a group, in order) and a sentinel row after each group's
B_DATE, B_TX = 0, 1
B_IRA = 2
B_Q, B_QE = 3, 4  # the buy's quantity
B_F, B_FE = 5, 6  # shares not yet used as a replacement before it is booked (future_cap)
B_LOT = 7  # its open lot once booked (-1: not yet, or absorbed whole)
B_NXT = 8  # skip pointer over exhausted purchases
B_PH, B_PT = 9, 10  # pending adjustments: first, last (-1: none)
B_SPLITS = 11  # `:w<n>` ids handed out so far
B_COLS = 12

# pending adjustments of purchases not booked yet
P_NEXT = 0
P_Q, P_QE = 1, 2
P_D, P_DE = 3, 4  # disallowed loss
P_DAYS = 5
P_WN = 6  # 0: the whole purchase, else its split-off part `:w<n>`
P_COLS = 7

# counters
C_LOTS, C_REALIZED, C_WASH, C_OPEN, C_MOVED, C_PENDING, C_PAIRS = 0, 1, 2, 3, 4, 5, 6
C_COLS = 8


@maybe_njit(cache=True)
def money_exp(exponent: int) -> int:
    """`exponent` when a money Decimal with it keeps an exact coefficient, else OverflowError."""
    if exponent < MONEY_EXP_MIN or exponent > EXP_MAX:
        raise OverflowError("money exponent out of range")
    return exponent


@maybe_njit(cache=True)
def qty_exp(exponent: int) -> int:
    if exponent < QTY_EXP_MIN or exponent > EXP_MAX:
        raise OverflowError("quantity exponent out of range")
    return exponent


@maybe_njit(cache=True)
def next_row(counts: IntArray, table: int, rows: int) -> int:
    """The next row of a table of `rows` rows that `counts[table]` fills, now counted.

    BufferError when the table is full (room is made first: it never is).
    """
    r = int(counts[table])
    if r >= rows:
        raise BufferError("kernel table full")
    counts[table] = r + 1
    return r


@maybe_njit(cache=True)
def new_lot(lots: IntArray, counts: IntArray) -> int:
    """A fresh row of the lots table (BufferError when it is full)."""
    h = next_row(counts, C_LOTS, lots.shape[0])
    lots[h, L_NEXT] = -1
    lots[h, L_PREV] = -1
    return h


@maybe_njit(cache=True)
def link_after(lots: IntArray, head: IntArray, tail: IntArray, pair: int, at: int, h: int) -> None:
    """Put lot `h` after lot `at` of the pair's list (at the front when `at` is -1)."""
    if at == -1:
        first = head[pair]
        lots[h, L_PREV] = -1
        lots[h, L_NEXT] = first
        if first == -1:
            tail[pair] = h
        else:
            lots[first, L_PREV] = h
        head[pair] = h
        return
    after = lots[at, L_NEXT]
    lots[h, L_PREV] = at
    lots[h, L_NEXT] = after
    lots[at, L_NEXT] = h
    if after == -1:
        tail[pair] = h
    else:
        lots[after, L_PREV] = h


@maybe_njit(cache=True)
def unlink(lots: IntArray, head: IntArray, tail: IntArray, h: int) -> None:
    pair = lots[h, L_PAIR]
    before = lots[h, L_PREV]
    after = lots[h, L_NEXT]
    if before == -1:
        head[pair] = after
    else:
        lots[before, L_NEXT] = after
    if after == -1:
        tail[pair] = before
    else:
        lots[after, L_PREV] = before
    lots[h, L_NEXT] = -1
    lots[h, L_PREV] = -1


@maybe_njit(cache=True)
def carve(lots: IntArray, h: int, q: int, q_e: int) -> tuple[int, int, int]:
    """`q` of lot `h`'s shares (fewer than it holds) leave it with their share of its basis
    and wash adjustment, each rounded to BASIS_QUANTUM (the Decimal engine's pro-rata split:
    engine._take, wash_sales.absorb). Returns (basis, wash, wash exponent) taken; the basis
    taken has the exponent QUANTUM_EXP, a wash of 0 the exponent 0."""
    have = lots[h, L_Q]
    basis = mul_div_round(lots[h, L_B], q, have)
    wash = 0
    wash_e = 0
    if lots[h, L_W] != 0:
        wash = mul_div_round(lots[h, L_W], q, have)
        wash_e = QUANTUM_EXP
        lots[h, L_W] -= wash
        lots[h, L_WE] = min(lots[h, L_WE], QUANTUM_EXP)
    lots[h, L_B] -= basis
    lots[h, L_BE] = min(lots[h, L_BE], QUANTUM_EXP)
    lots[h, L_Q] = have - q
    lots[h, L_QE] = min(lots[h, L_QE], q_e)
    return basis, wash, wash_e
