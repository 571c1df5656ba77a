"""Futures use cases: a product's term structure on a day, the crack spread from the source's
settlements, and both on posted prices (docs/markets-macro.md).

The crack from the source takes the crude, gasoline and distillate contracts of the same
delivery month (the contract code's month letter and year, CLG25 / RBG25 / HOG25): the
earliest month all three list on the day. Query text is parsed here so a refusal is 422
INVALID_MARKET_INPUT naming the parameter.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from application.markets.query_dates import parse_day
from domain.analytics.futures import (
    CrackSpread,
    FuturesQuote,
    InvalidMarketInput,
    TermStructure,
    crack_spread,
    term_structure,
)
from domain.errors import NotFound
from ports.core.clock import Clock
from ports.markets.futures import ContractSpec, FuturesCurve, FuturesCurvePort

_DELIVERY = re.compile(r"([FGHJKMNQUVXZ])(\d{2})$")
DEFAULT_LEGS = ("CL", "RB", "HO")


class NoSettlements(NotFound):
    """The source has no settlements of the product on or before the day (404 naming date)."""

    code = "NO_SETTLEMENTS"


@dataclass(frozen=True, slots=True)
class CurveView:
    spec: ContractSpec | None  # None for a posted curve
    requested: date
    structure: TermStructure
    source: str


@dataclass(frozen=True, slots=True)
class CrackView:
    requested: date
    as_of: date | None  # the settlement day used (None for posted prices)
    contracts: tuple[str, str, str] | None  # crude, gasoline, distillate codes used
    crack: CrackSpread
    source: str


@dataclass(eq=False)
class FuturesService:
    futures: FuturesCurvePort
    clock: Clock

    @property
    def source(self) -> str:
        return self.futures.name

    def today(self) -> date:
        return self.clock.now().date()

    async def contracts(self) -> list[ContractSpec]:
        return await self.futures.contracts()

    async def curve(self, root: str, day_text: str | None) -> CurveView:
        day = parse_day(day_text, "date", InvalidMarketInput) or self.today()
        curve = await self._settled(root, day)
        structure = term_structure(curve.day, curve.quotes, curve.spot)
        return CurveView(curve.spec, day, structure, self.futures.name)

    def posted_curve(
        self, as_of: date, quotes: Sequence[FuturesQuote], spot: Decimal | None
    ) -> CurveView:
        return CurveView(None, as_of, term_structure(as_of, quotes, spot), "posted")

    async def crack(
        self,
        day_text: str | None,
        ratio: tuple[int, int, int] = (3, 2, 1),
        legs: tuple[str, str, str] = DEFAULT_LEGS,
    ) -> CrackView:
        day = parse_day(day_text, "date", InvalidMarketInput) or self.today()
        curves = [await self._settled(root, day) for root in legs]
        as_of = min(c.day for c in curves)
        chosen = _same_delivery_month(curves)
        if chosen is None:
            raise NoSettlements(
                f"{'/'.join(legs)} list no common delivery month on or before {day.isoformat()}",
                field="date",
            )
        crude, gasoline, distillate = chosen
        crack = crack_spread(crude.price, gasoline.price, distillate.price, ratio)
        codes = (crude.contract, gasoline.contract, distillate.contract)
        return CrackView(day, as_of, codes, crack, self.futures.name)

    def posted_crack(
        self,
        as_of: date,
        crude: Decimal,
        gasoline: Decimal,
        distillate: Decimal,
        ratio: tuple[int, int, int],
    ) -> CrackView:
        return CrackView(
            as_of, None, None, crack_spread(crude, gasoline, distillate, ratio), "posted"
        )

    async def _settled(self, root: str, day: date) -> FuturesCurve:
        curve = await self.futures.curve(root, day)
        if curve is None or not curve.quotes:
            raise NoSettlements(
                f"no {root.upper()[:8]} settlements on or before {day.isoformat()}", field="date"
            )
        return curve


def _same_delivery_month(
    curves: Sequence[FuturesCurve],
) -> tuple[FuturesQuote, FuturesQuote, FuturesQuote] | None:
    by_month = [
        {m.group(0): q for q in c.quotes if (m := _DELIVERY.search(q.contract))} for c in curves
    ]
    common = set(by_month[0]).intersection(*by_month[1:])
    if not common:
        return None
    month = min(common, key=lambda key: by_month[0][key].expiry)
    crude, gasoline, distillate = (months[month] for months in by_month)
    return crude, gasoline, distillate
