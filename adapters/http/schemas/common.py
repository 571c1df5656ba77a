"""Shared DTO pieces: strict input base, pages, verdicts."""

from __future__ import annotations

from decimal import Decimal

import msgspec

from domain.risk.verdicts import Decision, Verdict


def positive(field: str, value: Decimal | None) -> None:
    """Reject a non-positive or non-finite number; the message names the field (400)."""
    if value is not None and not (value.is_finite() and value > 0):
        raise ValueError(f"field `{field}` must be a positive number")


class Input(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """Base of request bodies: unknown JSON fields are rejected with 400."""


class Output(msgspec.Struct, kw_only=True):
    """Base of response bodies."""


class VerdictOut(Output):
    code: str
    outcome: str
    control: str
    message: str
    rule_id: str | None = None
    allowed_quantity: str | None = None

    @classmethod
    def from_domain(cls, verdict: Verdict) -> VerdictOut:
        return cls(
            code=verdict.code.value,
            outcome=verdict.outcome.value,
            control=verdict.control,
            message=verdict.message,
            rule_id=verdict.rule_id,
            allowed_quantity=None
            if verdict.allowed_quantity is None
            else str(verdict.allowed_quantity),
        )


class DecisionOut(Output):
    approved: bool
    requested_quantity: str
    quantity: str
    reasons: list[str]
    warnings: list[str]
    verdicts: list[VerdictOut]

    @classmethod
    def from_domain(cls, decision: Decision) -> DecisionOut:
        return cls(
            approved=decision.approved,
            requested_quantity=str(decision.requested_quantity),
            quantity=str(decision.quantity),
            reasons=[c.value for c in decision.reasons],
            warnings=[c.value for c in decision.warnings],
            verdicts=[VerdictOut.from_domain(v) for v in decision.verdicts],
        )
