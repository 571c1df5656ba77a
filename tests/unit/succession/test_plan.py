"""The succession plan: ordered steps, tax estimate and allocation of the net estate."""

from __future__ import annotations

from decimal import Decimal

import pytest

from domain.succession import (
    AllocateToBeneficiaries,
    Beneficiary,
    CancelOrders,
    EstateTaxSchedule,
    EstimateEstateTax,
    HaltAccounts,
    InvalidBeneficiaryAllocation,
    InvalidSuccessionPlan,
    Liquidate,
    StepKind,
    SuccessionPolicy,
    build_plan,
)

D = Decimal
OWNER = "owner-1"
ACCOUNTS = ("acc-1", "acc-2")
HEIRS = (
    Beneficiary("alice", "Alice", D("50"), "alice@example.org"),
    Beneficiary("bob", "Bob", D("30"), "bob@example.org"),
    Beneficiary("carol", "Carol", D("20"), "carol@example.org"),
)


def test_plan_without_liquidation_halts_cancels_taxes_and_allocates_in_kind() -> None:
    # Arrange
    policy = SuccessionPolicy(OWNER, liquidate=False)

    # Act
    plan = build_plan(policy, ACCOUNTS, D(20_000_000), HEIRS)

    # Assert: tax (20M - 15M) * 40% = 2M; net 18M -> 9M / 5.4M / 3.6M
    assert plan.step_kinds == (
        StepKind.HALT_ACCOUNTS,
        StepKind.CANCEL_ORDERS,
        StepKind.ESTIMATE_ESTATE_TAX,
        StepKind.ALLOCATE,
    )
    assert plan.tax_estimate.tax == D("2000000.00")
    assert plan.allocations == (
        ("alice", D("9000000.00")),
        ("bob", D("5400000.00")),
        ("carol", D("3600000.00")),
    )
    assert plan.steps[0] == HaltAccounts(ACCOUNTS)
    assert plan.steps[1] == CancelOrders(ACCOUNTS)
    assert plan.steps[2] == EstimateEstateTax(plan.tax_estimate)
    assert plan.steps[3] == AllocateToBeneficiaries(
        D("18000000.00"), plan.allocations, in_kind=True
    )


def test_plan_with_liquidation_adds_the_liquidate_step_after_canceling() -> None:
    # Arrange
    policy = SuccessionPolicy(OWNER, liquidate=True)

    # Act
    plan = build_plan(policy, ACCOUNTS, D("1000.00"), HEIRS)

    # Assert: below the exemption no tax; 1000 -> 500 / 300 / 200
    assert plan.step_kinds == (
        StepKind.HALT_ACCOUNTS,
        StepKind.CANCEL_ORDERS,
        StepKind.LIQUIDATE,
        StepKind.ESTIMATE_ESTATE_TAX,
        StepKind.ALLOCATE,
    )
    assert plan.steps[2] == Liquidate(ACCOUNTS)
    assert plan.allocations == (
        ("alice", D("500.00")),
        ("bob", D("300.00")),
        ("carol", D("200.00")),
    )


def test_descriptions_are_readable_for_the_audit_log() -> None:
    # Arrange
    policy = SuccessionPolicy(OWNER, liquidate=True)

    # Act
    plan = build_plan(policy, ACCOUNTS, D("1000.00"), HEIRS)

    # Assert
    assert plan.descriptions == (
        "Halt trading on accounts acc-1, acc-2",
        "Cancel all open orders on accounts acc-1, acc-2",
        "Liquidate all positions on accounts acc-1, acc-2 into cash",
        "Reserve estimated estate tax of 0.00 on a gross estate of 1000.00 "
        "(exemption 15000000, taxable 0); 1000.00 goes to heirs",
        "Allocate 1000.00 to beneficiaries (in cash): alice: 500.00, bob: 300.00, carol: 200.00",
    )


def test_allocation_uses_the_net_after_tax_on_a_custom_schedule() -> None:
    # Arrange
    schedule = EstateTaxSchedule(D(100), ((D(0), D("0.10")), (D(100), D("0.50"))))
    policy = SuccessionPolicy(OWNER)

    # Act
    plan = build_plan(policy, ("acc-1",), D("300.019"), HEIRS, schedule)

    # Assert: estate cut to 300.01; taxable 200.01 = 100 * 0.10 + 100.01 * 0.50
    #   = 10 + 50.005 = 60.005 -> 60.01; net 300.01 - 60.01 = 240.00
    #   240.00 -> alice 120.00, bob 72.00, carol 48.00
    assert plan.estate_value == D("300.019")
    assert plan.tax_estimate.gross == D("300.01")
    assert plan.tax_estimate.tax == D("60.01")
    assert plan.allocations == (
        ("alice", D("120.00")),
        ("bob", D("72.00")),
        ("carol", D("48.00")),
    )


def test_allocation_sums_exactly_to_the_net_with_an_odd_cent() -> None:
    # Arrange
    policy = SuccessionPolicy(OWNER)

    # Act
    plan = build_plan(policy, ACCOUNTS, D("0.07"), HEIRS)

    # Assert: 0.035 -> 0.03, 0.021 -> 0.02, 0.014 -> 0.01; 0.01 left goes to alice (50%)
    assert plan.allocations == (
        ("alice", D("0.04")),
        ("bob", D("0.02")),
        ("carol", D("0.01")),
    )


def test_estate_in_debt_distributes_nothing_but_still_halts() -> None:
    # Arrange
    policy = SuccessionPolicy(OWNER)

    # Act
    plan = build_plan(policy, ACCOUNTS, D("-5000.00"), HEIRS)

    # Assert
    assert plan.steps[0] == HaltAccounts(ACCOUNTS)
    assert plan.tax_estimate.tax == D(0)
    assert [amount for _, amount in plan.allocations] == [D("0.00")] * 3


@pytest.mark.parametrize(("accounts", "message"), [((), "no accounts"), (("a", "a"), "unique")])
def test_accounts_must_be_present_and_unique(accounts: tuple[str, ...], message: str) -> None:
    # Arrange
    policy = SuccessionPolicy(OWNER)

    # Act / Assert
    with pytest.raises(InvalidSuccessionPlan, match=message) as raised:
        build_plan(policy, accounts, D(1), HEIRS)
    assert raised.value.code == "INVALID_SUCCESSION_PLAN"


def test_invalid_beneficiaries_are_rejected() -> None:
    # Arrange
    policy = SuccessionPolicy(OWNER)

    # Act / Assert
    with pytest.raises(InvalidBeneficiaryAllocation):
        build_plan(policy, ACCOUNTS, D(1), HEIRS[:2])
