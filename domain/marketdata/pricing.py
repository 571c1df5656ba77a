"""Black-Scholes(-Merton) prices and deltas of European options, and a volatility smile."""

from __future__ import annotations

import math
from dataclasses import dataclass

from domain.trading.instruments import OptionRight

SQRT_2 = math.sqrt(2.0)


def norm_cdf(x: float) -> float:
    """The standard normal cumulative distribution function."""
    return 0.5 * (1.0 + math.erf(x / SQRT_2))


@dataclass(frozen=True, slots=True)
class OptionValue:
    """A theoretical price per share and the delta (dPrice/dSpot) of one option."""

    price: float
    delta: float


def black_scholes(
    right: OptionRight,
    spot: float,
    strike: float,
    years: float,
    volatility: float,
    rate: float = 0.0,
    dividend_yield: float = 0.0,
) -> OptionValue:
    """Black-Scholes-Merton value; at expiry (years <= 0) or zero volatility, the discounted
    intrinsic value of the forward, so the price never goes below it."""
    if spot <= 0 or strike <= 0:
        raise ValueError("spot and strike must be positive")
    if volatility < 0:
        raise ValueError("volatility must not be negative")
    call = right is OptionRight.CALL
    growth = math.exp(-dividend_yield * max(years, 0.0))
    discount = math.exp(-rate * max(years, 0.0))
    if years <= 0 or volatility == 0:
        intrinsic = spot * growth - strike * discount
        if call:
            return OptionValue(max(intrinsic, 0.0), growth if intrinsic > 0 else 0.0)
        return OptionValue(max(-intrinsic, 0.0), -growth if intrinsic < 0 else 0.0)
    root_t = math.sqrt(years)
    d1 = (math.log(spot / strike) + (rate - dividend_yield + 0.5 * volatility**2) * years) / (
        volatility * root_t
    )
    d2 = d1 - volatility * root_t
    if call:
        price = spot * growth * norm_cdf(d1) - strike * discount * norm_cdf(d2)
        return OptionValue(max(price, 0.0), growth * norm_cdf(d1))
    price = strike * discount * norm_cdf(-d2) - spot * growth * norm_cdf(-d1)
    return OptionValue(max(price, 0.0), -growth * norm_cdf(-d1))


def smile_volatility(
    atm_volatility: float,
    spot: float,
    strike: float,
    *,
    skew: float = -0.4,
    curvature: float = 2.0,
    floor: float = 0.05,
) -> float:
    """Implied volatility of a strike on a quadratic smile in log-moneyness ln(K/S).

    A negative `skew` makes low strikes (downside puts) dearer, as equity markets price them.
    """
    moneyness = math.log(strike / spot)
    return max(floor, atm_volatility * (1.0 + skew * moneyness + curvature * moneyness**2))
