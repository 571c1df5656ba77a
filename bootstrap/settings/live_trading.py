"""Live trading: the second approver of an opt-in, and the default limits of new accounts."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, ClassVar

import msgspec

from bootstrap.settings.base import Section, SettingsError

_MAX_NOTIONAL = Decimal(10**15)  # the MONEY kind's bound (domain/numbers.py)


class LiveTradingSettings(Section, frozen=True, kw_only=True):
    """BULWARK_LIVE_SECOND_APPROVER and BULWARK_DEFAULT_*: docs/live-trading.md."""

    env_prefix: ClassVar[str] = "live_"
    env_names: ClassVar[dict[str, str]] = {
        "default_limits": "default_limits",
        "default_max_order_notional": "default_max_order_notional",
        "default_max_daily_loss_pct": "default_max_daily_loss_pct",
        "default_orders_per_second": "default_orders_per_second",
        "default_max_open_orders": "default_max_open_orders",
    }

    # An owner's opt-in to live trading waits for a second person's approval (a risk officer
    # or an admin other than the owner) before the account may trade.
    second_approver: bool = False
    # Every account opened (API, console, CLI) gets one BLOCK rule of each kind below, its
    # owner's to tighten, loosen or delete; false: new accounts get none.
    default_limits: bool = True
    # The largest order, as quantity x price x multiplier, in the account's currency.
    default_max_order_notional: Decimal = Decimal(250_000)
    # The day's loss (realized + unrealized) as a fraction of the day's starting equity.
    default_max_daily_loss_pct: Decimal = Decimal("0.1")
    default_orders_per_second: Annotated[int, msgspec.Meta(ge=1, le=10_000)] = 20
    default_max_open_orders: Annotated[int, msgspec.Meta(ge=1, le=100_000)] = 200

    def check(self) -> None:
        notional = self.default_max_order_notional
        if not (notional.is_finite() and 0 < notional <= _MAX_NOTIONAL and _places(notional) <= 6):
            raise SettingsError(
                f"{self.var('default_max_order_notional')} must be a positive amount of at "
                "most 1e15, at most 6 decimal places"
            )
        loss = self.default_max_daily_loss_pct
        if not (loss.is_finite() and 0 < loss <= 1 and _places(loss) <= 8):
            raise SettingsError(
                f"{self.var('default_max_daily_loss_pct')} must be a fraction in (0, 1] "
                "(0.1 = 10%), at most 8 decimal places"
            )


def _places(value: Decimal) -> int:
    """Digits after the point as written (a finite value's)."""
    exponent = value.as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0
