"""GET /api/v1/portfolios/{id}/fixed-income: a stored portfolio's bonds, their figures, the
book's totals and the shock table (docs/fixed-income.md)."""

from __future__ import annotations

from datetime import date

from adapters.http.analytics.fixed_income_schemas import (
    LADDER_UNITS,
    SCHEDULE,
    LadderPositionOut,
    LadderShockOut,
    compounding,
    measures,
)
from adapters.http.schemas.common import Output
from adapters.http.trading.instruments_schemas import BOND_UNITS
from adapters.http.wire_format import AnalyticOut, QuantityOut
from application.analytics.bond_holdings import StoredBondsResult
from domain.fixedincome.holdings import HoldingFigures, HoldingShock

UNITS = {
    **LADDER_UNITS,
    "quantity": "hundreds of face, as the ledger holds it (face = quantity x 100)",
    "price_source": "mark: the yield solved from the stored clean price per 100 of face; "
    "stated_coupon: no stored price, the coupon rate taken as the yield",
    "weighted_average_life": "years (ACT/365F from settlement): a holding's is its years to "
    "maturity (a bullet repays all its principal then); the book's weighted by principal",
    "totals": "yield_rate, macaulay_duration, modified_duration, convexity: market-value "
    "(dirty) weighted; total_face, market_value, accrued_amount, dv01 summed, in `currency`",
    "shocks": "per parallel shift of every yield: full_change by full repricing beside "
    "duration_estimate and duration_convexity_estimate, in `currency` (per holding and total)",
}


class HoldingShockOut(Output):
    """A holding's value change for one parallel shift, in the portfolio's currency."""

    shift_bp: AnalyticOut
    full_change: AnalyticOut
    duration_estimate: AnalyticOut
    duration_convexity_estimate: AnalyticOut
    estimate_error: AnalyticOut

    @classmethod
    def from_domain(cls, s: HoldingShock) -> HoldingShockOut:
        return cls.from_attributes(
            s, duration_convexity_estimate=s.estimate, estimate_error=s.error
        )


class BondHoldingOut(LadderPositionOut):
    """One bond held: its figures per 100 face, its money for the face held, its shocks."""

    symbol: str
    quantity: QuantityOut
    price_source: str
    weighted_average_life: AnalyticOut
    shocks: list[HoldingShockOut]

    @classmethod
    def from_domain(cls, h: HoldingFigures) -> BondHoldingOut:
        p = h.position
        return cls.from_attributes(
            p,
            **measures(p.analytics),
            position_dv01=p.dv01,
            symbol=h.symbol,
            quantity=h.quantity,
            price_source=h.price_source.value,
            weighted_average_life=h.weighted_average_life,
            shocks=[HoldingShockOut.from_domain(s) for s in h.shocks],
        )


class SkippedHoldingOut(Output):
    symbol: str
    reason: str


class BondTotalsOut(Output):
    """The book's totals (market-value weighted measures; money summed)."""

    total_face: AnalyticOut
    market_value: AnalyticOut
    accrued_amount: AnalyticOut
    dv01: AnalyticOut
    yield_rate: AnalyticOut
    macaulay_duration: AnalyticOut
    modified_duration: AnalyticOut
    convexity: AnalyticOut
    weighted_average_life: AnalyticOut
    first_maturity: date
    last_maturity: date


class PortfolioBondsOut(Output):
    """The bonds of a stored portfolio; `totals` null and `shocks` empty when none is priced."""

    portfolio_id: str
    currency: str
    settlement: date
    schedule: str
    wal_day_count: str
    compounding: str
    bond_units: str
    holdings: list[BondHoldingOut]
    totals: BondTotalsOut | None
    shocks: list[LadderShockOut]
    skipped: list[SkippedHoldingOut]
    units: dict[str, str]

    @classmethod
    def from_domain(cls, result: StoredBondsResult) -> PortfolioBondsOut:
        book = result.figures
        t = book.totals
        totals = None
        if t is not None:
            totals = BondTotalsOut.from_attributes(
                t, yield_rate=book.yield_rate, macaulay_duration=book.macaulay_duration
            )
        frequencies = sorted({h.position.analytics.bond.frequency for h in book.holdings})
        return cls(
            portfolio_id=result.portfolio_id,
            currency=result.currency,
            settlement=book.settlement,
            schedule=SCHEDULE,
            wal_day_count="ACT/365F",
            compounding="each bond's yield " + "; ".join(compounding(f) for f in frequencies),
            bond_units=BOND_UNITS,
            holdings=[BondHoldingOut.from_domain(h) for h in book.holdings],
            totals=totals,
            shocks=[]
            if t is None
            else [
                LadderShockOut.from_attributes(
                    s, duration_convexity_estimate=s.estimate, estimate_error=s.error
                )
                for s in t.shocks
            ],
            skipped=[SkippedHoldingOut(symbol=s.symbol, reason=s.reason) for s in book.skipped],
            units=UNITS,
        )
