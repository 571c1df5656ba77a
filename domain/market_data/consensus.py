"""Consensus quote across providers: the median mid, outliers rejected by k x MAD (pure).

Each provider's mid is compared with the median of all mids. A provider is an outlier when
its deviation exceeds max(k x MAD, floor): MAD (median absolute deviation, unscaled) adapts
to how much the providers usually differ, and the floor (in basis points of the median)
keeps near-identical quotes, whose MAD is about zero, from rejecting each other over a tick.
The rest are the contributors. There is a consensus when at least `min_agreeing` contribute
and every contributor lies within `tolerance_bps` of their own median: two providers that
are far apart (MAD cannot tell which one is wrong) make a disagreement, not a consensus.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from statistics import median

from domain.numbers import ZERO

_BPS = Decimal(10_000)


@dataclass(frozen=True, slots=True)
class ConsensusPolicy:
    """How far a provider may stray: k x MAD, never less than `floor_bps` of the median."""

    mad_multiplier: Decimal = Decimal(3)
    floor_bps: Decimal = Decimal(10)
    tolerance_bps: Decimal = Decimal(50)
    min_agreeing: int = 2

    def __post_init__(self) -> None:
        # k >= 1 keeps at least half the providers (at least half deviate by at most the MAD).
        if self.mad_multiplier < 1 or self.floor_bps < 0 or self.tolerance_bps <= 0:
            raise ValueError("needs mad_multiplier >= 1, floor_bps >= 0 and tolerance_bps > 0")
        if self.min_agreeing < 1:
            raise ValueError("min_agreeing must be at least 1")


@dataclass(frozen=True, slots=True)
class ProviderPrice:
    """One provider's top of book for the symbol (a side of 0 means the side is missing)."""

    provider: str
    bid: Decimal
    ask: Decimal
    last: Decimal

    @property
    def mid(self) -> Decimal:
        if self.bid > 0 and self.ask > 0:
            return (self.bid + self.ask) / 2
        return self.last


@dataclass(frozen=True, slots=True)
class Outlier:
    """A provider left out of the consensus, with how far its mid was from the median."""

    provider: str
    mid: Decimal
    deviation_bps: Decimal


class Verdict(StrEnum):
    """Whether the providers agree, and if not, why."""

    AGREED = "agreed"
    TOO_FEW = "too_few"  # fewer than min_agreeing left after outliers
    DISPERSED = "dispersed"  # the contributors are farther apart than the tolerance


@dataclass(frozen=True, slots=True)
class Consensus:
    """The verdict; bid, ask and mid are the contributors' medians (a side of 0: none quoted it)."""

    symbol: str
    verdict: Verdict
    mid: Decimal
    bid: Decimal
    ask: Decimal
    contributors: tuple[str, ...]
    outliers: tuple[Outlier, ...]
    threshold_bps: Decimal  # the deviation above which a provider was an outlier
    dispersion_bps: Decimal  # the contributors' largest deviation from their median

    @property
    def agreed(self) -> bool:
        return self.verdict is Verdict.AGREED


def _bps(deviation: Decimal, reference: Decimal) -> Decimal:
    return ZERO if reference <= 0 else deviation / reference * _BPS


def _sides(prices: list[ProviderPrice]) -> tuple[Decimal, Decimal]:
    """Median bid and ask; from the two-sided quotes when any, so the pair is never crossed."""
    two_sided = [p for p in prices if p.bid > 0 and p.ask > 0]
    if two_sided:
        # The k-th lowest bid is at most the k-th lowest ask, so the medians keep bid <= ask.
        return median(p.bid for p in two_sided), median(p.ask for p in two_sided)
    bids = [p.bid for p in prices if p.bid > 0]
    asks = [p.ask for p in prices if p.ask > 0]
    bid = median(bids) if bids else ZERO
    ask = median(asks) if asks else ZERO
    if bid > 0 and ask > 0 and bid > ask:
        return ZERO, ZERO  # one-sided quotes of different providers that cross: no market
    return bid, ask


def consensus(
    symbol: str, prices: Sequence[ProviderPrice], policy: ConsensusPolicy | None = None
) -> Consensus:
    """The consensus of `prices` (at least one, one per provider) under `policy`."""
    policy = policy or ConsensusPolicy()
    if not prices:
        raise ValueError(f"consensus of {symbol}: no prices")
    names = [p.provider for p in prices]
    if len(set(names)) != len(names):
        raise ValueError(f"consensus of {symbol}: a provider is counted twice")
    # Sorted by provider so the result does not depend on the order the answers came in.
    ordered = sorted(prices, key=lambda p: p.provider)
    centre = median(p.mid for p in ordered)
    deviations = [abs(p.mid - centre) for p in ordered]
    mad = median(deviations)
    threshold = max(policy.mad_multiplier * mad, centre * policy.floor_bps / _BPS)
    kept = [p for p, d in zip(ordered, deviations, strict=True) if d <= threshold]
    outliers = tuple(
        Outlier(p.provider, p.mid, _bps(d, centre))
        for p, d in zip(ordered, deviations, strict=True)
        if d > threshold
    )
    mid = median(p.mid for p in kept)
    dispersion = _bps(max(abs(p.mid - mid) for p in kept), mid)
    if len(kept) < policy.min_agreeing:
        verdict = Verdict.TOO_FEW
    elif dispersion > policy.tolerance_bps:
        verdict = Verdict.DISPERSED
    else:
        verdict = Verdict.AGREED
    bid, ask = _sides(kept)
    return Consensus(
        symbol=symbol,
        verdict=verdict,
        mid=mid,
        bid=bid,
        ask=ask,
        contributors=tuple(p.provider for p in kept),
        outliers=outliers,
        threshold_bps=_bps(threshold, centre),
        dispersion_bps=dispersion,
    )
