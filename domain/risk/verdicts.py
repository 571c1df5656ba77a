"""Verdicts and decisions: what the gate says about an order, with stable reason codes."""

from __future__ import annotations

from decimal import Decimal
from typing import NamedTuple

from domain.risk.reasons import Outcome, ReasonCode


class Verdict(NamedTuple):
    """One control's verdict on one order (a NamedTuple: cheap to build on the hot path)."""

    code: ReasonCode
    outcome: Outcome
    control: str
    rule_id: str | None
    message: str
    allowed_quantity: Decimal | None = None


class Decision(NamedTuple):
    """The gate's answer: every verdict, the outcome and the (possibly reduced) quantity."""

    approved: bool
    requested_quantity: Decimal
    quantity: Decimal
    verdicts: tuple[Verdict, ...]

    @property
    def reasons(self) -> tuple[ReasonCode, ...]:
        """Reason codes of the verdicts that denied the order (empty when approved)."""
        return tuple(v.code for v in self.verdicts if v.outcome is Outcome.DENY)

    @property
    def warnings(self) -> tuple[ReasonCode, ...]:
        return tuple(v.code for v in self.verdicts if v.outcome is Outcome.WARN)

    @property
    def holds(self) -> tuple[ReasonCode, ...]:
        """Reason codes of the HOLD rules the order breached (it waits for a person)."""
        return tuple(v.code for v in self.verdicts if v.outcome is Outcome.HOLD)

    @property
    def held(self) -> bool:
        """Approved by every BLOCK rule but held by a HOLD rule: BLOCK wins over HOLD."""
        return self.approved and any(v.outcome is Outcome.HOLD for v in self.verdicts)

    @property
    def reduced(self) -> bool:
        return self.approved and self.quantity < self.requested_quantity
