"""/api/v1/planning/illiquid-assets DTOs (docs/alternatives.md): money as decimal strings."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated

import msgspec

from adapters.http.schemas.common import Input, Mirror, Output, doc
from adapters.http.wire_format import AnalyticOut, MoneyOut, RateOut
from adapters.wire.numbers import Money, SignedMoney
from application.portfolio.illiquid_assets import IlliquidView, NewIlliquidAsset, NewValuation
from application.portfolio.portfolios import Page
from domain.portfolio.illiquid import IlliquidAsset, IlliquidKind, Valuation, ValuationMethod

_DECIMAL = 'a decimal string such as "450000.00" (a JSON number is read too)'


class IlliquidAssetIn(Input):
    portfolio_id: Annotated[str, msgspec.Meta(max_length=64)]
    name: Annotated[str, doc("1 to 100 printable characters"), msgspec.Meta(max_length=200)]
    kind: Annotated[str, doc(", ".join(k.value for k in IlliquidKind))]
    acquired: Annotated[date, doc("Acquisition date, not after today (UTC)")]
    cost: Annotated[Money, doc(f"What it cost, > 0, in `currency`; {_DECIMAL}")]
    currency: Annotated[
        Annotated[str, msgspec.Meta(max_length=8)] | None,
        doc("ISO 4217; default: the portfolio's base currency"),
    ] = None
    note: Annotated[str, msgspec.Meta(max_length=500)] = ""

    def to_new(self) -> NewIlliquidAsset:
        return NewIlliquidAsset(
            self.portfolio_id, self.name, self.kind, self.acquired, self.cost, self.currency,
            self.note,
        )  # fmt: skip


class ValuationIn(Input):
    as_of: Annotated[date, doc("The valuation's date: from acquisition to today, one a day")]
    value: Annotated[SignedMoney, doc(f"What it is worth, >= 0 (0: written off); {_DECIMAL}")]
    method: Annotated[str, doc(", ".join(m.value for m in ValuationMethod))]
    note: Annotated[str, msgspec.Meta(max_length=500)] = ""

    def to_new(self) -> NewValuation:
        return NewValuation(self.as_of, self.value, self.method, self.note)


class ValuationOut(Mirror[Valuation]):
    as_of: date
    value: MoneyOut
    method: str
    recorded_at: datetime
    note: str

    enum_values = ("method",)


class AppreciationPointOut(Output):
    as_of: date
    value: MoneyOut
    source: str
    change: MoneyOut | None
    change_fraction: RateOut | None
    total_appreciation: MoneyOut
    total_return: RateOut
    annualized_return: AnalyticOut | None


class IlliquidAssetOut(Output):
    id: str
    portfolio_id: str
    name: str
    kind: str
    currency: str
    acquired: date
    cost: MoneyOut
    created_at: datetime
    note: str
    latest_value: MoneyOut | None = None
    latest_as_of: date | None = None

    @classmethod
    def from_domain(cls, a: IlliquidAsset, latest: Valuation | None = None) -> IlliquidAssetOut:
        return cls.from_attributes(
            a,
            kind=a.kind.value,
            latest_value=None if latest is None else latest.value,
            latest_as_of=None if latest is None else latest.as_of,
        )


CONVENTIONS = {
    "money": "decimal strings in the asset's currency",
    "change_fraction": "(value - previous value) / previous value",
    "total_return": "(value - cost) / cost, since acquisition",
    "annualized_return": "(value / cost) ^ (365 / days since acquisition) - 1 (ACT/365); "
    "null on the acquisition day",
    "stale": "the latest value is more than 365 days old",
}


class IlliquidAssetDetailOut(Output):
    asset: IlliquidAssetOut
    valuations: list[ValuationOut]
    history: list[AppreciationPointOut]
    latest_value: MoneyOut
    latest_as_of: date
    stale: bool
    conventions: dict[str, str]

    @classmethod
    def from_view(cls, view: IlliquidView) -> IlliquidAssetDetailOut:
        h = view.history
        return cls(
            asset=IlliquidAssetOut.from_domain(view.asset),
            valuations=[ValuationOut.from_domain(v) for v in view.valuations],
            history=[AppreciationPointOut.from_attributes(p) for p in h.points],
            latest_value=h.latest_value,
            latest_as_of=h.latest_as_of,
            stale=h.stale,
            conventions=CONVENTIONS,
        )


class IlliquidAssetPageOut(Output):
    items: list[IlliquidAssetOut]
    next_cursor: str | None

    @classmethod
    def from_page(cls, page: Page[tuple[IlliquidAsset, Valuation | None]]) -> IlliquidAssetPageOut:
        return cls([IlliquidAssetOut.from_domain(a, v) for a, v in page.items], page.next_cursor)
