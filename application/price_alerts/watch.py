"""The price alert watch: the process's quotes against the users' active alerts.

It follows the MarkBoard (`subscribe`): a quote only records its symbol's latest price, so a
burst of ticks costs one evaluation per symbol per pass. Each pass evaluates the alerts of
the symbols that moved (domain/notifications/price_alerts.py), stores an alert whose state
changed (a compare-and-set: of two instances watching the same quotes, one records a fire)
and hands each fire to the notification center as "price.alert" (source: the alert and its
fire count, so a repeated fire maps to the same deliveries). The active alerts are cached
and read again after a change through the API (`changed`) and every `refresh_seconds`
(alerts changed on another instance).

The price is the quote's last trade, or its mid when no trade is known.
"""

from __future__ import annotations

import asyncio
from collections import defaultdict
from collections.abc import Callable
from dataclasses import KW_ONLY, dataclass, field
from datetime import datetime
from decimal import Decimal

from application.notifications.center import NotificationCenter
from application.notifications.sources import plain
from domain.notifications.price_alerts import PriceAlert
from ports.core.clock import Clock
from ports.market_data.marketdata import MarkBoard, Quote
from ports.price_alerts.price_alerts import PriceAlertStore

EVENT = "price.alert"


def price_of(quote: Quote) -> Decimal | None:
    price = quote.last if quote.last > 0 else quote.mid
    return price if price > 0 else None


@dataclass(eq=False)
class PriceAlertWatch:
    store: PriceAlertStore
    center: NotificationCenter
    clock: Clock
    _: KW_ONLY
    refresh_seconds: float = 30.0
    _moved: dict[str, Decimal] = field(init=False, default_factory=dict)
    _by_symbol: dict[str, list[PriceAlert]] | None = field(init=False, default=None)
    _loaded_at: datetime | None = field(init=False, default=None)
    _wake: asyncio.Event = field(init=False, default_factory=asyncio.Event)
    fired: int = field(init=False, default=0)
    lost_races: int = field(init=False, default=0)
    failures: int = field(init=False, default=0)

    def follow(self, board: MarkBoard) -> Callable[[], None]:
        """Listens to the board's quotes; returns the unsubscribe."""
        return board.subscribe(self.on_quote)

    def on_quote(self, quote: Quote) -> None:
        price = price_of(quote)
        if price is None:
            return
        self._moved[quote.symbol] = price
        self._wake.set()

    def changed(self) -> None:
        """Alerts were created or deleted: read them again before the next evaluation."""
        self._by_symbol = None

    async def run(self, stop: asyncio.Event) -> None:
        """Evaluates moved symbols until `stop` is set (a failing pass is counted, not fatal)."""
        while not stop.is_set():
            waiter = asyncio.ensure_future(self._wake.wait())
            stopper = asyncio.ensure_future(stop.wait())
            await asyncio.wait({waiter, stopper}, return_when=asyncio.FIRST_COMPLETED)
            waiter.cancel()
            stopper.cancel()
            if stop.is_set():
                return
            try:
                await self.evaluate()
            except Exception:  # a store outage: the next quote tries again
                self.failures += 1

    async def evaluate(self) -> int:
        """One pass over the symbols that moved since the last; the number of fires."""
        self._wake.clear()
        moved, self._moved = self._moved, {}
        if not moved:
            return 0
        alerts = await self._alerts()
        now = self.clock.now()
        fires = 0
        for symbol, price in moved.items():
            held = alerts.get(symbol)
            if not held:
                continue
            for index, alert in enumerate(list(held)):
                after, fired = alert.observe(price, now)
                if after.state is alert.state and not fired:
                    continue
                if not await self.store.save(after, alert):
                    self.lost_races += 1
                    self.changed()  # stored elsewhere: read it again next pass
                    continue
                held[index] = after
                if fired:
                    fires += 1
                    await self._notify(after, price)
        self.fired += fires
        return fires

    async def _alerts(self) -> dict[str, list[PriceAlert]]:
        now = self.clock.now()
        stale = (
            self._loaded_at is None
            or (now - self._loaded_at).total_seconds() >= self.refresh_seconds
        )
        if self._by_symbol is None or stale:
            grouped: dict[str, list[PriceAlert]] = defaultdict(list)
            for alert in await self.store.active():
                grouped[alert.symbol].append(alert)
            self._by_symbol = dict(grouped)
            self._loaded_at = now
        return self._by_symbol

    async def _notify(self, alert: PriceAlert, price: Decimal) -> None:
        data: dict[str, object] = {
            "alert_id": alert.id,
            "symbol": alert.symbol,
            "direction": alert.direction.value,
            "threshold": plain(alert.threshold),
            "price": plain(price),
            "mode": alert.mode.value,
            "fired_count": alert.fired_count,
            "note": alert.note,
        }
        source = f"price-alert:{alert.id}:{alert.fired_count}"
        await self.center.notify(alert.owner_id, EVENT, data, source_id=source)
