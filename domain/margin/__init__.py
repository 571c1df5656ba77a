"""Margin: requirements, buffer, buying power, liquidation distance, impact and deleveraging."""

from domain.margin.deleverage import DeleveragePlan, DeleverageStep, plan_deleverage
from domain.margin.errors import InvalidMarginRate, InvalidMarginTarget, MarginInputError
from domain.margin.impact import MarginImpact, margin_impact
from domain.margin.rates import MarginRates, MarginSchedule
from domain.margin.requirements import (
    Requirement,
    buying_power,
    liquidation_distance,
    liquidation_price,
    margin_buffer,
    position_requirement,
)
from domain.margin.status import (
    MarginCallDetected,
    MarginStatus,
    PositionMargin,
    assess_holdings,
    assess_margin,
    detect_margin_call,
)

__all__ = [
    "DeleveragePlan",
    "DeleverageStep",
    "InvalidMarginRate",
    "InvalidMarginTarget",
    "MarginCallDetected",
    "MarginImpact",
    "MarginInputError",
    "MarginRates",
    "MarginSchedule",
    "MarginStatus",
    "PositionMargin",
    "Requirement",
    "assess_holdings",
    "assess_margin",
    "buying_power",
    "detect_margin_call",
    "liquidation_distance",
    "liquidation_price",
    "margin_buffer",
    "margin_impact",
    "plan_deleverage",
    "position_requirement",
]
