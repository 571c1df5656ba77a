"""Disposals in the tax kernel: which lots a sale or transfer out takes, and taking them.

Internal to domain/tax/_kernel.py. The Decimal engine's `lots.plan_disposal` and
`engine._take` step for step: FIFO walks the pair's list from the front, LIFO from the back,
HIFO in descending cost per share (basis / quantity compared exactly by cross products, which
orders as the engine's 34-digit quotients do for the kernel's magnitudes), ties in list order;
specific identification by the picks' lot ids (first appearance order, repeated ids merged).
A lot taken whole leaves its list; a partial take takes basis x q / Q (and the wash adjustment
likewise) rounded to 10^-10, ties to even. Anything the engine rejects (more shares than the
position, an unknown or oversized pick, SPECIFIC without picks, another currency) raises
ValueError here: the caller then runs the Decimal engine, which raises the engine's error.

`taken` rows (scratch, one per lot taken): lot, quantity, its exponent, basis taken, exponent,
wash adjustment taken, exponent, holding-period start (before any wash of this disposal).
"""

from __future__ import annotations

import numpy as np

from domain.jit import maybe_njit
from domain.tax._fixed import add_checked, compare_products
from domain.tax._kstate import (
    L_ACQ,
    L_B,
    L_BASE,
    L_BE,
    L_C,
    L_CE,
    L_CUR,
    L_NEXT,
    L_PREV,
    L_Q,
    L_QE,
    L_W,
    L_WE,
    L_WN,
    QUANTUM_EXP,
    IntArray,
    carve,
    unlink,
)

FIFO, LIFO, HIFO, SPECIFIC = 0, 1, 2, 3
T_LOT, T_Q, T_QE, T_B, T_BE, T_W, T_WE, T_ACQ = 0, 1, 2, 3, 4, 5, 6, 7
T_COLS = 8
_SHORT_SORT = 16


@maybe_njit(cache=True)
def _add(taken: IntArray, n: int, h: int, q: int, q_e: int) -> int:
    taken[n, T_LOT] = h
    taken[n, T_Q] = q
    taken[n, T_QE] = q_e
    return n + 1


@maybe_njit(cache=True)
def _walk(
    lots: IntArray, taken: IntArray, order: IntArray, k: int, quantity: int, quantity_e: int
) -> int:
    """plan_disposal's loop over the lots `order[:k]`: whole lots until one covers the rest."""
    need = quantity
    need_e = quantity_e
    n = 0
    for j in range(k):
        h = order[j, 0]
        have = lots[h, L_Q]
        if have >= need:
            return _add(taken, n, h, need, need_e)
        n = _add(taken, n, h, have, lots[h, L_QE])
        need -= have
        need_e = min(need_e, lots[h, L_QE])
    raise ValueError("disposal larger than the position")


@maybe_njit(cache=True)
def _walk_list(
    lots: IntArray, taken: IntArray, start: int, forward: bool, quantity: int, quantity_e: int
) -> int:
    """_walk over the pair's list itself, from the front (FIFO) or the back (LIFO)."""
    need = quantity
    need_e = quantity_e
    n = 0
    h = start
    while h != -1:
        have = lots[h, L_Q]
        if have >= need:
            return _add(taken, n, h, need, need_e)
        n = _add(taken, n, h, have, lots[h, L_QE])
        need -= have
        need_e = min(need_e, lots[h, L_QE])
        h = lots[h, L_NEXT] if forward else lots[h, L_PREV]
    raise ValueError("disposal larger than the position")


@maybe_njit(cache=True)
def _gather(lots: IntArray, start: int, forward: bool, order: IntArray) -> int:
    k = 0
    h = start
    while h != -1:
        order[k, 0] = h
        k += 1
        h = lots[h, L_NEXT] if forward else lots[h, L_PREV]
    return k


@maybe_njit(cache=True)
def _before(lots: IntArray, a: int, pa: int, b: int, pb: int) -> bool:
    """Lot a (list position pa) comes before lot b in HIFO order."""
    sign = compare_products(lots[a, L_B], lots[b, L_Q], lots[b, L_B], lots[a, L_Q])
    if sign != 0:
        return sign > 0
    return pa < pb


