"""The succession plan as data: ordered steps with the tax estimate and allocations computed."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import ROUND_DOWN, Decimal
from enum import StrEnum
from typing import ClassVar

from domain.numbers import CENT, ZERO
from domain.succession.beneficiaries import (
    Allocation,
    Beneficiary,
    BeneficiaryAllocation,
    allocate,
)
from domain.succession.errors import InvalidSuccessionAmount, InvalidSuccessionPlan
from domain.succession.estate_tax import (
    US_FEDERAL_2026,
    EstateTaxEstimate,
    EstateTaxSchedule,
    estimate_estate_tax,
)
from domain.succession.policy import SuccessionPolicy


class StepKind(StrEnum):
    """The kinds of step a succession plan can hold, as stable tags."""

    HALT_ACCOUNTS = "halt_accounts"
    CANCEL_ORDERS = "cancel_orders"
    LIQUIDATE = "liquidate"
    ESTIMATE_ESTATE_TAX = "estimate_estate_tax"
    ALLOCATE = "allocate"


def _accounts(account_ids: tuple[str, ...]) -> str:
    return ", ".join(account_ids)


@dataclass(frozen=True, slots=True)
class HaltAccounts:
    """Engage the kill switch on every account of the owner."""

    kind: ClassVar[StepKind] = StepKind.HALT_ACCOUNTS
    account_ids: tuple[str, ...]

    @property
    def description(self) -> str:
        return f"Halt trading on accounts {_accounts(self.account_ids)}"


@dataclass(frozen=True, slots=True)
class CancelOrders:
    """Cancel every open order of the owner's accounts."""

    kind: ClassVar[StepKind] = StepKind.CANCEL_ORDERS
    account_ids: tuple[str, ...]

    @property
    def description(self) -> str:
        return f"Cancel all open orders on accounts {_accounts(self.account_ids)}"


@dataclass(frozen=True, slots=True)
class Liquidate:
    """Close every position of the owner's accounts into cash."""

    kind: ClassVar[StepKind] = StepKind.LIQUIDATE
    account_ids: tuple[str, ...]

    @property
    def description(self) -> str:
        return f"Liquidate all positions on accounts {_accounts(self.account_ids)} into cash"


@dataclass(frozen=True, slots=True)
class EstimateEstateTax:
    """Set aside the estimated estate tax before anything is distributed."""

    kind: ClassVar[StepKind] = StepKind.ESTIMATE_ESTATE_TAX
    estimate: EstateTaxEstimate

    @property
    def description(self) -> str:
        e = self.estimate
        return (
            f"Reserve estimated estate tax of {e.tax} on a gross estate of {e.gross} "
            f"(exemption {e.exemption}, taxable {e.taxable}); {e.net_to_heirs} goes to heirs"
        )


@dataclass(frozen=True, slots=True)
class AllocateToBeneficiaries:
    """Distribute the net estate to the beneficiaries, by value."""

    kind: ClassVar[StepKind] = StepKind.ALLOCATE
    total: Decimal
    allocations: tuple[Allocation, ...]
    in_kind: bool

    @property
    def description(self) -> str:
        parts = ", ".join(f"{a.beneficiary_id}: {a.amount}" for a in self.allocations)
        how = "by value, positions transferred in kind" if self.in_kind else "in cash"
        return f"Allocate {self.total} to beneficiaries ({how}): {parts}"


PlanStep = HaltAccounts | CancelOrders | Liquidate | EstimateEstateTax | AllocateToBeneficiaries


@dataclass(frozen=True, slots=True)
class SuccessionPlan:
    """What happens to the owner's accounts once the succession triggers, in order."""

    owner_id: str
    account_ids: tuple[str, ...]
    estate_value: Decimal
    tax_estimate: EstateTaxEstimate
    allocations: tuple[Allocation, ...]
    steps: tuple[PlanStep, ...]

    @property
    def step_kinds(self) -> tuple[StepKind, ...]:
        return tuple(step.kind for step in self.steps)

    @property
    def descriptions(self) -> tuple[str, ...]:
        return tuple(step.description for step in self.steps)


@dataclass(frozen=True, slots=True)
class ExecutionReport:
    """What the application did with the plan; recorded when the case becomes EXECUTED."""

    executed_at: datetime
    completed_steps: tuple[StepKind, ...]
    summary: str


def build_plan(
    policy: SuccessionPolicy,
    account_ids: Sequence[str],
    estate_value: Decimal,
    beneficiaries: BeneficiaryAllocation | Sequence[Beneficiary],
    tax_schedule: EstateTaxSchedule = US_FEDERAL_2026,
) -> SuccessionPlan:
    """Build the plan: halt, cancel, liquidate (if the policy says so), tax, allocate.

    The estimated tax comes before the allocation because the beneficiaries share the
    net after tax. `estate_value` is cut down to whole cents (sub-cent dust cannot be
    distributed); an estate whose debts exceed its assets distributes nothing.
    """
    ids = tuple(account_ids)
    if not ids:
        raise InvalidSuccessionPlan(f"owner {policy.owner_id} has no accounts to settle")
    if len(set(ids)) != len(ids):
        raise InvalidSuccessionPlan("account ids must be unique")
    if not estate_value.is_finite():
        raise InvalidSuccessionAmount(f"estate value {estate_value} must be finite")
    group = BeneficiaryAllocation.of(beneficiaries)
    distributable = max(ZERO, estate_value).quantize(CENT, rounding=ROUND_DOWN)
    estimate = estimate_estate_tax(distributable, tax_schedule)
    allocations = tuple(allocate(estimate.net_to_heirs, group))
    steps: list[PlanStep] = [HaltAccounts(ids), CancelOrders(ids)]
    if policy.liquidate:
        steps.append(Liquidate(ids))
    steps.append(EstimateEstateTax(estimate))
    steps.append(
        AllocateToBeneficiaries(estimate.net_to_heirs, allocations, in_kind=not policy.liquidate)
    )
    return SuccessionPlan(
        owner_id=policy.owner_id,
        account_ids=ids,
        estate_value=estate_value,
        tax_estimate=estimate,
        allocations=allocations,
        steps=tuple(steps),
    )
