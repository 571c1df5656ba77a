"""An account's profile: name, target allocation and the close/archive lifecycle."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.trading.account_profile import (
    AccountClosed,
    AccountNotEmpty,
    AccountStatus,
    InvalidAccount,
    check_allocation,
)
from domain.trading.accounts import Account
from domain.trading.orders import Order, Origin, OriginKind, Side
from domain.trading.positions import Position

D = Decimal


def account() -> Account:
    return Account("acc-1", "u-1", D(1000))


def test_defaults_keep_an_account_made_the_old_way_a_taxable_margin_account_that_is_open() -> None:
    acct = account()

    assert (acct.account_type.value, acct.trading_type.value, acct.status) == (
        "taxable",
        "margin",
        AccountStatus.OPEN,
    )
    assert acct.is_open and not acct.cash_only


def test_close_is_refused_while_a_position_or_an_open_order_is_held() -> None:
    # Arrange
    holding = account()
    holding.positions["AAPL"] = Position("AAPL", D(1), D(100))
    working = account()
    working.track_order(
        Order("o-1", "c-1", "acc-1", "AAPL", Side.BUY, D(1), Origin(OriginKind.USER, "u-1"))
    )
    flat = account()
    flat.positions["AAPL"] = Position("AAPL")  # flat: nothing held

    # Act / Assert
    with pytest.raises(AccountNotEmpty, match="1 position"):
        holding.close()
    with pytest.raises(AccountNotEmpty, match="1 open order"):
        working.archive()
    flat.close()
    assert flat.status is AccountStatus.CLOSED


def test_an_archived_account_cannot_be_closed_again_but_a_closed_one_can_be_archived() -> None:
    acct = account()
    acct.close()
    acct.archive()

    with pytest.raises(AccountClosed):
        acct.close()
    assert acct.status is AccountStatus.ARCHIVED


@pytest.mark.parametrize("name", ["", "   ", "x" * 101, "tab\there"])
def test_a_bad_name_is_refused_naming_the_field(name: str) -> None:
    with pytest.raises(InvalidAccount) as refused:
        account().rename(name)

    assert refused.value.field == "name"


@given(st.lists(st.decimals(min_value=0, max_value=1, places=4), max_size=12))
def test_an_allocation_is_accepted_exactly_when_its_fractions_sum_to_at_most_one(
    fractions: list[Decimal],
) -> None:
    # Arrange
    allocation = {f"S{i}": f for i, f in enumerate(fractions)}

    # Act / Assert
    if sum(fractions, D(0)) <= 1:
        assert check_allocation(allocation) == allocation
    else:
        with pytest.raises(InvalidAccount) as refused:
            check_allocation(allocation)
        assert refused.value.field == "target_allocation"


@pytest.mark.parametrize(
    "allocation",
    [
        {"AAPL": D("-0.1")},
        {"AAPL": D("1.01")},
        {"AAPL": D("NaN")},
        {"aapl": D("0.1"), "AAPL": D(0)},
    ],
)
def test_a_bad_fraction_or_a_symbol_named_twice_is_refused(allocation: dict[str, Decimal]) -> None:
    with pytest.raises(InvalidAccount):
        check_allocation(allocation)
