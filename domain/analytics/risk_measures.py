"""Value at Risk, expected shortfall and tail index of a P&L or return sample.

Conventions, named here and in every docstring:
- Input: a one-dimensional sample of P&L amounts or of returns (any unit; gains positive,
  losses negative), converted to a float64 NumPy array. Empty samples, NaN or infinite
  values are rejected with ValueError.
- Output: losses are reported as positive numbers, in the unit of the input (currency for
  P&L, a fraction for returns). A negative VaR means that even the tail outcome is a gain.
- Confidence `c` is a float strictly inside (0, 1), e.g. 0.95 or 0.99; the tail probability
  is 1 - c.
- Historical VaR (no interpolation): with the n outcomes sorted from worst to best and
  k = ceil(n * (1 - c)) (at least 1; 1e-9 is taken off n * (1 - c) before the ceiling so
  that 100 * (1 - 0.95) = 5.000000000000004 counts as 5), VaR is the loss of the k-th worst
  outcome. Historical CVaR (expected shortfall) is the mean loss of those k worst outcomes,
  so CVaR >= VaR always.
- Linear-quantile historical VaR (the convention the risk rules' portfolio-risk has always
  documented and keeps): the `c` quantile of the losses -outcome with linear interpolation
  between order statistics (numpy's default, Hyndman-Fan type 7: position c * (n - 1) in the
  ascending losses), and CVaR the mean of the losses at or beyond that VaR (clamped into
  [VaR, worst loss] against float rounding). Both conventions agree whenever
  c * (n - 1) = n - k (for example n = 101, 201, ... at 95% and 99%) and the tail has no ties.
- Parametric normal: VaR = -(mu + z_(1-c) * sigma) = z_c * sigma - mu, with z from the
  inverse standard normal (statistics.NormalDist; scipy is not a dependency);
  CVaR = sigma * phi(z_c) / (1 - c) - mu. From a sample, mu is the mean and sigma the
  sample standard deviation (n - 1).
- Cornish-Fisher: the left quantile z = z_(1-c) is replaced by
  z + (z^2 - 1) S / 6 + (z^3 - 3 z) K / 24 - (2 z^3 - 5 z) S^2 / 36, S the skewness and
  K the excess kurtosis (from a sample: the biased moment estimators m3 / m2^1.5 and
  m4 / m2^2 - 3); with S = K = 0 it is the parametric normal VaR exactly.
- Cornish-Fisher CVaR: the mean of the Cornish-Fisher quantile over the tail,
  -(mean + std * (1 / a) * integral_0^a z_cf(p) dp) with a = 1 - c, in closed form from the
  truncated normal moments (see cornish_fisher_cvar); with S = K = 0 it is the normal CVaR.
  The expansion is only trustworthy for moderate S and K (it stops being monotone in p when
  they are large); it is a correction to the normal, not a fitted distribution.
- Horizon scaling: VaR_h = VaR_1 * sqrt(h) (square root of time). It assumes independent,
  identically distributed one-period outcomes with zero mean that add up over the horizon
  (log returns or P&L, constant positions); it is exact for i.i.d. normal zero-mean
  outcomes and only an approximation otherwise (fat tails, autocorrelation, drift).
- Hill tail index: with the positive losses sorted in decreasing order L_(1) >= L_(2) >= ...,
  xi = (1 / k) * sum_(i=1..k) ln(L_(i) / L_(k+1)) and alpha = 1 / xi (the Pareto tail
  exponent of the loss distribution: P(L > x) ~ x^-alpha). hill_k names the default
  number of order statistics: k = floor(sqrt(m)), m the number of losses, used only when
  m >= HILL_MIN_LOSSES (otherwise there is too little tail to fit).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from statistics import NormalDist

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]
_STANDARD_NORMAL = NormalDist()
_ROUNDING = 1e-9
HILL_MIN_LOSSES = 10
HILL_K_RULE = "k = floor(sqrt(m)), m the number of losses (negative outcomes)"


def _sample(values: Sequence[float] | FloatArray) -> FloatArray:
    """The sample as a 1-D float64 array; ValueError when empty, not 1-D or not finite."""
    array = np.asarray(values, dtype=np.float64)
    if array.ndim != 1:
        raise ValueError(f"the sample must be one-dimensional, got {array.ndim} dimensions")
    if array.size == 0:
        raise ValueError("the sample is empty")
    if not np.all(np.isfinite(array)):
        raise ValueError("the sample holds NaN or infinite values")
    return array


def _check_confidence(confidence: float) -> float:
    """The confidence level as a float; ValueError unless 0 < confidence < 1."""
    level = float(confidence)
    if not 0.0 < level < 1.0:
        raise ValueError(
            f"the confidence level must lie strictly between 0 and 1, got {confidence}"
        )
    return level


def _check_scale(mean: float, std: float) -> None:
    if not (math.isfinite(mean) and math.isfinite(std)):
        raise ValueError("the mean and standard deviation must be finite")
    if std < 0.0:
        raise ValueError(f"the standard deviation must not be negative, got {std}")


def tail_count(n: int, confidence: float) -> int:
    """k = ceil(n * (1 - c)), at least 1: how many worst outcomes make the historical tail."""
    level = _check_confidence(confidence)
    if n < 1:
        raise ValueError(f"the sample size must be at least 1, got {n}")
    return max(1, math.ceil(n * (1.0 - level) - _ROUNDING))


def historical_var(sample: Sequence[float] | FloatArray, confidence: float) -> float:
    """Historical VaR: the loss (positive) of the k-th worst outcome, k = ceil(n * (1 - c))."""
    values = np.sort(_sample(sample))
    k = tail_count(values.size, confidence)
    return float(-values[k - 1])


def historical_cvar(sample: Sequence[float] | FloatArray, confidence: float) -> float:
    """Historical CVaR (expected shortfall): the mean loss of the k = ceil(n * (1 - c)) worst."""
    values = np.sort(_sample(sample))
    k = tail_count(values.size, confidence)
    return float(-np.mean(values[:k]))


def linear_quantile_var(sample: Sequence[float] | FloatArray, confidence: float) -> float:
    """VaR as the `c` quantile of the losses, linear interpolation (position c * (n - 1))."""
    losses = -_sample(sample)
    return float(np.quantile(losses, _check_confidence(confidence)))


def linear_quantile_cvar(sample: Sequence[float] | FloatArray, confidence: float) -> float:
    """Mean of the losses at or beyond the linear-quantile VaR, within [VaR, worst loss]."""
    losses = -_sample(sample)
    var = float(np.quantile(losses, _check_confidence(confidence)))
    tail = losses[losses >= var]
    # A float mean can round a hair outside [var, worst loss]; the true tail mean cannot.
    return min(max(float(np.mean(tail)), var), float(tail.max()))


def normal_quantile(probability: float) -> float:
    """The standard normal quantile z_p (inverse CDF), 0 < p < 1."""
    return _STANDARD_NORMAL.inv_cdf(_check_confidence(probability))


def normal_var(mean: float, std: float, confidence: float) -> float:
    """Parametric normal VaR of outcomes ~ N(mean, std^2): -(mean + z_(1-c) * std)."""
    level = _check_confidence(confidence)
    _check_scale(mean, std)
    return -(mean + _STANDARD_NORMAL.inv_cdf(1.0 - level) * std)


def normal_cvar(mean: float, std: float, confidence: float) -> float:
    """Parametric normal CVaR of outcomes ~ N(mean, std^2): std * phi(z_c) / (1 - c) - mean."""
    level = _check_confidence(confidence)
    _check_scale(mean, std)
    z = _STANDARD_NORMAL.inv_cdf(level)
    return std * _STANDARD_NORMAL.pdf(z) / (1.0 - level) - mean


def parametric_var(sample: Sequence[float] | FloatArray, confidence: float) -> float:
    """Normal VaR with the sample mean and sample standard deviation (n - 1; n >= 2)."""
    values = _sample(sample)
    if values.size < 2:
        raise ValueError("a parametric VaR needs at least two outcomes")
    return normal_var(float(np.mean(values)), float(np.std(values, ddof=1)), confidence)


def parametric_cvar(sample: Sequence[float] | FloatArray, confidence: float) -> float:
    """Normal CVaR with the sample mean and sample standard deviation (n - 1; n >= 2)."""
    values = _sample(sample)
    if values.size < 2:
        raise ValueError("a parametric CVaR needs at least two outcomes")
    return normal_cvar(float(np.mean(values)), float(np.std(values, ddof=1)), confidence)


def cornish_fisher_quantile(probability: float, skew: float, excess_kurtosis: float) -> float:
    """The Cornish-Fisher adjusted standard quantile at probability p (see the module doc)."""
    z = normal_quantile(probability)
    if not (math.isfinite(skew) and math.isfinite(excess_kurtosis)):
        raise ValueError("the skewness and excess kurtosis must be finite")
    return (
        z
        + (z * z - 1.0) * skew / 6.0
        + (z**3 - 3.0 * z) * excess_kurtosis / 24.0
        - (2.0 * z**3 - 5.0 * z) * skew * skew / 36.0
    )


def cornish_fisher_var(
    mean: float, std: float, skew: float, excess_kurtosis: float, confidence: float
) -> float:
    """Cornish-Fisher VaR: -(mean + z_cf(1 - c) * std); equals normal_var when S = K = 0."""
    level = _check_confidence(confidence)
    _check_scale(mean, std)
    return -(mean + cornish_fisher_quantile(1.0 - level, skew, excess_kurtosis) * std)


def cornish_fisher_cvar(
    mean: float, std: float, skew: float, excess_kurtosis: float, confidence: float
) -> float:
    """Cornish-Fisher CVaR: -(mean + std * E[z_cf(U) | U < a]), U uniform, a = 1 - c.

    With q = z_a, phi the normal density and I_n = E[Z^n; Z < q] (I_0 = a, I_1 = -phi(q),
    I_2 = a - q phi(q), I_3 = -(q^2 + 2) phi(q)), the tail mean of the expansion is
    (I_1 + (I_2 - I_0) S / 6 + (I_3 - 3 I_1) K / 24 - (2 I_3 - 5 I_1) S^2 / 36) / a.
    Equals normal_cvar when S = K = 0.
    """
    level = _check_confidence(confidence)
    _check_scale(mean, std)
    if not (math.isfinite(skew) and math.isfinite(excess_kurtosis)):
        raise ValueError("the skewness and excess kurtosis must be finite")
    tail = 1.0 - level
    q = _STANDARD_NORMAL.inv_cdf(tail)
    density = _STANDARD_NORMAL.pdf(q)
    i1 = -density
    i2 = tail - q * density
    i3 = -(q * q + 2.0) * density
    tail_mean = (
        i1
        + (i2 - tail) * skew / 6.0
        + (i3 - 3.0 * i1) * excess_kurtosis / 24.0
        - (2.0 * i3 - 5.0 * i1) * skew * skew / 36.0
    ) / tail
    return -(mean + tail_mean * std)


def sample_moments(sample: Sequence[float] | FloatArray) -> tuple[float, float, float, float]:
    """(mean, sample std (n - 1), skewness m3 / m2^1.5, excess kurtosis m4 / m2^2 - 3)."""
    values = _sample(sample)
    if values.size < 2:
        raise ValueError("moments need at least two outcomes")
    mean = float(np.mean(values))
    centred = values - mean
    squared = centred * centred  # products, not **: numpy's power is far slower here
    m2 = float(np.mean(squared))
    # Deviations at the rounding level of the values (a constant sample whose mean is not
    # exact in binary) are no dispersion: their skewness and kurtosis would be noise.
    if math.sqrt(m2) <= 64.0 * np.finfo(np.float64).eps * float(np.max(np.abs(values))):
        raise ValueError("the sample has no dispersion: skewness and kurtosis are undefined")
    skew = float(np.mean(squared * centred)) / m2**1.5
    kurt = float(np.mean(squared * squared)) / m2**2 - 3.0
    return mean, float(np.std(values, ddof=1)), skew, kurt


def cornish_fisher_sample_var(sample: Sequence[float] | FloatArray, confidence: float) -> float:
    """Cornish-Fisher VaR with the sample mean, std (n - 1), skewness and excess kurtosis."""
    mean, std, skew, kurt = sample_moments(sample)
    return cornish_fisher_var(mean, std, skew, kurt, confidence)


def cornish_fisher_sample_cvar(sample: Sequence[float] | FloatArray, confidence: float) -> float:
    """Cornish-Fisher CVaR with the sample mean, std (n - 1), skewness and excess kurtosis."""
    mean, std, skew, kurt = sample_moments(sample)
    return cornish_fisher_cvar(mean, std, skew, kurt, confidence)


def scale_to_horizon(one_period_risk: float, periods: float) -> float:
    """Square-root-of-time scaling: risk_h = risk_1 * sqrt(h), h >= 1 periods (i.i.d., mean 0)."""
    if not math.isfinite(one_period_risk):
        raise ValueError("the one-period risk figure must be finite")
    if not (math.isfinite(periods) and periods >= 1.0):
        raise ValueError(f"the horizon must be at least one period, got {periods}")
    return one_period_risk * math.sqrt(periods)


def hill_tail_index(sample: Sequence[float] | FloatArray, k: int) -> float:
    """Hill estimate of the loss tail exponent alpha from the k largest losses (1 <= k < m).

    m is the number of strictly positive losses (negative outcomes); the threshold is the
    (k+1)-th largest loss.
    """
    values = _sample(sample)
    losses = np.sort(-values[values < 0.0])[::-1]
    if not 1 <= k < losses.size:
        raise ValueError(
            f"k must lie between 1 and the number of losses minus one ({losses.size - 1}), got {k}"
        )
    xi = float(np.mean(np.log(losses[:k] / losses[k])))
    if xi == 0.0:
        raise ValueError("the k largest losses are all equal to the threshold: no tail to fit")
    return 1.0 / xi


def hill_k(sample: Sequence[float] | FloatArray) -> int | None:
    """The default Hill k, floor(sqrt(m)) of the m losses; None when m < HILL_MIN_LOSSES."""
    values = _sample(sample)
    losses = int(np.count_nonzero(values < 0.0))
    if losses < HILL_MIN_LOSSES:
        return None
    return max(1, min(math.isqrt(losses), losses - 1))
