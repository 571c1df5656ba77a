"""Contribution room against the IRS's published limits (Notices 2023-75, 2024-80, 2025-67;
Rev. Procs. 2023-23, 2024-25, 2025-19) and Publication 590-A Worksheet 2-2."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.retirement.contributions import (
    AccountType,
    RoomRequest,
    contribution_room,
    roth_ira_limit,
)
from domain.retirement.errors import InvalidRetirementInput, TaxYearNotPublished
from domain.retirement.limits import FilingStatus

D = Decimal


@pytest.mark.parametrize(
    ("year", "age", "expected"),
    [
        (2024, 45, D(23000)),
        (2024, 50, D(30500)),  # 23,000 + 7,500
        (2024, 61, D(30500)),  # no super catch-up before 2025
        (2025, 49, D(23500)),
        (2025, 55, D(31000)),  # 23,500 + 7,500
        (2025, 60, D(34750)),  # 23,500 + 11,250 (SECURE 2.0 s. 109)
        (2025, 63, D(34750)),
        (2025, 64, D(31000)),  # back to the regular catch-up
        (2026, 40, D(24500)),
        (2026, 50, D(32500)),  # 24,500 + 8,000
        (2026, 62, D(35750)),  # 24,500 + 11,250
    ],
)
def test_401k_limit_with_catch_up_is_the_irs_figure(year: int, age: int, expected: Decimal) -> None:
    room = contribution_room(RoomRequest(AccountType.K401, year, age))

    assert room.limit == expected
    assert room.room == expected


def test_401k_room_is_what_is_left_after_this_years_deferrals() -> None:
    room = contribution_room(RoomRequest(AccountType.K401, 2025, 35, contributed=D("10000.50")))

    assert room.room == D("13499.50")


def test_401k_room_never_exceeds_compensation() -> None:
    room = contribution_room(RoomRequest(AccountType.K401, 2025, 30, compensation=D(15000)))

    assert room.reduced_limit == D(15000)
    assert room.room == D(15000)


def test_the_415c_limit_caps_deferrals_when_the_employer_gives_much() -> None:
    # 2025: 70,000 annual additions; employer 50,000 leaves 20,000 of non-catch-up deferrals
    room = contribution_room(
        RoomRequest(AccountType.K401, 2025, 52, employer_contributions=D(50000))
    )

    assert room.reduced_limit == D(27500)  # 20,000 + the 7,500 catch-up (outside 415(c))
    assert any("415(c)" in note for note in room.notes)


@pytest.mark.parametrize(
    ("year", "age", "expected"),
    [(2024, 49, D(7000)), (2024, 50, D(8000)), (2025, 70, D(8000)), (2026, 30, D(7500)),
     (2026, 50, D(8600))],
)  # fmt: skip
def test_ira_limit_is_the_irs_figure(year: int, age: int, expected: Decimal) -> None:
    assert contribution_room(RoomRequest(AccountType.IRA, year, age)).room == expected


def test_ira_room_is_capped_by_compensation() -> None:
    room = contribution_room(RoomRequest(AccountType.IRA, 2025, 30, compensation=D(4200)))

    assert room.room == D(4200)


@pytest.mark.parametrize(
    ("status", "magi", "expected"),
    [
        (FilingStatus.SINGLE, D(146000), D(7000)),  # at the start of the range: full
        (FilingStatus.SINGLE, D(155000), D(2800)),  # 7,000 - 7,000 x 9,000/15,000
        (FilingStatus.SINGLE, D(160900), D(200)),  # 46.67 -> 50 -> the $200 floor
        (FilingStatus.SINGLE, D(161000), D(0)),
        (FilingStatus.MARRIED_JOINT, D(235000), D(3500)),  # half of the 10,000 range
        (FilingStatus.MARRIED_JOINT, D(231234), D(6140)),  # 7,000 x 0.877 = 6,139 -> 6,140
        (FilingStatus.MARRIED_SEPARATE, D(5000), D(3500)),
    ],
)
def test_roth_ira_phase_out_follows_worksheet_2_2(
    status: FilingStatus, magi: Decimal, expected: Decimal
) -> None:
    room = contribution_room(
        RoomRequest(AccountType.ROTH_IRA, 2024, 40, magi=magi, filing_status=status)
    )

    assert room.reduced_limit == expected


def test_roth_ira_2026_range_for_a_50_year_old_single_filer() -> None:
    # 2026: 153,000-168,000; limit 7,500 + 1,100; MAGI 160,500 is half way -> 4,300
    room = contribution_room(RoomRequest(AccountType.ROTH_IRA, 2026, 50, magi=D(160500)))

    assert room.reduced_limit == D(4300)


def test_roth_ira_without_magi_is_refused_naming_the_field() -> None:
    with pytest.raises(InvalidRetirementInput) as caught:
        contribution_room(RoomRequest(AccountType.ROTH_IRA, 2025, 40))

    assert caught.value.field == "magi"


@given(magi=st.integers(min_value=0, max_value=400_000))
def test_roth_limit_never_rises_with_income_and_stays_in_range(magi: int) -> None:
    span = (D(150000), D(165000))
    here = roth_ira_limit(D(7000), D(magi), span)
    further = roth_ira_limit(D(7000), D(magi + 1000), span)

    assert D(0) <= further <= here <= D(7000)
    assert here == 0 or here >= 200
    assert here % 10 == 0


def test_sep_ira_is_25_percent_of_pay_up_to_the_dollar_limit() -> None:
    low = contribution_room(RoomRequest(AccountType.SEP_IRA, 2025, 40, compensation=D(100000)))
    high = contribution_room(RoomRequest(AccountType.SEP_IRA, 2025, 40, compensation=D(400000)))

    assert low.room == D(25000)
    assert high.room == D(70000)  # 25 % of the 350,000 cap = 87,500 > the 415(c) 70,000


def test_sep_ira_of_a_self_employed_person_is_20_percent_of_net_earnings() -> None:
    room = contribution_room(
        RoomRequest(AccountType.SEP_IRA, 2024, 40, compensation=D(100000), self_employed=True)
    )

    assert room.room == D(20000)


@pytest.mark.parametrize(
    ("kind", "year", "age", "expected"),
    [
        (AccountType.HSA_SELF, 2024, 40, D(4150)),
        (AccountType.HSA_FAMILY, 2024, 40, D(8300)),
        (AccountType.HSA_SELF, 2025, 55, D(5300)),
        (AccountType.HSA_FAMILY, 2025, 54, D(8550)),
        (AccountType.HSA_SELF, 2026, 40, D(4400)),
        (AccountType.HSA_FAMILY, 2026, 60, D(9750)),
    ],
)
def test_hsa_limits_are_the_revenue_procedures(
    kind: AccountType, year: int, age: int, expected: Decimal
) -> None:
    assert contribution_room(RoomRequest(kind, year, age)).room == expected


def test_hsa_employer_money_counts_against_the_limit() -> None:
    room = contribution_room(
        RoomRequest(AccountType.HSA_SELF, 2025, 40, contributed=D(1000),
                    employer_contributions=D(1500))
    )  # fmt: skip

    assert room.room == D(1800)


def test_529_room_is_the_gift_exclusion_or_the_state_aggregate_headroom() -> None:
    free = contribution_room(RoomRequest(AccountType.PLAN_529, 2025, 40))
    near_cap = contribution_room(
        RoomRequest(AccountType.PLAN_529, 2025, 40, state_aggregate_limit=D(500000),
                    balance=D(492000))
    )  # fmt: skip

    assert free.room == D(19000)
    assert "95000" in free.notes[0]  # the five-year election
    assert near_cap.room == D(8000)


def test_a_year_not_published_is_refused() -> None:
    with pytest.raises(TaxYearNotPublished) as caught:
        contribution_room(RoomRequest(AccountType.IRA, 2027, 40))

    assert caught.value.field == "tax_year"


def test_negative_money_is_refused_naming_the_field() -> None:
    with pytest.raises(InvalidRetirementInput) as caught:
        contribution_room(RoomRequest(AccountType.IRA, 2025, 40, contributed=D(-1)))

    assert caught.value.field == "contributed"
