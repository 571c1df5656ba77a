"""Beneficiary validation and the exact cent split of an estate."""

from __future__ import annotations

from decimal import Decimal
from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.succession import (
    Beneficiary,
    BeneficiaryAllocation,
    InvalidBeneficiaryAllocation,
    InvalidSuccessionAmount,
    allocate,
)

D = Decimal


def person(id_: str, share: str) -> Beneficiary:
    return Beneficiary(id_, f"name of {id_}", D(share), f"{id_}@example.org")


def test_three_equal_thirds_give_the_leftover_cent_to_the_largest_share() -> None:
    # Arrange: 33.34% for "c" is the largest share.
    heirs = [person("a", "33.33"), person("b", "33.33"), person("c", "33.34")]

    # Act
    result = allocate(D("100.00"), heirs)

    # Assert: 100 * 0.3333 = 33.33, 100 * 0.3334 = 33.34; 33.33 + 33.33 + 33.34 = 100.00
    assert result == [("a", D("33.33")), ("b", D("33.33")), ("c", D("33.34"))]


def test_remainder_goes_to_the_largest_share() -> None:
    # Arrange
    heirs = [person("a", "25"), person("b", "50"), person("c", "25")]

    # Act
    result = allocate(D("0.03"), heirs)

    # Assert: 0.03 * 25% = 0.0075 -> 0.00; 0.03 * 50% = 0.015 -> 0.01; left 0.02 goes to "b"
    assert result == [("a", D("0.00")), ("b", D("0.03")), ("c", D("0.00"))]


def test_remainder_tie_on_largest_share_goes_to_the_smallest_id() -> None:
    # Arrange: "b" and "a" share the largest share; "a" wins the tie by id.
    heirs = [person("b", "40"), person("c", "20"), person("a", "40")]

    # Act
    result = allocate(D("10.01"), heirs)

    # Assert: 10.01 * 40% = 4.004 -> 4.00 (twice); 10.01 * 20% = 2.002 -> 2.00;
    # 10.01 - 10.00 = 0.01 goes to "a"
    assert result == [("b", D("4.00")), ("c", D("2.00")), ("a", D("4.01"))]


def test_zero_total_gives_everyone_zero() -> None:
    # Arrange
    heirs = [person("a", "60"), person("b", "40")]

    # Act
    result = allocate(D("0"), heirs)

    # Assert
    assert result == [("a", D("0.00")), ("b", D("0.00"))]


def test_allocation_is_named() -> None:
    # Arrange / Act
    (only,) = allocate(D("12.34"), [person("solo", "100")])

    # Assert
    assert only.beneficiary_id == "solo"
    assert only.amount == D("12.34")


@pytest.mark.parametrize("shares", [("50", "49.99"), ("60", "40.01"), ("100", "1")])
def test_shares_not_summing_to_exactly_100_are_rejected(shares: tuple[str, str]) -> None:
    # Arrange
    heirs = [person("a", shares[0]), person("b", shares[1])]

    # Act / Assert
    with pytest.raises(InvalidBeneficiaryAllocation, match="not exactly 100") as raised:
        allocate(D("100.00"), heirs)
    assert raised.value.code == "INVALID_BENEFICIARY_ALLOCATION"


@pytest.mark.parametrize("share", ["0", "-10", "100.01", "NaN"])
def test_non_positive_or_oversized_share_is_rejected(share: str) -> None:
    # Arrange / Act / Assert
    with pytest.raises(InvalidBeneficiaryAllocation, match="must be in"):
        person("a", share)


def test_duplicate_ids_and_empty_list_are_rejected() -> None:
    # Arrange
    twins = (person("a", "50"), person("a", "50"))

    # Act / Assert
    with pytest.raises(InvalidBeneficiaryAllocation, match="unique"):
        BeneficiaryAllocation(twins)
    with pytest.raises(InvalidBeneficiaryAllocation, match="at least one"):
        BeneficiaryAllocation(())


@pytest.mark.parametrize("total", ["-0.01", "10.001", "Infinity"])
def test_negative_or_sub_cent_totals_are_rejected(total: str) -> None:
    # Arrange
    heirs = [person("a", "100")]

    # Act / Assert
    with pytest.raises(InvalidSuccessionAmount) as raised:
        allocate(D(total), heirs)
    assert raised.value.code == "INVALID_SUCCESSION_AMOUNT"


@st.composite
def valid_shares(draw: st.DrawFn) -> list[Decimal]:
    """Positive shares in hundredths of a percent that sum to exactly 100."""
    count = draw(st.integers(min_value=1, max_value=8))
    cuts = sorted(
        draw(
            st.lists(
                st.integers(min_value=1, max_value=9_999),
                min_size=count - 1,
                max_size=count - 1,
                unique=True,
            )
        )
    )
    bounds = [0, *cuts, 10_000]
    return [D(hi - lo) / 100 for lo, hi in pairwise(bounds)]


@given(
    cents=st.integers(min_value=0, max_value=10**15),
    shares=valid_shares(),
)
def test_amounts_sum_exactly_to_the_total_and_none_is_negative(
    cents: int, shares: list[Decimal]
) -> None:
    # Arrange
    total = D(cents) / 100
    heirs = [person(f"h{i}", str(share)) for i, share in enumerate(shares)]

    # Act
    result = allocate(total, heirs)

    # Assert
    assert sum((amount for _, amount in result), D(0)) == total
    assert all(amount >= 0 for _, amount in result)
    assert all(amount == amount.quantize(D("0.01")) for _, amount in result)
    assert [beneficiary_id for beneficiary_id, _ in result] == [h.id for h in heirs]
    # Each amount is within a cent below its exact share, and only the remainder's
    # receiver can be above it, by fewer cents than there are beneficiaries.
    cent = D("0.01")
    for (_, amount), share in zip(result, shares, strict=True):
        exact = total * share / 100
        assert -cent < amount - exact < cent * len(shares)
