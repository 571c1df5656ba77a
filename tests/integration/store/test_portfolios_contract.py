"""The portfolio ledger store: one contract on memory, SQLite and PostgreSQL.

PostgreSQL runs twice where it matters: the executemany path and the COPY fast path
(`fast_path_rows=1` sends every batch through COPY into a temporary table).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from domain.errors import AccountAlreadyHeld, Conflict, DuplicateTransaction, NotFound
from domain.portfolio.transactions import (
    LotPick,
    Transaction,
    TransactionKind,
    TransactionSource,
)
from domain.tax.methods import AccountTaxType, LotMethod
from ports.portfolio.portfolios import Portfolio, PortfolioAccount, PortfolioStore, ValuationPoint
from tests.integration.store.conftest import T0, StoreUnderTest, portfolio_store

D = Decimal
BUY, SELL, DEPOSIT = TransactionKind.BUY, TransactionKind.SELL, TransactionKind.DEPOSIT


@pytest.fixture(params=["batched", "copy"])
def repo(store: StoreUnderTest, request: pytest.FixtureRequest) -> PortfolioStore:
    return portfolio_store(store, request.param)


def portfolio(pid: str = "p-1", owner: str = "u-1", *accounts: str) -> Portfolio:
    return Portfolio(
        id=pid,
        owner_id=owner,
        name=f"Portfolio {pid}",
        base_currency="USD",
        created_at=T0,
        accounts=tuple(PortfolioAccount(id=a, name=f"Account {a}") for a in accounts),
    )


def tx(
    tx_id: str,
    day: date,
    *,
    pid: str = "p-1",
    account: str = "a-1",
    kind: TransactionKind = BUY,
    external_id: str | None = None,
    **fields: object,
) -> Transaction:
    defaults: dict[str, object] = (
        {"symbol": "AAPL", "quantity": D("10"), "price": D("150.25")}
        if kind in (BUY, SELL)
        else {"amount": D("1000.00")}
    )
    return Transaction(  # type: ignore[arg-type]
        id=tx_id,
        portfolio_id=pid,
        account_id=account,
        kind=kind,
        trade_date=day,
        external_id=external_id,
        **{**defaults, **fields},
    )


async def test_a_portfolio_reads_back_with_its_accounts_in_order(repo: PortfolioStore) -> None:
    # Arrange
    stored = Portfolio(
        id="p-1",
        owner_id="u-1",
        name="Family",
        base_currency="EUR",
        created_at=T0,
        accounts=(
            PortfolioAccount("acct-9", "Broker", "trading", AccountTaxType.TAXABLE, LotMethod.HIFO),
            PortfolioAccount("ira-1", "IRA", "manual", AccountTaxType.IRA, LotMethod.LIFO),
        ),
    )

    # Act
    await repo.add_portfolio(stored)

    # Assert
    assert await repo.get_portfolio("p-1") == stored
    assert await repo.portfolio_for_account("ira-1") == stored
    assert await repo.get_portfolio("p-2") is None
    assert await repo.portfolio_for_account("nobody") is None


async def test_an_account_belongs_to_one_portfolio_and_ids_are_not_reused(
    repo: PortfolioStore,
) -> None:
    # Arrange
    await repo.add_portfolio(portfolio("p-1", "u-1", "a-1"))

    # Act / Assert
    with pytest.raises(Conflict):
        await repo.add_portfolio(portfolio("p-1", "u-2"))
    with pytest.raises(AccountAlreadyHeld):
        await repo.add_portfolio(portfolio("p-2", "u-2", "a-1"))
    with pytest.raises(AccountAlreadyHeld):
        await repo.add_account("p-1", PortfolioAccount("a-1", "again"))
    assert await repo.get_portfolio("p-2") is None


async def test_add_account_appends_and_routes_the_account_to_the_portfolio(
    repo: PortfolioStore,
) -> None:
    # Arrange
    await repo.add_portfolio(portfolio("p-1", "u-1", "a-1"))

    # Act
    after = await repo.add_account("p-1", PortfolioAccount("trade-7", "Broker", "trading"))
    missing = await repo.add_account("p-9", PortfolioAccount("x", "x"))

    # Assert
    assert after is not None and [a.id for a in after.accounts] == ["a-1", "trade-7"]
    assert await repo.portfolio_for_account("trade-7") == after
    assert missing is None


async def test_the_portfolios_of_several_accounts_are_read_together(
    repo: PortfolioStore,
) -> None:
    # Arrange
    await repo.add_portfolio(portfolio("p-1", "u-1", "a-1", "a-2"))
    await repo.add_portfolio(portfolio("p-2", "u-2", "b-1"))

    # Act
    held = await repo.portfolios_for_accounts(["a-2", "b-1", "nobody", "a-1"])
    none = await repo.portfolios_for_accounts(["nobody"])
    empty = await repo.portfolios_for_accounts([])

    # Assert
    assert {a: p.id for a, p in held.items()} == {"a-1": "p-1", "a-2": "p-1", "b-1": "p-2"}
    assert held["a-1"] == await repo.get_portfolio("p-1")
    assert held["b-1"] == await repo.get_portfolio("p-2")
    assert none == {} and empty == {}


async def test_owners_list_their_own_portfolios_page_by_page(repo: PortfolioStore) -> None:
    # Arrange
    for pid in ("p-3", "p-1", "p-2", "p-4"):
        await repo.add_portfolio(portfolio(pid, "u-1"))
    await repo.add_portfolio(portfolio("p-0", "u-2"))

    # Act
    first = await repo.list_portfolios("u-1", after=None, limit=3)
    rest = await repo.list_portfolios("u-1", after=first[-1].id, limit=3)

    # Assert
    assert [p.id for p in first] == ["p-1", "p-2", "p-3"]
    assert [p.id for p in rest] == ["p-4"]
    assert [p.id for p in await repo.list_portfolios("u-2", after=None, limit=50)] == ["p-0"]
    assert await repo.list_portfolios("u-3", after=None, limit=50) == []


async def test_every_field_and_every_digit_reads_back(repo: PortfolioStore) -> None:
    # Arrange
    await repo.add_portfolio(portfolio("p-1", "u-1", "a-1"))
    sale = Transaction(
        id="t-2",
        portfolio_id="p-1",
        account_id="a-1",
        kind=SELL,
        trade_date=date(2025, 6, 30),
        currency="EUR",
        symbol="BRK.B",
        quantity=D("12.345678901234567890"),
        price=D("123456789012.1234567890"),
        fees=D("0.10"),
        lot_method=LotMethod.SPECIFIC,
        lot_picks=(
            LotPick("t-1", D("12.000000000000000000")),
            LotPick("t-0", D("0.34567890123456789")),
        ),
        source=TransactionSource.IMPORT,
        external_id="broker-ref-1",
        note="partial, naming lots",
    )
    split = Transaction(
        id="t-3",
        portfolio_id="p-1",
        account_id="a-1",
        kind=TransactionKind.SPLIT,
        trade_date=date(2025, 7, 1),
        symbol="BRK.B",
        split_ratio=D("0.1"),
    )
    transfer = Transaction(
        id="t-4",
        portfolio_id="p-1",
        account_id="a-1",
        kind=TransactionKind.TRANSFER_IN,
        trade_date=date(2025, 7, 2),
        symbol="MSFT",
        quantity=D("3"),
        price=D("99.999999"),
        acquired=date(2019, 2, 28),
        source=TransactionSource.FILL,
        external_id="fill-1",
    )

    # Act
    await repo.add_transactions("p-1", [sale, split, transfer])
    found = await repo.list_transactions("p-1", after=None, limit=None, until=None)

    # Assert
    assert found == [sale, split, transfer]
    assert [str(t.quantity) for t in found] == ["12.345678901234567890", "0", "3"]
    assert str(found[0].price) == "123456789012.1234567890"
    assert str(found[0].fees) == "0.10"
    assert [str(p.quantity) for p in found[0].lot_picks] == [
        "12.000000000000000000",
        "0.34567890123456789",
    ]


async def test_a_batch_with_a_booked_external_id_writes_nothing_and_names_it(
    repo: PortfolioStore,
) -> None:
    # Arrange
    await repo.add_portfolio(portfolio("p-1", "u-1", "a-1"))
    await repo.add_transactions("p-1", [tx("t-1", date(2025, 1, 2), external_id="fill-1")])
    batch = [
        tx("t-2", date(2025, 1, 3), external_id="fill-2"),
        tx("t-3", date(2025, 1, 3), external_id="fill-1"),
        tx("t-4", date(2025, 1, 4)),
    ]

    # Act
    with pytest.raises(DuplicateTransaction) as raised:
        await repo.add_transactions("p-1", batch)

    # Assert
    assert raised.value.external_id == "fill-1" and raised.value.code == "DUPLICATE_TRANSACTION"
    assert "fill-1" in str(raised.value)
    found = await repo.list_transactions("p-1", after=None, limit=None, until=None)
    assert [t.id for t in found] == ["t-1"]


async def test_duplicates_within_a_batch_or_a_taken_id_write_nothing(
    repo: PortfolioStore,
) -> None:
    # Arrange
    await repo.add_portfolio(portfolio("p-1", "u-1", "a-1"))
    await repo.add_portfolio(portfolio("p-2", "u-1", "a-2"))
    await repo.add_transactions("p-1", [tx("t-1", date(2025, 1, 2))])

    # Act / Assert: the same external id twice in one batch
    with pytest.raises(DuplicateTransaction) as twice:
        await repo.add_transactions(
            "p-1",
            [
                tx("t-2", date(2025, 1, 3), external_id="x"),
                tx("t-3", date(2025, 1, 3), external_id="x"),
            ],
        )
    assert twice.value.external_id == "x"
    # a ledger id taken (in another portfolio)
    with pytest.raises(DuplicateTransaction) as taken:
        await repo.add_transactions(
            "p-2", [tx("t-9", date(2025, 1, 3), pid="p-2"), tx("t-1", date(2025, 1, 3), pid="p-2")]
        )
    assert taken.value.field == "id"
    assert [t.id for t in await repo.list_transactions("p-1")] == ["t-1"]
    assert await repo.list_transactions("p-2") == []


async def test_the_same_external_id_may_be_booked_in_two_portfolios(repo: PortfolioStore) -> None:
    await repo.add_portfolio(portfolio("p-1", "u-1", "a-1"))
    await repo.add_portfolio(portfolio("p-2", "u-2", "a-2"))

    await repo.add_transactions("p-1", [tx("t-1", date(2025, 1, 2), external_id="ref-1")])
    await repo.add_transactions(
        "p-2", [tx("t-2", date(2025, 1, 2), pid="p-2", account="a-2", external_id="ref-1")]
    )

    assert [t.id for t in await repo.list_transactions("p-2")] == ["t-2"]


async def test_transactions_to_an_unknown_portfolio_are_refused(repo: PortfolioStore) -> None:
    with pytest.raises(NotFound):
        await repo.add_transactions("p-404", [tx("t-1", date(2025, 1, 2), pid="p-404")])


async def test_transactions_list_by_day_then_id_page_by_page(repo: PortfolioStore) -> None:
    # Arrange: booked out of order, ids whose byte order differs from a locale's ("B" < "a")
    await repo.add_portfolio(portfolio("p-1", "u-1", "a-1"))
    days = {"t-a": 3, "t-B": 3, "t-c": 1, "t-d": 2, "t-e": 3, "t-_": 1}
    await repo.add_transactions(
        "p-1", [tx(i, date(2025, 1, d), external_id=f"e{i}") for i, d in days.items()]
    )
    await repo.add_transactions("p-1", [tx("t-0", date(2025, 1, 2))])

    # Act
    every = await repo.list_transactions("p-1", after=None, limit=None, until=None)
    first = await repo.list_transactions("p-1", after=None, limit=3, until=None)
    last = first[-1]
    second = await repo.list_transactions(
        "p-1", after=(last.trade_date, last.id), limit=3, until=None
    )
    until_2nd = await repo.list_transactions("p-1", after=None, limit=None, until=date(2025, 1, 2))

    # Assert
    expected = ["t-_", "t-c", "t-0", "t-d", "t-B", "t-a", "t-e"]
    assert [t.id for t in every] == expected
    assert [t.id for t in first + second] == expected[:6]
    assert [t.id for t in until_2nd] == expected[:4]


async def test_an_owners_transactions_span_their_portfolios_only(repo: PortfolioStore) -> None:
    # Arrange
    await repo.add_portfolio(portfolio("p-1", "u-1", "a-1"))
    await repo.add_portfolio(portfolio("p-2", "u-1", "a-2"))
    await repo.add_portfolio(portfolio("p-3", "u-2", "a-3"))
    await repo.add_transactions("p-1", [tx("t-3", date(2025, 1, 5)), tx("t-1", date(2025, 1, 1))])
    await repo.add_transactions("p-2", [tx("t-2", date(2025, 1, 3), pid="p-2", account="a-2")])
    await repo.add_transactions("p-3", [tx("t-9", date(2025, 1, 2), pid="p-3", account="a-3")])

    # Act
    mine = await repo.transactions_of_owner("u-1")

    # Assert
    assert [(t.id, t.portfolio_id) for t in mine] == [
        ("t-1", "p-1"),
        ("t-2", "p-2"),
        ("t-3", "p-1"),
    ]
    assert await repo.transactions_of_owner("u-404") == []


async def test_a_large_batch_lands_whole(repo: PortfolioStore) -> None:
    # Arrange
    await repo.add_portfolio(portfolio("p-1", "u-1", "a-1"))
    batch = [
        tx(f"t-{i:05d}", date(2025, 1, 1 + i % 28), external_id=f"fill-{i}", price=D(i) / 7)
        for i in range(2500)
    ]

    # Act
    await repo.add_transactions("p-1", batch)
    with pytest.raises(DuplicateTransaction):
        await repo.add_transactions(
            "p-1",
            [tx(f"n-{i}", date(2025, 2, 1), external_id=f"fill-{i * 1000}") for i in range(3)],
        )

    # Assert
    found = await repo.list_transactions("p-1", after=None, limit=None, until=None)
    assert len(found) == 2500
    assert {t.id: t for t in found} == {t.id: t for t in batch}


async def test_valuations_upsert_by_day_and_read_back_in_a_range(repo: PortfolioStore) -> None:
    # Arrange
    await repo.add_portfolio(portfolio("p-1", "u-1"))
    await repo.add_portfolio(portfolio("p-2", "u-1"))
    first = [
        ValuationPoint("p-1", date(2025, 1, d), D(f"{1000 + d}.01"), D("0"), "USD")
        for d in (1, 2, 3, 6)
    ]
    corrected = ValuationPoint("p-1", date(2025, 1, 2), D("999.123456789"), D("-50.00"), "USD")

    # Act
    await repo.put_valuations(first)
    await repo.put_valuations(
        [corrected, ValuationPoint("p-2", date(2025, 1, 2), D(1), D(0), "USD")]
    )
    window = await repo.valuations("p-1", date(2025, 1, 2), date(2025, 1, 6))

    # Assert
    assert window == [corrected, first[2], first[3]]
    assert str(window[0].market_value) == "999.123456789"
    assert str(window[0].cash_flow) == "-50.00"
    assert await repo.valuations("p-1", date(2025, 2, 1), date(2025, 2, 28)) == []
