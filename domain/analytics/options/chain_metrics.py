"""Option-chain aggregates: put/call ratios, max pain, gamma exposure (GEX) by strike.

Inputs are per contract arrays of one underlying (calls and puts mixed, `is_call` tells which).

- Put/call ratio: total put volume / total call volume, and total put open interest / total
  call open interest; None where the call total is 0.
- Max pain (of ONE expiry): the settlement price, scanned over the listed strikes, at which the
  option holders' total payout at expiry is least:
  payout(P) = sum over calls OI * max(P - K, 0) + sum over puts OI * max(K - P, 0), times the
  contract multiplier (100 shares) so it is in the price's currency. Ties go to the lowest strike.
- Gamma exposure, in currency per 1% move of the underlying, per contract:
  GEX = sign * gamma * OI * multiplier * S^2 * 0.01
  with `gamma` the BSM gamma per share (d2V/dS2), S the spot: the change of the dealers' delta
  (in currency) when the underlying moves 1%. Sign convention (SqueezeMetrics'): dealers are
  LONG the calls (sign +1) and SHORT the puts (sign -1) that the public holds. Positive total
  GEX: dealers hedge against the move (dampening); negative: with it (amplifying).
- Zero-gamma (flip) level: the underlying price at which the total GEX, recomputed at that
  price with each contract's IV and time held fixed, changes sign (`gamma_profile` over a grid
  of prices, `zero_gamma_level` interpolates the crossing nearest the spot; None if none).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from domain.analytics.options.bsm import bsm_greeks

FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]

CONTRACT_MULTIPLIER = 100.0
ONE_PERCENT = 0.01


@dataclass(frozen=True, slots=True)
class PutCallRatios:
    """Put/call by volume and by open interest, with the totals behind them."""

    by_volume: float | None
    by_open_interest: float | None
    call_volume: int
    put_volume: int
    call_open_interest: int
    put_open_interest: int


@dataclass(frozen=True, slots=True)
class MaxPain:
    """The max-pain strike and the holders' payout (currency) at each candidate settlement."""

    strike: float
    candidates: FloatArray  # the listed strikes, ascending
    payouts: FloatArray  # holders' total payout at each candidate (multiplier included)


@dataclass(frozen=True, slots=True)
class GammaExposure:
    """GEX (currency per 1% move) by strike, ascending; calls +, puts - (dealer convention)."""

    strikes: FloatArray
    calls: FloatArray
    puts: FloatArray
    net: FloatArray  # calls + puts per strike
    total: float


def _arrays(*values: npt.ArrayLike) -> list[FloatArray]:
    arrays = [np.asarray(value, dtype=np.float64).ravel() for value in values]
    if len({array.shape for array in arrays}) > 1:
        raise ValueError("every per-contract array must have the same length")
    return arrays


def _calls(is_call: npt.ArrayLike, size: int) -> BoolArray:
    calls = np.asarray(is_call, dtype=np.bool_).ravel()
    if calls.shape != (size,):
        raise ValueError("is_call must have one flag per contract")
    return calls


def put_call_ratios(
    volume: npt.ArrayLike, open_interest: npt.ArrayLike, is_call: npt.ArrayLike
) -> PutCallRatios:
    """Put/call ratios by volume and by open interest (None where calls total 0)."""
    vol, oi = _arrays(volume, open_interest)
    calls = _calls(is_call, vol.size)
    cv, pv = int(vol[calls].sum()), int(vol[~calls].sum())
    co, po = int(oi[calls].sum()), int(oi[~calls].sum())
    return PutCallRatios(
        by_volume=None if cv == 0 else pv / cv,
        by_open_interest=None if co == 0 else po / co,
        call_volume=cv,
        put_volume=pv,
        call_open_interest=co,
        put_open_interest=po,
    )


def max_pain(
    strikes: npt.ArrayLike,
    open_interest: npt.ArrayLike,
    is_call: npt.ArrayLike,
    *,
    multiplier: float = CONTRACT_MULTIPLIER,
) -> MaxPain | None:
    """Max pain of one expiry's contracts (None for an empty chain)."""
    k, oi = _arrays(strikes, open_interest)
    calls = _calls(is_call, k.size)
    if k.size == 0:
        return None
    candidates = np.unique(k)
    # (candidates, contracts): each contract's payout if the underlying settles at a candidate.
    moneyness = candidates[:, None] - k[None, :]
    intrinsic = np.where(calls[None, :], np.maximum(moneyness, 0.0), np.maximum(-moneyness, 0.0))
    payouts = (intrinsic * oi[None, :]).sum(axis=1) * multiplier
    best = int(np.argmin(payouts))  # the first minimum: ties go to the lowest strike
    return MaxPain(strike=float(candidates[best]), candidates=candidates, payouts=payouts)


