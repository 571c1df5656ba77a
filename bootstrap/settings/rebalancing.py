"""Rebalancing: the default band and share rounding, and the autopilot's schedule."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, ClassVar

import msgspec

from bootstrap.settings.base import Seconds, Section


class RebalancingSettings(Section, frozen=True, kw_only=True):
    """BULWARK_REBALANCE_*: docs/rebalancing.md."""

    env_prefix: ClassVar[str] = "rebalance_"

    # The default tolerance band (absolute weight, a fraction: 0.05 = 5 points) a proposal
    # uses when the request names none; whole shares unless fractional.
    band: Annotated[Decimal, msgspec.Meta(ge=0, lt=1)] = Decimal("0.05")
    fractional: bool = False
    # The autopilot: off by default; when on, one pass every interval over the owners whose
    # planning autopilot is on and who set limits.
    autopilot: bool = False
    autopilot_interval_seconds: Seconds = 3600.0
