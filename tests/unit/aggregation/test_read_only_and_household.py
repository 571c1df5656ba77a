"""Aggregated accounts: read-only at the order gate, counted (not traded) in the household."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from application.trading.orders import SubmitOrder
from bootstrap.embedded import build_embedded
from domain.aggregation.household import household_account, household_accounts
from domain.aggregation.model import (
    AggregatedAccount,
    AggregatedAccountReadOnly,
    AggregatedHolding,
    account_id_for,
    ensure_tradable,
)
from domain.principals import Principal, Role
from domain.trading.instruments import Instrument
from domain.trading.orders import Origin, OriginKind, Side

D = Decimal
ALICE = Principal("alice", Role.OWNER)
ACCOUNT = account_id_for("itm_1", "acc-a")
DAY = date(2026, 11, 25)


def account(subtype: str = "401k", kind: str = "investment") -> AggregatedAccount:
    return AggregatedAccount(
        ACCOUNT, "itm_1", "alice", "acc-a", "401k", "6666", kind, subtype, D(100), "USD"
    )


def holding(
    symbol: str | None, kind: str | None, qty: str, basis: str | None, value: str
) -> AggregatedHolding:
    return AggregatedHolding(
        ACCOUNT, f"sec-{symbol}-{kind}", symbol, None, kind, D(qty),
        None if basis is None else D(basis), D(1), D(value), "USD", DAY,
    )  # fmt: skip


async def test_the_order_gate_refuses_an_aggregated_account_with_a_clear_problem() -> None:
    e = build_embedded()
    await e.add_instrument(Instrument("AAPL"), D(100))
    origin = Origin(OriginKind.USER, ALICE.id)

    with pytest.raises(AggregatedAccountReadOnly) as refused:
        await e.orders.submit(SubmitOrder(ALICE, ACCOUNT, "AAPL", Side.BUY, D(1), origin))

    assert refused.value.code == "AGGREGATED_ACCOUNT_READ_ONLY"
    assert "read-only" in refused.value.message
    with pytest.raises(AggregatedAccountReadOnly):
        await e.orders.submit_many([SubmitOrder(ALICE, ACCOUNT, "AAPL", Side.BUY, D(1), origin)])


def test_a_trading_account_id_passes_the_read_only_check() -> None:
    ensure_tradable("acc-a")  # no error


def test_holdings_become_lots_cash_and_nothing_else() -> None:
    holdings = [
        holding("DBLTX", "mutual fund", "2", "270.5", "20.84"),
        holding("MIPTX", "mutual fund", "23.567", None, "636.309"),
        holding("USD", "cash", "12345.67", "10000", "12345.67"),
        holding(None, "mutual fund", "5000", "5000", "5000"),  # no ticker: left out
        holding("NFLX180201C00355000", "derivative", "0.01", "1", "0.01"),  # not priced
    ]

    found = household_account(account(), holdings)

    assert not found.tradable and found.tax_advantaged and found.target == {}
    assert found.cash == D("12345.67")
    assert [(lot.symbol, lot.quantity, lot.cost_basis) for lot in found.lots] == [
        ("DBLTX", D("2"), D("270.5")),
        ("MIPTX", D("23.567"), D("636.309")),
    ]
    assert all(lot.acquired == DAY for lot in found.lots)


def test_a_taxable_brokerage_account_is_taxable_and_depository_accounts_are_left_out() -> None:
    brokerage = household_accounts([account("brokerage")], [])
    checking = household_accounts([account("checking", "depository")], [])

    assert [a.tax_advantaged for a in brokerage] == [False]
    assert checking == []


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["AAA", "BBB", "USD", None]),
            st.sampled_from(["equity", "etf", "cash", "derivative", None]),
            st.decimals("-10", "1000", places=4),
            st.one_of(st.none(), st.decimals("-5", "1000", places=2)),
        ),
        max_size=12,
    )
)
def test_the_household_account_never_invents_value(rows: list[tuple]) -> None:  # type: ignore[type-arg]
    holdings = [holding(s, k, str(q), None if b is None else str(b), str(q)) for s, k, q, b in rows]

    found = household_account(account(), holdings)

    positive = sum((h.institution_value for h in holdings if h.quantity > 0), D(0))
    assert found.cash + sum((lot.quantity for lot in found.lots), D(0)) <= positive
    assert all(lot.quantity > 0 and lot.cost_basis >= 0 for lot in found.lots)
    assert not found.tradable
