"""A plan's figures taken from the investor profile when a request leaves them out.

The horizon is the profile's `horizon_years` in months. The risk tolerance picks the return
and volatility of a diversified stock/bond mix for that tolerance (the planning's long-run
assumptions, nominal, annual; docs/planning.md "Defaults from the investor profile"):

    conservative            20% stocks   return 4.0%   volatility  5%
    moderately_conservative 40% stocks   return 5.0%   volatility  8%
    moderate                60% stocks   return 6.0%   volatility 11%
    moderately_aggressive   80% stocks   return 7.0%   volatility 14%
    aggressive             100% stocks   return 8.0%   volatility 17%
"""

from __future__ import annotations

from dataclasses import dataclass

from domain.wealth.profile import InvestorProfile, RiskTolerance


@dataclass(frozen=True, slots=True)
class MixAssumption:
    equity_share: float
    annual_return: float
    annual_volatility: float


MIX_BY_TOLERANCE: dict[RiskTolerance, MixAssumption] = {
    RiskTolerance.CONSERVATIVE: MixAssumption(0.2, 0.04, 0.05),
    RiskTolerance.MODERATELY_CONSERVATIVE: MixAssumption(0.4, 0.05, 0.08),
    RiskTolerance.MODERATE: MixAssumption(0.6, 0.06, 0.11),
    RiskTolerance.MODERATELY_AGGRESSIVE: MixAssumption(0.8, 0.07, 0.14),
    RiskTolerance.AGGRESSIVE: MixAssumption(1.0, 0.08, 0.17),
}


def profile_defaults(profile: InvestorProfile) -> dict[str, float | int]:
    """The plan's fields the profile answers: horizon_months, annual_return, annual_volatility."""
    mix = MIX_BY_TOLERANCE[profile.risk_tolerance]
    return {
        "horizon_months": profile.horizon_years * 12,
        "annual_return": mix.annual_return,
        "annual_volatility": mix.annual_volatility,
    }
