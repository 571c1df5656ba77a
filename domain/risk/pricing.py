"""The price at which the gate values one unit of an order: the most it can fill at.

Every notional, exposure and margin control judges an order at `unit_price(order, mark)` ×
the instrument's multiplier, and the gate refuses an order without a positive mark before any
control runs. So an order can never be judged at less than it may cost:

- a market order at the mark (never zero: no mark, no decision);
- a buy limit, and a buy stop-limit, at the limit: they never pay more;
- a buy stop at the stop or the mark, whichever is higher: a stop below the market triggers at
  once and buys at the market, so valuing it at its stop would let a token stop price walk an
  order of any size past a notional cap;
- a sell at its limit or the mark, whichever is higher: a sell limit below the market fills near
  the market, and a sell's stop only decides when it turns into a market or limit order (at once
  above the market, later below it, where it sells for less than the mark).

The bypasses known in other order guards that this closes: a market order valued at zero for
want of a quote, a marketable buy limit valued at the quote instead of its limit, and a stop
priced away from the market to shrink its notional.
"""

from __future__ import annotations

from decimal import Decimal

from domain.trading.orders import Order, OrderType, Side

_BUY = Side.BUY
_MARKET = OrderType.MARKET
_STOP = OrderType.STOP


def unit_price(order: Order, mark: Decimal) -> Decimal:
    """The highest price `order` can fill at, given the instrument's `mark` (see the module)."""
    order_type = order.order_type
    if order_type is _MARKET:
        return mark
    limit = None if order_type is _STOP else order.limit_price
    if order.side is _BUY:
        if limit is not None:
            return limit  # a limit caps what a buy pays
        stop = order.stop_price
        return stop if stop is not None and stop > mark else mark
    return limit if limit is not None and limit > mark else mark
