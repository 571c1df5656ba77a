"""Succession: the owner's dead man's switch, beneficiary allocation and estate tax."""

from domain.succession.beneficiaries import (
    Allocation,
    Beneficiary,
    BeneficiaryAllocation,
    allocate,
)
from domain.succession.case import SuccessionCase, SuccessionStatus
from domain.succession.errors import (
    InvalidBeneficiaryAllocation,
    InvalidEstateTaxSchedule,
    InvalidSuccessionAmount,
    InvalidSuccessionPlan,
    InvalidSuccessionPolicy,
    InvalidSuccessionTime,
    SuccessionUnderWay,
)
from domain.succession.estate_tax import (
    US_FEDERAL_2026,
    EstateTaxEstimate,
    EstateTaxSchedule,
    estimate_estate_tax,
)
from domain.succession.events import (
    SuccessionCanceledByOwner,
    SuccessionCheckedIn,
    SuccessionEnrolled,
    SuccessionEvent,
    SuccessionExecuted,
    SuccessionGraceStarted,
    SuccessionPolicyUpdated,
    SuccessionReminderDue,
    SuccessionTriggered,
)
from domain.succession.plan import (
    AllocateToBeneficiaries,
    CancelOrders,
    EstimateEstateTax,
    ExecutionReport,
    HaltAccounts,
    Liquidate,
    PlanStep,
    StepKind,
    SuccessionPlan,
    build_plan,
)
from domain.succession.policy import SuccessionPolicy

__all__ = [
    "US_FEDERAL_2026",
    "AllocateToBeneficiaries",
    "Allocation",
    "Beneficiary",
    "BeneficiaryAllocation",
    "CancelOrders",
    "EstateTaxEstimate",
    "EstateTaxSchedule",
    "EstimateEstateTax",
    "ExecutionReport",
    "HaltAccounts",
    "InvalidBeneficiaryAllocation",
    "InvalidEstateTaxSchedule",
    "InvalidSuccessionAmount",
    "InvalidSuccessionPlan",
    "InvalidSuccessionPolicy",
    "InvalidSuccessionTime",
    "Liquidate",
    "PlanStep",
    "StepKind",
    "SuccessionCanceledByOwner",
    "SuccessionCase",
    "SuccessionCheckedIn",
    "SuccessionEnrolled",
    "SuccessionEvent",
    "SuccessionExecuted",
    "SuccessionGraceStarted",
    "SuccessionPlan",
    "SuccessionPolicy",
    "SuccessionPolicyUpdated",
    "SuccessionReminderDue",
    "SuccessionStatus",
    "SuccessionTriggered",
    "SuccessionUnderWay",
    "allocate",
    "build_plan",
    "estimate_estate_tax",
]
