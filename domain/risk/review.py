"""The advisory review of a gate decision: the gate's figures by name, and a review that ties
each of its reasons to one of them.

The gate decides; a review (a language model's, or the rules rater's when the model cannot
answer within its budget) only comments. Every reason names a figure of `gate_figures`, so
a reader can check the reason against the number it cites.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from domain.risk.analysis import RiskAssessment, RiskRating, TradeFacts


class ReviewSource(StrEnum):
    MODEL = "model"  # the language model answered within its budget, on schema
    RULES = "rules"  # the rules rater answered in its place (see ReviewFallback)


class ReviewFallback(StrEnum):
    """Why the rules answered in place of the model."""

    TIMEOUT = "timeout"  # no answer within the time budget
    ERROR = "error"  # the endpoint failed (connection, 5xx, refused)
    INVALID_ANSWER = "invalid answer"  # an answer off the schema (malformed, unknown figure)
    NOT_CONFIGURED = "not configured"  # no reviewer endpoint is set


@dataclass(frozen=True, slots=True)
class ReviewReason:
    """One reason, tied to the gate figure it is about (a key of `gate_figures`)."""

    figure: str
    text: str


@dataclass(frozen=True, slots=True)
class Review:
    """A rating with reasons and a confidence in [0, 1]; `source` says who answered,
    `fallback` why the rules did (None when the model answered), `model` the model asked."""

    rating: RiskRating
    reasons: tuple[ReviewReason, ...]
    confidence: float
    source: ReviewSource
    model: str
    fallback: ReviewFallback | None = None
    elapsed_ms: float = 0.0


def _plain(value: Decimal) -> str:
    """A decimal as plain text: no exponent, no -0."""
    text = format(value.normalize(), "f") if value == value.to_integral() else format(value, "f")
    return "0" if value.is_zero() else text


def _flag(value: bool) -> str:
    return "true" if value else "false"


def headroom_figure(control: str, seen: dict[str, int]) -> str:
    """`headroom.<control>.used_fraction`; a second limit of the same control gets `#2`."""
    count = seen.get(control, 0) + 1
    seen[control] = count
    suffix = "" if count == 1 else f"#{count}"
    return f"headroom.{control}{suffix}.used_fraction"


def gate_figures(facts: TradeFacts) -> dict[str, str]:
    """The figures the gate and the analysis produced, by name, as plain strings."""
    d, m = facts.decision, facts.margin
    figures = {
        "decision.approved": _flag(d.approved),
        "decision.requested_quantity": _plain(d.requested_quantity),
        "decision.quantity": _plain(d.quantity),
        "decision.deny_reasons": ",".join(code.value for code in d.reasons),
        "decision.warnings": ",".join(code.value for code in d.warnings),
        "margin.exceeds_buying_power": _flag(m.exceeds_buying_power),
        "margin.causes_margin_call": _flag(m.causes_margin_call),
        "margin.equity_after": _plain(m.equity_after),
        "margin.initial_after": _plain(m.initial_after),
        "margin.initial_change": _plain(m.initial_change),
        "margin.maintenance_after": _plain(m.maintenance_after),
        "sector.name": facts.sector,
        "sector.limit": _plain(facts.sector_limit),
    }
    if facts.sector_weight_after is not None:
        figures["sector.weight_after"] = _plain(facts.sector_weight_after.quantize(Decimal("1e-6")))
    seen: dict[str, int] = {}
    for h in facts.headroom:
        figures[headroom_figure(h.control, seen)] = _plain(
            h.used_fraction.quantize(Decimal("1e-6"))
        )
    if facts.context.volatility is not None:
        figures["context.volatility"] = f"{facts.context.volatility:.6f}"
    if facts.context.sentiment is not None:
        figures["context.sentiment"] = f"{facts.context.sentiment:.6f}"
    return figures


def _figure_of(reason: str, facts: TradeFacts) -> str:
    """The figure a rules reason (domain.risk.analysis.HeadroomRater's wording) is about."""
    if reason.startswith("denied by"):
        return "decision.deny_reasons"
    if "margin call" in reason:
        return "margin.causes_margin_call"
    if "buying power" in reason:
        return "margin.exceeds_buying_power"
    if reason.startswith("warning "):
        return "decision.warnings"
    if reason.startswith("sector "):
        return "sector.weight_after"
    seen: dict[str, int] = {}
    for h in facts.headroom:
        name = headroom_figure(h.control, seen)
        if reason.startswith(f"{h.control} "):
            return name
    return "decision.approved"


def rules_review(
    assessment: RiskAssessment,
    facts: TradeFacts,
    model: str,
    fallback: ReviewFallback,
    elapsed_ms: float = 0.0,
) -> Review:
    """The rules rater's assessment as a review, each reason tied to its figure. Confidence:
    a model rater's probability of its rating, 1 for the deterministic rules."""
    probabilities = dict(assessment.probabilities)
    confidence = float(probabilities.get(assessment.rating, 1.0))
    reasons = tuple(ReviewReason(_figure_of(r, facts), r) for r in assessment.reasons)
    return Review(
        assessment.rating, reasons, confidence, ReviewSource.RULES, model, fallback, elapsed_ms
    )
