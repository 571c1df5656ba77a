"""Succession errors: invariant violations of policies, allocations, tax schedules and cases."""

from __future__ import annotations

from domain.errors import DomainError


class InvalidSuccessionPolicy(DomainError):
    """A succession policy's durations or reminder schedule are inconsistent."""

    code = "INVALID_SUCCESSION_POLICY"


class InvalidBeneficiaryAllocation(DomainError):
    """Beneficiaries are missing, duplicated, or their shares do not sum to exactly 100."""

    code = "INVALID_BENEFICIARY_ALLOCATION"


class InvalidSuccessionAmount(DomainError):
    """A money amount is negative, not finite, or finer than a cent where cents are required."""

    code = "INVALID_SUCCESSION_AMOUNT"


class InvalidEstateTaxSchedule(DomainError):
    """An estate tax schedule has a negative exemption, unordered thresholds or a bad rate."""

    code = "INVALID_ESTATE_TAX_SCHEDULE"


class InvalidSuccessionTime(DomainError):
    """A timestamp given to the succession case is naive (carries no UTC offset)."""

    code = "INVALID_SUCCESSION_TIME"


class SuccessionUnderWay(DomainError):
    """The succession was triggered: the owner can no longer check in or change the policy."""

    code = "SUCCESSION_UNDER_WAY"


class InvalidSuccessionPlan(DomainError):
    """A succession plan cannot be built from the given accounts."""

    code = "INVALID_SUCCESSION_PLAN"
