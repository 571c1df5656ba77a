"""The competitors of bench_options: py_vollib_vectorized, NumPy/SciPy and QuantLib, one API.

Every function takes a `Book` (the option inputs as arrays) and returns prices and Greeks in
Bulwark's units (`domain.analytics.options.bsm`): theta per year, vega per 1.0 vol, rho per
1.0 rate, so differences are differences of the same quantity. py_vollib_vectorized gives theta
per day, vega and rho per point (converted here); its BSM rho is not the BSM rho (it returns
-t V / 100, the rho of the Black-76 futures model), so `vollib_greeks` reports it under
`rho_black76` and the benchmark compares it to -t V.
"""

from __future__ import annotations

import contextlib
import math
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from scipy.optimize import brentq
from scipy.special import ndtr

FloatArray = npt.NDArray[np.float64]
Columns = dict[str, FloatArray]
DAYS_PER_YEAR = 365.0


@dataclass(frozen=True)
class Book:
    """n European options: years = days / 365 (whole days, so QuantLib's dates agree)."""

    spot: FloatArray
    strike: FloatArray
    days: npt.NDArray[np.int64]
    years: FloatArray
    vol: FloatArray
    rate: FloatArray
    dividend: FloatArray
    call: npt.NDArray[np.bool_]

    @property
    def size(self) -> int:
        return int(self.spot.shape[0])

    def take(self, index: npt.NDArray[np.int64]) -> Book:
        return Book(
            self.spot[index],
            self.strike[index],
            self.days[index],
            self.years[index],
            self.vol[index],
            self.rate[index],
            self.dividend[index],
            self.call[index],
        )


def random_book(n: int, seed: int = 18) -> Book:
    """Realistic ranges: S 10-500, K/S 0.5-1.5, T 1 day - 3 years, vol 5-150%, r 0-8%,
    q 0-5%, calls and puts half and half (uniform draws, seeded)."""
    rng = np.random.default_rng(seed)
    spot = rng.uniform(10.0, 500.0, n)
    days = rng.integers(1, 3 * 365 + 1, n)
    return Book(
        spot=spot,
        strike=spot * rng.uniform(0.5, 1.5, n),
        days=days.astype(np.int64),
        years=days / DAYS_PER_YEAR,
        vol=rng.uniform(0.05, 1.5, n),
        rate=rng.uniform(0.0, 0.08, n),
        dividend=rng.uniform(0.0, 0.05, n),
        call=rng.random(n) < 0.5,
    )


# ---------------------------------------------------------------- NumPy / SciPy


def numpy_greeks(b: Book) -> Columns:
    """Plain vectorised NumPy with scipy.special.ndtr: the nine outputs of bsm_greeks."""
    s, k, t, v, r, q = b.spot, b.strike, b.years, b.vol, b.rate, b.dividend
    sign = np.where(b.call, 1.0, -1.0)
    sqrt_t = np.sqrt(t)
    vol_t = v * sqrt_t
    d1 = (np.log(s / k) + (r - q + 0.5 * v * v) * t) / vol_t
    d2 = d1 - vol_t
    dq, dr = np.exp(-q * t), np.exp(-r * t)
    pdf = np.exp(-0.5 * d1 * d1) / math.sqrt(2.0 * math.pi)
    nd1, nd2 = ndtr(sign * d1), ndtr(sign * d2)
    vega = s * dq * pdf * sqrt_t
    return {
        "price": sign * (s * dq * nd1 - k * dr * nd2),
        "delta": sign * dq * nd1,
        "gamma": dq * pdf / (s * vol_t),
        "theta": -s * dq * pdf * v / (2.0 * sqrt_t) + sign * (q * s * dq * nd1 - r * k * dr * nd2),
        "vega": vega,
        "rho": sign * k * t * dr * nd2,
        "vanna": -dq * pdf * d2 / v,
        "volga": vega * d1 * d2 / v,
        "charm": sign * q * dq * nd1
        - dq * pdf * (2.0 * (r - q) * t - d2 * vol_t) / (2.0 * t * vol_t),
    }


def _price_one(s: float, k: float, t: float, v: float, r: float, q: float, call: bool) -> float:
    vol_t = v * math.sqrt(t)
    d1 = (math.log(s / k) + (r - q + 0.5 * v * v) * t) / vol_t
    d2 = d1 - vol_t
    sign = 1.0 if call else -1.0
    n1 = 0.5 * math.erfc(-sign * d1 / math.sqrt(2.0))
    n2 = 0.5 * math.erfc(-sign * d2 / math.sqrt(2.0))
    return sign * (s * math.exp(-q * t) * n1 - k * math.exp(-r * t) * n2)


