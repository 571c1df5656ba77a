"""exp, log and the normal CDF in plain float64 arithmetic, so numba loops over them vectorise.

Without Intel SVML, numba lowers `math.exp`, `math.log` and `math.erfc` to scalar libm calls,
which keeps LLVM from vectorising a loop (SIMD) around them. These versions are polynomials and
rational functions plus IEEE-754 bit manipulation only, branch-free (selects), so a `prange`
loop that inlines them runs 4 or 8 lanes at a time. Accuracy (checked in the unit tests against
the C library over wide ranges):

- `exp(x)`: Cody-Waite reduction x = k ln2 + r (|r| <= ln2/2) and the degree-13 Taylor
  polynomial of exp(r) (truncation < 5e-18 relative): within ~2 ulp. Returns 0 below -708.39
  (where the true value is subnormal, < 2.3e-308) and inf above 709.78.
- `log(x)` for normal positive x: x = 2^e m (m in [sqrt(1/2), sqrt(2))), log m = 2 atanh f with
  f = (m - 1)/(m + 1) by its odd series to f^23 (|f| <= 0.1716): within ~2 ulp.
- `norm_cdf(x, e)` = N(x), the standard normal CDF, given `e` = exp(-x^2/2) (the caller has
  it already for the density): W. J. Cody's / S. L. Moshier's (Cephes `ndtr`) rational
  approximations of erf for |x|/sqrt2 < 1 and of erfc above (two ranges split at 8), all
  three evaluated and the right one selected: ~1e-16 absolute, ~1e-14 relative in the tails.

With BULWARK_NUMBA=0 these are plain Python functions (bit casts through `struct`).
numba's on-disk cache keys on each caller's own source file only: after editing this module,
delete the callers' cached kernels (`__pycache__/*.nbi`, `*.nbc`) or they keep the old code.
"""

from __future__ import annotations

import math
import struct
from collections.abc import Callable
from typing import Any, cast

from domain.jit import NUMBA_ENABLED, maybe_njit

LOG2E = 1.4426950408889634
LN2_HI = 6.93147180369123816490e-01  # ln 2 split (fdlibm): LN2_HI * k is exact for |k| < 2^11
LN2_LO = 1.90821492927058770002e-10
EXP_MAX = 709.782712893384
EXP_MIN = -708.3964185322641  # ln(smallest normal double)
SQRT1_2 = 0.7071067811865476
SQRT2 = 1.4142135623730951
MANTISSA_MASK = (1 << 52) - 1
EXPONENT_ONE = 1023 << 52


def _bits_to_float_py(bits: int) -> float:
    """Reinterpret the 64 bits of an int64 as a float64 (plain Python)."""
    value: float = struct.unpack("<d", struct.pack("<q", bits))[0]
    return value


def _float_to_bits_py(value: float) -> int:
    """Reinterpret the 64 bits of a float64 as an int64 (plain Python)."""
    bits: int = struct.unpack("<q", struct.pack("<d", value))[0]
    return bits


bits_to_float: Callable[[int], float] = _bits_to_float_py
float_to_bits: Callable[[float], int] = _float_to_bits_py

if NUMBA_ENABLED:
    from numba.core import types
    from numba.extending import intrinsic

    def _bitcast(source: Any, target: Any) -> Any:
        """An intrinsic that reinterprets the 64 bits of a `source` value as a `target` one
        (an LLVM bitcast)."""

        def typer(typingctx: Any, value: Any) -> Any:
            def codegen(context: Any, builder: Any, signature: Any, args: Any) -> Any:
                return builder.bitcast(args[0], context.get_value_type(target))

            return target(source), codegen

        typer.__name__ = f"bitcast_{source}_to_{target}"
        return intrinsic(typer)

    _bits_to_float = _bitcast(types.int64, types.float64)
    _float_to_bits = _bitcast(types.float64, types.int64)

    bits_to_float = cast("Callable[[int], float]", _bits_to_float)
    float_to_bits = cast("Callable[[float], int]", _float_to_bits)


