"""Scalar kernels of the implied-volatility solver: the normalised Black problem.

After discounting and normalising (see `implied_vol`), every European option becomes an
out-of-the-money call on the normalised problem

    b(x, s) = Phi(x/s + s/2) e^{x/2} - Phi(x/s - s/2) e^{-x/2},   x = ln(F/K) <= 0,  s = vol sqrt(T)

with 0 < b < b_max = e^{x/2}. `solve_normalised` finds s with b(x, s) = beta following
the method of P. Jaeckel, "Let's Be Rational" (Wilmott, January 2015): a four-branch initial
guess (rational cubic interpolation of the asymptotic lower and upper maps and of s(b) between
the tangents at the inflection point s_c = sqrt(2|x|)), then third-order Householder steps on a
branch-dependent objective (1/ln b in the lowest branch, b itself in the middle ones,
ln(b_max - b) in the upper one). Every step stays inside a bracket that the iterations tighten;
a step that would leave it, or three direction reversals, falls back to bisection, so the
solver cannot diverge. The rational cubic is Delbourgo & Gregory (1985); the inverse normal CDF
is Wichura's AS241 (1988), accurate to about 1e-16.

`fill_implied_vols` runs the whole per-option pipeline (checks, normalisation, solve, reason
code) in one `prange` loop. Written from the published papers for Bulwark (numba `njit` when
BULWARK_NUMBA is not 0, plain Python otherwise: the same code on both paths). Everything the
parallel kernel calls lives in this one file on purpose: numba's on-disk cache of a function is
invalidated only when its own file changes, not when a callee in another file does.
"""

from __future__ import annotations

import math

import numpy as np
import numpy.typing as npt

from domain.jit import NUMBA_ENABLED, maybe_njit

if NUMBA_ENABLED:
    from numba import prange
else:
    prange = range  # type: ignore[misc]

FloatArray = npt.NDArray[np.float64]

DBL_EPSILON = 2.220446049250313e-16
DBL_MIN = 2.2250738585072014e-308
DBL_MAX = 1.7976931348623157e308
INV_SQRT_2 = 0.7071067811865475244008443621048490392848359376887
INV_SQRT_2PI = 0.3989422804014326779399460599343818684758586311649
SQRT_2PI = 2.506628274631000502415765284811045253006986740610
SQRT_3 = 1.732050807568877293527446341505872366942805253810
INV_SQRT_3 = 0.577350269189625764509148780501957455647601751270
TWO_PI = 6.283185307179586476925286766559005768394338798750
TWO_PI_OVER_SQRT_27 = 1.209199576156145233729385505094770488189377498728
PI_OVER_6 = 0.523598775598298873077107230546583814032861566563
SQRT_PI_OVER_2 = 1.253314137315500251207882642405522626503493370305
RC_MIN = -(1.0 - math.sqrt(DBL_EPSILON))  # smallest rational cubic control parameter
RC_MAX = 2.0 / (DBL_EPSILON * DBL_EPSILON)  # at or above: linear interpolation
STEP_TOLERANCE = 1e-7  # a Householder(3) step this small (relative) leaves ~1e-21 behind
MAX_ITERATIONS = 100  # Householder steps plus bisections; 2-3 are typical
MAX_VOL_ERROR_PER_ULP = 1e-6  # VEGA_TOO_SMALL above this relative vol move per price ulp
TINY_TIME_VALUE = DBL_MIN / DBL_EPSILON  # normalised time values below: no relative precision
# IVReason codes (implied_vol.IVReason), as plain ints for the kernels
_OK = 0
_EXPIRED = 1
_BELOW_INTRINSIC = 2
_ABOVE_UPPER_BOUND = 3
_VEGA_TOO_SMALL = 4
_NO_CONVERGENCE = 5
_INVALID_INPUT = 6


# ---------------------------------------------------------------- normal distribution


@maybe_njit(cache=True, error_model="numpy")
def norm_cdf(z: float) -> float:
    """Phi(z), relative accuracy kept in the lower tail (erfc)."""
    return 0.5 * math.erfc(-z * INV_SQRT_2)


