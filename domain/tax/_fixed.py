"""Exact integer helpers of the tax kernel (domain/tax/_kernel.py): fixed-point money and
quantities in int64, with the few products that need 128 bits, and calendar dates as ordinals.

Conventions: a value is an int64 count of units of 10^-scale (money: 10^-10 = the engine's
BASIS_QUANTUM; quantities and prices: a per-run scale, domain/tax/fast_engine.py). Every value
the kernel keeps stays below LIMIT = 2^62 in magnitude, so the sum or difference of two of them
never wraps; a result at or beyond it raises OverflowError (the caller then runs the Decimal
engine). `mul_div_round(a, b, c)` is round(a x b / c) to the nearest unit, ties to even (Python's
ROUND_HALF_EVEN), exact for any |a| < 2^63 and 0 <= b <= c < 2^63 through a 64x64->128-bit
product and a 128/64-bit division (Hacker's Delight, `divlu`). Dates: Python's proleptic
Gregorian ordinals (`date.toordinal()`, 0001-01-01 = 1).

numba on (`BULWARK_NUMBA` not 0): the helpers are compiled (`cache=True`) and called from the
kernel; off: plain-Python twins with Python's unbounded ints and the same results and errors.
"""

from __future__ import annotations

import numpy as np

from domain.jit import NUMBA_ENABLED, maybe_njit

LIMIT = 1 << 62  # |value| bound of every fixed-point number the kernel keeps
LIMIT_F = float(LIMIT) * (1.0 - 2.0**-40)  # float products below this are below LIMIT exactly
_ORDINAL_1970 = 719163  # date(1970, 1, 1).toordinal()
_EPOCH_SHIFT = 719468  # days from 0000-03-01 to 1970-01-01 (Hinnant's civil-date algorithms)

_M32 = np.uint64(0xFFFFFFFF)
_S32 = np.uint64(32)
_U0 = np.uint64(0)
_U1 = np.uint64(1)
_U64 = np.uint64(64)
_B32 = np.uint64(1 << 32)


@maybe_njit(cache=True)
def _nlz64(x: np.uint64) -> np.uint64:
    """Leading zero bits of a non-zero uint64."""
    n = _U0
    if x <= np.uint64(0x00000000FFFFFFFF):
        n += np.uint64(32)
        x = x << np.uint64(32)
    if x <= np.uint64(0x0000FFFFFFFFFFFF):
        n += np.uint64(16)
        x = x << np.uint64(16)
    if x <= np.uint64(0x00FFFFFFFFFFFFFF):
        n += np.uint64(8)
        x = x << np.uint64(8)
    if x <= np.uint64(0x0FFFFFFFFFFFFFFF):
        n += np.uint64(4)
        x = x << np.uint64(4)
    if x <= np.uint64(0x3FFFFFFFFFFFFFFF):
        n += np.uint64(2)
        x = x << np.uint64(2)
    if x <= np.uint64(0x7FFFFFFFFFFFFFFF):
        n += _U1
    return n


@maybe_njit(cache=True)
def mul_wide(a: np.uint64, b: np.uint64) -> tuple[np.uint64, np.uint64]:
    """The 128-bit product of two uint64: (high, low) words."""
    a0 = a & _M32
    a1 = a >> _S32
    b0 = b & _M32
    b1 = b >> _S32
    p00 = a0 * b0
    p01 = a0 * b1
    p10 = a1 * b0
    p11 = a1 * b1
    mid = (p00 >> _S32) + (p01 & _M32) + (p10 & _M32)
    low = (p00 & _M32) | (mid << _S32)
    high = p11 + (p01 >> _S32) + (p10 >> _S32) + (mid >> _S32)
    return high, low


@maybe_njit(cache=True)
def div_wide(u1: np.uint64, u0: np.uint64, v: np.uint64) -> tuple[np.uint64, np.uint64]:
    """(u1 x 2^64 + u0) divided by v: (quotient, remainder); needs u1 < v (the quotient fits
    64 bits). Hacker's Delight, 2nd ed., figure 9-3 (`divlu`), on 32-bit digits."""
    s = _nlz64(v)
    v = v << s
    vn1 = v >> _S32
    vn0 = v & _M32
    un32 = (u1 << s) | (u0 >> (_U64 - s)) if s > _U0 else u1
    un10 = u0 << s
    un1 = un10 >> _S32
    un0 = un10 & _M32
    q1 = un32 // vn1
    rhat = un32 - q1 * vn1
    while q1 >= _B32 or q1 * vn0 > _B32 * rhat + un1:
        q1 -= _U1
        rhat += vn1
        if rhat >= _B32:
            break
    un21 = un32 * _B32 + un1 - q1 * v
    q0 = un21 // vn1
    rhat = un21 - q0 * vn1
    while q0 >= _B32 or q0 * vn0 > _B32 * rhat + un0:
        q0 -= _U1
        rhat += vn1
        if rhat >= _B32:
            break
    remainder = (un21 * _B32 + un0 - q0 * v) >> s
    return q1 * _B32 + q0, remainder


