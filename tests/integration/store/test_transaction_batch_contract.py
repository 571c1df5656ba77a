"""PortfolioStore.import_transactions: one contract on memory, SQLite and PostgreSQL.

PostgreSQL runs twice: the ordinary path (the batch's Transaction objects, executemany) and
the COPY path (the batch's own CSV text, `fast_path_rows=1`). What is stored must be what
`add_transactions` stores, to the digit and the scale: an import through the column parser
(adapters/arrow) and the store's CSV reads back the same as the reference parser's rows
through `add_transactions`.
"""

from __future__ import annotations

import itertools
from dataclasses import fields, replace
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from adapters.arrow.transaction_csv import parse_transaction_csv
from adapters.postgres.portfolios import COLUMNS
from application.portfolio.transaction_import import COLUMNS as CSV_COLUMNS
from application.portfolio.transaction_import import ImportContext, parse_transactions
from domain.errors import DuplicateTransaction, NotFound
from domain.portfolio.transactions import (
    LotPick,
    Transaction,
    TransactionKind,
    TransactionSource,
)
from domain.tax.methods import LotMethod
from ports.portfolio.portfolios import Portfolio, PortfolioAccount, PortfolioStore
from ports.portfolio.transaction_batch import CHUNK_ROWS, TRANSACTION_FIELDS, TransactionList
from tests.integration.store.conftest import StoreUnderTest, portfolio_store

D = Decimal
T0 = datetime(2026, 3, 2, 14, 30, tzinfo=UTC)
TODAY = date(2026, 3, 31)
# Numbers as a broker might write them: leading zeros, bare points, signs, exponents, long
# fractions, trailing zeros (the scale is kept), the largest magnitude allowed.
NUMBERS = [
    "007.50", "5.", ".5", "+3", "1e3", "1.50E+1", "2.5E-7", "0.000000000000000000000000000001",
    "123456789012345.123456789012345678901234567890", "1000000000000000", "10.000", "1_000",
]  # fmt: skip


@pytest.fixture(params=["batched", "copy"])
def repo(store: StoreUnderTest, request: pytest.FixtureRequest) -> PortfolioStore:
    return portfolio_store(store, request.param)


def portfolio(pid: str) -> Portfolio:
    accounts = (PortfolioAccount(f"{pid}-a", "Brokerage"), PortfolioAccount(f"{pid}-b", "IRA"))
    return Portfolio(pid, "u-1", f"Portfolio {pid}", "USD", T0, accounts)


def context(pid: str, prefix: str) -> ImportContext:
    counter = itertools.count(1)
    return ImportContext(
        portfolio_id=pid,
        base_currency="USD",
        accounts={"Brokerage": f"{pid}-a", "IRA": f"{pid}-b"},
        booked_references=frozenset(),
        today=TODAY,
        new_id=lambda: f"{prefix}{next(counter):04d}",
    )


def statement() -> str:
    """Every kind, every optional column, the numbers above, quoting and free text."""
    lines = [",".join(CSV_COLUMNS)]
    for i, number in enumerate(NUMBERS):
        lines.append(f"2026-01-{i + 2:02d},Brokerage,deposit,,,,{number},,,dep-{i},,,")
        lines.append(f"2026-01-{i + 2:02d},IRA,buy,sym{i},{number},{number},,{number},,b-{i},,,")
    lines += [
        '2026-02-02,Brokerage,dividend,SYM1,,,2.40,,EUR,,,,"paid, with a ""quote"""',
        "2026-02-03,IRA,split,SYM1,,,,,,,0.1,,reverse",
        "2026-02-04,IRA,sell,SYM1,1,0,,0.00,,s-1,,,",
        "2026-02-05,Brokerage,transfer_in,MSFT,3,99.999999,,,,t-1,,2019-02-28,été",
        "2026-02-06,Brokerage,transfer_out,MSFT,1,0,,,,,,,",
        "2026-02-07,Brokerage,interest,,,,0.01,,,,,,",
        "2026-02-08,Brokerage,fee,,,,12,,,,,,",
    ]
    return "\n".join(lines) + "\n"