@maybe_njit(cache=True, error_model="numpy")
def inverse_norm_cdf(u: float) -> float:
    """Phi^-1(u) by Wichura's AS241 (PPND16); -inf at 0, +inf at 1."""
    if u <= 0.0:
        return -math.inf
    if u >= 1.0:
        return math.inf
    q = u - 0.5
    if abs(q) <= 0.425:
        r = 0.180625 - q * q
        num = (((((((2.5090809287301226727e3 * r + 3.3430575583588128105e4) * r
                    + 6.7265770927008700853e4) * r + 4.5921953931549871457e4) * r
                  + 1.3731693765509461125e4) * r + 1.9715909503065514427e3) * r
                + 1.3314166789178437745e2) * r + 3.3871328727963666080e0)  # fmt: skip
        den = (((((((5.2264952788528545610e3 * r + 2.8729085735721942674e4) * r
                    + 3.9307895800092710610e4) * r + 2.1213794301586595867e4) * r
                  + 5.3941960214247511077e3) * r + 6.8718700749205790830e2) * r
                + 4.2313330701600911252e1) * r + 1.0)  # fmt: skip
        return q * num / den
    r = u if q < 0.0 else 1.0 - u
    r = math.sqrt(-math.log(r))
    if r <= 5.0:
        r -= 1.6
        num = (((((((7.74545014278341407640e-4 * r + 2.27238449892691845833e-2) * r
                    + 2.41780725177450611770e-1) * r + 1.27045825245236838258e0) * r
                  + 3.64784832476320460504e0) * r + 5.76949722146069140550e0) * r
                + 4.63033784615654529590e0) * r + 1.42343711074968357734e0)  # fmt: skip
        den = (((((((1.05075007164441684324e-9 * r + 5.47593808499534494600e-4) * r
                    + 1.51986665636164571966e-2) * r + 1.48103976427480074590e-1) * r
                  + 6.89767334985100004550e-1) * r + 1.67638483018380384940e0) * r
                + 2.05319162663775882187e0) * r + 1.0)  # fmt: skip
    else:
        r -= 5.0
        num = (((((((2.01033439929228813265e-7 * r + 2.71155556874348757815e-5) * r
                    + 1.24266094738807843860e-3) * r + 2.65321895265761230930e-2) * r
                  + 2.96560571828504891230e-1) * r + 1.78482653991729133580e0) * r
                + 5.46378491116411436990e0) * r + 6.65790464350110377720e0)  # fmt: skip
        den = (((((((2.04426310338993978564e-15 * r + 1.42151175831644588870e-7) * r
                    + 1.84631831751005468180e-5) * r + 7.86869131145613259100e-4) * r
                  + 1.48753612908506148525e-2) * r + 1.36929880922735805310e-1) * r
                + 5.99832206555887937690e-1) * r + 1.0)  # fmt: skip
    value = num / den
    return -value if q < 0.0 else value


# ---------------------------------------------------------------- the normalised Black call


@maybe_njit(cache=True, error_model="numpy")
def normalised_call(x: float, s: float, b_max: float, inv_b_max: float) -> float:
    """b(x, s) for x <= 0, s > 0; `b_max` = e^{x/2} and its inverse are passed in."""
    h = x / s
    t = 0.5 * s
    value = norm_cdf(h + t) * b_max - norm_cdf(h - t) * inv_b_max
    return value if value > 0.0 else 0.0


@maybe_njit(cache=True, error_model="numpy")
def normalised_vega(x: float, s: float) -> float:
    """db/ds = exp(-(x^2/s^2 + s^2/4) / 2) / sqrt(2 pi)."""
    h = x / s
    t = 0.5 * s
    return INV_SQRT_2PI * math.exp(-0.5 * (h * h + t * t))


@maybe_njit(cache=True, error_model="numpy")
def _inverse_vega(x: float, s: float) -> float:
    """1 / (db/ds), without a division."""
    h = x / s
    t = 0.5 * s
    return SQRT_2PI * math.exp(0.5 * (h * h + t * t))


