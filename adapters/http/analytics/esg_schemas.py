"""/api/v1/analytics/esg DTOs (docs/esg.md). Holdings in, figures out as decimal strings
rounded half-even: scores to 4 places, weights and coverage fractions to 6, emissions and
intensities to 4, attribution factors to 12. Every response names its data set (and whether
it is synthetic) and its conventions."""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_EVEN, Decimal
from typing import Annotated, Any

import msgspec

from adapters.http.schemas.common import Input, Mirror, Output
from adapters.http.wire_format import MoneyOut
from adapters.wire.numbers import Money, UnitInterval
from application.analytics.esg import MAX_HOLDINGS, EsgQuery, EsgView
from application.portfolio.portfolio_values import PostedHolding, ValuedHoldings
from domain.analytics.esg.carbon import CarbonReport, HoldingCarbon
from domain.analytics.esg.model import EsgRecord, ExclusionCategory
from domain.analytics.esg.portfolio import (
    DEFAULT_THRESHOLDS,
    Coverage,
    EsgScore,
    HoldingScore,
    ScreenedHolding,
    ScreenReport,
)
from ports.analytics.esg import EsgDataset


def q(value: Decimal | None, places: int) -> str | None:
    """`value` rounded half-even to `places`, as plain text (None stays None)."""
    if value is None:
        return None
    rounded = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_EVEN)
    return "0" if rounded == 0 else format(rounded, "f")


def _q(value: Decimal, places: int) -> str:
    text = q(value, places)
    assert text is not None
    return text


def rounded(source: object, places: int, *names: str) -> dict[str, Any]:
    """Each of `names` as `source`'s attribute of that name, rounded half-even to `places`."""
    return {name: q(getattr(source, name), places) for name in names}


PILLARS = ("score", "environmental", "social", "governance")


SCORE_CONVENTIONS = {
    "score": "0-100, higher is better; value-weighted over the covered holdings only: "
    "sum(v s) / sum(v)",
    "pillars": "environmental, social, governance: each over the holdings with that pillar",
    "coverage": "by_value = covered value / total value; by_count = covered / holdings",
    "weight": "holding value / total value of the holdings (cash left out)",
}
SCREEN_CONVENTIONS = {
    "breach": "revenue share >= threshold and > 0 (threshold 0: any involvement)",
    "revenue_share": "fraction of the issuer's revenue from the business",
    "weights": "fractions of the total value; by_category: weight breaching each category "
    "(a holding breaching two counts in both)",
    "unscreened": "holdings without ESG data: neither passed nor excluded",
    "defaults": "tobacco 0 and thermal_coal 0.01 (EU Paris-aligned benchmark exclusions, "
    "Reg. (EU) 2020/1818 art. 12); alcohol, gambling, weapons, adult_entertainment 0.05",
}
CARBON_CONVENTIONS = {
    "emissions": "GHG Protocol scope 1 + scope 2, tonnes CO2e a year",
    "waci": "TCFD: sum w_i E_i / revenue_i (USD million), w over the holdings with emissions "
    "and revenue; tCO2e per USD million of revenue",
    "financed_emissions": "PCAF (Part A, 2022): sum (value_i / EVIC_i) E_i, tCO2e",
    "carbon_footprint": "financed emissions / covered value in USD million: tCO2e per USD "
    "million invested",
    "pcaf_quality": "value-weighted PCAF data quality score, 1 (best) to 5",
    "evic": "enterprise value including cash, USD",
}


class EsgHoldingIn(Input):
    symbol: Annotated[str, msgspec.Meta(min_length=1, max_length=32)]
    value: Annotated[Money, msgspec.Meta(description="Market value in `currency`, > 0")]


class EsgQueryIn(Input):
    """Exactly one of `holdings` (values in `currency`), `portfolio_id` (a ledger portfolio of
    yours) or `account_id` (a trading account you may read)."""

    holdings: Annotated[
        list[EsgHoldingIn] | None, msgspec.Meta(description=f"1 to {MAX_HOLDINGS:,} holdings")
    ] = None
    portfolio_id: Annotated[str, msgspec.Meta(min_length=1, max_length=64)] | None = None
    currency: Annotated[str, msgspec.Meta(min_length=3, max_length=3)] = "USD"
    account_id: Annotated[str, msgspec.Meta(min_length=1, max_length=64)] | None = None

    def to_query(self) -> EsgQuery:
        holdings = (
            None
            if self.holdings is None
            else [PostedHolding(h.symbol, Decimal(h.value)) for h in self.holdings]
        )
        return EsgQuery(
            holdings=holdings,
            portfolio_id=self.portfolio_id,
            currency=self.currency,
            account_id=self.account_id,
        )