def as_text(tx: Transaction) -> tuple[str, ...]:
    """Every field as text but the portfolio's ids (a Decimal's str shows its digits and its
    scale): the same rows in two portfolios compare equal."""
    pid = tx.portfolio_id
    return tuple(
        str(getattr(tx, f.name)).replace(pid, "p")
        for f in fields(tx)
        if f.name not in ("id", "portfolio_id")
    )


async def test_the_table_takes_the_batch_csv_columns() -> None:
    assert sorted(COLUMNS) == sorted(TRANSACTION_FIELDS)


async def test_an_import_stores_what_the_reference_rows_store_to_the_digit(
    repo: PortfolioStore,
) -> None:
    # Arrange: the same statement in two portfolios
    for pid in ("p-old", "p-new"):
        await repo.add_portfolio(portfolio(pid))
    old = [r.transaction for r in parse_transactions(statement(), context("p-old", "o-"))]
    batch = parse_transaction_csv(statement(), context("p-new", "n-"))

    # Act: the reference rows the old way, the column parser's batch the new way
    await repo.add_transactions("p-old", old)
    await repo.import_transactions("p-new", batch)

    # Assert
    stored_old = await repo.list_transactions("p-old")
    stored_new = await repo.list_transactions("p-new")
    assert len(stored_new) == len(batch) == len(old) == 2 * len(NUMBERS) + 7
    assert [t.id for t in stored_new] == [t.id.replace("o-", "n-") for t in stored_old]
    assert [as_text(t) for t in stored_new] == [as_text(t) for t in stored_old]


async def test_a_list_batch_reads_back_every_field(repo: PortfolioStore) -> None:
    # Arrange: fields the import never sets (a lot method, lot picks) through the CSV too
    await repo.add_portfolio(portfolio("p-1"))
    sale = Transaction(
        id="t-2",
        portfolio_id="p-1",
        account_id="p-1-a",
        kind=TransactionKind.SELL,
        trade_date=date(2025, 6, 30),
        currency="EUR",
        symbol='BRK,"B"',
        quantity=D("12.345678901234567890"),
        price=D("123456789012.1234567890"),
        fees=D("0.10"),
        lot_method=LotMethod.SPECIFIC,
        lot_picks=(LotPick("t-1", D("12.000000000000000000")), LotPick("t-0", D("0.3456789"))),
        source=TransactionSource.IMPORT,
        external_id="broker-ref-1",
        note='line one\nline "two", \\. end',
    )
    buy = Transaction("t-1", "p-1", "p-1-a", TransactionKind.BUY, date(2025, 6, 1), note="")

    # Act
    await repo.import_transactions("p-1", TransactionList("p-1", [sale, buy]))

    # Assert
    assert await repo.list_transactions("p-1") == [buy, sale]


async def test_a_gate_that_raises_leaves_nothing_written(repo: PortfolioStore) -> None:
    # Arrange
    await repo.add_portfolio(portfolio("p-1"))
    batch = parse_transaction_csv(statement(), context("p-1", "t-"))
    seen_inside: list[int] = []

    async def gate() -> None:
        seen_inside.append(len(await repo.list_transactions("p-1")))
        raise RuntimeError("the ledger check failed")

    # Act
    with pytest.raises(RuntimeError, match="ledger check"):
        await repo.import_transactions("p-1", batch, gate=gate)

    # Assert: nothing visible while the gate ran, nothing after it
    assert seen_inside == [0]
    assert await repo.list_transactions("p-1") == []


async def test_a_gate_that_passes_commits_the_batch(repo: PortfolioStore) -> None:
    await repo.add_portfolio(portfolio("p-1"))
    batch = parse_transaction_csv(statement(), context("p-1", "t-"))
    calls: list[str] = []

    async def gate() -> None:
        calls.append("gate")

    await repo.import_transactions("p-1", batch, gate=gate)

    assert calls == ["gate"]
    assert len(await repo.list_transactions("p-1")) == len(batch)


