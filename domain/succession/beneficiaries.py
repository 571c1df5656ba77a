"""Beneficiaries and the exact, cent-level split of an estate among them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_DOWN, Decimal, localcontext
from typing import NamedTuple

from domain.numbers import CENT, ZERO
from domain.succession.errors import InvalidBeneficiaryAllocation, InvalidSuccessionAmount

HUNDRED = Decimal(100)
# Wide enough that total * share is computed exactly for any realistic estate.
_PRECISION = 60


@dataclass(frozen=True, slots=True)
class Beneficiary:
    """A person or entity inheriting `share_percent` percent of the distributable estate."""

    id: str
    name: str
    share_percent: Decimal
    contact: str

    def __post_init__(self) -> None:
        if not self.id:
            raise InvalidBeneficiaryAllocation("beneficiary id must not be empty")
        share = self.share_percent
        if not share.is_finite() or share <= ZERO or share > HUNDRED:
            raise InvalidBeneficiaryAllocation(
                f"beneficiary {self.id}: share {share} must be in (0, 100]"
            )


@dataclass(frozen=True, slots=True)
class BeneficiaryAllocation:
    """A validated set of beneficiaries: unique ids, positive shares summing to exactly 100."""

    beneficiaries: tuple[Beneficiary, ...]

    def __post_init__(self) -> None:
        if not self.beneficiaries:
            raise InvalidBeneficiaryAllocation("at least one beneficiary is required")
        ids = [b.id for b in self.beneficiaries]
        if len(set(ids)) != len(ids):
            raise InvalidBeneficiaryAllocation("beneficiary ids must be unique")
        total = sum((b.share_percent for b in self.beneficiaries), ZERO)
        if total != HUNDRED:
            raise InvalidBeneficiaryAllocation(f"shares sum to {total}, not exactly 100")

    @classmethod
    def of(
        cls, beneficiaries: BeneficiaryAllocation | Sequence[Beneficiary]
    ) -> BeneficiaryAllocation:
        if isinstance(beneficiaries, BeneficiaryAllocation):
            return beneficiaries
        return cls(tuple(beneficiaries))


class Allocation(NamedTuple):
    """The amount, in cents, one beneficiary receives."""

    beneficiary_id: str
    amount: Decimal


def allocate(
    total: Decimal, beneficiaries: BeneficiaryAllocation | Sequence[Beneficiary]
) -> list[Allocation]:
    """Split `total` (whole cents, >= 0) by share; the amounts sum exactly to `total`.

    Each amount is rounded down to the cent; the leftover cents (fewer than one per
    beneficiary) all go to the largest share, ties broken by the smallest id.
    Results follow the beneficiaries' given order.
    """
    group = BeneficiaryAllocation.of(beneficiaries)
    with localcontext() as ctx:
        ctx.prec = _PRECISION
        _require_cents(total)
        amounts = [
            (total * b.share_percent / HUNDRED).quantize(CENT, rounding=ROUND_DOWN)
            for b in group.beneficiaries
        ]
        remainder = total - sum(amounts, ZERO)
        if remainder:
            receiver = min(
                range(len(group.beneficiaries)),
                key=lambda i: (-group.beneficiaries[i].share_percent, group.beneficiaries[i].id),
            )
            amounts[receiver] += remainder
    return [
        Allocation(b.id, amount) for b, amount in zip(group.beneficiaries, amounts, strict=True)
    ]


def _require_cents(total: Decimal) -> None:
    if not total.is_finite() or total < ZERO:
        raise InvalidSuccessionAmount(f"total {total} must be a finite, non-negative amount")
    if total != total.quantize(CENT, rounding=ROUND_DOWN):
        raise InvalidSuccessionAmount(f"total {total} must be in whole cents")
