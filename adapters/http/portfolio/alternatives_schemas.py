"""POST /api/v1/planning/alternatives/* DTOs (docs/alternatives.md).

Money is a decimal string (a JSON number is read too) through the API's number rule; weights,
caps, returns and inflation are plain JSON numbers (fractions). Amounts answered are decimal
strings in `currency`, split to the cent.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated

import msgspec

from adapters.http.schemas.common import Input, Output, doc
from adapters.http.wire_format import AnalyticOut, MoneyOut, RateOut
from adapters.wire.numbers import Money, SignedMoney
from application.portfolio.alternatives import (
    MAX_ITEMS,
    MAX_PERIODS,
    CommodityResult,
    CryptoResult,
    PrivateEquityResult,
    ReitResult,
    SleeveResult,
    parse_requirement,
)
from domain.analytics.alternatives.accredited import Fund, InvestorFinances
from domain.analytics.alternatives.crypto import (
    DEFAULT_MARKET_CAP_FLOOR,
    MAX_SINGLE_ASSET,
    CryptoAsset,
)
from domain.analytics.alternatives.limits import AlternativesLimits, next_rebalance
from domain.analytics.alternatives.reits import SECTORS, Reit

_DECIMAL = 'a decimal string such as "25000.00" (a JSON number is read too)'


class SleeveIn(Input):
    amount: Annotated[Money, doc(f"Money to allocate, > 0; {_DECIMAL}")]
    currency: Annotated[str, doc("ISO 4217"), msgspec.Meta(max_length=8)] = "USD"


class CryptoAssetIn(Input):
    symbol: Annotated[str, msgspec.Meta(max_length=64)]
    market_cap: Annotated[Money, doc(f"Market capitalisation in `currency`; {_DECIMAL}")]


class CryptoIn(SleeveIn, kw_only=True):
    assets: Annotated[list[CryptoAssetIn], doc(f"1 to {MAX_ITEMS} coins, unique symbols")]
    max_weight: Annotated[
        float | None,
        doc(
            f"Single-asset cap, at most the configured limit (default {MAX_SINGLE_ASSET:g}, "
            "the rule's)"
        ),
    ] = None
    market_cap_floor: Annotated[
        SignedMoney | None,
        doc(
            f"Coins below it are left out; default the configured floor "
            f"({DEFAULT_MARKET_CAP_FLOOR} unless set)"
        ),
    ] = None

    def coins(self) -> list[CryptoAsset]:
        return [CryptoAsset(a.symbol, a.market_cap) for a in self.assets]


class ReitIn(Input):
    symbol: Annotated[str, msgspec.Meta(max_length=64)]
    sector: Annotated[str, doc(f"A Nareit property sector: {', '.join(SECTORS)}")]
    market_cap: Annotated[Money, doc(_DECIMAL)]


class ReitsIn(SleeveIn, kw_only=True):
    reits: Annotated[list[ReitIn], doc(f"1 to {MAX_ITEMS} REITs, unique symbols")]
    max_sector_weight: Annotated[
        float | None,
        doc(
            "Refused when equal sector shares cannot stay under it; default and loosest: the "
            "configured limit (0.5 unless set)"
        ),
    ] = None

    def to_reits(self) -> list[Reit]:
        return [Reit(r.symbol, r.sector, r.market_cap) for r in self.reits]


class InvestorIn(Input):
    """US dollars; totals include the primary residence and the debt it secures."""

    income_two_years_ago: SignedMoney = SignedMoney(0)
    income_last_year: SignedMoney = SignedMoney(0)
    joint_income_two_years_ago: SignedMoney | None = None
    joint_income_last_year: SignedMoney | None = None
    expects_same_income: bool = False
    assets: SignedMoney = SignedMoney(0)
    liabilities: SignedMoney = SignedMoney(0)
    primary_residence_value: SignedMoney = SignedMoney(0)
    residence_debt: SignedMoney = SignedMoney(0)
    residence_debt_added_60_days: SignedMoney = SignedMoney(0)
    licenses: Annotated[list[str], doc("series_7, series_65, series_82")] = msgspec.field(
        default_factory=list
    )
    knowledgeable_employee: bool = False
    issuer_insider: bool = False
    investments: Annotated[SignedMoney, doc("As Rule 2a51-1 defines them")] = SignedMoney(0)

    def to_domain(self) -> InvestorFinances:
        return self.into(InvestorFinances, licenses=tuple(self.licenses))


class FundIn(Input):
    name: Annotated[str, msgspec.Meta(max_length=64)]
    requirement: Annotated[str, doc("none, accredited or qualified_purchaser")] = "accredited"
    minimum_investment: SignedMoney = SignedMoney(0)


class PrivateEquityIn(SleeveIn, kw_only=True):
    investor: InvestorIn
    funds: Annotated[list[FundIn], doc(f"1 to {MAX_ITEMS} funds, unique names")]

    def to_funds(self) -> list[Fund]:
        return [
            Fund(f.name, parse_requirement(f.requirement, f"funds[{i}].requirement"),
                 f.minimum_investment)
            for i, f in enumerate(self.funds)
        ]  # fmt: skip


class CommodityIn(Input):
    symbol: Annotated[str, msgspec.Meta(max_length=64)]
    returns: Annotated[list[float], doc("Returns per period (fractions), one per inflation")]


class CommoditiesIn(SleeveIn, kw_only=True):
    commodities: Annotated[list[CommodityIn], doc(f"1 to {MAX_ITEMS} commodities")]
    inflation: Annotated[
        list[float] | None, doc(f"Inflation per period (fractions), at most {MAX_PERIODS}")
    ] = None
    cpi: Annotated[list[float] | None, doc("CPI levels instead: one more than the returns")] = None

    def series(self) -> list[tuple[str, list[float]]]:
        return [(c.symbol, c.returns) for c in self.commodities]


class AllocationOut(Output):
    symbol: str
    weight: AnalyticOut
    amount: MoneyOut


class SleeveOut(Output):
    currency: str
    amount: MoneyOut
    allocations: list[AllocationOut]
    unallocated: MoneyOut
    notes: list[str]

    @classmethod
    def from_result(cls, sleeve: SleeveResult) -> SleeveOut:
        return cls(
            currency=sleeve.currency,
            amount=sleeve.amount,
            allocations=[AllocationOut.from_attributes(a) for a in sleeve.allocations],
            unallocated=sleeve.unallocated,
            notes=list(sleeve.notes),
        )


class CryptoOut(Output):
    sleeve: SleeveOut
    below_floor: list[str]
    max_weight: AnalyticOut
    market_cap_floor: MoneyOut
    rule: str

    @classmethod
    def from_result(cls, r: CryptoResult) -> CryptoOut:
        return cls(
            sleeve=SleeveOut.from_result(r.sleeve),
            below_floor=list(r.below_floor),
            max_weight=r.max_weight,
            market_cap_floor=r.market_cap_floor,
            rule="market-cap weights of the coins at or above the floor, each capped at "
            "max_weight, the excess re-spread by market cap over the uncapped (docs/"
            "alternatives.md)",
        )


class ReitsOut(Output):
    sleeve: SleeveOut
    sectors: dict[str, str]
    sector_weights: dict[str, AnalyticOut]
    herfindahl: AnalyticOut
    effective_sectors: AnalyticOut
    rule: str

    @classmethod
    def from_result(cls, r: ReitResult) -> ReitsOut:
        return cls.from_attributes(
            r,
            sleeve=SleeveOut.from_result(r.sleeve),
            rule="equal weights across the Nareit property sectors present, market-cap "
            "weights within a sector; herfindahl = sum of squared sector weights",
        )


class ProngOut(Output):
    rule: str
    met: bool
    detail: str


class FundOut(Output):
    name: str
    requirement: str
    minimum_investment: MoneyOut
    eligible: bool
    amount: MoneyOut
    reason: str


class PrivateEquityOut(Output):
    currency: str
    amount: MoneyOut
    accredited_investor: bool
    qualified_purchaser: bool
    net_worth_excluding_residence: MoneyOut
    prongs: list[ProngOut]
    funds: list[FundOut]
    unallocated: MoneyOut
    disclaimer: str
    notes: list[str] = msgspec.field(default_factory=list)

    @classmethod
    def from_result(cls, r: PrivateEquityResult) -> PrivateEquityOut:
        e = r.eligibility
        return cls(
            currency=r.currency,
            amount=r.amount,
            accredited_investor=e.accredited,
            qualified_purchaser=e.qualified_purchaser,
            net_worth_excluding_residence=e.net_worth_excluding_residence,
            prongs=[ProngOut.from_attributes(p) for p in e.prongs],
            funds=[
                FundOut(
                    name=a.fund.name,
                    requirement=a.fund.requirement.value,
                    minimum_investment=a.fund.minimum_investment,
                    eligible=a.eligible,
                    amount=a.amount,
                    reason=a.reason,
                )
                for a in r.funds
            ],
            unallocated=r.unallocated,
            disclaimer="a screen on the figures posted (17 CFR 230.501(a); 15 U.S.C. "
            "80a-2(a)(51)), not legal advice nor the issuer's verification",
            notes=list(r.notes),
        )


class InflationBetaOut(Output):
    symbol: str
    beta: AnalyticOut
    alpha: AnalyticOut
    standard_error: AnalyticOut
    t_statistic: AnalyticOut | None
    r_squared: AnalyticOut
    observations: int


class CommoditiesOut(Output):
    sleeve: SleeveOut
    betas: list[InflationBetaOut]
    rule: str

    @classmethod
    def from_result(cls, r: CommodityResult) -> CommoditiesOut:
        return cls(
            sleeve=SleeveOut.from_result(r.sleeve),
            betas=[InflationBetaOut.from_attributes(b, symbol=s) for s, b in r.betas.items()],
            rule="OLS of each commodity's returns on inflation, period by period; weights in "
            "proportion to the positive betas",
        )


class AlternativesLimitsOut(Output):
    """The allocator's configured limits (docs/alternatives.md)."""

    crypto_max_weight: AnalyticOut
    crypto_market_cap_floor: MoneyOut
    volatility_cap: AnalyticOut
    periods_per_year: int
    reit_max_sector_weight: AnalyticOut
    private_equity_max_net_worth_fraction: RateOut
    commodity_max_weight: AnalyticOut
    rebalance_schedule: str
    rebalance_drift_band: AnalyticOut
    next_rebalance: date

    @classmethod
    def from_limits(cls, limits: AlternativesLimits, today: date) -> AlternativesLimitsOut:
        return cls.from_attributes(
            limits,
            rebalance_schedule=limits.rebalance_schedule.value,
            next_rebalance=next_rebalance(today, limits.rebalance_schedule),
        )