# -------------------------------------------------- rational cubic (Delbourgo & Gregory, 1985)


@maybe_njit(cache=True, error_model="numpy")
def _rational_cubic(
    x: float, x_l: float, x_r: float, y_l: float, y_r: float, d_l: float, d_r: float, r: float
) -> float:
    h = x_r - x_l
    if abs(h) <= 0.0:
        return 0.5 * (y_l + y_r)
    t = (x - x_l) / h
    if r >= RC_MAX:
        return y_r * t + y_l * (1.0 - t)
    omt = 1.0 - t
    t2 = t * t
    omt2 = omt * omt
    numerator = (
        y_r * t2 * t
        + (r * y_r - h * d_r) * t2 * omt
        + (r * y_l + h * d_l) * t * omt2
        + y_l * omt2 * omt
    )
    return numerator / (1.0 + (r - 3.0) * t * omt)


@maybe_njit(cache=True, error_model="numpy")
def _minimum_control(d_l: float, d_r: float, slope: float, prefer_shape: bool) -> float:
    """The smallest control parameter keeping the interpolant monotone / convex (3.8, 3.18)."""
    monotonic = d_l * slope >= 0.0 and d_r * slope >= 0.0
    convex = d_l <= slope <= d_r
    concave = d_l >= slope >= d_r
    if not monotonic and not convex and not concave:
        return RC_MIN
    r1 = -DBL_MAX
    r2 = -DBL_MAX
    if monotonic:
        if abs(slope) >= DBL_MIN:
            r1 = (d_r + d_l) / slope
        elif prefer_shape:
            r1 = RC_MAX
    if convex or concave:
        if abs(slope - d_l) >= DBL_MIN and abs(d_r - slope) >= DBL_MIN:
            r2 = abs(d_r - d_l) / min(abs(d_r - slope), abs(slope - d_l))
        elif prefer_shape:
            r2 = RC_MAX
    elif monotonic and prefer_shape:
        r2 = RC_MAX
    return max(RC_MIN, max(r1, r2))


@maybe_njit(cache=True, error_model="numpy")
def _control_fit(
    x_l: float,
    x_r: float,
    y_l: float,
    y_r: float,
    d_l: float,
    d_r: float,
    second: float,
    right_side: bool,
    prefer_shape: bool,
) -> float:
    """Control parameter matching `second` (the 2nd derivative) at the right or left end,
    raised to the shape-preserving minimum."""
    h = x_r - x_l
    slope = (y_r - y_l) / h
    numerator = 0.5 * h * second + (d_r - d_l)
    denominator = (d_r - slope) if right_side else (slope - d_l)
    if abs(numerator) < DBL_MIN:
        r = 0.0
    elif abs(denominator) < DBL_MIN:
        r = RC_MAX if numerator > 0.0 else RC_MIN
    else:
        r = numerator / denominator
    return max(r, _minimum_control(d_l, d_r, slope, prefer_shape))


# ---------------------------------------------------------------- the initial guess


@maybe_njit(cache=True, error_model="numpy")
def _lower_map(x: float, s: float) -> tuple[float, float, float]:
    """f(s) = 2 pi |x| / sqrt(27) Phi(-|x| / (sqrt(3) s))^3 (the small-s asymptote of b) and
    its first two derivatives with respect to b."""
    ax = abs(x)
    z = INV_SQRT_3 * ax / s
    y = z * z
    s2 = s * s
    big_phi = norm_cdf(-z)
    small_phi = INV_SQRT_2PI * math.exp(-0.5 * y)
    fpp = (
        PI_OVER_6
        * y
        / (s2 * s)
        * big_phi
        * (8.0 * SQRT_3 * s * ax + (3.0 * s2 * (s2 - 8.0) - 8.0 * x * x) * big_phi / small_phi)
        * math.exp(2.0 * y + 0.25 * s2)
    )
    phi2 = big_phi * big_phi
    fp = TWO_PI * y * phi2 * math.exp(y + 0.125 * s2)
    f = TWO_PI_OVER_SQRT_27 * ax * phi2 * big_phi
    return f, fp, fpp


