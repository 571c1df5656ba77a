"""Crypto sleeve: capped market-cap weights above a market-cap floor.

The seed's rules: no single asset above 40 % of the sleeve (a request may ask for a lower
cap, never a higher one), and only assets whose market capitalisation is at least the floor
(default USD 1 billion: our default, a liquidity screen, not a regulation). Weights are market
cap weights, capped by the method of capped index families (e.g. the "capping" step of
S&P's and MSCI's capped indices): every asset above the cap is set to the cap and the excess
is shared among the uncapped assets in proportion to their market caps, repeated until none
is above. With fewer than ceil(1 / cap) eligible assets the sleeve cannot be fully invested
under the cap: each holds the cap and the rest is left unallocated (cash), said in the answer.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from domain.analytics.alternatives.errors import EmptyAlternatives, InvalidAlternativesInput

MAX_SINGLE_ASSET = 0.40
DEFAULT_MARKET_CAP_FLOOR = Decimal("1000000000")


@dataclass(frozen=True, slots=True)
class CryptoAsset:
    symbol: str
    market_cap: Decimal  # in the request's currency


@dataclass(frozen=True, slots=True)
class CryptoWeights:
    """Weights of the eligible assets (symbol order as posted), those under the floor, and the
    fraction left unallocated because the cap binds with too few assets."""

    weights: dict[str, float]
    below_floor: tuple[str, ...]
    unallocated: float
    cap: float
    floor: Decimal


def crypto_weights(
    assets: Sequence[CryptoAsset],
    *,
    cap: float = MAX_SINGLE_ASSET,
    floor: Decimal = DEFAULT_MARKET_CAP_FLOOR,
) -> CryptoWeights:
    """Capped market-cap weights of the assets at or above `floor` (module doc)."""
    if not assets:
        raise EmptyAlternatives("there is no crypto asset to allocate across", field="assets")
    if not (math.isfinite(cap) and 0.0 < cap <= MAX_SINGLE_ASSET):
        raise InvalidAlternativesInput(
            f"the single-asset cap is at most {MAX_SINGLE_ASSET:g} (the seed's rule), got {cap}",
            field="max_weight",
        )
    eligible = [a for a in assets if a.market_cap >= floor]
    below = tuple(a.symbol for a in assets if a.market_cap < floor)
    if not eligible:
        return CryptoWeights({}, below, 1.0, cap, floor)
    weights = capped_weights([float(a.market_cap) for a in eligible], cap)
    return CryptoWeights(
        {a.symbol: w for a, w in zip(eligible, weights, strict=True)},
        below,
        max(0.0, 1.0 - sum(weights)),
        cap,
        floor,
    )


def capped_weights(sizes: Sequence[float], cap: float) -> list[float]:
    """Weights proportional to `sizes`, none above `cap`, the excess re-spread over the rest;
    adding up to min(1, len(sizes) x cap)."""
    n = len(sizes)
    if n * cap <= 1.0:
        return [cap] * n
    weights = [0.0] * n
    free = set(range(n))
    left = 1.0
    while free:
        total = sum(sizes[i] for i in free)
        proposed = {i: left * sizes[i] / total for i in free}
        over = {i for i, w in proposed.items() if w > cap}
        if not over:
            for i, w in proposed.items():
                weights[i] = w
            break
        for i in over:
            weights[i] = cap
        left -= cap * len(over)
        free -= over
    return weights