class EsgScreenIn(EsgQueryIn):
    thresholds: Annotated[
        dict[Annotated[str, msgspec.Meta(max_length=40)], UnitInterval] | None,
        msgspec.Meta(
            description="Revenue-share thresholds by category (fractions); given, only these "
            "categories are screened. Default: "
            + ", ".join(f"{c.value} {t}" for c, t in DEFAULT_THRESHOLDS.items())
        ),
    ] = None

    def to_thresholds(self) -> dict[str, Decimal] | None:
        if self.thresholds is None:
            return None
        return {k: Decimal(v) for k, v in self.thresholds.items()}


class EsgDatasetOut(Mirror[EsgDataset]):
    source: str
    as_of: date | None
    issuers: int
    synthetic: bool


class EsgHoldingsSourceOut(Output):
    """What the holdings were read from: `posted`, a ledger `portfolio` or a trading
    `account`; what was left out ("SYMBOL: why"); the stored cash beside them (not an issuer,
    never weighed; 0 for posted holdings)."""

    kind: str
    portfolio_id: str | None
    account_id: str | None
    currency: str
    left_out: list[str]
    cash_left_out: MoneyOut

    @classmethod
    def from_domain(cls, h: ValuedHoldings) -> EsgHoldingsSourceOut:
        kind = "portfolio" if h.portfolio_id else "account" if h.account_id else "posted"
        return cls(
            kind=kind,
            portfolio_id=h.portfolio_id,
            account_id=h.account_id,
            currency=h.currency,
            left_out=list(h.left_out),
            cash_left_out=h.cash,
        )


def _provenance(view: EsgView[Any], conventions: dict[str, str]) -> dict[str, Any]:
    """Where a report's holdings and ESG data came from, and the conventions it follows."""
    return {
        "source": EsgHoldingsSourceOut.from_domain(view.holdings),
        "dataset": EsgDatasetOut.from_domain(view.dataset),
        "conventions": conventions,
    }


class EsgCoverageOut(Output):
    value: str
    count: int
    total_count: int
    by_value: str
    by_count: str

    @classmethod
    def from_domain(cls, c: Coverage) -> EsgCoverageOut:
        return cls.from_attributes(c, **rounded(c, 6, "value", "by_value", "by_count"))


class EsgHoldingScoreOut(Output):
    symbol: str
    value: str
    weight: str
    score: str | None
    environmental: str | None
    social: str | None
    governance: str | None

    @classmethod
    def from_domain(cls, h: HoldingScore) -> EsgHoldingScoreOut:
        return cls.from_attributes(h, **rounded(h, 6, "value", "weight"), **rounded(h, 4, *PILLARS))


class EsgScoreOut(Output):
    total_value: str
    score: str | None
    environmental: str | None
    social: str | None
    governance: str | None
    coverage: EsgCoverageOut
    holdings: list[EsgHoldingScoreOut]
    uncovered: list[str]
    source: EsgHoldingsSourceOut
    dataset: EsgDatasetOut
    conventions: dict[str, str]

    @classmethod
    def from_view(cls, view: EsgView[EsgScore]) -> EsgScoreOut:
        r = view.result
        return cls(
            total_value=_q(r.total_value, 6),
            **rounded(r, 4, *PILLARS),
            coverage=EsgCoverageOut.from_domain(r.coverage),
            holdings=[EsgHoldingScoreOut.from_domain(h) for h in r.holdings],
            uncovered=list(r.uncovered),
            **_provenance(view, SCORE_CONVENTIONS),
        )


class EsgBreachOut(Output):
    category: str
    revenue_share: str
    threshold: str