@maybe_njit(cache=True)
def _mul_div_round_jit(a: int, b: int, c: int) -> int:
    negative = a < 0
    ua = -a if negative else a
    if float(ua) * float(b) < LIMIT_F:
        product = ua * b
        q = product // c
        r = product - q * c
    else:
        high, low = mul_wide(np.uint64(ua), np.uint64(b))
        uq, ur = div_wide(high, low, np.uint64(c))
        q = int(np.int64(uq))
        r = int(np.int64(ur))
    rest = c - r
    if r > rest or (r == rest and (q & 1) == 1):
        q += 1
    return -q if negative else q


def _mul_div_round_py(a: int, b: int, c: int) -> int:
    a, b, c = int(a), int(b), int(c)
    negative = a < 0
    q, r = divmod((-a if negative else a) * b, c)
    rest = c - r
    if r > rest or (r == rest and q & 1):
        q += 1
    return -q if negative else q


@maybe_njit(cache=True)
def _mul_checked_jit(a: int, b: int) -> int:
    if abs(float(a) * float(b)) >= LIMIT_F:
        raise OverflowError("fixed-point product out of range")
    return a * b


def _mul_checked_py(a: int, b: int) -> int:
    product = int(a) * int(b)
    if abs(float(a) * float(b)) >= LIMIT_F:
        raise OverflowError("fixed-point product out of range")
    return product


@maybe_njit(cache=True)
def _add_checked_jit(a: int, b: int) -> int:
    total = a + b
    if total >= LIMIT or total <= -LIMIT:
        raise OverflowError("fixed-point sum out of range")
    return total


def _add_checked_py(a: int, b: int) -> int:
    total = int(a) + int(b)
    if total >= LIMIT or total <= -LIMIT:
        raise OverflowError("fixed-point sum out of range")
    return total


@maybe_njit(cache=True)
def _compare_products_jit(a: int, b: int, c: int, d: int) -> int:
    """The sign of a x b - c x d for 0 <= a, b, c, d < 2^63."""
    x = float(a) * float(b)
    y = float(c) * float(d)
    if x < LIMIT_F and y < LIMIT_F:
        p = a * b
        q = c * d
        return 1 if p > q else (-1 if p < q else 0)
    ph, pl = mul_wide(np.uint64(a), np.uint64(b))
    qh, ql = mul_wide(np.uint64(c), np.uint64(d))
    if ph != qh:
        return 1 if ph > qh else -1
    if pl != ql:
        return 1 if pl > ql else -1
    return 0


def _compare_products_py(a: int, b: int, c: int, d: int) -> int:
    p = int(a) * int(b)
    q = int(c) * int(d)
    return 1 if p > q else (-1 if p < q else 0)


if NUMBA_ENABLED:
    mul_div_round = _mul_div_round_jit
    mul_checked = _mul_checked_jit
    add_checked = _add_checked_jit
    compare_products = _compare_products_jit
else:
    mul_div_round = _mul_div_round_py
    mul_checked = _mul_checked_py
    add_checked = _add_checked_py
    compare_products = _compare_products_py


@maybe_njit(cache=True)
def ymd_of(ordinal: int) -> tuple[int, int, int]:
    """(year, month, day) of a proleptic Gregorian ordinal (Hinnant, `civil_from_days`)."""
    z = ordinal - _ORDINAL_1970 + _EPOCH_SHIFT
    era = z // 146097
    doe = z - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    day = doy - (153 * mp + 2) // 5 + 1
    month = mp + 3 if mp < 10 else mp - 9
    year = yoe + era * 400 + (1 if month <= 2 else 0)
    return year, month, day


@maybe_njit(cache=True)
def ordinal_of(year: int, month: int, day: int) -> int:
    """The proleptic Gregorian ordinal of a date (Hinnant, `days_from_civil`)."""
    y = year - 1 if month <= 2 else year
    era = y // 400
    yoe = y - era * 400
    doy = (153 * (month - 3 if month > 2 else month + 9) + 2) // 5 + day - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - _EPOCH_SHIFT + _ORDINAL_1970


@maybe_njit(cache=True)
def is_long_term(acquired: int, sold: int) -> bool:
    """domain.tax.holding.holding_term on ordinals: LONG iff sold after the first anniversary
    of acquired (an acquisition on February 29 has its anniversary on February 28)."""
    held = sold - acquired
    if held <= 365:
        return False
    if held > 366:
        return True
    year, month, day = ymd_of(acquired)
    if month == 2 and day == 29:
        return sold > ordinal_of(year + 1, 2, 28)
    return sold > ordinal_of(year + 1, month, day)