@maybe_njit(cache=True, error_model="numpy")
def _upper_map(x: float, s: float) -> tuple[float, float, float]:
    """f(s) = Phi(-s/2) (the large-s asymptote of b_max - b, halved) and its first two
    derivatives with respect to b."""
    w = (x / s) * (x / s)
    f = norm_cdf(-0.5 * s)
    fp = -0.5 * math.exp(0.5 * w)
    fpp = SQRT_PI_OVER_2 * math.exp(w + 0.125 * s * s) * w / s
    return f, fp, fpp


@maybe_njit(cache=True, error_model="numpy")
def _householder(newton: float, halley: float, hh3: float) -> float:
    """The third-order Householder step from newton = -g/g', halley = g''/g', hh3 = g'''/g'."""
    return newton * (1.0 + 0.5 * halley * newton) / (1.0 + newton * (halley + hh3 * newton / 6.0))


# ---------------------------------------------------------------- the solver

BRANCH_LOWER = 0  # objective 1/ln(b) - 1/ln(beta)
BRANCH_MIDDLE = 1  # objective b - beta
BRANCH_UPPER = 2  # objective ln(b_max - beta) - ln(b_max - b)


@maybe_njit(cache=True, error_model="numpy")
def solve_normalised(
    beta: float, x: float, b_max: float, inv_b_max: float, max_iterations: int
) -> tuple[float, bool, float]:
    """s > 0 with b(x, s) = beta, for x <= 0, b_max = e^{x/2} (and its inverse) and
    0 < beta < b_max; the flag is False when `max_iterations` ran out before a step fell below
    STEP_TOLERANCE (relative); the last value is db/ds at the last iterate but one (within the
    final tiny step of s)."""
    s_c = math.sqrt(-2.0 * x)
    b_c = 0.5 * b_max - norm_cdf(-s_c) * inv_b_max
    inv_v_c = SQRT_2PI * inv_b_max
    s_left = DBL_MIN
    s_right = math.inf
    branch = BRANCH_MIDDLE
    if beta < b_c:
        s_l = s_c - b_c * inv_v_c
        b_l = normalised_call(x, s_l, b_max, inv_b_max)
        if beta < b_l:
            f_l, fp_l, fpp_l = _lower_map(x, s_l)
            r = _control_fit(0.0, b_l, 0.0, f_l, 1.0, fp_l, fpp_l, True, True)
            f = _rational_cubic(beta, 0.0, b_l, 0.0, f_l, 1.0, fp_l, r)
            if not f > 0.0:  # round-off for extreme |x|: the quadratic through f(0)=0, f'(0)=1
                t = beta / b_l
                f = (f_l * t + b_l * (1.0 - t)) * t
            u = inverse_norm_cdf((f / (TWO_PI_OVER_SQRT_27 * -x)) ** (1.0 / 3.0))
            s = abs(x / (SQRT_3 * u))
            s_right = s_l
            branch = BRANCH_LOWER
        else:
            inv_v_l = _inverse_vega(x, s_l)
            r = _control_fit(b_l, b_c, s_l, s_c, inv_v_l, inv_v_c, 0.0, True, False)
            s = _rational_cubic(beta, b_l, b_c, s_l, s_c, inv_v_l, inv_v_c, r)
            s_left = s_l
            s_right = s_c
    else:
        s_h = s_c + (b_max - b_c) * inv_v_c
        b_h = normalised_call(x, s_h, b_max, inv_b_max)
        if beta <= b_h:
            inv_v_h = _inverse_vega(x, s_h)
            r = _control_fit(b_c, b_h, s_c, s_h, inv_v_c, inv_v_h, 0.0, False, False)
            s = _rational_cubic(beta, b_c, b_h, s_c, s_h, inv_v_c, inv_v_h, r)
            s_left = s_c
            s_right = s_h
        else:
            f_h, fp_h, fpp_h = _upper_map(x, s_h)
            f = -1.0
            if abs(fpp_h) < 1e150:
                r = _control_fit(b_h, b_max, f_h, 0.0, fp_h, -0.5, fpp_h, False, True)
                f = _rational_cubic(beta, b_h, b_max, f_h, 0.0, fp_h, -0.5, r)
            if f <= 0.0:  # the quadratic through f(b_h), f(b_max)=0, f'(b_max)=-1/2
                h = b_max - b_h
                t = (beta - b_h) / h
                f = (f_h * (1.0 - t) + 0.5 * h * t) * (1.0 - t)
            s = -2.0 * inverse_norm_cdf(f)
            s_left = s_h
            if beta > 0.5 * b_max:
                branch = BRANCH_UPPER
    return _iterate(beta, x, b_max, inv_b_max, s, s_left, s_right, branch, max_iterations)