def contract_gex(
    spot: float,
    gamma: npt.ArrayLike,
    open_interest: npt.ArrayLike,
    is_call: npt.ArrayLike,
    *,
    multiplier: float = CONTRACT_MULTIPLIER,
) -> FloatArray:
    """Each contract's signed GEX: +/- gamma * OI * multiplier * spot^2 * 1% (calls +)."""
    g, oi = _arrays(gamma, open_interest)
    calls = _calls(is_call, g.size)
    sign = np.where(calls, 1.0, -1.0)
    gex: FloatArray = sign * g * oi * multiplier * spot * spot * ONE_PERCENT
    return gex


def gamma_exposure(
    spot: float,
    strikes: npt.ArrayLike,
    gamma: npt.ArrayLike,
    open_interest: npt.ArrayLike,
    is_call: npt.ArrayLike,
    *,
    multiplier: float = CONTRACT_MULTIPLIER,
) -> GammaExposure:
    """GEX summed by strike (calls, puts, net) and in total; NaN gammas count as 0."""
    k, g = _arrays(strikes, gamma)
    calls = _calls(is_call, k.size)
    gex = np.nan_to_num(contract_gex(spot, g, open_interest, calls, multiplier=multiplier))
    unique, index = np.unique(k, return_inverse=True)
    call_sum = np.bincount(index, weights=np.where(calls, gex, 0.0), minlength=unique.size).astype(
        np.float64
    )
    put_sum = np.bincount(index, weights=np.where(calls, 0.0, gex), minlength=unique.size).astype(
        np.float64
    )
    return GammaExposure(
        strikes=unique,
        calls=call_sum,
        puts=put_sum,
        net=call_sum + put_sum,
        total=float(gex.sum()),
    )


def gamma_profile(
    spots: npt.ArrayLike,
    strikes: npt.ArrayLike,
    years: npt.ArrayLike,
    vols: npt.ArrayLike,
    open_interest: npt.ArrayLike,
    is_call: npt.ArrayLike,
    *,
    rate: float = 0.0,
    dividend_yield: float = 0.0,
    multiplier: float = CONTRACT_MULTIPLIER,
) -> FloatArray:
    """Total GEX at each hypothetical underlying price in `spots` (IVs and times held fixed).

    Contracts without a usable IV or time (non-finite, <= 0) are left out.
    """
    k, t, v, oi = _arrays(strikes, years, vols, open_interest)
    calls = _calls(is_call, k.size)
    usable = np.isfinite(v) & (v > 0) & np.isfinite(t) & (t > 0) & (k > 0)
    k, t, v, oi, calls = k[usable], t[usable], v[usable], oi[usable], calls[usable]
    grid = np.asarray(spots, dtype=np.float64).ravel()
    totals = np.zeros(grid.size, dtype=np.float64)
    if k.size == 0:
        return totals
    gammas = bsm_greeks(grid[:, None], k[None, :], t[None, :], v[None, :], rate, dividend_yield)
    sign = np.where(calls, 1.0, -1.0)
    per_contract = gammas.gamma * (sign * oi * multiplier * ONE_PERCENT)[None, :]
    profile: FloatArray = per_contract.sum(axis=1) * grid * grid
    return profile


def zero_gamma_level(spots: npt.ArrayLike, totals: npt.ArrayLike, spot: float) -> float | None:
    """Where the GEX profile crosses zero (linear between grid points), the crossing nearest
    `spot`; None when the profile keeps one sign over the grid."""
    s, g = _arrays(spots, totals)
    order = np.argsort(s)
    s, g = s[order], g[order]
    sign = np.sign(g)
    crossings: list[float] = []
    for i in range(s.size - 1):
        if sign[i] == 0:
            crossings.append(float(s[i]))
        elif sign[i] * sign[i + 1] < 0:
            crossings.append(float(s[i] - g[i] * (s[i + 1] - s[i]) / (g[i + 1] - g[i])))
    if s.size and sign[-1] == 0:
        crossings.append(float(s[-1]))
    if not crossings:
        return None
    return min(crossings, key=lambda level: abs(level - spot))
