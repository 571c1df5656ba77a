"""The kill switch's flatten: each position closed by a reduce-only limit order inside a price
collar around its reference price, never a market order into whatever the book offers.

A long is sold at no less than `mark × (1 − collar)`, a short bought back at no more than
`mark × (1 + collar)`, the limit rounded inward to the mark's own decimal places so it never
lies outside the collar. A position without a reference price is not closed and is named on
the verdict (`close SYMBOL: no reference price`): its venue asked again shows it still held,
so the account is not reported flat. A close that does not fill (the market moved past the
collar) stays working and is named on the verdict as a closing order still open.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal

from domain.principals import Principal
from domain.trading.orders import Order, OrderType, Origin, OriginKind, Side, TimeInForce
from ports.core.clock import IdGenerator
from ports.market_data.marketdata import MarketDataPort
from ports.trading.broker import BrokerError, BrokerPort, BrokerPosition, CloseResult

ZERO = Decimal(0)
ONE = Decimal(1)
KILL_SWITCH = Origin(OriginKind.USER, Principal.system().id)  # the kill switch sends it


def collared_limit(side: Side, mark: Decimal, collar: Decimal) -> Decimal:
    """The worst price a close may trade at: the collar's edge, rounded inward to the mark's
    decimal places (a sell's up, a buy's down)."""
    places = Decimal(1).scaleb(min(mark.as_tuple().exponent, -2))  # type: ignore[arg-type]
    if side is Side.SELL:
        return (mark * (ONE - collar)).quantize(places, rounding=ROUND_CEILING)
    return (mark * (ONE + collar)).quantize(places, rounding=ROUND_FLOOR)


def closing_order(position: BrokerPosition, mark: Decimal, collar: Decimal, order_id: str) -> Order:
    """The reduce-only limit order that closes `position` inside the collar around `mark`."""
    side = Side.SELL if position.quantity > ZERO else Side.BUY
    return Order(
        id=order_id,
        client_order_id=order_id,
        account_id=position.account_id,
        symbol=position.symbol,
        side=side,
        quantity=abs(position.quantity),
        origin=KILL_SWITCH,
        order_type=OrderType.LIMIT,
        time_in_force=TimeInForce.DAY,
        limit_price=collared_limit(side, mark, collar),
        reduce_only=True,
    )


@dataclass(frozen=True, slots=True)
class CollaredCloses:
    """Sends the closing orders of an account's positions inside the collar (a fraction of
    the reference price, e.g. 0.05 for 5 %)."""

    marks: MarketDataPort
    ids: IdGenerator
    collar: Decimal

    def __post_init__(self) -> None:
        if not ZERO < self.collar < ONE:
            raise ValueError(f"the flatten collar is a fraction between 0 and 1, not {self.collar}")

    async def close(self, broker: BrokerPort, account_id: str) -> list[CloseResult]:
        """One result per position held: its closing order sent, or why it was not."""
        held = [p for p in await broker.positions(account_id) if p.quantity != ZERO]
        if not held:
            return []
        marks = await self.marks.reference_prices(sorted({p.symbol for p in held}))
        return list(await asyncio.gather(*(self._close(broker, p, marks) for p in held)))

    async def _close(
        self, broker: BrokerPort, position: BrokerPosition, marks: dict[str, Decimal]
    ) -> CloseResult:
        mark = marks.get(position.symbol)
        if mark is None or mark <= ZERO:
            return CloseResult(position.symbol, ok=False, error="no reference price")
        order = closing_order(position, mark, self.collar, self.ids.new("close-"))
        try:
            sent = await broker.submit(order)
        except BrokerError as exc:
            return CloseResult(position.symbol, ok=False, error=exc.code.value)
        return CloseResult(position.symbol, ok=True, order=sent)


__all__: Sequence[str] = ["CollaredCloses", "closing_order", "collared_limit"]
