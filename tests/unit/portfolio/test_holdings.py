"""Holdings from transaction sequences worked by hand: shares, cash, splits, transfers."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from domain.errors import InvalidTransaction
from domain.portfolio.holdings import holdings
from domain.portfolio.transactions import Transaction, TransactionKind
from domain.tax.engine import compute_tax_ledger

D = Decimal
K = TransactionKind


def tx(
    n: int, kind: TransactionKind, day: int, account: str = "a-1", **fields: object
) -> Transaction:
    return Transaction(  # type: ignore[arg-type]
        id=f"t-{n:03d}", portfolio_id="p-1", account_id=account, kind=kind,
        trade_date=date(2025, 3, 1) + timedelta(days=day - 1), **fields,
    )  # fmt: skip


def test_buys_sales_income_and_fees_move_shares_and_cash() -> None:
    # Arrange
    ledger = [
        tx(1, K.DEPOSIT, 1, amount=D("10000")),
        tx(2, K.BUY, 2, symbol="AAPL", quantity=D("10"), price=D("150.10"), fees=D("1.00")),
        tx(3, K.BUY, 3, symbol="AAPL", quantity=D("5"), price=D("160"), fees=D("0.50")),
        tx(4, K.SELL, 4, symbol="AAPL", quantity=D("12"), price=D("170"), fees=D("1.25")),
        tx(5, K.DIVIDEND, 5, symbol="AAPL", amount=D("0.72")),
        tx(6, K.INTEREST, 5, amount=D("3.10")),
        tx(7, K.FEE, 6, amount=D("2.00")),
        tx(8, K.WITHDRAWAL, 7, amount=D("500")),
    ]

    # Act
    held = holdings(ledger)

    # Assert: 10 + 5 - 12 = 3 shares; cash 10000 - 1502.00 - 800.50 + 2038.75 + 0.72
    # + 3.10 - 2.00 - 500 = 9238.07
    assert held.quantity("a-1", "AAPL") == D("3")
    assert held.cash == {("a-1", "USD"): D("9238.07")}
    assert held.last_prices["AAPL"] == D("170")


def test_a_split_multiplies_the_accounts_shares_and_a_reverse_split_divides_them() -> None:
    ledger = [
        tx(1, K.BUY, 2, symbol="NVDA", quantity=D("7"), price=D("900")),
        tx(2, K.BUY, 2, account="a-2", symbol="NVDA", quantity=D("3"), price=D("900")),
        tx(3, K.SPLIT, 10, symbol="NVDA", split_ratio=D("10")),
        tx(4, K.SELL, 11, symbol="NVDA", quantity=D("25"), price=D("95")),
        tx(5, K.SPLIT, 12, symbol="NVDA", split_ratio=D("0.1")),
    ]

    held = holdings(ledger)

    # a-1: 7 x 10 = 70, - 25 = 45, / 10 = 4.5; a-2 untouched by a-1's split records
    assert held.quantity("a-1", "NVDA") == D("4.5")
    assert held.quantity("a-2", "NVDA") == D("3")
    assert held.symbol_quantities() == {"NVDA": D("7.5")}


def test_transfers_move_shares_without_cash_and_empty_positions_are_dropped() -> None:
    ledger = [
        tx(
            1,
            K.TRANSFER_IN,
            2,
            symbol="MSFT",
            quantity=D("4"),
            price=D("300"),
            acquired=date(2020, 1, 2),
        ),
        tx(2, K.TRANSFER_OUT, 3, symbol="MSFT", quantity=D("4")),
    ]

    held = holdings(ledger)

    assert held.quantities == {}
    assert held.cash == {}
    assert held.quantity("a-1", "MSFT") == D(0)


def test_a_sale_larger_than_the_position_is_refused_naming_the_quantity() -> None:
    ledger = [
        tx(1, K.BUY, 2, symbol="AAPL", quantity=D("1"), price=D("100")),
        tx(2, K.SELL, 3, symbol="AAPL", quantity=D("1.5"), price=D("100")),
    ]

    with pytest.raises(InvalidTransaction) as raised:
        holdings(ledger)

    assert raised.value.field == "quantity"


def test_until_leaves_out_later_trades_and_cash_is_kept_per_currency() -> None:
    ledger = [
        tx(1, K.DEPOSIT, 1, amount=D("100"), currency="EUR"),
        tx(2, K.DEPOSIT, 1, amount=D("50")),
        tx(3, K.BUY, 9, symbol="SAP", quantity=D("1"), price=D("90"), currency="EUR"),
    ]

    before = holdings(ledger, until=date(2025, 3, 8))
    after = holdings(ledger)

    assert before.quantities == {} and before.cash_by_currency() == {"EUR": D(100), "USD": D(50)}
    assert after.cash_by_currency() == {"EUR": D(10), "USD": D(50)}
    assert after.currencies == {"SAP": "EUR"}


@settings(max_examples=80, deadline=None)
@given(
    steps=st.lists(
        st.tuples(
            st.sampled_from(["buy", "sell", "split", "in", "out"]),
            st.sampled_from(["a-1", "a-2"]),
            st.sampled_from(["AAA", "BBB"]),
            st.integers(1, 50),
        ),
        max_size=25,
    )
)
def test_holdings_agree_with_the_tax_lots_after_any_valid_sequence(
    steps: list[tuple[str, str, str, int]],
) -> None:
    # Arrange: a sequence of valid rows (sales and transfers out of at most what is held), one
    # a day (a split opens its day, so a row after it on the same day would come before it)
    ledger: list[Transaction] = []
    for n, (action, account, symbol, size) in enumerate(steps):
        day = 1 + n
        held = holdings(ledger).quantity(account, symbol)
        common = {"account": account, "symbol": symbol}
        if action == "buy":
            ledger.append(tx(n, K.BUY, day, quantity=D(size), price=D("10.5"), **common))
        elif action == "in":
            ledger.append(tx(n, K.TRANSFER_IN, day, quantity=D(size), price=D(3), **common))
        elif action == "split":
            ledger.append(tx(n, K.SPLIT, day, split_ratio=D(size % 3 + 1) / 2, **common))
        elif held > 0:
            kind = K.SELL if action == "sell" else K.TRANSFER_OUT
            quantity = min(D(size), held)
            ledger.append(tx(n, kind, day, quantity=quantity, price=D(9), **common))

    # Act
    held = holdings(ledger)
    lots = compute_tax_ledger(ledger, {})

    # Assert
    for account in ("a-1", "a-2"):
        for symbol in ("AAA", "BBB"):
            assert held.quantity(account, symbol) == lots.quantity(account, symbol)
