"""Wash sales in the tax kernel: domain.tax.wash_sales.ReplacementIndex over integer tables.

Internal to domain/tax/_kernel.py. The same rules and the same steps as the Decimal engine's
`ReplacementIndex.wash`, `.book` and `absorb` (read them first): purchases of a group in date
order, the window by binary search, exhausted purchases skipped by path-compressed pointers,
look-ahead adjustments kept pending until their purchase is booked, a partly washed lot split
off as `<id>:w<n>` just before it, IRA replacements permanent. The group's purchases are rows
`first .. first + count - 1` of the purchases table; row `first + count` is its sentinel.
"""

from __future__ import annotations

from domain.jit import maybe_njit
from domain.tax._fixed import add_checked, mul_div_round
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
    B_SPLITS,
    B_TX,
    C_PENDING,
    C_WASH,
    L_ACQ,
    L_B,
    L_BASE,
    L_BE,
    L_BI,
    L_C,
    L_CE,
    L_CUR,
    L_PAIR,
    L_PREV,
    L_PUR,
    L_Q,
    L_QE,
    L_W,
    L_WE,
    L_WN,
    P_D,
    P_DAYS,
    P_DE,
    P_NEXT,
    P_Q,
    P_QE,
    P_WN,
    QUANTUM_EXP,
    IntArray,
    carve,
    link_after,
    new_lot,
    next_row,
)

WINDOW_DAYS = 30


@maybe_njit(cache=True)
def find(buys: IntArray, i: int) -> int:
    """The first purchase at or after row `i` not known to be exhausted (path compression)."""
    root = i
    while buys[root, B_NXT] != root:
        root = buys[root, B_NXT]
    while buys[i, B_NXT] != root:
        following = buys[i, B_NXT]
        buys[i, B_NXT] = root
        i = following
    return root


@maybe_njit(cache=True)
def _bisect(buys: IntArray, lo: int, hi: int, day: int, right: bool) -> int:
    """bisect_left (right: bisect_right) of `day` in the purchase dates of rows lo..hi-1."""
    while lo < hi:
        mid = (lo + hi) // 2
        if buys[mid, B_DATE] < day or (right and buys[mid, B_DATE] == day):
            lo = mid + 1
        else:
            hi = mid
    return lo


@maybe_njit(cache=True)
def window(buys: IntArray, first: int, count: int, sold_on: int) -> tuple[int, int]:
    """The rows of the group's purchases bought 30 days before through 30 days after
    `sold_on` (both included): lo .. hi - 1."""
    lo = _bisect(buys, first, first + count, sold_on - WINDOW_DAYS, False)
    return lo, _bisect(buys, lo, first + count, sold_on + WINDOW_DAYS, True)


@maybe_njit(cache=True)
def absorb(
    lots: IntArray,
    head: IntArray,
    tail: IntArray,
    counts: IntArray,
    h: int,
    q: int,
    q_e: int,
    amount: int,
    amount_e: int,
    days: int,
    split: int,
) -> int:
    """wash_sales.absorb: `q` unwashed shares of lot `h` take `amount` and `days`; the whole
    lot in place (split 0: its id kept; else renamed `:w<split>`), else a part split off as
    `:w<split>` before it. Returns the `:w` number of the lot that absorbed (0: none)."""
    if split == 0 or q == lots[h, L_Q]:
        lots[h, L_B] = add_checked(lots[h, L_B], amount)
        lots[h, L_BE] = min(lots[h, L_BE], amount_e)
        lots[h, L_W] = add_checked(lots[h, L_W], amount)
        lots[h, L_WE] = min(lots[h, L_WE], amount_e)
        lots[h, L_ACQ] -= days
        if lots[h, L_ACQ] < 1:
            raise OverflowError("holding period start before year 1")
        lots[h, L_C] = 0
        lots[h, L_CE] = 0
        if split != 0:
            lots[h, L_WN] = split
        return int(lots[h, L_WN])
    taken, wash_taken, wash_taken_e = carve(lots, h, q, q_e)
    lots[h, L_C] -= q
    lots[h, L_CE] = min(lots[h, L_CE], q_e)
    part = new_lot(lots, counts)
    lots[part, L_Q] = q
    lots[part, L_QE] = q_e
    lots[part, L_B] = add_checked(taken, amount)
    lots[part, L_BE] = min(QUANTUM_EXP, amount_e)
    lots[part, L_ACQ] = lots[h, L_ACQ] - days
    if lots[part, L_ACQ] < 1:
        raise OverflowError("holding period start before year 1")
    lots[part, L_PUR] = lots[h, L_PUR]
    lots[part, L_W] = add_checked(wash_taken, amount)
    lots[part, L_WE] = min(wash_taken_e, amount_e)
    lots[part, L_C] = 0
    lots[part, L_CE] = 0
    lots[part, L_BI] = lots[h, L_BI]
    lots[part, L_BASE] = lots[h, L_BASE]
    lots[part, L_WN] = split
    lots[part, L_PAIR] = lots[h, L_PAIR]
    lots[part, L_CUR] = lots[h, L_CUR]
    link_after(lots, head, tail, lots[h, L_PAIR], lots[h, L_PREV], part)
    return split


@maybe_njit(cache=True)
def _split_number(buys: IntArray, i: int) -> int:
    buys[i, B_SPLITS] += 1
    return int(buys[i, B_SPLITS])