@maybe_njit(cache=True)
def _hifo(lots: IntArray, order: IntArray, k: int) -> None:
    """Sort `order[:k, 0]` (list order) by cost per share, highest first, ties in list order."""
    for j in range(k):
        if lots[order[j, 0], L_B] < 0:
            raise OverflowError("negative basis")
    if k < _SHORT_SORT:
        position = np.arange(k)
    else:
        keys = np.empty(k)
        for j in range(k):
            h = order[j, 0]
            keys[j] = -(float(lots[h, L_B]) / float(lots[h, L_Q]))
        position = np.argsort(keys, kind="mergesort")
    for j in range(1, k):  # insertion sort: exact, and cheap on the nearly sorted float order
        p = position[j]
        m = j
        while m > 0 and _before(lots, order[p, 0], p, order[position[m - 1], 0], position[m - 1]):
            position[m] = position[m - 1]
            m -= 1
        position[m] = p
    ordered = np.empty(k, np.int64)
    for j in range(k):
        ordered[j] = order[position[j], 0]
    order[:k, 0] = ordered


@maybe_njit(cache=True)
def _specific(
    lots: IntArray,
    head: IntArray,
    taken: IntArray,
    pair: int,
    quantity: int,
    picks: IntArray,
    lo: int,
    hi: int,
) -> int:
    """_plan_specific: picks (lot base, `:w` number, quantity, exponent) rows lo..hi-1."""
    n = 0
    total = 0
    for k in range(lo, hi):
        found = -1
        h = head[pair]
        while h != -1:
            if lots[h, L_BASE] == picks[k, 0] and lots[h, L_WN] == picks[k, 1]:
                found = h
            h = lots[h, L_NEXT]
        if found == -1:
            raise ValueError("no open lot with the picked id")
        q = picks[k, 2]
        if q <= 0:
            raise ValueError("lot quantities must be positive")
        j = 0
        while j < n and taken[j, T_LOT] != found:
            j += 1
        if j == n:
            now = q
            now_e = min(0, picks[k, 3])
            n += 1
        else:
            now = add_checked(taken[j, T_Q], q)
            now_e = min(taken[j, T_QE], picks[k, 3])
        if now > lots[found, L_Q]:
            raise ValueError("pick larger than its lot")
        _add(taken, j, found, now, now_e)
        total = add_checked(total, q)
    if total != quantity:
        raise ValueError("lot quantities must add up to the quantity")
    return n


@maybe_njit(cache=True)
def take(
    lots: IntArray,
    head: IntArray,
    tail: IntArray,
    taken: IntArray,
    order: IntArray,
    pair: int,
    currency: int,
    quantity: int,
    quantity_e: int,
    method: int,
    picks: IntArray,
    pick_lo: int,
    pick_hi: int,
) -> int:
    """engine._take: plan the disposal, consume the lots, fill `taken`; returns its rows."""
    if pick_hi > pick_lo:
        n = _specific(lots, head, taken, pair, quantity, picks, pick_lo, pick_hi)
    elif method == FIFO:
        n = _walk_list(lots, taken, head[pair], True, quantity, quantity_e)
    elif method == LIFO:
        n = _walk_list(lots, taken, tail[pair], False, quantity, quantity_e)
    elif method == HIFO:
        k = _gather(lots, head[pair], True, order)
        _hifo(lots, order, k)
        n = _walk(lots, taken, order, k, quantity, quantity_e)
    else:
        raise ValueError("specific identification needs lot_picks")
    for j in range(n):
        h = taken[j, T_LOT]
        q = taken[j, T_Q]
        if lots[h, L_CUR] != currency:
            raise ValueError("disposal in another currency than its lot")
        have = lots[h, L_Q]
        if q == have:
            taken[j, T_B] = lots[h, L_B]
            taken[j, T_BE] = lots[h, L_BE]
            taken[j, T_W] = lots[h, L_W]
            taken[j, T_WE] = lots[h, L_WE]
            lots[h, L_Q] = 0
            lots[h, L_QE] = 0
        else:
            basis, wash, wash_e = carve(lots, h, q, taken[j, T_QE])
            left = have - q
            if lots[h, L_C] > left:
                lots[h, L_C] = left
                lots[h, L_CE] = lots[h, L_QE]
            taken[j, T_B] = basis
            taken[j, T_BE] = QUANTUM_EXP
            taken[j, T_W] = wash
            taken[j, T_WE] = wash_e
        taken[j, T_ACQ] = lots[h, L_ACQ]
    for j in range(n):
        h = taken[j, T_LOT]
        if lots[h, L_Q] == 0:
            unlink(lots, head, tail, h)
    return n
