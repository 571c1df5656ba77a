"""FINRA's pattern-day-trader rule (Rule 4210(f)(8)(B)) as a pre-trade control.

A margin account whose equity is under 25,000 may make at most 3 day trades within five
business days: an order that would make a 4th (close a position opened the same day while 3
are already counted in the last five business days, today included) is denied. A cash account
and an account with 25,000 or more are not restricted by it.
"""

from __future__ import annotations

from decimal import Decimal

MINIMUM_EQUITY = Decimal(25000)
DAY_TRADES_ALLOWED = 3
WINDOW_DAYS = 5
# Day trades within the window that make an account a pattern day trader.
PATTERN = DAY_TRADES_ALLOWED + 1


def restricted(*, margin: bool, equity: Decimal) -> bool:
    """Whether the rule binds the account at all."""
    return margin and equity < MINIMUM_EQUITY


def pattern_day_trade_denial(
    *, margin: bool, equity: Decimal, day_trades: int, makes_day_trade: bool
) -> str | None:
    """Why the order is refused, or None: `day_trades` is the count in the window (working
    orders that will make one included), `makes_day_trade` whether this order makes one."""
    if not makes_day_trade or not restricted(margin=margin, equity=equity):
        return None
    if day_trades < DAY_TRADES_ALLOWED:
        return None
    return (
        f"{day_trades} day trades in the last {WINDOW_DAYS} business days: another needs "
        f"equity of at least {MINIMUM_EQUITY:,} in a margin account (equity {equity:,.2f})"
    )
