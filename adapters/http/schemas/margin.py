"""Margin DTOs: account status, per-position lines, deleverage plans and order impact."""

from __future__ import annotations

from adapters.http.schemas.common import Input, Mirror, Output
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


class PositionMarginOut(Mirror[PositionMargin]):
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
        return cls.from_attributes(
            status,
            positions=[PositionMarginOut.from_domain(p) for p in status.positions],
        )


class DeleverageIn(Input):
    """The margin buffer to restore, as a fraction of equity in [0, 1) (0.25 = 25%)."""

    target_buffer: UnitInterval


class DeleverageStepOut(Mirror[DeleverageStep]):
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
        return cls.from_attributes(
            plan,
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


class MarginImpactOut(Mirror[MarginImpact]):
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