async def test_a_booked_reference_names_itself_and_nothing_is_written(
    repo: PortfolioStore,
) -> None:
    # Arrange: "b-3" booked already (the parser was not told: a concurrent writer)
    await repo.add_portfolio(portfolio("p-1"))
    booked = Transaction(
        "x-1", "p-1", "p-1-a", TransactionKind.DEPOSIT, TODAY, amount=D(1), external_id="b-3"
    )
    await repo.add_transactions("p-1", [booked])
    batch = parse_transaction_csv(statement(), context("p-1", "t-"))

    # Act
    with pytest.raises(DuplicateTransaction) as caught:
        await repo.import_transactions("p-1", batch)

    # Assert
    assert "'b-3'" in caught.value.message
    assert [t.id for t in await repo.list_transactions("p-1")] == ["x-1"]


async def test_an_id_taken_or_repeated_in_the_batch_is_a_duplicate(repo: PortfolioStore) -> None:
    await repo.add_portfolio(portfolio("p-1"))
    one = Transaction("t-1", "p-1", "p-1-a", TransactionKind.DEPOSIT, TODAY, amount=D(1))

    with pytest.raises(DuplicateTransaction, match="'t-1'"):
        await repo.import_transactions("p-1", TransactionList("p-1", [one, one]))

    assert await repo.list_transactions("p-1") == []


async def test_an_unknown_portfolio_or_another_portfolios_batch_is_refused(
    repo: PortfolioStore,
) -> None:
    await repo.add_portfolio(portfolio("p-1"))
    batch = parse_transaction_csv(statement(), context("p-404", "t-"))

    with pytest.raises(NotFound):
        await repo.import_transactions("p-404", batch)
    with pytest.raises(ValueError, match="another portfolio"):
        await repo.import_transactions("p-1", batch)


async def test_a_batch_of_several_csv_chunks_is_copied_whole(repo: PortfolioStore) -> None:
    # Arrange: more rows than one CSV chunk holds
    await repo.add_portfolio(portfolio("p-1"))
    rows = [f"2026-01-02,Brokerage,deposit,,,,{i}.01,,,d-{i},,," for i in range(CHUNK_ROWS + 5)]
    text = "\n".join([",".join(CSV_COLUMNS), *rows]) + "\n"
    batch = parse_transaction_csv(text, context("p-1", "t-"))

    # Act
    await repo.import_transactions("p-1", batch)

    # Assert
    stored = await repo.list_transactions("p-1")
    assert len(stored) == CHUNK_ROWS + 5
    assert {t.external_id for t in stored} == {f"d-{i}" for i in range(CHUNK_ROWS + 5)}


async def test_identifiers_and_settlement_dates_are_stored_by_either_parser(
    repo: PortfolioStore,
) -> None:
    # Arrange: a given settlement, a T+1 default (the context's), none for a deposit
    header = "date,account,type,symbol,quantity,price,cusip,isin,settle_date"
    text = (
        f"{header}\n"
        "2026-01-05,IRA,buy,AAPL,10,150,037833100,us0378331005,2026-01-07\n"
        "2026-01-09,IRA,sell,AAPL,4,160,037833100,,\n"
        "2026-01-09,Brokerage,buy,MSFT,1,400,,US5949181045,\n"
    )
    for pid in ("p-old", "p-new"):
        await repo.add_portfolio(portfolio(pid))

    def settled(pid: str, prefix: str) -> ImportContext:
        return replace(context(pid, prefix), settle_on=lambda day: date(2026, 1, 12))

    old = [r.transaction for r in parse_transactions(text, settled("p-old", "o-"))]
    batch = parse_transaction_csv(text, settled("p-new", "n-"))

    # Act
    await repo.add_transactions("p-old", old)
    await repo.import_transactions("p-new", batch)

    # Assert
    stored_old = await repo.list_transactions("p-old")
    stored_new = await repo.list_transactions("p-new")
    assert [(t.cusip, t.isin, t.settle_date) for t in stored_new] == [
        ("037833100", "US0378331005", date(2026, 1, 7)),
        ("037833100", None, date(2026, 1, 12)),
        (None, "US5949181045", date(2026, 1, 12)),
    ]
    assert [as_text(t) for t in stored_new] == [as_text(t) for t in stored_old]
