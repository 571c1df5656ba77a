"""Sector concentration and buying power (initial margin)."""

from __future__ import annotations

import pytest

from domain.risk.reasons import Action, ReasonCode
from domain.risk.rules import RuleType
from domain.risk.view import AccountRiskView
from tests.kit.gate import (
    BUY,
    SELL,
    D,
    account,
    decide,
    order,
    resting,
    rule,
    view,
)

SECTOR = RuleType.SECTOR_CONCENTRATION
BUYING_POWER = RuleType.BUYING_POWER


# -- SectorConcentration ------------------------------------------------------------
# Cash 90,000 + long 100 AAPL @100 = equity 100,000; TECH = 10,000 (AAPL)
# + resting buy 25 MSFT @200 = 5,000 → 15,000. Default cap 25% = 25,000.


def tech_heavy() -> AccountRiskView:
    acct = account(90_000, ("AAPL", 100), open_orders=[resting("MSFT", BUY, 25, limit=200)])
    return view(acct)


@pytest.mark.parametrize(
    ("quantity", "approved"),
    [
        pytest.param(50, True, id="at-25pct"),  # 15,000 + 50 × 200 = 25,000
        pytest.param(51, False, id="over-25pct"),  # 25,200
    ],
)
def test_sector_concentration_defaults_to_25_pct_with_empty_params(
    quantity: int, approved: bool
) -> None:
    # Arrange
    limit = rule(SECTOR, {})

    # Act
    decision = decide(order("MSFT", BUY, quantity), tech_heavy(), limit)

    # Assert
    assert decision.approved is approved
    assert decision.reasons == (() if approved else (ReasonCode.SECTOR_CONCENTRATION,))


def test_sector_concentration_other_sector_is_not_affected() -> None:
    # Arrange: ENERGY is empty; 400 XOM @50 = 20,000 ≤ 25,000.
    limit = rule(SECTOR, {})

    # Act
    decision = decide(order("XOM", BUY, 400), tech_heavy(), limit)

    # Assert
    assert decision.approved is True


def test_sector_concentration_explicit_pct_and_reduce() -> None:
    # Arrange: 40% × 100,000 = 40,000; room 25,000 → 125 MSFT.
    limit = rule(SECTOR, {"max_pct": "0.4"}, action=Action.REDUCE)

    # Act
    decision = decide(order("MSFT", BUY, 200), tech_heavy(), limit)

    # Assert
    assert (decision.approved, decision.quantity) == (True, D(125))


def test_sector_concentration_reduce_with_no_room_is_denied() -> None:
    # Arrange: 10% × 100,000 = 10,000 < 15,000 already in TECH.
    limit = rule(SECTOR, {"max_pct": "0.1"}, action=Action.REDUCE)

    # Act
    decision = decide(order("MSFT", BUY, 1), tech_heavy(), limit)

    # Assert
    assert decision.reasons == (ReasonCode.SECTOR_CONCENTRATION,)


def test_sector_concentration_passes_reductions() -> None:
    # Arrange
    limit = rule(SECTOR, {"max_pct": "0.1"})

    # Act
    decision = decide(order("AAPL", SELL, 50), tech_heavy(), limit)

    # Assert
    assert decision.approved is True


def test_sector_concentration_warn_approves_with_the_warning() -> None:
    # Arrange
    limit = rule(SECTOR, {}, action=Action.WARN)

    # Act
    decision = decide(order("MSFT", BUY, 51), tech_heavy(), limit)

    # Assert
    assert (decision.approved, decision.quantity) == (True, D(51))
    assert decision.warnings == (ReasonCode.SECTOR_CONCENTRATION,)


# -- BuyingPower --------------------------------------------------------------------
# Cash 60,000 + long 400 AAPL @100 = equity 100,000. Initial margin 50%:
# 40,000 × 0.5 = 20,000 + resting buy 100 MSFT @200 → 20,000 × 0.5 = 10,000
# → requirement 30,000, available 70,000 → at most 140,000 of new notional.


