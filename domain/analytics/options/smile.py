"""A quadratic volatility smile in log-moneyness, for synthetic option chains."""

from __future__ import annotations

import math


def smile_volatility(
    atm_volatility: float,
    spot: float,
    strike: float,
    *,
    skew: float = -0.4,
    curvature: float = 2.0,
    floor: float = 0.05,
) -> float:
    """Implied volatility (annualised, a fraction) of a strike on a quadratic smile in
    log-moneyness m = ln(K/S): atm_volatility * (1 + skew m + curvature m^2), never below `floor`.

    A negative `skew` makes low strikes (downside puts) dearer, as equity markets price them.
    """
    moneyness = math.log(strike / spot)
    return max(floor, atm_volatility * (1.0 + skew * moneyness + curvature * moneyness**2))
