"""PortfolioService (application/portfolio/portfolios.py): owner scoping, accounts, transactions
checked by the tax engine before anything is written, pagination, holdings with open lots."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from application.portfolio.portfolios import (
    InvalidCursor,
    InvalidPortfolio,
    NewAccount,
    PortfolioNotFound,
)
from bootstrap.embedded import Embedded
from domain.errors import AccountAlreadyHeld, Forbidden, InvalidTransaction, NotFound
from domain.portfolio.transactions import LotPick, Transaction, TransactionKind
from domain.principals import Principal, Role
from domain.tax.methods import LotMethod
from ports.portfolio.portfolios import Portfolio
from tests.kit.desk import ACCOUNT, OTHER_ACCOUNT, OWNER, STRANGER
from tests.unit.portfolio.portfolio_fixtures import World, draft, portfolio_with_manual, world

BUY, SELL = TransactionKind.BUY, TransactionKind.SELL
VIEWER = Principal("v-1", Role.VIEWER)
D = Decimal


async def add(w: World, portfolio: Portfolio, tx: Transaction) -> None:
    """The owner records `tx` in the portfolio through the service."""
    await w.service.add_transaction(OWNER, portfolio.id, tx)


async def test_a_portfolio_is_its_owners_alone(e: Embedded) -> None:
    # Arrange
    w = world(e)
    mine = await w.service.create(OWNER, "Retirement", "USD")

    # Act / Assert: the stranger neither reads nor lists nor changes it
    assert (await w.service.get(OWNER, mine.id)).name == "Retirement"
    with pytest.raises(PortfolioNotFound):
        await w.service.get(STRANGER, mine.id)
    assert (await w.service.list(STRANGER)).items == []
    with pytest.raises(PortfolioNotFound):
        await w.service.add_account(STRANGER, mine.id, NewAccount("manual", name="x"))
    with pytest.raises(PortfolioNotFound):
        await w.service.transactions(STRANGER, mine.id)
    with pytest.raises(PortfolioNotFound):
        await w.service.holdings(STRANGER, mine.id)


@pytest.mark.parametrize(
    ("name", "currency", "field"),
    [(" ", "USD", "name"), ("x" * 101, "USD", "name"), ("ok", "usd", "base_currency")],
)
async def test_a_bad_name_or_currency_is_refused_naming_the_field(
    e: Embedded, name: str, currency: str, field: str
) -> None:
    with pytest.raises(InvalidPortfolio) as caught:
        await world(e).service.create(OWNER, name, currency)

    assert caught.value.field == field


async def test_a_viewer_may_not_create(e: Embedded) -> None:
    with pytest.raises(Forbidden):
        await world(e).service.create(VIEWER, "mine", "USD")


async def test_portfolios_list_a_page_at_a_time(e: Embedded) -> None:
    w = world(e)
    made = [await w.service.create(OWNER, f"p{i}", "USD") for i in range(5)]

    first = await w.service.list(OWNER, limit=2)
    second = await w.service.list(OWNER, first.next_cursor, limit=2)
    third = await w.service.list(OWNER, second.next_cursor, limit=2)

    assert [p.id for p in first.items + second.items + third.items] == [p.id for p in made]
    assert third.next_cursor is None
    with pytest.raises(InvalidCursor):
        await w.service.list(OWNER, "not-a-cursor")


async def test_a_trading_account_must_be_the_callers(e: Embedded) -> None:
    # Arrange
    w = world(e)
    mine = await w.service.create(OWNER, "Trading", "USD")

    # Act
    changed = await w.service.add_account(
        OWNER, mine.id, NewAccount("trading", account_id=ACCOUNT, lot_method=LotMethod.HIFO)
    )

    # Assert
    assert [(a.id, a.kind, a.lot_method) for a in changed.accounts] == [
        (ACCOUNT, "trading", LotMethod.HIFO)
    ]
    with pytest.raises(NotFound):
        await w.service.add_account(OWNER, mine.id, NewAccount("trading", account_id=OTHER_ACCOUNT))
    other = await w.service.create(OWNER, "Second", "USD")
    with pytest.raises(AccountAlreadyHeld):
        await w.service.add_account(OWNER, other.id, NewAccount("trading", account_id=ACCOUNT))


async def test_a_manual_account_is_made_by_a_unique_name(e: Embedded) -> None:
    w = world(e)
    portfolio = await portfolio_with_manual(w, OWNER, "House")

    assert portfolio.accounts[0].kind == "manual" and portfolio.accounts[0].name == "House"
    with pytest.raises(InvalidPortfolio) as caught:
        await w.service.add_account(OWNER, portfolio.id, NewAccount("manual", name="House"))
    assert caught.value.field == "name"


async def test_a_sale_within_the_position_books_and_one_beyond_it_writes_nothing(
    e: Embedded,
) -> None:
    # Arrange
    w = world(e)
    portfolio = await portfolio_with_manual(w, OWNER)
    acct = portfolio.accounts[0].id
    await add(
        w, portfolio, draft(BUY, date(2026, 1, 5), acct, symbol="AAPL", quantity=10, price=100)
    )
    await add(
        w, portfolio, draft(SELL, date(2026, 2, 5), acct, symbol="AAPL", quantity=4, price=110)
    )

    # Act
    with pytest.raises(InvalidTransaction) as caught:
        await add(
            w, portfolio, draft(SELL, date(2026, 3, 5), acct, symbol="AAPL", quantity=7, price=120)
        )

    # Assert
    assert caught.value.field == "quantity"
    assert len(await w.store.list_transactions(portfolio.id)) == 2


async def test_an_unknown_lot_is_refused_naming_lot_picks(e: Embedded) -> None:
    w = world(e)
    portfolio = await portfolio_with_manual(w, OWNER)
    acct = portfolio.accounts[0].id
    await add(
        w, portfolio, draft(BUY, date(2026, 1, 5), acct, symbol="AAPL", quantity=10, price=100)
    )

    with pytest.raises(InvalidTransaction) as caught:
        await w.service.add_transaction(
            OWNER,
            portfolio.id,
            draft(
                SELL,
                date(2026, 2, 5),
                acct,
                symbol="AAPL",
                quantity=1,
                price=100,
                lot_picks=(LotPick("no-such-lot", D(1)),),
            ),
        )

    assert caught.value.field == "lot_picks"


@pytest.mark.parametrize(
    ("account", "day", "quantity", "field"),
    [
        ("not-mine", date(2026, 1, 5), 1, "account_id"),
        (None, date(2026, 4, 1), 1, "trade_date"),
        (None, date(2026, 1, 5), -1, "quantity"),
    ],
)
async def test_a_bad_transaction_is_refused_naming_the_field(
    e: Embedded, account: str | None, day: date, quantity: int, field: str
) -> None:
    w = world(e)
    portfolio = await portfolio_with_manual(w, OWNER)
    tx = draft(
        BUY, day, account or portfolio.accounts[0].id, symbol="X", quantity=quantity, price=1
    )

    with pytest.raises(InvalidTransaction) as caught:
        await add(w, portfolio, tx)

    assert caught.value.field == field
    assert await w.store.list_transactions(portfolio.id) == []


async def test_transactions_list_in_date_order_a_page_at_a_time(e: Embedded) -> None:
    # Arrange: booked out of date order
    w = world(e)
    portfolio = await portfolio_with_manual(w, OWNER)
    acct = portfolio.accounts[0].id
    for day in (5, 3, 9, 1, 7):
        await add(
            w, portfolio, draft(TransactionKind.DEPOSIT, date(2026, 1, day), acct, amount=day)
        )

    # Act
    first = await w.service.transactions(OWNER, portfolio.id, limit=2)
    second = await w.service.transactions(OWNER, portfolio.id, first.next_cursor, limit=2)
    third = await w.service.transactions(OWNER, portfolio.id, second.next_cursor, limit=2)

    # Assert
    days = [t.trade_date.day for t in first.items + second.items + third.items]
    assert days == [1, 3, 5, 7, 9] and third.next_cursor is None
    with pytest.raises(InvalidCursor):
        await w.service.transactions(OWNER, portfolio.id, "bm90IGpzb24", limit=2)
    with pytest.raises(InvalidCursor):
        await w.service.transactions(OWNER, portfolio.id, limit=501)


async def test_holdings_show_positions_open_lots_and_cash_at_reference_prices(
    e: Embedded,
) -> None:
    # Arrange: AAPL's reference price is 100 (the seeded quote's mid)
    w = world(e)
    portfolio = await portfolio_with_manual(w, OWNER)
    acct = portfolio.accounts[0].id
    for tx in (
        draft(TransactionKind.DEPOSIT, date(2026, 1, 2), acct, amount=5000),
        draft(BUY, date(2026, 1, 5), acct, symbol="AAPL", quantity=10, price=80, fees=1),
        draft(BUY, date(2026, 2, 5), acct, symbol="AAPL", quantity=5, price=90),
        draft(SELL, date(2026, 3, 5), acct, symbol="AAPL", quantity=12, price=95, fees=1),
    ):
        await add(w, portfolio, tx)

    # Act
    view = await w.service.holdings(OWNER, portfolio.id)

    # Assert: FIFO took the 10 of January and 2 of February; 3 left at 90
    (account,) = view.accounts
    (position,) = account.positions
    assert position.symbol == "AAPL" and position.quantity == 3
    assert position.cost_basis == D(270) and position.price == D(100)
    assert position.market_value == D(300) and position.unrealized_gain == D(30)
    assert [(lot.purchased, lot.quantity) for lot in position.lots] == [(date(2026, 2, 5), 3)]
    cash = D(5000) - D(801) - D(450) + D(1140) - D(1)
    assert account.cash == {"USD": cash}
    assert view.market_value == cash + D(300) and view.unpriced == ()
