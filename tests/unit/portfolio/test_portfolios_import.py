"""PortfolioService.import_csv: rows checked, then the ledger with the tax engine; every bad
row named (ledger errors too, found by bisection), nothing written unless all are good."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from adapters.memory.portfolios import InMemoryPortfolioStore
from application.portfolio.portfolios import PortfolioNotFound
from application.portfolio.transaction_import import COLUMNS, CsvInvalid
from bootstrap.embedded import Embedded
from domain.errors import DuplicateTransaction, Forbidden
from domain.portfolio.transactions import TransactionKind, TransactionSource
from domain.principals import Principal, Role
from ports.portfolio.transaction_batch import TransactionBatch
from tests.kit.desk import OWNER, STRANGER
from tests.unit.portfolio.portfolio_fixtures import World, draft, portfolio_with_manual, world

HEADER = ",".join(COLUMNS)
VIEWER = Principal("v-1", Role.VIEWER)


def csv(*rows: str) -> str:
    return "\n".join([HEADER, *rows]) + "\n"


def row(
    day: str, kind: str, symbol: str = "", quantity: str = "", price: str = "", **cells: str
) -> str:
    amount, ref, cur = (
        cells.get("amount", ""),
        cells.get("reference", ""),
        cells.get("currency", ""),
    )
    return f"{day},Brokerage,{kind},{symbol},{quantity},{price},{amount},,{cur},{ref},,,"


async def refused(w: World, portfolio_id: str, text: str) -> list[tuple[int, str]]:
    with pytest.raises(CsvInvalid) as caught:
        await w.service.import_csv(OWNER, portfolio_id, text)
    assert await w.store.list_transactions(portfolio_id) == []  # nothing half-imported
    return [(e.row, e.field) for e in caught.value.errors]


async def test_a_good_file_books_every_row_in_order(e: Embedded) -> None:
    # Arrange
    w = world(e)
    p = await portfolio_with_manual(w, OWNER)
    text = csv(
        row("2026-01-02", "deposit", amount="5000", reference="r1"),
        row("2026-01-05", "buy", "AAPL", "10", "100"),
        row("2026-01-05", "sell", "AAPL", "10", "101"),
        row("2026-01-06", "buy", "AAPL", "3", "99"),
    )

    # Act
    report = await w.service.import_csv(OWNER, p.id, text)

    # Assert
    booked = await w.store.list_transactions(p.id)
    assert report.imported == 4 and report.by_kind == {"buy": 2, "deposit": 1, "sell": 1}
    assert (report.first_date, report.last_date) == (date(2026, 1, 2), date(2026, 1, 6))
    assert [t.kind for t in booked] == [
        TransactionKind.DEPOSIT,
        TransactionKind.BUY,
        TransactionKind.SELL,
        TransactionKind.BUY,
    ]
    assert {t.source for t in booked} == {TransactionSource.IMPORT}
    assert booked[0].external_id == "r1"


async def test_every_sale_beyond_its_position_is_named_by_row(e: Embedded) -> None:
    w = world(e)
    p = await portfolio_with_manual(w, OWNER)
    text = csv(
        row("2026-01-05", "buy", "AAPL", "10", "100"),
        row("2026-01-06", "sell", "AAPL", "11", "100"),  # row 3: 11 > 10
        row("2026-01-06", "buy", "MSFT", "1", "300"),
        row("2026-01-07", "sell", "MSFT", "2", "300"),  # row 5: 2 > 1
        row("2026-01-08", "sell", "XOM", "1", "100"),  # row 6: none held
    )

    errors = await refused(w, p.id, text)

    assert errors == [(3, "quantity"), (5, "quantity"), (6, "quantity")]


async def test_a_backdated_sale_that_breaks_a_booked_one_is_named(e: Embedded) -> None:
    # Arrange: 10 bought, 10 sold on Feb 1 (booked)
    w = world(e)
    p = await portfolio_with_manual(w, OWNER)
    acct = p.accounts[0].id
    for tx in (
        draft(TransactionKind.BUY, date(2026, 1, 5), acct, symbol="AAPL", quantity=10, price=1),
        draft(TransactionKind.SELL, date(2026, 2, 1), acct, symbol="AAPL", quantity=10, price=1),
    ):
        await w.service.add_transaction(OWNER, p.id, tx)

    # Act: a January sale of 5 would leave the booked February sale short
    with pytest.raises(CsvInvalid) as caught:
        await w.service.import_csv(OWNER, p.id, csv(row("2026-01-20", "sell", "AAPL", "5", "1")))

    # Assert
    (error,) = caught.value.errors
    assert (error.row, error.field) == (2, "quantity") and "booked sell" in error.message
    assert len(await w.store.list_transactions(p.id)) == 2


async def test_a_reference_booked_before_is_a_row_error(e: Embedded) -> None:
    w = world(e)
    p = await portfolio_with_manual(w, OWNER)
    await w.service.import_csv(
        OWNER, p.id, csv(row("2026-01-02", "deposit", amount="1", reference="s-9"))
    )

    with pytest.raises(CsvInvalid) as caught:
        await w.service.import_csv(
            OWNER, p.id, csv(row("2026-01-03", "deposit", amount="1", reference="s-9"))
        )

    assert [(x.row, x.field) for x in caught.value.errors] == [(2, "reference")]


async def test_a_large_file_is_parsed_off_the_loop_and_booked_whole(e: Embedded) -> None:
    # Arrange: 3,000 rows, about 130 KiB (past the 64 KiB off-loop threshold)
    w = world(e)
    p = await portfolio_with_manual(w, OWNER)
    rows = [
        row("2026-01-02", "deposit", amount="1.25", reference=f"dep-{i:05d}") for i in range(3000)
    ]
    text = csv(*rows)
    assert len(text) > 65_536

    # Act
    report = await w.service.import_csv(OWNER, p.id, text)

    # Assert
    assert report.imported == 3000
    view = await w.service.holdings(OWNER, p.id)
    assert view.accounts[0].cash == {"USD": Decimal("3750.00")}


async def test_only_the_owner_imports_and_a_viewer_never(e: Embedded) -> None:
    w = world(e)
    p = await portfolio_with_manual(w, OWNER)
    text = csv(row("2026-01-02", "deposit", amount="1"))

    with pytest.raises(PortfolioNotFound):
        await w.service.import_csv(STRANGER, p.id, text)
    with pytest.raises(PortfolioNotFound):
        await w.service.import_csv(VIEWER, p.id, text)
    with pytest.raises(Forbidden):
        await w.service.create(VIEWER, "mine", "USD")  # so a viewer owns none to import into


async def test_the_documented_example_file_imports_whole(e: Embedded) -> None:
    # Arrange: data/portfolio/transactions_example.csv (docs/ledger.md)
    w = world(e)
    p = await portfolio_with_manual(w, OWNER)
    text = (Path(__file__).parents[3] / "data/portfolio/transactions_example.csv").read_text()

    # Act
    report = await w.service.import_csv(OWNER, p.id, text)
    view = await w.service.holdings(OWNER, p.id)

    # Assert: AAPL 40 - 15 + 10, MSFT 15 x 2 (split), VTI 20 - 5
    assert report.imported == 12
    held = {pos.symbol: pos.quantity for pos in view.accounts[0].positions}
    assert held == {"AAPL": 35, "MSFT": 30, "VTI": 15}
    msft = next(pos for pos in view.accounts[0].positions if pos.symbol == "MSFT")
    assert msft.cost_basis == Decimal("15") * Decimal("420.10") + 1  # a split keeps the basis


async def test_what_only_the_tax_engine_sees_is_named_by_row_too(e: Embedded) -> None:
    # Arrange: a sale in EUR of shares bought in USD (the lots' currency), among good rows
    w = world(e)
    p = await portfolio_with_manual(w, OWNER)
    text = csv(
        row("2026-01-05", "buy", "AAPL", "10", "100"),
        row("2026-01-06", "buy", "MSFT", "1", "300"),
        row("2026-01-07", "sell", "AAPL", "1", "100", currency="EUR"),
        row("2026-01-08", "sell", "MSFT", "1", "300"),
    )

    # Act
    errors = await refused(w, p.id, text)

    # Assert
    assert errors == [(4, "currency")]


class RacedStore(InMemoryPortfolioStore):
    """A store where a concurrent writer took one of the batch's references first: its
    import fails before it awaits the gate (as PostgreSQL's COPY does)."""

    async def import_transactions(
        self,
        portfolio_id: str,
        batch: TransactionBatch,
        *,
        gate: Callable[[], Awaitable[None]] | None = None,
    ) -> None:
        raise DuplicateTransaction("external_id 'r1' is already booked", external_id="r1")


async def test_a_ledger_error_wins_over_a_store_error_and_nothing_is_written(
    e: Embedded,
) -> None:
    # Arrange: a sale beyond its position (the check fails) and a store that fails too
    w = world(e, RacedStore())
    p = await portfolio_with_manual(w, OWNER)
    text = csv(row("2026-01-05", "sell", "AAPL", "1", "100", reference="r1"))

    # Act
    with pytest.raises(CsvInvalid) as caught:
        await w.service.import_csv(OWNER, p.id, text)

    # Assert: the row error is the answer (as when the store was only called after the check)
    assert [(x.row, x.field) for x in caught.value.errors] == [(2, "quantity")]


async def test_a_store_error_is_the_answer_when_the_ledger_check_passes(e: Embedded) -> None:
    w = world(e, RacedStore())
    p = await portfolio_with_manual(w, OWNER)

    with pytest.raises(DuplicateTransaction):
        await w.service.import_csv(OWNER, p.id, csv(row("2026-01-05", "deposit", amount="1")))


async def test_the_ledger_check_runs_while_the_store_holds_the_rows_uncommitted(
    e: Embedded,
) -> None:
    # Arrange: a store that records what was visible when the gate (the check) was awaited
    w = world(e)
    p = await portfolio_with_manual(w, OWNER)
    seen: list[int] = []
    store = w.store
    real = store.import_transactions

    async def watched(
        portfolio_id: str,
        batch: TransactionBatch,
        *,
        gate: Callable[[], Awaitable[None]] | None = None,
    ) -> None:
        async def watching() -> None:
            assert gate is not None
            await gate()
            seen.append(len(await store.list_transactions(portfolio_id)))

        await real(portfolio_id, batch, gate=watching)

    store.import_transactions = watched  # type: ignore[method-assign]

    # Act
    await w.service.import_csv(OWNER, p.id, csv(row("2026-01-02", "deposit", amount="5")))

    # Assert: the gate was the check; the rows were committed after it
    assert seen == [0]
    assert len(await store.list_transactions(p.id)) == 1
