"""Pre-trade analysis: margin impact, concentration, headroom per rule, and a risk rating."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from domain.margin import MarginImpact, MarginSchedule, margin_impact
from domain.numbers import ZERO
from domain.risk.controls.base import Control
from domain.risk.gate import Policy
from domain.risk.pricing import unit_price
from domain.risk.reasons import ReasonCode
from domain.risk.verdicts import Decision
from domain.risk.view import AccountRiskView
from domain.trading.accounts import Account
from domain.trading.orders import Order, OrderType, Side

_PROBE = Decimal("1e15")  # a quantity no limit admits: breach() then returns the capacity


class RiskRating(StrEnum):
    SAFE = "SAFE"
    CAUTION = "CAUTION"
    DANGER = "DANGER"


@dataclass(frozen=True, slots=True)
class RuleHeadroom:
    """How much of one size limit the order would use (1 = all of it). `capacity`: the
    largest quantity the limit admits, in whole lots of the instrument (0 when not even one
    lot fits), so an order of it is one the gate accepts; `used_fraction` is counted against
    the limit itself."""

    control: str
    rule_id: str | None
    code: ReasonCode
    capacity: Decimal
    used_fraction: Decimal


@dataclass(frozen=True, slots=True)
class TradeContext:
    """Market context a model-based rater also looks at; None where it is not known.

    `volatility`: annualised standard deviation of daily log returns (0.3 = 30%).
    `sentiment`: the symbol's news sentiment in [-1, 1] (domain.inference.sentiment).
    """

    volatility: float | None = None
    sentiment: float | None = None


@dataclass(frozen=True, slots=True)
class TradeFacts:
    """What a rater looks at. A `RiskRater` turns these into a rating with reasons."""

    decision: Decision
    margin: MarginImpact
    sector: str
    sector_weight_after: Decimal | None
    sector_limit: Decimal
    headroom: tuple[RuleHeadroom, ...]
    context: TradeContext = TradeContext()


@dataclass(frozen=True, slots=True)
class RiskAssessment:
    """A rating with its reasons; `rater` says which rater answered ("rules" or a model's
    name), `probabilities` a model's per-rating probabilities, `fallback` why the rules
    answered in place of the configured model (None when nothing fell back)."""

    rating: RiskRating
    reasons: tuple[str, ...]
    rater: str = "rules"
    probabilities: tuple[tuple[RiskRating, float], ...] = ()
    fallback: str | None = None


@dataclass(frozen=True, slots=True)
class TradeAnalysis:
    facts: TradeFacts
    assessment: RiskAssessment


class HeadroomRater:
    """The default rater: DANGER when denied, a margin call, or >= 90% of a limit used;
    CAUTION when warned, >= 60% of a limit used or the sector within 80% of its cap;
    otherwise SAFE. A model-based rater can replace it behind the RiskRater port."""

    danger_used = Decimal("0.9")
    caution_used = Decimal("0.6")
    caution_sector = Decimal("0.8")

    def rate(self, facts: TradeFacts) -> RiskAssessment:
        danger: list[str] = []
        caution: list[str] = []
        if not facts.decision.approved:
            danger.append("denied by " + ", ".join(c.value for c in facts.decision.reasons))
        if facts.margin.causes_margin_call:
            danger.append("the fill would cause a margin call")
        if facts.margin.exceeds_buying_power:
            danger.append("the fill would exceed buying power")
        for h in facts.headroom:
            if h.used_fraction >= self.danger_used:
                danger.append(f"{h.control} {h.used_fraction:.0%} used")
            elif h.used_fraction >= self.caution_used:
                caution.append(f"{h.control} {h.used_fraction:.0%} used")
        caution.extend(f"warning {code.value}" for code in facts.decision.warnings)
        weight = facts.sector_weight_after
        if weight is not None and weight >= self.caution_sector * facts.sector_limit:
            caution.append(f"sector {facts.sector} at {weight:.1%} of equity")
        if danger:
            return RiskAssessment(RiskRating.DANGER, tuple(danger + caution))
        if caution:
            return RiskAssessment(RiskRating.CAUTION, tuple(caution))
        return RiskAssessment(RiskRating.SAFE, ("within every limit with room to spare",))


def trade_facts(
    order: Order,
    account: Account,
    view: AccountRiskView,
    policy: Policy,
    schedule: MarginSchedule,
    sector_limit: Decimal = Decimal("0.25"),
) -> TradeFacts:
    """Everything `analyze_trade` reports about one prospective order (nothing changes)."""
    decision = policy.evaluate(order, view)
    instrument = view.instruments[order.symbol]
    mark = view.marks[order.symbol]
    # The size limits' room, the sector weight and a buy's margin value the order as the gate
    # does (the most it can fill at: a buy stop-limit at its limit, a buy stop above the market
    # at its stop), so the capacity advised is a quantity the gate accepts and the margin a buy
    # needs is never understated; a sale's projection stays at its limit or the mark.
    fill = unit_price(order, mark)
    if order.side is Side.BUY:
        price = fill
    else:
        limited = order.order_type is OrderType.LIMIT and order.limit_price
        price = order.limit_price if limited and order.limit_price is not None else mark
    unit = fill * instrument.multiplier
    margin = margin_impact(
        account,
        view.instruments,
        view.marks,
        schedule,
        order.symbol,
        order.side,
        order.quantity,
        price,
    )
    sector_after = view.sector_exposure.get(instrument.sector, ZERO) + order.quantity * unit
    weight = sector_after / view.equity if view.equity > ZERO else None
    reduces = view.reduces(order.symbol, order.side, order.quantity)
    headroom = tuple(
        h
        for c in policy.controls_for(order.origin)
        if c.quantity_based
        and (h := _headroom(c, order, unit, reduces, view, instrument.lot_size)) is not None
    )
    return TradeFacts(decision, margin, instrument.sector, weight, sector_limit, headroom)


def _headroom(
    control: Control,
    order: Order,
    unit: Decimal,
    reduces: bool,
    view: AccountRiskView,
    lot_size: Decimal,
) -> RuleHeadroom | None:
    capacity = control.breach(order, _PROBE, unit, _PROBE * unit, reduces, view)
    if capacity is None:
        return None  # the control does not bind this order (e.g. it reduces a position)
    used = order.quantity / capacity if capacity > ZERO else Decimal("Infinity")
    lots = (capacity // lot_size) * lot_size if capacity > ZERO else ZERO
    return RuleHeadroom(control.name, control.rule_id, control.code, lots, used)
