"""Hand-built event flows for detector tests: one engine, times in seconds from a base."""

from __future__ import annotations

from dataclasses import dataclass, field

from domain.surveillance.detections import Detection
from domain.surveillance.engine import SurveillanceEngine
from domain.surveillance.rules import SurveillanceRules

BASE_US = 1_772_470_800_000_000  # 2026-03-02 17:00 UTC, 12:00 in New York (close: 21:00 UTC)
CLOSE_S = 4 * 3600.0  # seconds from BASE to the close
BUY, SELL = 1, -1


@dataclass
class Flow:
    """Drives an engine: `order`, `cancel`, `fill` at `t` seconds after BASE_US."""

    rules: SurveillanceRules | None = None
    engine: SurveillanceEngine = field(init=False)
    n: int = 0

    def __post_init__(self) -> None:
        self.engine = SurveillanceEngine(self.rules)

    def us(self, t: float) -> int:
        return BASE_US + round(t * 1_000_000)

    def order(
        self,
        t: float,
        side: int,
        qty: float,
        price: float | None,
        *,
        owner: str = "u1",
        account: str = "a1",
        agent: str = "bot1",
        symbol: str = "AAA",
        bid: float = 99.99,
        ask: float = 100.0,
    ) -> str:
        self.n += 1
        order_id = f"o{self.n}"
        self.engine.on_order(self.us(t), order_id, account, owner, agent, symbol, side, qty,
                             price or 0.0, bid, ask, price is None)  # fmt: skip
        return order_id

    def cancel(self, t: float, order_id: str, requested: bool = True) -> None:
        self.engine.on_cancel(self.us(t), order_id, requested)

    def fill(
        self,
        t: float,
        order_id: str,
        side: int,
        qty: float,
        price: float,
        *,
        owner: str = "u1",
        account: str = "a1",
        symbol: str = "AAA",
    ) -> None:
        self.n += 1
        self.engine.on_fill(self.us(t), order_id, account, owner, symbol, side, qty, price,
                            f"f{self.n}")  # fmt: skip

    def trade(self, t: float, side: int, qty: float, **who: str) -> str:
        """A market order filled at once at the touch (ask for a buy, bid for a sell)."""
        order_id = self.order(t, side, qty, None, **who)  # type: ignore[arg-type]
        fill_who = {k: v for k, v in who.items() if k != "agent"}
        self.fill(t, order_id, side, qty, 100.0 if side > 0 else 99.99, **fill_who)
        return order_id

    def history(self, t: float = 0.0, orders: int = 30, qty: float = 100.0) -> None:
        """A market maker's quotes (another owner): the symbol's typical order size."""
        for i in range(orders):
            side, price = (BUY, 99.99) if i % 2 else (SELL, 100.0)
            placed = self.order(
                t + i * 0.1, side, qty, price, owner="mm", account="mm-acc", agent="mm-bot"
            )
            self.cancel(t + i * 0.1 + 0.05, placed)

    def found(self) -> list[Detection]:
        return self.engine.take()
