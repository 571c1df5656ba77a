"""The allocator's limits beside the crypto rule: volatility cap, REIT sectors, private equity,
commodities, rebalancing (docs/alternatives.md). Defaults are ours, documented, configurable
(BULWARK_ALTERNATIVES_*): a request may ask for tighter limits, never looser ones.

- volatility cap: a sleeve whose posted return series give an annualised volatility above the
  cap (sample volatility of the weighted sleeve's period returns x sqrt(periods a year)) is
  scaled down to the cap, the rest left unallocated (cash); default 25 % a year;
- REITs: no property sector above 50 % (at least two sectors);
- private equity: at most 10 % of the investor's net worth excluding the primary residence;
- commodities: no single commodity above 35 % of the sleeve (capped as the crypto sleeve is);
- rebalancing: on the last day of each calendar period (default quarterly), and between dates
  when a holding drifts more than the band (default 5 percentage points) from its target.
"""

from __future__ import annotations

import calendar
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

from domain.analytics.alternatives.crypto import DEFAULT_MARKET_CAP_FLOOR, MAX_SINGLE_ASSET
from domain.analytics.alternatives.errors import InvalidAlternativesInput


class RebalanceSchedule(StrEnum):
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    SEMIANNUAL = "semiannual"
    ANNUAL = "annual"

    @property
    def months(self) -> int:
        return {"monthly": 1, "quarterly": 3, "semiannual": 6, "annual": 12}[self.value]


@dataclass(frozen=True, slots=True)
class AlternativesLimits:
    crypto_max_weight: float = MAX_SINGLE_ASSET
    crypto_market_cap_floor: Decimal = DEFAULT_MARKET_CAP_FLOOR
    volatility_cap: float = 0.25
    periods_per_year: int = 12
    reit_max_sector_weight: float = 0.5
    private_equity_max_net_worth_fraction: Decimal = Decimal("0.10")
    commodity_max_weight: float = 0.35
    rebalance_schedule: RebalanceSchedule = RebalanceSchedule.QUARTERLY
    rebalance_drift_band: float = 0.05

    def __post_init__(self) -> None:
        if not 0.0 < self.crypto_max_weight <= MAX_SINGLE_ASSET:
            raise InvalidAlternativesInput("crypto_max_weight is in (0, 0.40]",
                                           field="crypto_max_weight")  # fmt: skip
        for name in ("volatility_cap", "reit_max_sector_weight", "commodity_max_weight",
                     "rebalance_drift_band"):  # fmt: skip
            value = getattr(self, name)
            if not (math.isfinite(value) and value > 0):
                raise InvalidAlternativesInput(f"{name} must be positive", field=name)
        if not Decimal(0) < self.private_equity_max_net_worth_fraction <= 1:
            raise InvalidAlternativesInput(
                "must be in (0, 1]", field="private_equity_max_net_worth_fraction"
            )


def tighter(asked: float | None, limit: float, field: str) -> float:
    """The request's limit when at most the configured one; the configured one when None."""
    if asked is None:
        return limit
    if not (math.isfinite(asked) and 0.0 < asked <= limit):
        raise InvalidAlternativesInput(f"{field} is in (0, {limit:g}] (the configured limit)",
                                       field=field)  # fmt: skip
    return asked


def next_rebalance(today: date, schedule: RebalanceSchedule) -> date:
    """The last day of the calendar period holding `today` (today when it is that day)."""
    months = schedule.months
    end_month = ((today.month - 1) // months + 1) * months
    return date(today.year, end_month, calendar.monthrange(today.year, end_month)[1])


def drifted(
    targets: Mapping[str, float], current: Mapping[str, float], band: float
) -> dict[str, float]:
    """The holdings whose weight is more than `band` from its target: symbol -> drift."""
    names = set(targets) | set(current)
    drift = {n: current.get(n, 0.0) - targets.get(n, 0.0) for n in names}
    return {n: d for n, d in sorted(drift.items()) if abs(d) > band + 1e-12}


def annualised_volatility(
    weights: Sequence[float], returns: Sequence[Sequence[float]], periods_per_year: int
) -> float:
    """Sample volatility of the weighted sleeve's period returns, annualised by sqrt(periods)."""
    length = min((len(r) for r in returns), default=0)
    if length < 2:
        return 0.0
    sleeve = [sum(w * r[t] for w, r in zip(weights, returns, strict=True)) for t in range(length)]
    mean = sum(sleeve) / length
    variance = sum((x - mean) ** 2 for x in sleeve) / (length - 1)
    return math.sqrt(variance * periods_per_year)


def volatility_scale(volatility: float, cap: float) -> float:
    """The factor (<= 1) that brings the sleeve's volatility to the cap."""
    return 1.0 if volatility <= cap else cap / volatility
