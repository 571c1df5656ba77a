"""Broker CSV parsing (application/portfolio/transaction_import.py): every error kind named by row
and column, every bad row collected, nothing answered unless every row is good."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from application.portfolio.transaction_import import (
    COLUMNS,
    MAX_BYTES,
    MAX_SCALE,
    CsvInvalid,
    ImportContext,
    RowError,
    parse_transactions,
)
from domain.portfolio.transactions import TransactionKind, TransactionSource
from tests.unit.portfolio.portfolio_fixtures import import_context

HEADER = ",".join(COLUMNS)


def context(booked: frozenset[str] = frozenset()) -> ImportContext:
    return import_context(booked)


def errors_of(text: str, ctx: ImportContext | None = None) -> list[RowError]:
    with pytest.raises(CsvInvalid) as caught:
        parse_transactions(text, ctx or context())
    assert caught.value.code == "CSV_INVALID"
    return caught.value.errors


def test_a_good_file_answers_every_row_as_a_transaction() -> None:
    # Arrange: the documented format, accounts by name and by id, optional cells empty
    text = (
        f"{HEADER}\n"
        "2026-01-02,Brokerage,deposit,,,,10000,,,dep-1,,,opening cash\n"
        "2026-01-05,ma-1,BUY,aapl,10,150.25,,1.00,USD,b-1,,,\n"
        "2026-02-01,ma-1,dividend,AAPL,,,2.40,,,,,,\n"
        "2026-03-02,ma-1,split,AAPL,,,,,,,4,,\n"
        '2026-03-03,ma-2,transfer_in,MSFT,5,300,,,,,,2020-06-01,"from, another broker"\n'
    )

    # Act
    rows = parse_transactions(text, context())

    # Assert
    assert [r.row for r in rows] == [2, 3, 4, 5, 6]
    deposit, buy, dividend, split, transfer = (r.transaction for r in rows)
    assert deposit.kind is TransactionKind.DEPOSIT and deposit.amount == Decimal("10000")
    assert deposit.account_id == "ma-1" and deposit.note == "opening cash"
    assert buy.symbol == "AAPL" and buy.quantity == 10 and buy.price == Decimal("150.25")
    assert buy.fees == Decimal("1.00") and buy.external_id == "b-1"
    assert buy.source is TransactionSource.IMPORT and buy.portfolio_id == "pf-1"
    assert dividend.amount == Decimal("2.40") and dividend.currency == "USD"
    assert split.split_ratio == 4
    assert transfer.acquired == date(2020, 6, 1) and transfer.note == "from, another broker"
    assert [r.transaction.id for r in rows] == [f"tx-{i:04d}" for i in range(1, 6)]


def test_columns_may_come_in_any_order_and_optional_ones_be_left_out() -> None:
    text = "type,account,date,symbol,quantity,price\nbuy,ma-1,2026-01-05,XOM,3,100\n"

    rows = parse_transactions(text, context())

    assert rows[0].transaction.quantity == 3 and rows[0].transaction.fees == 0


def test_every_bad_row_is_reported_with_its_row_and_column() -> None:
    # Arrange: one error of each kind, on rows 2.., plus a good row that is not imported
    text = (
        f"{HEADER}\n"
        "2026-13-01,ma-1,buy,AAPL,1,10,,,,,,,\n"  # 2 date
        "2026-01-05,nobody,buy,AAPL,1,10,,,,,,,\n"  # 3 account
        "2026-01-05,ma-1,swap,AAPL,1,10,,,,,,,\n"  # 4 type
        "2026-01-05,ma-1,buy,AAPL,-5,10,,,,,,,\n"  # 5 quantity (negative)
        "2026-01-05,ma-1,buy,AAPL,1,ten,,,,,,,\n"  # 6 price (not a number)
        "2026-01-05,ma-1,buy,AAPL,1,10,,,XYZ,,,,\n"  # 7 currency
        "2026-01-05,ma-1,buy,AAPL,1,10,,-1,,,,,\n"  # 8 fees
        "2026-01-05,ma-1,buy,,1,10,,,,,,,\n"  # 9 symbol
        "2026-01-05,ma-1,deposit,,,,0,,,,,,\n"  # 10 amount
        "2026-01-05,ma-1,split,AAPL,,,,,,,,,\n"  # 11 split_ratio
        "2026-01-05,ma-1,transfer_in,AAPL,1,10,,,,,,2026-02-01,\n"  # 12 acquired after date
        "2027-01-05,ma-1,buy,AAPL,1,10,,,,,,,\n"  # 13 date in the future
        "2026-01-05,ma-1,buy,AAPL,1,10,,,,,,,\n"  # 14 good
        "2026-01-05,ma-1,buy,AAPL,1\n"  # 15 too few cells
        "2026-01-05,ma-1,buy,AAPL,1,NaN,,,,,,,\n"  # 16 not finite
    )

    # Act
    errors = errors_of(text)

    # Assert
    assert [(e.row, e.field) for e in errors] == [
        (2, "date"),
        (3, "account"),
        (4, "type"),
        (5, "quantity"),
        (6, "price"),
        (7, "currency"),
        (8, "fees"),
        (9, "symbol"),
        (10, "amount"),
        (11, "split_ratio"),
        (12, "acquired"),
        (13, "date"),
        (15, "row"),
        (16, "price"),
    ]
    assert all(e.message for e in errors)


def test_a_reference_repeated_in_the_file_or_already_booked_is_a_row_error() -> None:
    text = (
        f"{HEADER}\n"
        "2026-01-05,ma-1,buy,AAPL,1,10,,,,r-1,,,\n"
        "2026-01-06,ma-1,buy,AAPL,1,10,,,,r-1,,,\n"
        "2026-01-07,ma-1,buy,AAPL,1,10,,,,old-7,,,\n"
    )

    errors = errors_of(text, context(booked=frozenset({"old-7"})))

    assert [(e.row, e.field) for e in errors] == [(3, "reference"), (4, "reference")]
    assert "row 2" in errors[0].message and "already booked" in errors[1].message


@pytest.mark.parametrize(
    ("header", "fields"),
    [
        ("date,account,symbol", ["type"]),
        ("date,account,type,colour", ["colour"]),
        ("date,account,type,date", ["date"]),
    ],
)
def test_a_bad_header_names_its_columns_on_row_1(header: str, fields: list[str]) -> None:
    errors = errors_of(f"{header}\n")

    assert [(e.row, e.field) for e in errors] == [(1, f) for f in fields]


@pytest.mark.parametrize("text", ["", f"{HEADER}\n", f"{HEADER}\n\n  ,,\n", "x" * (MAX_BYTES + 1)])
def test_an_empty_or_oversized_file_is_refused(text: str) -> None:
    with pytest.raises(CsvInvalid):
        parse_transactions(text, context())


def test_an_unterminated_quote_is_a_row_error_not_a_crash() -> None:
    errors = errors_of(f'{HEADER}\n2026-01-05,ma-1,buy,AAPL,1,10,,,,,,,"open\n')

    assert errors[0].field == "row"


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["2026-01-05", "2026-02-30", "", "yesterday"]),
            st.sampled_from(["ma-1", "Brokerage", "zz"]),
            st.sampled_from(["buy", "sell", "deposit", "bogus"]),
            st.sampled_from(["1", "-1", "", "x", "0.5"]),
        ),
        min_size=1,
        max_size=20,
    )
)
def test_all_or_nothing_rows_answered_iff_no_row_has_an_error(
    cells: list[tuple[str, str, str, str]],
) -> None:
    # Arrange: share kinds with a price, cash kinds with the quantity as their amount
    lines = [f"{d},{a},{t},AAPL,{q},10,{q},,,,,," for d, a, t, q in cells]
    text = "\n".join([HEADER, *lines]) + "\n"
    bad = {
        row
        for row, (d, a, t, q) in enumerate(cells, start=2)
        if d != "2026-01-05" or a == "zz" or t == "bogus" or q not in ("1", "0.5")
    }

    # Act
    if not bad:
        rows = parse_transactions(text, context())
        assert [r.row for r in rows] == list(range(2, len(cells) + 2))
        return
    with pytest.raises(CsvInvalid) as caught:
        parse_transactions(text, context())

    # Assert: every bad row is named, and no other
    assert {e.row for e in caught.value.errors} == bad


def test_what_no_store_can_keep_is_a_row_error_not_a_database_failure() -> None:
    # Arrange: a NUL in a note (PostgreSQL text cannot hold one), a scale past NUMERIC's
    text = (
        f"{HEADER}\n"
        "2026-01-05,ma-1,deposit,,,,1,,,,,,a\x00b\n"
        f"2026-01-05,ma-1,deposit,,,,1e-{MAX_SCALE + 1},,,,,,\n"
        f"2026-01-05,ma-1,deposit,,,,1e-{MAX_SCALE},,,,,,\n"
    )

    # Act
    errors = errors_of(text)

    # Assert: the largest scale still passes
    assert [(e.row, e.field) for e in errors] == [(2, "note"), (3, "amount")]
    assert "NUL" in errors[0].message and str(MAX_SCALE) in errors[1].message
