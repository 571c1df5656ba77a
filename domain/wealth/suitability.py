"""Suitability: a strategy's risk level against the investor's tolerance.

A strategy's level (1..5, the tolerance scale of domain/wealth/profile.py) is the highest that
any of these rules gives; each rule that raises it is named in the reasons:
- the equity risked per trade (sizing `risk_fraction`, for fixed-fraction and volatility
  sizing): <= 0.5 %: 1, <= 1 %: 2, <= 2 %: 3, <= 5 %: 4, above: 5;
- the largest position (`max_position_fraction` of equity): <= 10 %: 2, <= 25 %: 3,
  <= 50 %: 4, above: 5;
- no stop-loss: at least 4 (the loss of a position is bounded only by its size);
- short selling allowed: at least 4 (a short's loss has no ceiling).
A strategy above the investor's tolerance runs live only with the investor's explicit
confirmation (application/strategies/service.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from domain.strategies.definition import SizingMethod, Strategy
from domain.wealth.profile import RiskTolerance

_RISK_PER_TRADE = ((Decimal("0.005"), 1), (Decimal("0.01"), 2), (Decimal("0.02"), 3),
                   (Decimal("0.05"), 4))  # fmt: skip
_POSITION = ((Decimal("0.10"), 2), (Decimal("0.25"), 3), (Decimal("0.50"), 4))


@dataclass(frozen=True, slots=True)
class StrategyRisk:
    level: RiskTolerance
    reasons: tuple[str, ...]


def _band(value: Decimal, bands: tuple[tuple[Decimal, int], ...]) -> int:
    for upper, level in bands:
        if value <= upper:
            return level
    return 5


def strategy_risk(strategy: Strategy) -> StrategyRisk:
    """The strategy's risk level and the rules behind it (module doc)."""
    sizing = strategy.sizing
    found: list[tuple[int, str]] = []
    if sizing.method is not SizingMethod.FIXED_NOTIONAL:
        found.append((_band(sizing.risk_fraction, _RISK_PER_TRADE),
                      f"risks {sizing.risk_fraction} of equity a trade"))  # fmt: skip
    found.append((_band(sizing.max_position_fraction, _POSITION),
                  f"positions up to {sizing.max_position_fraction} of equity"))  # fmt: skip
    if not strategy.exit.has_stop:
        found.append((4, "no stop-loss"))
    if strategy.entry.allow_short:
        found.append((4, "sells short"))
    level = max(level for level, _ in found)
    return StrategyRisk(RiskTolerance(level), tuple(why for lvl, why in found if lvl == level))


@dataclass(frozen=True, slots=True)
class Suitability:
    risk: StrategyRisk
    tolerance: RiskTolerance

    @property
    def suitable(self) -> bool:
        return self.risk.level <= self.tolerance


def suitability(strategy: Strategy, tolerance: RiskTolerance) -> Suitability:
    return Suitability(strategy_risk(strategy), tolerance)
