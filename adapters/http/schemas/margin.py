"""Margin DTOs: account status, per-position lines, deleverage plans and order impact."""

from __future__ import annotations

from adapters.http.schemas.common import Input, Output
from adapters.http.wire_format import MoneyOut, PriceOut, QuantityOut, RateOut
from adapters.wire.numbers import UnitInterval
from domain.margin import (
    DeleveragePlan,
    DeleverageStep,
    MarginImpact,
    MarginStatus,
    PositionMargin,
)
from domain.trading.orders import Side


class PositionMarginOut(Output):
    """One position's requirements and how far its mark may move before a margin call."""

    symbol: str
    quantity: QuantityOut
    mark: PriceOut
    multiplier: RateOut
    notional: MoneyOut
    initial_requirement: MoneyOut
    maintenance_requirement: MoneyOut
    maintenance_rate: RateOut
    liquidation_distance: RateOut | None
    liquidation_price: PriceOut | None

    @classmethod
    def from_domain(cls, line: PositionMargin) -> PositionMarginOut:
        return cls(
            symbol=line.symbol,
            quantity=line.quantity,
            mark=line.mark,
            multiplier=line.multiplier,
            notional=line.notional,
            initial_requirement=line.initial_requirement,
            maintenance_requirement=line.maintenance_requirement,
            maintenance_rate=line.maintenance_rate,
            liquidation_distance=line.liquidation_distance,
            liquidation_price=line.liquidation_price,
        )


class MarginStatusOut(Output):
    """Equity against requirements; `margin_buffer` = excess liquidity / equity (a fraction)."""

    account_id: str
    equity: MoneyOut
    gross_exposure: MoneyOut
    initial_requirement: MoneyOut
    maintenance_requirement: MoneyOut
    excess_liquidity: MoneyOut
    margin_buffer: RateOut
    buying_power: MoneyOut
    margin_call: bool
    margin_deficit: MoneyOut
    positions: list[PositionMarginOut]

    @classmethod
    def from_domain(cls, status: MarginStatus) -> MarginStatusOut:
        return cls(
            account_id=status.account_id,
            equity=status.equity,
            gross_exposure=status.gross_exposure,
            initial_requirement=status.initial_requirement,
            maintenance_requirement=status.maintenance_requirement,
            excess_liquidity=status.excess_liquidity,
            margin_buffer=status.margin_buffer,
            buying_power=status.buying_power,
            margin_call=status.margin_call,
            margin_deficit=status.margin_deficit,
            positions=[PositionMarginOut.from_domain(p) for p in status.positions],
        )


class DeleverageIn(Input):
    """The margin buffer to restore, as a fraction of equity in [0, 1) (0.25 = 25%)."""

    target_buffer: UnitInterval


class DeleverageStepOut(Output):
    symbol: str
    side: Side
    quantity: QuantityOut
    position_quantity: QuantityOut
    mark: PriceOut
    notional: MoneyOut
    maintenance_released: MoneyOut
    buffer_before: RateOut
    buffer_after: RateOut
    explanation: str

    @classmethod
    def from_domain(cls, step: DeleverageStep) -> DeleverageStepOut:
        return cls(
            symbol=step.symbol,
            side=step.side,
            quantity=step.quantity,
            position_quantity=step.position_quantity,
            mark=step.mark,
            notional=step.notional,
            maintenance_released=step.maintenance_released,
            buffer_before=step.buffer_before,
            buffer_after=step.buffer_after,
            explanation=step.explanation,
        )


class DeleveragePlanOut(Output):
    """Reductions at the mark, largest release first; `explanation` reads the plan line by line."""

    account_id: str
    target_buffer: RateOut
    equity: MoneyOut
    maintenance_before: MoneyOut
    maintenance_after: MoneyOut
    maintenance_released: MoneyOut
    buffer_before: RateOut
    buffer_after: RateOut
    reaches_target: bool
    steps: list[DeleverageStepOut]
    explanation: list[str]

    @classmethod
    def from_domain(cls, plan: DeleveragePlan) -> DeleveragePlanOut:
        return cls(
            account_id=plan.account_id,
            target_buffer=plan.target_buffer,
            equity=plan.equity,
            maintenance_before=plan.maintenance_before,
            maintenance_after=plan.maintenance_after,
            maintenance_released=plan.maintenance_released,
            buffer_before=plan.buffer_before,
            buffer_after=plan.buffer_after,
            reaches_target=plan.reaches_target,
            steps=[DeleverageStepOut.from_domain(s) for s in plan.steps],
            explanation=_explain(plan),
        )


def _explain(plan: DeleveragePlan) -> list[str]:
    head = f"Buffer {plan.buffer_before:.1%} against a target of {plan.target_buffer:.1%}"
    if not plan.steps:
        return [f"{head}: no reduction needed."]
    lines = [f"{head}: {len(plan.steps)} reduction(s), largest requirement first."]
    lines += [f"{n}. {s.explanation}" for n, s in enumerate(plan.steps, start=1)]
    if plan.reaches_target:
        lines.append(f"Result: buffer {plan.buffer_after:.1%}, target reached.")
    else:
        lines.append(
            f"Result: buffer {plan.buffer_after:.1%}; the target cannot be reached "
            "by reducing positions alone."
        )
    return lines


class MarginImpactOut(Output):
    """Margin before and after the order fills in full."""

    symbol: str
    side: Side
    quantity: QuantityOut
    price: PriceOut
    position_before: QuantityOut
    position_after: QuantityOut
    equity_before: MoneyOut
    equity_after: MoneyOut
    initial_before: MoneyOut
    initial_after: MoneyOut
    initial_change: MoneyOut
    maintenance_before: MoneyOut
    maintenance_after: MoneyOut
    buying_power_before: MoneyOut
    buying_power_after: MoneyOut
    excess_before: MoneyOut
    excess_after: MoneyOut
    margin_call_after: bool
    causes_margin_call: bool
    exceeds_buying_power: bool

    @classmethod
    def from_domain(cls, impact: MarginImpact) -> MarginImpactOut:
        return cls(
            symbol=impact.symbol,
            side=impact.side,
            quantity=impact.quantity,
            price=impact.price,
            position_before=impact.position_before,
            position_after=impact.position_after,
            equity_before=impact.equity_before,
            equity_after=impact.equity_after,
            initial_before=impact.initial_before,
            initial_after=impact.initial_after,
            initial_change=impact.initial_change,
            maintenance_before=impact.maintenance_before,
            maintenance_after=impact.maintenance_after,
            buying_power_before=impact.buying_power_before,
            buying_power_after=impact.buying_power_after,
            excess_before=impact.excess_before,
            excess_after=impact.excess_after,
            margin_call_after=impact.margin_call_after,
            causes_margin_call=impact.causes_margin_call,
            exceeds_buying_power=impact.exceeds_buying_power,
        )
