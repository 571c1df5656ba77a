"""A symbol's fundamentals on the wire: each key ratio with its unit and definition."""

from __future__ import annotations

from datetime import datetime

from adapters.http.schemas.common import Output
from application.market_data.fundamentals import Fundamentals


class RatioOut(Output):
    """One ratio; `value` a plain decimal string as the vendor stated it (null: none stated).
    `unit`: money (the symbol's trading currency), multiple (x), or fraction (0.25 is 25 %)."""

    name: str
    value: str | None
    unit: str
    definition: str


class FundamentalsOut(Output):
    """The key ratios of `symbol` from the vendor `source`, as of `as_of`."""

    symbol: str
    source: str
    as_of: datetime
    ratios: list[RatioOut]

    @classmethod
    def from_domain(cls, found: Fundamentals) -> FundamentalsOut:
        return cls(
            symbol=found.symbol,
            source=found.source,
            as_of=found.as_of,
            ratios=[
                RatioOut(
                    name=r.name,
                    value=None if r.value is None else format(r.value.normalize(), "f"),
                    unit=r.unit,
                    definition=r.definition,
                )
                for r in found.ratios
            ],
        )