@maybe_njit(cache=True, error_model="numpy")
def _iterate(
    beta: float,
    x: float,
    b_max: float,
    inv_b_max: float,
    s: float,
    s_left: float,
    s_right: float,
    branch: int,
    max_iterations: int,
) -> tuple[float, bool, float]:
    """Bracketed Householder(3) iterations from the guess `s` on the branch's objective."""
    ln_beta = math.log(beta) if branch == BRANCH_LOWER else -1.0
    inv_ln_beta = 1.0 / ln_beta
    ln_gap_beta = math.log(b_max - beta) if branch == BRANCH_UPPER else 0.0
    ds_previous = 0.0
    bp = 0.0
    reversals = 0
    for iteration in range(max_iterations):
        if iteration > 0 and (reversals >= 3 or not (s_left < s < s_right)):
            s = 0.5 * (s_left + s_right) if s_right < math.inf else 2.0 * s_left
            if s_right - s_left <= DBL_EPSILON * s:
                return s, True, normalised_vega(x, s)
            reversals = 0
            ds_previous = 0.0
        inv_s = 1.0 / s
        h = x * inv_s
        t = 0.5 * s
        b = norm_cdf(h + t) * b_max - norm_cdf(h - t) * inv_b_max
        b = b if b > 0.0 else 0.0
        bp = INV_SQRT_2PI * math.exp(-0.5 * (h * h + t * t))
        if b > beta and s < s_right:
            s_right = s
        elif b < beta and s > s_left:
            s_left = s
        h_over_s = h * inv_s
        b_halley = h * h_over_s - 0.5 * t  # b''/b' = x^2/s^3 - s/4
        b_hh3 = b_halley * b_halley - 3.0 * h_over_s * h_over_s - 0.25  # (d3b/ds3) / b'
        if branch == BRANCH_MIDDLE and bp > 0.0:
            ds = _householder((beta - b) / bp, b_halley, b_hh3)
        elif branch == BRANCH_LOWER and b > 0.0 and bp > 0.0 and b < 1.0:
            ln_b = math.log(b)
            inv_ln_b = 1.0 / ln_b
            bpob = bp / b
            newton = (ln_beta - ln_b) * ln_b * inv_ln_beta / bpob
            two = 1.0 + 2.0 * inv_ln_b
            halley = b_halley - bpob * two
            hh3 = (
                b_hh3
                + 2.0 * bpob * bpob * (1.0 + 3.0 * inv_ln_b * (1.0 + inv_ln_b))
                - 3.0 * b_halley * bpob * two
            )
            ds = _householder(newton, halley, hh3)
        elif branch == BRANCH_UPPER and b < b_max and bp > DBL_MIN:
            gap = b_max - b
            gp = bp / gap
            newton = (math.log(gap) - ln_gap_beta) / gp
            ds = _householder(newton, b_halley + gp, b_hh3 + gp * (2.0 * gp + 3.0 * b_halley))
        else:  # under- or overflow: bisect this once
            mid = 0.5 * (s_left + s_right) if s_right < math.inf else 2.0 * s_left
            ds = mid - s
        ds = max(-0.5 * s, ds)
        if ds * ds_previous < 0.0:
            reversals += 1
        ds_previous = ds
        s += ds
        if abs(ds) <= STEP_TOLERANCE * s:
            return s, True, bp
    return s, False, bp


