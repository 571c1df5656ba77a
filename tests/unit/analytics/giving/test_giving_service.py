"""Giving use cases on the in-memory store: receipts, validation, DAF flow, carryovers, the
deduction over years, owner scoping and the viewer."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from adapters.memory.clock import FakeClock, UuidGenerator
from adapters.memory.giving import InMemoryGivingStore
from application.portfolio.giving import DonationNotFound, GivingService, NewDonation, NewGrant
from application.portfolio.giving_suggestion import GivingSuggestionService, SuggestionRequest
from domain.analytics.giving.model import (
    Carryover,
    DonationKind,
    DoneeKind,
    InvalidGivingInput,
    LimitCategory,
)
from domain.errors import Forbidden
from domain.principals import Principal, Role

D = Decimal
ME = Principal("usr-me", Role.OWNER)
OTHER = Principal("usr-other", Role.OWNER)
VIEWER = Principal("usr-viewer", Role.VIEWER)
CASH = NewDonation(
    date(2025, 3, 1), "Food Bank", DoneeKind.PUBLIC_CHARITY, DonationKind.CASH, D(300)
)
STOCK = NewDonation(
    date(2025, 6, 2), "Museum", DoneeKind.PUBLIC_CHARITY, DonationKind.STOCK, D(12_000),
    symbol="aapl", shares=D(50), cost_basis=D(4_000), acquired=date(2020, 1, 15),
)  # fmt: skip
DAF = NewDonation(
    date(2025, 12, 20), "Community Foundation", DoneeKind.DONOR_ADVISED_FUND,
    DonationKind.CASH, D(50_000), fund="Family Fund", donee_ein="123456789",
)  # fmt: skip


def service() -> GivingService:
    clock = FakeClock(datetime(2026, 1, 5, 14, 30, tzinfo=UTC))
    return GivingService(InMemoryGivingStore(), clock, UuidGenerator())


async def test_receipts_are_numbered_per_owner_and_year() -> None:
    # Arrange
    giving = service()

    # Act
    first = await giving.record_donation(ME, CASH)
    second = await giving.record_donation(ME, STOCK)
    theirs = await giving.record_donation(OTHER, CASH)
    await giving.delete_donation(ME, first.donation.id)
    third = await giving.record_donation(ME, replace(CASH, donated_on=date(2025, 4, 1)))
    next_year = await giving.record_donation(ME, replace(CASH, donated_on=date(2026, 1, 2)))

    # Assert: numbers never repeat within a year (the next after the highest)
    assert [first.donation.receipt, second.donation.receipt] == ["GIFT-2025-0001", "GIFT-2025-0002"]
    assert theirs.donation.receipt == "GIFT-2025-0001"
    assert third.donation.receipt == "GIFT-2025-0003"
    assert next_year.donation.receipt == "GIFT-2026-0001"


async def test_a_stock_receipt_says_how_the_gift_counts() -> None:
    # Act
    receipt = await service().record_donation(ME, STOCK)

    # Assert
    assert receipt.classified.category is LimitCategory.CAPITAL_GAIN_30
    assert receipt.classified.deductible == D(12_000)
    assert receipt.untaxed_appreciation == D(8_000) and receipt.acknowledgment_required
    assert receipt.donation.symbol == "AAPL"


@pytest.mark.parametrize(
    ("new", "field"),
    [
        (replace(CASH, donated_on=date(2026, 1, 6)), "donated_on"),
        (replace(CASH, fair_market_value=D(0)), "fair_market_value"),
        (replace(CASH, donee="  "), "donee"),
        (replace(CASH, symbol="AAPL"), "symbol"),
        (replace(STOCK, cost_basis=None), "cost_basis"),
        (replace(STOCK, acquired=date(2025, 7, 1)), "acquired"),
        (replace(STOCK, shares=D(0)), "shares"),
        (replace(CASH, fund="X"), "fund"),
        (replace(DAF, fund=None), "fund"),
        (replace(DAF, donee_ein="12-34"), "donee_ein"),
        (replace(CASH, memo="x" * 1001), "memo"),
    ],
)
async def test_bad_donations_name_their_field(new: NewDonation, field: str) -> None:
    with pytest.raises(InvalidGivingInput) as caught:
        await service().record_donation(ME, new)
    assert caught.value.field == field


async def test_another_owner_s_donation_is_not_found_and_a_viewer_changes_nothing() -> None:
    # Arrange
    giving = service()
    mine = await giving.record_donation(ME, CASH)

    # Act / Assert
    with pytest.raises(DonationNotFound):
        await giving.donation(OTHER, mine.donation.id)
    with pytest.raises(DonationNotFound):
        await giving.delete_donation(OTHER, mine.donation.id)
    with pytest.raises(Forbidden):
        await giving.record_donation(VIEWER, CASH)
    assert (await giving.donation(ME, mine.donation.id)).donation == mine.donation


async def test_the_donor_advised_fund_flow() -> None:
    # Arrange: contribute 50,000 cash to the fund in 2025
    giving = service()
    contribution = await giving.record_donation(ME, DAF)

    # Act: grants in 2026 from the fund
    grant = await giving.record_grant(
        ME, NewGrant("Family Fund", date(2026, 1, 3), "Food Bank", D(5_000))
    )
    funds = await giving.funds(ME)
    report_2025 = await giving.deduction(ME, 2025, {2025: D(200_000)})
    report_2026 = await giving.deduction(ME, 2026, {2025: D(200_000), 2026: D(200_000)})

    # Assert: deducted in the contribution year, the grant not again
    assert contribution.donation.donee_ein == "12-3456789"
    assert report_2025.year.deduction == D(50_000)
    assert report_2026.year.deduction == 0
    [fund] = funds
    assert (fund.contributed, fund.granted, fund.ungranted) == (D(50_000), D(5_000), D(45_000))
    assert fund.grants == (grant,)


@pytest.mark.parametrize(
    ("grant", "field"),
    [
        (NewGrant("Other Fund", date(2026, 1, 3), "X", D(1)), "fund"),
        (NewGrant("Family Fund", date(2025, 12, 1), "X", D(1)), "granted_on"),
        (NewGrant("Family Fund", date(2026, 1, 3), "X", D(0)), "amount"),
    ],
)
async def test_bad_grants_name_their_field(grant: NewGrant, field: str) -> None:
    giving = service()
    await giving.record_donation(ME, DAF)
    with pytest.raises(InvalidGivingInput) as caught:
        await giving.record_grant(ME, grant)
    assert caught.value.field == field


async def test_the_deduction_carries_over_years_and_asks_for_missing_agi() -> None:
    # Arrange: 2024 cash 80,000 on AGI 100,000 (20,000 carried); 2025 the stock gift
    giving = service()
    await giving.record_donation(
        ME, replace(CASH, donated_on=date(2024, 5, 1), fair_market_value=D(80_000))
    )
    await giving.record_donation(ME, STOCK)

    # Act
    report = await giving.deduction(ME, 2025, {2024: D(100_000), 2025: D(100_000)})

    # Assert: 2025: the cash carryover 20,000 first (60% room), then stock within
    # min(30,000, 50,000 - 20,000) = 30,000 -> 12,000: 32,000 in all
    assert report.history[0].deduction == D(60_000)
    assert report.year.line(LimitCategory.CASH_60).deducted_carryover == D(20_000)
    assert report.year.deduction == D(32_000)
    assert report.form_8283_required  # a 12,000 stock gift
    with pytest.raises(InvalidGivingInput) as caught:
        await giving.deduction(ME, 2025, {2025: D(100_000)})
    assert caught.value.field == "agi.2024"


async def test_opening_carryovers_stand_for_the_years_before() -> None:
    # Arrange: a 2022 gift recorded, then opening carryovers into 2025 from the returns
    giving = service()
    await giving.record_donation(ME, replace(CASH, donated_on=date(2022, 5, 1)))
    await giving.set_opening_carryovers(ME, 2025, [Carryover(2023, LimitCategory.CASH_60, D(700))])

    # Act: no AGI needed for 2022-2024: the carryovers replace them
    report = await giving.deduction(ME, 2025, {2025: D(10_000)})

    # Assert
    assert report.year.deduction == D(700) and report.history == ()
    assert report.opening is not None and report.opening.into_year == 2025
    with pytest.raises(InvalidGivingInput) as caught:
        await giving.set_opening_carryovers(
            ME, 2025, [Carryover(2019, LimitCategory.CASH_60, D(1))]
        )
    assert caught.value.field == "carryovers[0].origin_year"
    assert await giving.set_opening_carryovers(ME, 2025, []) is None
    assert await giving.opening_carryovers(ME) is None


async def test_the_suggestion_reports_the_cash_room_left() -> None:
    # Arrange: 300 cash already given in 2026 (the clock's year)
    giving = service()
    await giving.record_donation(ME, replace(CASH, donated_on=date(2026, 1, 2)))
    suggestions = GivingSuggestionService(giving, FakeClock(datetime(2026, 1, 5, tzinfo=UTC)))

    # Act
    view = await suggestions.suggest(
        ME,
        SuggestionRequest(
            benchmark_return=D("0.07"), threshold=D("0.02"), share=D("0.1"),
            portfolio_return=D("0.12"), start_value=D(1_000_000), agi=D(4_000),
        ),
    )  # fmt: skip

    # Assert: 3,000 suggested; room 60% x 4,000 - 300 = 2,100
    assert view.suggestion.suggested == D(3000)
    assert view.room is not None and view.room.room == D(2_100)
    assert view.room.deductible_now == D(2_100) and view.room.tax_year == 2026
