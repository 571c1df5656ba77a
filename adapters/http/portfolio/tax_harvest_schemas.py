"""Harvesting DTOs out: candidates, savings, replacements, the year's projection (docs/tax.md)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Annotated

from adapters.http.portfolio.tax_schemas import TaxConventionsOut
from adapters.http.schemas.common import Mirror, Output, attributes, doc
from adapters.http.wire_format import AnalyticOut, MoneyOut, PriceOut, QuantityOut, RateOut
from application.portfolio.tax import TERM_RULE
from application.portfolio.tax_harvesting import Candidate, HarvestReport
from domain.tax.brackets import BracketSchedule, CapitalGainsYear, TaxBrackets
from domain.tax.harvesting import LotLoss, WashBlock
from domain.tax.methods import LotMethod, Term

SAVINGS_RULE = (
    "federal tax of the year without the harvest minus with it: realized year-to-date results "
    "netted short/long (Schedule D), a net loss offsets up to loss_limit of ordinary income, the "
    "rest carries forward; per candidate the lot alone, total_savings all candidates together"
)
CORRELATION_RULE = "Pearson on daily log returns, pairwise-complete days"


class TaxBracketOut(Output):
    lower: MoneyOut
    rate: RateOut


class TaxRatesOut(Output):
    name: Annotated[str, doc("Where the figures come from (e.g. Rev. Proc. 2024-40)")]
    filing_status: str
    tax_year: int | None
    ordinary: list[TaxBracketOut]
    long_term: Annotated[list[TaxBracketOut], doc("LTCG rate by total taxable income")]
    loss_limit: MoneyOut

    @classmethod
    def from_domain(cls, b: TaxBrackets) -> TaxRatesOut:
        def rows(s: BracketSchedule) -> list[TaxBracketOut]:
            return [TaxBracketOut.from_attributes(x) for x in s.brackets]

        return cls.from_attributes(b, ordinary=rows(b.ordinary), long_term=rows(b.capital_gains))


class HarvestReplacementOut(Output):
    symbol: str
    correlation: AnalyticOut
    observations: Annotated[int, doc("Common daily returns the correlation is computed on")]


class HarvestLotPickOut(Output):
    lot_id: str
    quantity: QuantityOut


class HarvestCandidateOut(Output):
    lot_id: str
    account_id: str
    portfolio_id: str | None
    symbol: str
    quantity: QuantityOut
    acquired: date
    price: PriceOut
    market_value: MoneyOut
    cost_basis: MoneyOut
    loss: Annotated[MoneyOut, doc("cost_basis - market_value (> 0)")]
    loss_fraction: Annotated[RateOut, doc("loss / cost_basis")]
    term: Annotated[Term, doc("If sold today")]
    lot_method: Annotated[LotMethod, doc("The account's default; sell with `sell_with`")]
    sell_with: Annotated[
        list[HarvestLotPickOut], doc("lot_picks for a specific-identification sale")
    ]
    tax_savings: MoneyOut
    effective_rate: Annotated[RateOut, doc("tax_savings / loss")]
    rebuy_after: Annotated[date, doc("First day a repurchase does not wash the loss")]
    replacements: list[HarvestReplacementOut]

    @classmethod
    def from_domain(cls, c: Candidate) -> HarvestCandidateOut:
        item, lot = c.lot, c.lot.lot
        return cls.from_attributes(
            lot,
            **attributes(
                c, "portfolio_id", "lot_method", "tax_savings", "effective_rate", "rebuy_after"
            ),
            **attributes(item, "price", "market_value", "loss", "term"),
            lot_id=lot.id,
            loss_fraction=(item.loss / lot.cost_basis).quantize(Decimal("0.0001")),
            sell_with=[HarvestLotPickOut(lot_id=lot.id, quantity=lot.quantity)],
            replacements=[HarvestReplacementOut.from_attributes(r) for r in c.replacements],
        )


class HarvestWashBlockOut(Output):
    kind: Annotated[str, doc("recent_buy (a buy within 30 days) or pending_buy (open order)")]
    ref: Annotated[str, doc("The buy transaction's id or the order's id")]
    account_id: str
    symbol: str
    day: date | None


class HarvestBlockedLotOut(Output):
    lot_id: str
    account_id: str
    symbol: str
    loss: MoneyOut
    term: Term
    blocks: list[HarvestWashBlockOut]


class HarvestSkippedLotOut(Output):
    lot_id: str
    reason: Annotated[str, doc("UNPRICED (no reference price) or CURRENCY (not USD)")]


class TaxYearOut(Mirror[CapitalGainsYear]):
    net_short: MoneyOut
    net_long: MoneyOut
    net_capital_gain_or_loss: MoneyOut
    ordinary_offset: Annotated[MoneyOut, doc("Net loss deducted from ordinary income")]
    carryforward_short: MoneyOut
    carryforward_long: MoneyOut
    ordinary_taxed: MoneyOut
    preferential_taxed: Annotated[MoneyOut, doc("Net long-term gain taxed at LTCG rates")]
    tax: Annotated[MoneyOut, doc("Federal income tax on ordinary income and the gains")]


class HarvestScenarioOut(Output):
    move: Annotated[RateOut, doc("Price move of every remaining lot: -0.2 = -20%")]
    unrealized_short: MoneyOut
    unrealized_long: MoneyOut
    year: Annotated[TaxYearOut, doc("The year if they were all sold on Dec 31 at those prices")]


class HarvestProjectionOut(Output):
    tax_year: int
    realized_short: Annotated[MoneyOut, doc("Realized so far this year (reportable, USD)")]
    realized_long: MoneyOut
    harvested_short: MoneyOut
    harvested_long: MoneyOut
    before_harvest: TaxYearOut
    after_harvest: TaxYearOut
    scenarios: list[HarvestScenarioOut]


class HarvestCorrelationOut(Output):
    method: str
    returns_days: int
    start: date
    min_correlation: AnalyticOut
    no_history: Annotated[list[str], doc("Symbols whose daily bars could not be read")]


class HarvestOut(Output):
    as_of: date
    tax_year: int
    rates: TaxRatesOut
    savings_rule: str
    candidates: list[HarvestCandidateOut]
    blocked: Annotated[list[HarvestBlockedLotOut], doc("Losers inside a wash-sale window")]
    skipped: list[HarvestSkippedLotOut]
    total_loss: MoneyOut
    total_savings: MoneyOut
    projection: HarvestProjectionOut
    correlation: HarvestCorrelationOut
    conventions: TaxConventionsOut

    @classmethod
    def from_report(cls, r: HarvestReport) -> HarvestOut:
        p = r.projection
        return cls(
            as_of=r.as_of,
            tax_year=r.tax_year,
            rates=TaxRatesOut.from_domain(r.brackets),
            savings_rule=SAVINGS_RULE,
            candidates=[HarvestCandidateOut.from_domain(c) for c in r.candidates],
            blocked=[_blocked(item, blocks) for item, blocks in r.screening.blocked],
            skipped=[HarvestSkippedLotOut(lot_id=i, reason=why) for i, why in r.screening.skipped],
            total_loss=r.total_loss,
            total_savings=r.total_savings,
            projection=HarvestProjectionOut.from_attributes(
                p,
                before_harvest=TaxYearOut.from_domain(p.before_harvest),
                after_harvest=TaxYearOut.from_domain(p.after_harvest),
                scenarios=[
                    HarvestScenarioOut(
                        move=s.move,
                        unrealized_short=s.unrealized_short,
                        unrealized_long=s.unrealized_long,
                        year=TaxYearOut.from_domain(s.year),
                    )
                    for s in p.scenarios
                ],
            ),
            correlation=HarvestCorrelationOut(
                method=CORRELATION_RULE,
                returns_days=r.returns_days,
                start=r.returns_start,
                min_correlation=r.min_correlation,
                no_history=list(r.no_history),
            ),
            conventions=TaxConventionsOut(
                lot_methods=r.lot_methods, term_rule=TERM_RULE, currency="USD", tax_year=r.tax_year
            ),
        )


def _blocked(item: LotLoss, blocks: tuple[WashBlock, ...]) -> HarvestBlockedLotOut:
    lot = item.lot
    return HarvestBlockedLotOut(
        lot_id=lot.id,
        account_id=lot.account_id,
        symbol=lot.symbol,
        loss=item.loss,
        term=item.term,
        blocks=[HarvestWashBlockOut.from_attributes(b) for b in blocks],
    )