@maybe_njit(cache=True)
def wash(
    buys: IntArray,
    lots: IntArray,
    pending: IntArray,
    head: IntArray,
    tail: IntArray,
    counts: IntArray,
    w64: IntArray,
    w32: IntArray,
    w8: IntArray,
    first: int,
    booked: int,
    lo: int,
    hi: int,
    sale: int,
    sold: int,
    sold_on: int,
    q: int,
    q_e: int,
    loss: int,
    loss_e: int,
    acquired: int,
) -> tuple[int, int]:
    """ReplacementIndex.wash for a loss row (`q` shares of lot `sold`, loss > 0): apply the
    adjustments, write the wash records, return the disallowed total (value, exponent).
    `booked`: purchases booked so far in the group; `lo`..`hi`: the window's purchases
    (`window`)."""
    i = lo if buys[lo, B_NXT] == lo else find(buys, lo)
    if i >= hi:
        return 0, 0
    booked_upto = first + booked
    need = q
    need_e = q_e
    total = 0
    total_e = 0
    days = sold_on - acquired
    own = lots[sold, L_BI]
    while i < hi:
        if i == own:
            i += 1
            if buys[i, B_NXT] != i:
                i = find(buys, i)
            continue
        lot = buys[i, B_LOT]
        if lot != -1:
            avail = lots[lot, L_C]
            avail_e = lots[lot, L_CE]
            if lots[lot, L_Q] < avail:
                avail = lots[lot, L_Q]
                avail_e = lots[lot, L_QE]
        elif i < booked_upto:
            avail = 0
            avail_e = 0
        else:
            avail = buys[i, B_F]
            avail_e = buys[i, B_FE]
        if avail <= 0:
            buys[i, B_NXT] = i + 1
            i += 1
            if buys[i, B_NXT] != i:
                i = find(buys, i)
            continue
        if avail < need:
            m = avail
            m_e = avail_e
        else:
            m = need
            m_e = need_e
        need -= m
        need_e = min(need_e, m_e)
        if need != 0:
            amount = mul_div_round(loss, m, q)
            amount_e = QUANTUM_EXP
        else:
            amount = loss - total
            amount_e = min(loss_e, total_e)
        total += amount
        total_e = min(total_e, amount_e)
        permanent = buys[i, B_IRA] != 0
        target_wn = 0
        if lot != -1:
            if permanent:
                lots[lot, L_C] -= m
                lots[lot, L_CE] = min(lots[lot, L_CE], m_e)
                target_wn = lots[lot, L_WN]
            elif m == lots[lot, L_Q]:
                target_wn = absorb(lots, head, tail, counts, lot, m, m_e, amount, amount_e, days, 0)
                buys[i, B_LOT] = -1
            else:
                split = _split_number(buys, i)
                target_wn = absorb(
                    lots, head, tail, counts, lot, m, m_e, amount, amount_e, days, split
                )
        else:
            buys[i, B_F] -= m
            buys[i, B_FE] = min(buys[i, B_FE], m_e)
            if not permanent:
                if m != buys[i, B_Q]:
                    target_wn = _split_number(buys, i)
                _add_pending(buys, pending, counts, i, m, m_e, amount, amount_e, days, target_wn)
        r = next_row(counts, C_WASH, w64.shape[0])
        w64[r, 0] = m
        w64[r, 1] = amount
        w32[r, 0] = sale
        w32[r, 1] = lots[sold, L_BASE]
        w32[r, 2] = lots[sold, L_WN]
        w32[r, 3] = buys[i, B_TX]
        w32[r, 4] = target_wn
        w32[r, 5] = 0 if permanent else days
        w8[r, 0] = m_e
        w8[r, 1] = amount_e
        w8[r, 2] = 1 if permanent else 0
        if need == 0:
            break
    return total, total_e


@maybe_njit(cache=True)
def _add_pending(
    buys: IntArray,
    pending: IntArray,
    counts: IntArray,
    i: int,
    m: int,
    m_e: int,
    amount: int,
    amount_e: int,
    days: int,
    wn: int,
) -> None:
    p = next_row(counts, C_PENDING, pending.shape[0])
    pending[p, P_NEXT] = -1
    pending[p, P_Q] = m
    pending[p, P_QE] = m_e
    pending[p, P_D] = amount
    pending[p, P_DE] = amount_e
    pending[p, P_DAYS] = days
    pending[p, P_WN] = wn
    if buys[i, B_PT] == -1:
        buys[i, B_PH] = p
    else:
        pending[buys[i, B_PT], P_NEXT] = p
    buys[i, B_PT] = p


@maybe_njit(cache=True)
def book(
    buys: IntArray,
    lots: IntArray,
    pending: IntArray,
    head: IntArray,
    tail: IntArray,
    counts: IntArray,
    i: int,
    h: int,
) -> None:
    """ReplacementIndex.book: purchase row `i` is booked as lot `h`; apply what waited for it."""
    p = buys[i, B_PH]
    if p != -1:
        lots[h, L_C] = lots[h, L_Q]
        lots[h, L_CE] = lots[h, L_QE]
        while p != -1:
            split = 0 if pending[p, P_WN] == lots[h, L_WN] else pending[p, P_WN]
            absorb(
                lots,
                head,
                tail,
                counts,
                h,
                pending[p, P_Q],
                pending[p, P_QE],
                pending[p, P_D],
                pending[p, P_DE],
                pending[p, P_DAYS],
                split,
            )
            p = pending[p, P_NEXT]
        buys[i, B_PH] = -1
        buys[i, B_PT] = -1
    lots[h, L_C] = buys[i, B_F]
    lots[h, L_CE] = buys[i, B_FE]
    buys[i, B_LOT] = h