class EsgScreenedHoldingOut(Output):
    symbol: str
    value: str
    weight: str
    breaches: list[EsgBreachOut]

    @classmethod
    def from_domain(cls, h: ScreenedHolding) -> EsgScreenedHoldingOut:
        return cls.from_attributes(
            h,
            **rounded(h, 6, "value", "weight"),
            breaches=[
                EsgBreachOut(
                    category=b.category.value,
                    revenue_share=_q(b.revenue_share, 6),
                    threshold=_q(b.threshold, 6),
                )
                for b in h.breaches
            ],
        )


class EsgScreenOut(Output):
    total_value: str
    thresholds: dict[str, str]
    excluded: list[EsgScreenedHoldingOut]
    excluded_value: str
    excluded_weight: str
    by_category: dict[str, str]
    passed_weight: str
    unscreened: list[EsgScreenedHoldingOut]
    unscreened_weight: str
    source: EsgHoldingsSourceOut
    dataset: EsgDatasetOut
    conventions: dict[str, str]

    @classmethod
    def from_view(cls, view: EsgView[ScreenReport]) -> EsgScreenOut:
        r = view.result
        weights = ("excluded_value", "excluded_weight", "passed_weight", "unscreened_weight")
        return cls(
            total_value=_q(r.total_value, 6),
            thresholds={c.value: _q(t, 6) for c, t in r.thresholds.items()},
            excluded=[EsgScreenedHoldingOut.from_domain(h) for h in r.excluded],
            by_category={c.value: _q(w, 6) for c, w in r.by_category.items()},
            unscreened=[EsgScreenedHoldingOut.from_domain(h) for h in r.unscreened],
            **rounded(r, 6, *weights),
            **_provenance(view, SCREEN_CONVENTIONS),
        )


class EsgHoldingCarbonOut(Output):
    symbol: str
    value: str
    emissions_tco2e: str | None
    intensity: str | None
    attribution_factor: str | None
    financed_tco2e: str | None
    pcaf_quality: int | None

    @classmethod
    def from_domain(cls, h: HoldingCarbon) -> EsgHoldingCarbonOut:
        return cls.from_attributes(
            h,
            value=_q(h.value, 6),
            **rounded(h, 4, "emissions_tco2e", "intensity", "financed_tco2e"),
            attribution_factor=q(h.attribution_factor, 12),
        )


class EsgCarbonOut(Output):
    total_value: str
    waci: str | None
    waci_coverage: EsgCoverageOut
    financed_emissions: str | None
    carbon_footprint: str | None
    financed_coverage: EsgCoverageOut
    pcaf_quality: str | None
    holdings: list[EsgHoldingCarbonOut]
    attribution_above_one: list[str]
    source: EsgHoldingsSourceOut
    dataset: EsgDatasetOut
    conventions: dict[str, str]

    @classmethod
    def from_view(cls, view: EsgView[CarbonReport]) -> EsgCarbonOut:
        r = view.result
        return cls(
            total_value=_q(r.total_value, 6),
            **rounded(r, 4, "waci", "financed_emissions", "carbon_footprint", "pcaf_quality"),
            waci_coverage=EsgCoverageOut.from_domain(r.waci_coverage),
            financed_coverage=EsgCoverageOut.from_domain(r.financed_coverage),
            holdings=[EsgHoldingCarbonOut.from_domain(h) for h in r.holdings],
            attribution_above_one=list(r.attribution_above_one),
            **_provenance(view, CARBON_CONVENTIONS),
        )


class EsgIssuerOut(Output):
    symbol: str
    name: str
    sector: str
    as_of: date
    score: str | None
    environmental: str | None
    social: str | None
    governance: str | None
    revenue_shares: dict[str, str]
    scope1_tco2e: str | None
    scope2_tco2e: str | None
    revenue_musd: str | None
    evic_musd: str | None
    pcaf_quality: int | None
    dataset: EsgDatasetOut

    @classmethod
    def from_domain(cls, r: EsgRecord, dataset: EsgDataset) -> EsgIssuerOut:
        figures = ("scope1_tco2e", "scope2_tco2e", "revenue_musd", "evic_musd")
        return cls.from_attributes(
            r,
            **rounded(r, 4, *PILLARS, *figures),
            revenue_shares={
                c.value: _q(r.revenue_shares[c], 6)
                for c in ExclusionCategory
                if c in r.revenue_shares
            },
            dataset=EsgDatasetOut.from_domain(dataset),
        )
