"""Rebalancing: the default band and share rounding, and the autopilot's schedule."""

from __future__ import annotations

from decimal import Decimal
from typing import ClassVar

from bootstrap.settings.base import Seconds, Section, SettingsError


class RebalancingSettings(Section, frozen=True, kw_only=True):
    """BULWARK_REBALANCE_*: docs/rebalancing.md."""

    env_prefix: ClassVar[str] = "rebalance_"

    # The default tolerance band (absolute weight, a fraction: 0.05 = 5 points) a proposal
    # uses when the request names none; whole shares unless fractional.
    band: Decimal = Decimal("0.05")
    fractional: bool = False
    # The autopilot: off by default; when on, one pass every interval over the owners whose
    # planning autopilot is on and who set limits.
    autopilot: bool = False
    autopilot_interval_seconds: Seconds = 3600.0

    def __post_init__(self) -> None:
        if not self.band.is_finite() or not Decimal(0) <= self.band < Decimal(1):
            raise SettingsError(f"{self.var('band')} must be a fraction in [0, 1)")
