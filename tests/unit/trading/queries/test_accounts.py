"""Account figures at current marks, positions, and who may see which account."""

from __future__ import annotations

from decimal import Decimal

import pytest

from domain.errors import NotFound
from domain.trading.positions import Position
from tests.unit.trading.queries.conftest import (
    ACCOUNT,
    AGENT,
    CASH,
    OFFICER,
    OTHER,
    OWNER,
    SECOND,
    STRANGER,
    Queries,
)

D = Decimal


def hold(q: Queries, account_id: str, symbol: str, quantity: str, price: str) -> None:
    account = q.store.accounts[account_id]
    account.positions[symbol] = Position(symbol, D(quantity), D(price))
    account.cash -= D(quantity) * D(price)


async def test_an_owner_lists_only_their_own_accounts(q: Queries) -> None:
    mine = await q.queries.list_accounts(OWNER)
    theirs = await q.queries.list_accounts(STRANGER)

    assert [a.id for a in mine] == [ACCOUNT, SECOND]
    assert [a.id for a in theirs] == [OTHER]


async def test_a_supervisor_lists_every_account_and_an_agent_its_own(q: Queries) -> None:
    everything = await q.queries.list_accounts(OFFICER)
    agents = await q.queries.list_accounts(AGENT)

    assert [a.id for a in everything] == [ACCOUNT, OTHER, SECOND]
    assert [a.id for a in agents] == [ACCOUNT]


async def test_account_figures_are_valued_at_the_current_marks(q: Queries) -> None:
    hold(q, ACCOUNT, "AAPL", "100", "100")
    q.market.set_price("AAPL", 110)
    await q.add_order(ACCOUNT)  # a filled order: history, not an open order

    view = await q.queries.account(OWNER, ACCOUNT)

    assert view.cash == D(90_000)
    assert view.equity == D(101_000)  # 90,000 cash + 100 x 110
    assert view.day_pnl == D(1_000)
    assert view.buying_power == D(191_000)  # (101,000 - 50% x 11,000) / 50%
    assert (view.positions, view.open_orders) == (1, 0)
    assert (view.start_of_day_equity, view.peak_equity) == (CASH, CASH)


async def test_a_missing_mark_blanks_the_figures_that_need_it(q: Queries) -> None:
    hold(q, ACCOUNT, "AAPL", "100", "100")
    q.market.remove("AAPL")

    view = await q.queries.account(OWNER, ACCOUNT)
    [position] = await q.queries.positions(OWNER, ACCOUNT)

    assert (view.equity, view.day_pnl, view.buying_power) == (None, None, None)
    assert view.cash == D(90_000)
    assert (position.mark, position.market_value, position.unrealized_pnl) == (None, None, None)
    assert position.quantity == D(100)


async def test_an_instrument_without_reference_data_blanks_only_buying_power(q: Queries) -> None:
    hold(q, ACCOUNT, "XYZ", "10", "50")
    q.market.set_price("XYZ", 60)

    view = await q.queries.account(OWNER, ACCOUNT)

    assert view.equity == D(100_100)
    assert view.buying_power is None


async def test_positions_show_open_holdings_with_pnl(q: Queries) -> None:
    hold(q, ACCOUNT, "MSFT", "-10", "260")
    hold(q, ACCOUNT, "AAPL", "5", "90")
    q.store.accounts[ACCOUNT].positions["TSLA"] = Position("TSLA", realized_pnl=D(7))

    views = await q.queries.positions(OWNER, ACCOUNT)

    assert [(p.symbol, p.quantity, p.mark, p.market_value, p.unrealized_pnl) for p in views] == [
        ("AAPL", D(5), D(100), D(500), D(50)),
        ("MSFT", D(-10), D(250), D(-2500), D(100)),
    ]


@pytest.mark.parametrize("call", ["account", "positions"])
async def test_another_users_account_is_not_found(q: Queries, call: str) -> None:
    method = getattr(q.queries, call)

    with pytest.raises(NotFound):
        await method(OWNER, OTHER)
    with pytest.raises(NotFound):
        await method(AGENT, SECOND)
    with pytest.raises(NotFound):
        await method(OWNER, "no-such-account")


async def test_a_supervisor_sees_any_account(q: Queries) -> None:
    view = await q.queries.account(OFFICER, OTHER)

    assert view.owner_id == STRANGER.id
