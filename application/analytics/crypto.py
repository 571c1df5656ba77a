"""Crypto and DeFi analytics on posted inputs: impermanent loss, pool drains, gas (nothing stored).

The HTTP adapter hands in plain values (Decimals, floats, timezone-aware datetimes); this
module checks what the domain does not (sizes, paired arrays, the time zone's name) and runs
`domain.analytics.crypto` inside the `ComputeBudget` (off the event loop, bounded). Every
refusal is InvalidCryptoInput (422 INVALID_CRYPTO_INPUT) naming the field. Conventions are in
the domain modules and docs/crypto-defi.md.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import numpy as np

from application.core.compute_budget import ComputeBudget
from domain.analytics.crypto.errors import InvalidCryptoInput
from domain.analytics.crypto.gas import (
    CheapestWindow,
    RollingScores,
    cheapest_window,
    rolling_scores,
)
from domain.analytics.crypto.impermanent_loss import (
    ImpermanentLossReport,
    PriceRange,
    impermanent_loss,
)
from domain.analytics.crypto.pool_drain import DrainReport, TvlPoint, pool_drain

MAX_PRICES = 10_000  # prices per impermanent-loss request
MAX_TVL_POINTS = 100_000
MAX_GAS_POINTS = 200_000
MAX_GAS_WORK = 50_000_000  # observations x window: the z-scores' cost
MAX_SPIKES = 1_000  # spikes listed (all are counted)
MAX_WINDOW = timedelta(days=366)


@dataclass(frozen=True, slots=True)
class ImpermanentLossRequest:
    entry_price: Decimal
    prices: Sequence[Decimal]
    deposit: Decimal = Decimal(1)
    lower: Decimal | None = None  # both or neither: a concentrated (v3) range
    upper: Decimal | None = None


@dataclass(frozen=True, slots=True)
class PoolDrainRequest:
    at: Sequence[datetime]
    tvl: Sequence[Decimal]
    window: timedelta
    threshold: Decimal


@dataclass(frozen=True, slots=True)
class GasRequest:
    at: Sequence[datetime]
    gwei: Sequence[float]
    window: int = 24  # observations before each one
    threshold: float = 3.0  # z-score
    hours: int = 1  # length of the cheapest block
    min_samples: int = 1  # per hour of the week
    timezone: str = "UTC"


@dataclass(frozen=True, slots=True)
class GasSpike:
    at: datetime
    gwei: float
    mean: float
    std: float
    z: float | None  # None: a flat window


@dataclass(frozen=True, slots=True)
class GasReport:
    request: GasRequest
    observations: int
    spike_count: int
    spikes: tuple[GasSpike, ...]  # the first MAX_SPIKES, in time order
    latest: GasSpike | None  # the last observation's score (None: not scored)
    latest_is_spike: bool
    cheapest: CheapestWindow


@dataclass(eq=False)
class CryptoAnalyticsService:
    """The /analytics/crypto calculations, each run within the compute budget."""

    budget: ComputeBudget

    async def impermanent_loss(self, request: ImpermanentLossRequest) -> ImpermanentLossReport:
        price_range = _range(request.lower, request.upper)
        if not 1 <= len(request.prices) <= MAX_PRICES:
            raise InvalidCryptoInput(f"prices needs 1 to {MAX_PRICES:,} prices", field="prices")
        return await self.budget.run(
            "impermanent loss",
            lambda: impermanent_loss(
                request.entry_price,
                request.prices,
                deposit=request.deposit,
                price_range=price_range,
            ),
        )

    async def pool_drain(self, request: PoolDrainRequest) -> DrainReport:
        _pair(request.at, request.tvl, "tvl", MAX_TVL_POINTS)
        if request.window > MAX_WINDOW:
            raise InvalidCryptoInput("window must be at most 366 days", field="window_hours")
        points = [TvlPoint(at, tvl) for at, tvl in zip(request.at, request.tvl, strict=True)]
        return await self.budget.run(
            "pool drain", lambda: pool_drain(points, request.window, request.threshold)
        )

    async def gas(self, request: GasRequest) -> GasReport:
        if not request.at:
            raise InvalidCryptoInput("at needs at least one observation", field="at")
        _pair(request.at, request.gwei, "gwei", MAX_GAS_POINTS)
        if request.window * len(request.gwei) > MAX_GAS_WORK:
            raise InvalidCryptoInput(
                f"window x observations must be at most {MAX_GAS_WORK:,}", field="window"
            )
        zone = _zone(request.timezone)
        _increasing(request.at)
        return await self.budget.run("gas", lambda: _gas(request, zone))


def _gas(request: GasRequest, zone: ZoneInfo) -> GasReport:
    gwei = np.asarray(request.gwei, dtype=np.float64)
    scores = rolling_scores(gwei, request.window, request.threshold)
    local = [at.astimezone(zone) for at in request.at]
    slots = np.fromiter(
        (at.weekday() * 24 + at.hour for at in local), dtype=np.int64, count=len(local)
    )
    cheapest = cheapest_window(slots, gwei, hours=request.hours, min_samples=request.min_samples)
    flagged = np.flatnonzero(scores.spike)
    spikes = tuple(_spike(request.at, gwei, scores, int(i)) for i in flagged[:MAX_SPIKES])
    last = len(gwei) - 1
    latest = None if np.isnan(scores.mean[last]) else _spike(request.at, gwei, scores, last)
    return GasReport(
        request=request,
        observations=len(gwei),
        spike_count=int(flagged.size),
        spikes=spikes,
        latest=latest,
        latest_is_spike=bool(scores.spike[last]),
        cheapest=cheapest,
    )


def _spike(at: Sequence[datetime], gwei: np.ndarray, scores: RollingScores, i: int) -> GasSpike:
    z = scores.z[i]
    return GasSpike(
        at=at[i],
        gwei=float(gwei[i]),
        mean=float(scores.mean[i]),
        std=float(scores.std[i]),
        z=None if np.isnan(z) else float(z),
    )


def _range(lower: Decimal | None, upper: Decimal | None) -> PriceRange | None:
    if lower is None and upper is None:
        return None
    if lower is None or upper is None:
        field = "range.lower" if lower is None else "range.upper"
        raise InvalidCryptoInput("a range needs both lower and upper", field=field)
    return PriceRange(lower, upper)


def _pair(at: Sequence[datetime], values: Sequence[object], name: str, cap: int) -> None:
    if len(at) > cap:
        raise InvalidCryptoInput(f"at most {cap:,} observations", field="at")
    if len(values) != len(at):
        raise InvalidCryptoInput(
            f"{name} needs one value per timestamp ({len(at)}), got {len(values)}", field=name
        )


def _increasing(at: Sequence[datetime]) -> None:
    previous: datetime | None = None
    for i, moment in enumerate(at):
        if moment.tzinfo is None:
            raise InvalidCryptoInput("timestamps must carry a time zone", field=f"at[{i}]")
        if previous is not None and moment <= previous:
            raise InvalidCryptoInput("timestamps must be strictly increasing", field=f"at[{i}]")
        previous = moment


def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise InvalidCryptoInput(
            f"{name[:64]!r} is not an IANA time zone (e.g. UTC, America/New_York)",
            field="timezone",
        ) from None
