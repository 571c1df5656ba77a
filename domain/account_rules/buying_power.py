"""Day-trading buying power (FINRA Rule 4210(f)(8)(B)(iv)(c)): a pattern day trader may open
intraday up to 4 times the maintenance margin excess of the previous close.

The day's opening exposure (everything the day's fills opened, at their prices, whether or not
closed since, plus working opening orders and this order) may not pass it: exactly at passes.
"""

from __future__ import annotations

from decimal import Decimal

from domain.account_rules.pattern_day_trader import PATTERN
from domain.numbers import ZERO

DAY_TRADING_MULTIPLE = Decimal(4)


def is_pattern_day_trader(*, margin: bool, day_trades_before_today: int) -> bool:
    """A margin account with 4 or more day trades in the five business days before today
    (designated at the close, as brokers flag it)."""
    return margin and day_trades_before_today >= PATTERN


def day_trading_buying_power(equity_at_close: Decimal, maintenance_at_close: Decimal) -> Decimal:
    """4 × the maintenance margin excess at the previous close; never below zero."""
    return max(ZERO, DAY_TRADING_MULTIPLE * (equity_at_close - maintenance_at_close))


def buying_power_denial(power: Decimal, used: Decimal, order_value: Decimal) -> str | None:
    """Why an opening order of `order_value` is refused when `used` is already open today."""
    if used + order_value <= power:
        return None
    return (
        f"the day's opening exposure would be {used + order_value:,.2f}, beyond the "
        f"day-trading buying power of {power:,.2f} (4 x the maintenance excess at the "
        f"previous close)"
    )