# ---------------------------------------------------------------- one option, and all of them


@maybe_njit(cache=True, error_model="numpy")
def one_option(
    p: float, s: float, k: float, t: float, r: float, q: float, call: bool, max_iterations: int
) -> tuple[float, int]:
    """The implied volatility of one option and its reason code."""
    if not (
        math.isfinite(p)
        and math.isfinite(s)
        and math.isfinite(k)
        and math.isfinite(t)
        and math.isfinite(r)
        and math.isfinite(q)
    ):
        return math.nan, _INVALID_INPUT
    if s <= 0.0 or k <= 0.0 or p < 0.0:
        return math.nan, _INVALID_INPUT
    if t <= 0.0:
        return math.nan, _EXPIRED
    # Normalise: x = ln(F/K), beta = price / (Dr sqrt(F K)), e^{x/2} = S Dq / (Dr sqrt(F K)).
    x = math.log(s / k) + (r - q) * t
    norm = math.sqrt(s) * math.sqrt(k) * math.exp(-0.5 * (r + q) * t)
    beta = p / norm
    half = math.exp(0.5 * x)
    inverse_half = 1.0 / half
    if beta >= (half if call else inverse_half):  # call >= S Dq, put >= K Dr
        return math.nan, _ABOVE_UPPER_BOUND
    parity = half - inverse_half if call else inverse_half - half
    intrinsic = parity if parity > 0.0 else 0.0
    # rounding of e^{x/2} and of the normalisation grows with the size of their exponents
    rounding = DBL_EPSILON * (4.0 + 2.0 * (abs(x) + abs((r + q) * t)))
    if beta < intrinsic - rounding * (half + inverse_half):
        return math.nan, _BELOW_INTRINSIC
    # the price of an out-of-the-money call on -|x|; <= 0 within rounding of the intrinsic
    time_value = beta - intrinsic
    x_otm = -abs(x)
    b_max, inv_b_max = (half, inverse_half) if x <= 0.0 else (inverse_half, half)
    if not (time_value > TINY_TIME_VALUE and time_value < b_max):
        return math.nan, _VEGA_TOO_SMALL
    total, converged, vega = solve_normalised(time_value, x_otm, b_max, inv_b_max, max_iterations)
    if not converged or not (total > 0.0 and math.isfinite(total)):
        return math.nan, _NO_CONVERGENCE
    if DBL_EPSILON * beta > MAX_VOL_ERROR_PER_ULP * vega * total:  # vega * total = db/d ln s
        return math.nan, _VEGA_TOO_SMALL
    return total / math.sqrt(t), _OK


@maybe_njit(cache=True, parallel=True, error_model="numpy")
def fill_implied_vols(
    p: FloatArray,
    s: FloatArray,
    k: FloatArray,
    t: FloatArray,
    r: FloatArray,
    q: FloatArray,
    call: npt.NDArray[np.bool_],
    max_iterations: int,
    vol: FloatArray,
    reason: npt.NDArray[np.int8],
) -> None:
    """Fills `vol` and `reason` element by element (numba: in parallel)."""
    for i in prange(p.shape[0]):
        value, code = one_option(p[i], s[i], k[i], t[i], r[i], q[i], call[i], max_iterations)
        vol[i] = value
        reason[i] = code


@maybe_njit(cache=True, error_model="numpy")
def fill_implied_vols_serial(
    p: FloatArray,
    s: FloatArray,
    k: FloatArray,
    t: FloatArray,
    r: FloatArray,
    q: FloatArray,
    call: npt.NDArray[np.bool_],
    max_iterations: int,
    vol: FloatArray,
    reason: npt.NDArray[np.int8],
) -> None:
    """`fill_implied_vols` on the calling thread alone: for small batches, which gain
    microseconds from threads and can lose milliseconds waiting for one on a busy machine."""
    for i in range(p.shape[0]):
        value, code = one_option(p[i], s[i], k[i], t[i], r[i], q[i], call[i], max_iterations)
        vol[i] = value
        reason[i] = code
