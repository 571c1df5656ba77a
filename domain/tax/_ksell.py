"""Sales and transfers out in the tax kernel: engine._sell and engine._transfer_out.

Internal to domain/tax/_kernel.py. A disposal takes its lots (domain/tax/_ktake.py); a SELL
then writes one realized row per lot taken: the sale's fees pro rata by quantity (rounded to
10^-10, ties to even; the last row takes the remainder), proceeds = quantity x price - fee,
gain = proceeds - basis, a loss in a taxable account washed (domain/tax/_kwash.py) and the
disallowed part added back to the gain, the holding term of the lot's acquisition date; a
TRANSFER_OUT writes the lots taken, at their basis, to the moved table.
"""

from __future__ import annotations

from domain.jit import maybe_njit
from domain.tax._fixed import add_checked, is_long_term, mul_checked, mul_div_round
from domain.tax._kstate import (
    C_MOVED,
    C_REALIZED,
    L_BASE,
    L_WN,
    QUANTUM_EXP,
    IntArray,
    money_exp,
    next_row,
)
from domain.tax._ktake import T_ACQ, T_B, T_BE, T_LOT, T_Q, T_QE, T_W, T_WE, take
from domain.tax._kwash import wash, window


@maybe_njit(cache=True)
def disposal_rows(
    lots: IntArray,
    buys: IntArray,
    pending: IntArray,
    head: IntArray,
    tail: IntArray,
    counts: IntArray,
    taken: IntArray,
    scratch: IntArray,
    r64: IntArray,
    r32: IntArray,
    r8: IntArray,
    w64: IntArray,
    w32: IntArray,
    w8: IntArray,
    t64: IntArray,
    t32: IntArray,
    t8: IntArray,
    t: int,
    sale: bool,
    pair: int,
    ira: bool,
    day: int,
    quantity: int,
    quantity_e: int,
    price: int,
    price_e: int,
    fees: int,
    fees_e: int,
    currency: int,
    method: int,
    picks: IntArray,
    pick_lo: int,
    pick_hi: int,
    per_money: int,
    first: int,
    count: int,
    booked: int,
) -> None:
    """Transaction `t`, a SELL (`sale`) or a TRANSFER_OUT of `quantity` shares (module doc)."""
    n = take(
        lots, head, tail, taken, scratch, pair, currency, quantity, quantity_e, method,
        picks, pick_lo, pick_hi,
    )  # fmt: skip
    if not sale:
        for j in range(n):
            r = next_row(counts, C_MOVED, t64.shape[0])
            h = taken[j, T_LOT]
            t64[r, 0] = taken[j, T_Q]
            t64[r, 1] = taken[j, T_B]
            t64[r, 2] = taken[j, T_W]
            t32[r, 0] = lots[h, L_BASE]
            t32[r, 1] = lots[h, L_WN]
            t32[r, 2] = taken[j, T_ACQ]
            t8[r, 0] = taken[j, T_QE]
            t8[r, 1] = taken[j, T_BE]
            t8[r, 2] = taken[j, T_WE]
        return
    fees_left = fees
    fees_left_e = fees_e
    lo = hi = -1  # the wash window, found at the first loss row
    for j in range(n):
        h = taken[j, T_LOT]
        q = taken[j, T_Q]
        q_e = taken[j, T_QE]
        basis = taken[j, T_B]
        basis_e = taken[j, T_BE]
        acquired = taken[j, T_ACQ]
        if j == n - 1:
            fee = fees_left
            fee_e = fees_left_e
        elif fees != 0:
            fee = mul_div_round(fees, q, quantity)
            fee_e = QUANTUM_EXP
            fees_left -= fee
            fees_left_e = min(fees_left_e, QUANTUM_EXP)
        else:
            fee = 0
            fee_e = 0
        proceeds = mul_checked(mul_checked(q, price), per_money) - fee
        proceeds_e = min(money_exp(q_e + price_e), fee_e)
        gain = add_checked(proceeds, -basis)
        gain_e = min(proceeds_e, basis_e)
        disallowed = 0
        disallowed_e = 0
        if not ira and gain < 0:
            if lo == -1:
                lo, hi = window(buys, first, count, day)
            disallowed, disallowed_e = wash(
                buys, lots, pending, head, tail, counts, w64, w32, w8, first, booked, lo, hi,
                t, h, day, q, q_e, -gain, gain_e, acquired,
            )  # fmt: skip
            gain += disallowed
            gain_e = min(gain_e, disallowed_e)
        r = next_row(counts, C_REALIZED, r64.shape[0])
        r64[r, 0] = q
        r64[r, 1] = proceeds
        r64[r, 2] = basis
        r64[r, 3] = disallowed
        r64[r, 4] = gain
        r32[r, 0] = t
        r32[r, 1] = lots[h, L_BASE]
        r32[r, 2] = lots[h, L_WN]
        r32[r, 3] = acquired
        r8[r, 0] = q_e
        r8[r, 1] = proceeds_e
        r8[r, 2] = basis_e
        r8[r, 3] = disallowed_e
        r8[r, 4] = gain_e
        r8[r, 5] = 1 if is_long_term(acquired, day) else 0
