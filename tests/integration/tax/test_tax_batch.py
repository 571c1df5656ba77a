"""compute_tax_ledger_batch: the sharded ledger is the single-process ledger, row for row."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from application.portfolio.tax_batch import compute_tax_ledger_batch
from benchmarks.ledger_data import ACCOUNTS, LedgerSpec, generate
from domain.errors import InvalidTransaction
from domain.portfolio.transactions import Transaction, TransactionKind
from domain.tax.engine import compute_tax_ledger
from domain.tax.lots import TaxAccount
from domain.tax.methods import AccountTaxType, LotMethod
from tests.tax_engines import tax_engine

__all__ = ["tax_engine"]
pytestmark = pytest.mark.usefixtures("tax_engine")  # every test on both engine paths

K = TransactionKind
BENCH_ACCOUNTS = {a.id: TaxAccount(a.id, a.tax_type, a.lot_method) for a in ACCOUNTS}
SMALL = generate(LedgerSpec(transactions=3_000, symbols=30, seed=7))


def tx(
    n: int, kind: TransactionKind, day: date, symbol: str | None, qty: str = "0", **kw: object
) -> Transaction:
    return Transaction(
        id=f"t{n:03d}",
        portfolio_id="p",
        account_id=str(kw.pop("account", "x")),
        kind=kind,
        trade_date=day,
        symbol=symbol,
        quantity=Decimal(qty),
        **kw,  # type: ignore[arg-type]
    )


@pytest.mark.parametrize("workers", [2, 3])
def test_a_generated_history_gives_the_same_ledger_in_worker_processes(workers: int) -> None:
    # Arrange
    single = compute_tax_ledger(SMALL, BENCH_ACCOUNTS)

    # Act
    sharded = compute_tax_ledger_batch(SMALL, BENCH_ACCOUNTS, workers=workers)

    # Assert
    assert sharded.wash_sales  # the history has wash sales to merge
    assert sharded.realized == single.realized
    assert sharded.wash_sales == single.wash_sales
    assert sharded.open_lots == single.open_lots
    assert sharded == single


def test_identical_groups_stay_in_one_shard_so_cross_symbol_wash_sales_match() -> None:
    # Arrange: every pair of symbols is one substantially identical group
    def identical(symbol: str) -> str:
        return f"G{int(symbol[1:]) // 2}"

    single = compute_tax_ledger(SMALL, BENCH_ACCOUNTS, identical=identical)

    # Act
    sharded = compute_tax_ledger_batch(SMALL, BENCH_ACCOUNTS, identical=identical, workers=2)

    # Assert
    assert any(w.sale_id and w.replacement_lot_id for w in single.wash_sales)
    assert sharded == single


def test_transfers_cash_rows_and_unsorted_input_merge_in_processing_order() -> None:
    # Arrange: two symbols (one shard each), transfers out of both, cash rows, dates unsorted
    d = date
    rows = [
        tx(1, K.BUY, d(2025, 1, 2), "AAA", "10", price=Decimal("10")),
        tx(2, K.BUY, d(2025, 1, 2), "BBB", "10", price=Decimal("20")),
        tx(3, K.DEPOSIT, d(2025, 1, 1), None, amount=Decimal("1000")),
        tx(4, K.BUY, d(2025, 1, 3), "AAA", "5", price=Decimal("11"), account="y"),
        tx(5, K.TRANSFER_OUT, d(2025, 2, 1), "BBB", "4"),
        tx(6, K.SELL, d(2025, 1, 20), "AAA", "6", price=Decimal("8")),
        tx(7, K.TRANSFER_OUT, d(2025, 1, 25), "AAA", "4"),
        tx(8, K.BUY, d(2025, 2, 5), "BBB", "3", price=Decimal("15")),
        tx(9, K.SELL, d(2025, 2, 3), "BBB", "6", price=Decimal("12"), fees=Decimal("1")),
        tx(
            10, K.TRANSFER_IN, d(2025, 2, 4), "AAA", "7", price=Decimal("9"), acquired=d(2020, 5, 1)
        ),
        tx(11, K.SPLIT, d(2025, 2, 6), "BBB", split_ratio=Decimal("2")),
    ]
    accounts = {
        "x": TaxAccount("x", AccountTaxType.TAXABLE, LotMethod.FIFO),
        "y": TaxAccount("y", AccountTaxType.IRA, LotMethod.FIFO),
    }
    single = compute_tax_ledger(rows, accounts)

    # Act
    sharded = compute_tax_ledger_batch(rows, accounts, workers=2)

    # Assert
    assert len(single.transferred_out) == 2 and single.wash_sales
    assert sharded == single


def test_a_sale_larger_than_the_position_raises_as_the_single_process_run_does() -> None:
    # Arrange: the bad sale is in the second shard's symbol
    d = date(2025, 3, 3)
    rows = [
        tx(1, K.BUY, d, "AAA", "10", price=Decimal("10")),
        tx(2, K.BUY, d, "BBB", "10", price=Decimal("10")),
        tx(3, K.SELL, d, "BBB", "11", price=Decimal("10")),
    ]
    accounts = {"x": TaxAccount("x")}
    with pytest.raises(InvalidTransaction) as single:
        compute_tax_ledger(rows, accounts)

    # Act / Assert
    with pytest.raises(InvalidTransaction) as sharded:
        compute_tax_ledger_batch(rows, accounts, workers=2)
    assert (sharded.value.field, str(sharded.value)) == (single.value.field, str(single.value))


def test_one_worker_is_the_single_process_call() -> None:
    # Act
    ledger = compute_tax_ledger_batch(SMALL[:500], BENCH_ACCOUNTS, workers=1)

    # Assert
    assert ledger == compute_tax_ledger(SMALL[:500], BENCH_ACCOUNTS)