def margined() -> AccountRiskView:
    acct = account(60_000, ("AAPL", 400), open_orders=[resting("MSFT", BUY, 100, limit=200)])
    return view(acct)


def test_buying_power_view_figures() -> None:
    # Act
    risk_view = margined()

    # Assert
    assert risk_view.initial_requirement == D(30_000)
    assert risk_view.available_margin == D(70_000)


@pytest.mark.parametrize(
    ("quantity", "approved"),
    [
        pytest.param(700, True, id="all-of-it"),  # 700 × 200 × 0.5 = 70,000
        pytest.param(701, False, id="one-over"),  # 70,100
    ],
)
def test_buying_power_uses_50_pct_initial_margin(quantity: int, approved: bool) -> None:
    # Arrange
    limit = rule(BUYING_POWER)

    # Act
    decision = decide(order("MSFT", BUY, quantity), margined(), limit)

    # Assert
    assert decision.approved is approved
    assert decision.reasons == (() if approved else (ReasonCode.INSUFFICIENT_BUYING_POWER,))


@pytest.mark.parametrize(
    ("quantity", "approved"),
    [
        pytest.param(2_800, True, id="all-of-it"),  # 2,800 × 50 × 0.5 = 70,000
        pytest.param(2_801, False, id="one-over"),  # 2,801 × 50 × 0.5 = 70,025
    ],
)
def test_buying_power_counts_a_short_sale(quantity: int, approved: bool) -> None:
    # Arrange
    limit = rule(BUYING_POWER)

    # Act
    decision = decide(order("XOM", SELL, quantity), margined(), limit)

    # Assert
    assert decision.approved is approved
    assert decision.reasons == (() if approved else (ReasonCode.INSUFFICIENT_BUYING_POWER,))


def test_buying_power_reduce() -> None:
    # Arrange: 70,000 / (200 × 0.5) = 700.
    limit = rule(BUYING_POWER, action=Action.REDUCE)

    # Act
    decision = decide(order("MSFT", BUY, 1_000), margined(), limit)

    # Assert
    assert (decision.approved, decision.quantity) == (True, D(700))


def test_buying_power_with_a_custom_initial_rate() -> None:
    # Arrange: rate 25% everywhere: requirement (40,000 + 20,000) × 0.25 = 15,000,
    # available 85,000 → 85,000 / (200 × 0.25) = 1,700 MSFT.
    limit = rule(BUYING_POWER, action=Action.REDUCE)
    acct = account(60_000, ("AAPL", 400), open_orders=[resting("MSFT", BUY, 100, limit=200)])
    risk_view = view(acct, initial_rate=lambda _instrument: D("0.25"))

    # Act
    decision = decide(order("MSFT", BUY, 2_000), risk_view, limit)

    # Assert
    assert (decision.approved, decision.quantity) == (True, D(1_700))


def test_buying_power_reduce_with_nothing_available_is_denied() -> None:
    # Arrange: cash −40,000 + 400 AAPL = equity 0; requirement 20,000 → available −20,000.
    limit = rule(BUYING_POWER, action=Action.REDUCE)

    # Act
    decision = decide(order("MSFT", BUY, 1), view(account(-40_000, ("AAPL", 400))), limit)

    # Assert
    assert decision.reasons == (ReasonCode.INSUFFICIENT_BUYING_POWER,)


def test_buying_power_passes_reductions() -> None:
    # Arrange: available −20,000, yet selling AAPL only frees margin.
    limit = rule(BUYING_POWER)

    # Act
    decision = decide(order("AAPL", SELL, 400), view(account(-40_000, ("AAPL", 400))), limit)

    # Assert
    assert decision.approved is True


def test_buying_power_warn_approves_with_the_warning() -> None:
    # Arrange
    limit = rule(BUYING_POWER, action=Action.WARN)

    # Act
    decision = decide(order("MSFT", BUY, 701), margined(), limit)

    # Assert
    assert (decision.approved, decision.quantity) == (True, D(701))
    assert decision.warnings == (ReasonCode.INSUFFICIENT_BUYING_POWER,)