def brentq_implied_vols(prices: FloatArray, b: Book) -> FloatArray:
    """scipy.optimize.brentq per option on [1e-4, 5] (xtol 1e-12); NaN where not bracketed."""
    out = np.full(b.size, np.nan)
    for i in range(b.size):
        args = (b.spot[i], b.strike[i], b.years[i])
        rest = (b.rate[i], b.dividend[i], bool(b.call[i]))

        def gap(v: float, i: int = i, args: tuple = args, rest: tuple = rest) -> float:  # type: ignore[type-arg]
            return _price_one(*args, v, *rest) - prices[i]

        with contextlib.suppress(ValueError):  # not bracketed: NaN
            out[i] = brentq(gap, 1e-4, 5.0, xtol=1e-12, maxiter=200)
    return out


# ---------------------------------------------------------------- py_vollib_vectorized


def _flags(b: Book) -> npt.NDArray[np.str_]:
    return np.where(b.call, "c", "p")


def vollib_greeks(b: Book) -> Columns:
    """py_vollib_vectorized price + get_all_greeks (model black_scholes_merton, numpy)."""
    import py_vollib_vectorized as pvv

    flags = _flags(b)
    args = (flags, b.spot, b.strike, b.years, b.rate, b.vol, b.dividend)
    price = pvv.vectorized_black_scholes_merton(*args, return_as="numpy")
    greeks = pvv.get_all_greeks(*args, model="black_scholes_merton", return_as="numpy")
    return {
        "price": np.asarray(price, dtype=np.float64),
        "delta": np.asarray(greeks["delta"], dtype=np.float64),
        "gamma": np.asarray(greeks["gamma"], dtype=np.float64),
        "theta": np.asarray(greeks["theta"], dtype=np.float64) * DAYS_PER_YEAR,
        "vega": np.asarray(greeks["vega"], dtype=np.float64) * 100.0,
        "rho_black76": np.asarray(greeks["rho"], dtype=np.float64) * 100.0,
    }


def vollib_implied_vols(prices: FloatArray, b: Book) -> FloatArray:
    import py_vollib_vectorized as pvv

    vols = pvv.vectorized_implied_volatility(
        prices,
        b.spot,
        b.strike,
        b.years,
        b.rate,
        _flags(b),
        b.dividend,
        model="black_scholes_merton",
        return_as="numpy",
        on_error="ignore",
    )
    return np.asarray(vols, dtype=np.float64)


# ---------------------------------------------------------------- QuantLib, one option at a time


class QuantLibPricer:
    """One BSM process on SimpleQuotes; each option resets the quotes and builds its instrument
    (the usual per-option QuantLib loop). Theta per year, vega per 1.0, rho per 1.0 (as ours)."""

    def __init__(self) -> None:
        import QuantLib as ql

        self.ql = ql
        self.today = ql.Date(15, ql.January, 2025)
        ql.Settings.instance().evaluationDate = self.today
        dc = ql.Actual365Fixed()
        self.quotes = [ql.SimpleQuote(1.0) for _ in range(4)]  # spot, rate, dividend, vol
        spot, rate, div, vol = (ql.QuoteHandle(x) for x in self.quotes)
        self.process = ql.BlackScholesMertonProcess(
            spot,
            ql.YieldTermStructureHandle(ql.FlatForward(self.today, div, dc)),
            ql.YieldTermStructureHandle(ql.FlatForward(self.today, rate, dc)),
            ql.BlackVolTermStructureHandle(
                ql.BlackConstantVol(self.today, ql.NullCalendar(), vol, dc)
            ),
        )
        self.engine = ql.AnalyticEuropeanEngine(self.process)

    def _option(self, b: Book, i: int) -> object:
        ql = self.ql
        for quote, value in zip(
            self.quotes, (b.spot[i], b.rate[i], b.dividend[i], b.vol[i]), strict=True
        ):
            quote.setValue(float(value))
        kind = ql.Option.Call if b.call[i] else ql.Option.Put
        option = ql.VanillaOption(
            ql.PlainVanillaPayoff(kind, float(b.strike[i])),
            ql.EuropeanExercise(self.today + int(b.days[i])),
        )
        option.setPricingEngine(self.engine)
        return option

    def greeks(self, b: Book) -> Columns:
        names = ("price", "delta", "gamma", "theta", "vega", "rho")
        out = {name: np.empty(b.size) for name in names}
        for i in range(b.size):
            o = self._option(b, i)
            values = (o.NPV(), o.delta(), o.gamma(), o.theta(), o.vega(), o.rho())  # type: ignore[attr-defined]
            for name, value in zip(names, values, strict=True):
                out[name][i] = value
        return out

    def implied_vols(self, prices: FloatArray, b: Book) -> FloatArray:
        out = np.full(b.size, np.nan)
        for i in range(b.size):
            o = self._option(b, i)
            with contextlib.suppress(RuntimeError):  # QuantLib found none: NaN
                out[i] = o.impliedVolatility(  # type: ignore[attr-defined]
                    float(prices[i]), self.process, 1e-10, 200, 1e-4, 5.0
                )
        return out