# exp(r) by its Taylor series to r^13: 1/13!, 1/12!, ..., 1/2, 1, 1
_EXP_TAYLOR = (
    1.0 / 6227020800.0,
    1.0 / 479001600.0,
    1.0 / 39916800.0,
    1.0 / 3628800.0,
    1.0 / 362880.0,
    1.0 / 40320.0,
    1.0 / 5040.0,
    1.0 / 720.0,
    1.0 / 120.0,
    1.0 / 24.0,
    1.0 / 6.0,
    0.5,
    1.0,
    1.0,
)
# 2 atanh f = 2 f + 2 f s S(s), s = f^2, S by its series: 1/23, 1/21, ..., 1/3
_ATANH_SERIES = (
    1.0 / 23.0,
    1.0 / 21.0,
    1.0 / 19.0,
    1.0 / 17.0,
    1.0 / 15.0,
    1.0 / 13.0,
    1.0 / 11.0,
    1.0 / 9.0,
    1.0 / 7.0,
    1.0 / 5.0,
    1.0 / 3.0,
)
# erf(z) = z T(z^2) / U(z^2) for |z| < 1 (U monic)
_ERF_T = (
    9.60497373987051638749e0,
    9.00260197203842689217e1,
    2.23200534594684319226e3,
    7.00332514112805075473e3,
    5.55923013010394962768e4,
)
_ERF_U = (
    3.35617141647503099647e1,
    5.21357949780152679795e2,
    4.59432382970980127987e3,
    2.26290000613890934246e4,
    4.92673942608635921086e4,
)
# erfc(a) = exp(-a^2) P(a) / Q(a) for 1 <= a < 8 (Q monic)
_ERFC_P = (
    2.46196981473530512524e-10,
    5.64189564831068821977e-1,
    7.46321056442269912687e0,
    4.86371970985681366614e1,
    1.96520832956077098242e2,
    5.26445194995477358631e2,
    9.34528527171957607540e2,
    1.02755188689515710272e3,
    5.57535335369399327526e2,
)
_ERFC_Q = (
    1.32281951154744992508e1,
    8.67072140885989742329e1,
    3.54937778887819891062e2,
    9.75708501743205489753e2,
    1.82390916687909736289e3,
    2.24633760818710981792e3,
    1.65666309194161350182e3,
    5.57535340817727675546e2,
)
# erfc(a) = exp(-a^2) R(a) / S(a) for a >= 8 (S monic)
_ERFC_R = (
    5.64189583547755073984e-1,
    1.27536670759978104416e0,
    5.01905042251180477414e0,
    6.16021097993053585195e0,
    7.40974269950448939160e0,
    2.97886665372100240670e0,
)
_ERFC_S = (
    2.26052863220117276590e0,
    9.39603524938001434673e0,
    1.20489539808096656605e1,
    1.70814450747565897222e1,
    9.60896809063285878198e0,
    3.36907645100081516050e0,
)


@maybe_njit(cache=True, inline="always", error_model="numpy")
def horner(x: float, coefficients: tuple[float, ...]) -> float:
    """c0 x^n + c1 x^(n-1) + ... + cn by Horner's rule, highest power first.

    The coefficients are a module constant: numba unrolls the loop, so the kernels that
    inline this still vectorise, with the same operations in the same order as written out.
    """
    value = coefficients[0]
    for c in coefficients[1:]:
        value = value * x + c
    return value


@maybe_njit(cache=True, inline="always", error_model="numpy")
def monic(x: float, coefficients: tuple[float, ...]) -> float:
    """x^(n+1) + c0 x^n + ... + cn: `horner` with a leading coefficient of 1."""
    value = x + coefficients[0]
    for c in coefficients[1:]:
        value = value * x + c
    return value


@maybe_njit(cache=True, inline="always", error_model="numpy")
def exp(x: float) -> float:
    """e**x, branch-free (see the module doc for range and accuracy)."""
    xc = min(max(x, EXP_MIN), EXP_MAX)
    k = math.floor(xc * LOG2E + 0.5)
    r = (xc - k * LN2_HI) - k * LN2_LO
    p = horner(r, _EXP_TAYLOR)
    # 2^k as a double: k in [-1022, 1024]; 2^1024 would overflow the exponent, so scale twice.
    half = int(k) >> 1
    scale_a = bits_to_float((half + 1023) << 52)
    scale_b = bits_to_float((int(k) - half + 1023) << 52)
    y = p * scale_a * scale_b
    y = 0.0 if x < EXP_MIN else y
    return math.inf if x > EXP_MAX else y


@maybe_njit(cache=True, inline="always", error_model="numpy")
def log(x: float) -> float:
    """Natural log of a positive normal double, branch-free (see the module doc)."""
    bits = float_to_bits(x)
    e = (bits >> 52) - 1023
    m = bits_to_float((bits & MANTISSA_MASK) | EXPONENT_ONE)  # in [1, 2)
    big = m > SQRT2
    m = 0.5 * m if big else m
    e = e + 1 if big else e
    f = (m - 1.0) / (m + 1.0)
    s = f * f
    series = horner(s, _ATANH_SERIES)
    ef = float(e)
    return ef * LN2_HI + (2.0 * f + 2.0 * f * s * series + ef * LN2_LO)


@maybe_njit(cache=True, inline="always", error_model="numpy")
def norm_cdf(x: float, gauss: float) -> float:
    """N(x) given gauss = exp(-x^2/2) (Cephes `ndtr` rational approximations, selected)."""
    z = x * SQRT1_2
    a = min(abs(z), 40.0)
    zz = min(z * z, 1.0)
    t = horner(zz, _ERF_T)
    u = monic(zz, _ERF_U)
    zc = min(max(z, -1.0), 1.0)
    p = horner(a, _ERFC_P)
    q = monic(a, _ERFC_Q)
    rr = horner(a, _ERFC_R)
    ss = monic(a, _ERFC_S)
    # one division: select the numerator and denominator first
    small = abs(z) < 1.0
    mid = a < 8.0
    numerator = zc * t if small else (p if mid else rr)
    denominator = u if small else (q if mid else ss)
    ratio = numerator / denominator
    inner = 0.5 + 0.5 * ratio  # 0.5 (1 + erf(z))
    tail = 0.5 * gauss * ratio  # N(-|x|) = erfc(|z|) / 2
    outer = 1.0 - tail if z > 0.0 else tail
    return inner if small else outer
