"""The kernel (domain/tax/fast_engine.py) against the Decimal pass over random histories
(Hypothesis): the same ledger to the last digit and exponent, the same ids, the same order,
the same errors; and inputs the kernel cannot hold exactly answered by the Decimal pass."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from domain.errors import InvalidTransaction
from domain.portfolio.transactions import Transaction, TransactionKind
from domain.tax.engine import compute_tax_ledger, decimal_ledger, engine_mode
from domain.tax.fast_engine import kernel_ledger
from domain.tax.ledger import TaxLedger
from tests.unit.tax.helpers import buy, sell, tx
from tests.unit.tax.kernel_histories import ACCOUNTS, SYMBOLS, histories, shown

ONE_PATH = True  # each test picks its paths (tests/unit/tax/conftest.py)


def _both(
    txs: list[Transaction], identical: dict[str, str] | None = None
) -> tuple[TaxLedger | Exception, TaxLedger | Exception]:
    lookup = None if identical is None else identical.__getitem__
    results: list[TaxLedger | Exception] = []
    for run in (decimal_ledger, compute_tax_ledger):
        try:
            with engine_mode("kernel"):
                results.append(run(txs, ACCOUNTS, identical=lookup))
        except InvalidTransaction as exc:
            results.append(exc)
    return results[0], results[1]


@settings(max_examples=100)
@given(histories(), st.booleans(), st.booleans())
def test_the_kernel_gives_the_decimal_ledger_digit_for_digit(
    txs: list[Transaction], reverse: bool, one_group: bool
) -> None:
    # Arrange: sometimes the rows out of date order (the engine sorts them, stably), sometimes
    # every symbol substantially identical (washes across symbols)
    rows = txs[::-1] if reverse else txs
    identical = dict.fromkeys(SYMBOLS, "G") if one_group else None

    # Act
    expected, got = _both(rows, identical)

    # Assert
    if isinstance(expected, Exception):
        assert isinstance(got, InvalidTransaction)
        assert (got.message, got.field) == (expected.message, expected.field)  # type: ignore[attr-defined]
        return
    assert isinstance(got, TaxLedger)
    assert got.computed_by == ("kernel" if rows else "decimal")
    assert shown(got) == shown(expected)
    assert got == expected
    for year in (2023, 2024, 2025):
        assert list(got.realized_in(year)) == list(expected.realized_in(year))
        assert _text(got.year_totals(year)) == _text(expected.year_totals(year))
    for account in ACCOUNTS:
        for symbol in SYMBOLS:
            mine, theirs = got.quantity(account, symbol), expected.quantity(account, symbol)
            assert (mine, str(mine)) == (theirs, str(theirs))


def _text(totals: dict) -> dict:
    return {c: {t: repr(s) for t, s in terms.items()} for c, terms in totals.items()}


# A basis past 2^62 units of 10^-10: the kernel declines and the Decimal pass answers
_DECLINED = [
    buy("2024-01-02", "1000000", "1000", account="hifo"),
    sell("2024-02-01", "1", "1", account="hifo"),
]


@settings(max_examples=60)
@given(histories(max_ops=25), st.integers(-3, 3), st.integers(0, 5))
@example(_DECLINED, 0, 0)
def test_the_kernel_rows_behave_like_the_tuples(
    txs: list[Transaction], start: int, step: int
) -> None:
    # Arrange
    expected, got = _both(txs)
    if isinstance(expected, Exception) or not txs:
        return
    assert isinstance(got, TaxLedger)
    if got.computed_by != "kernel":  # the input did not fit: the engine's own tuples
        assert got == expected and isinstance(got.realized, tuple)
        return

    # Act / Assert: every part indexes, slices, iterates and compares like its tuple
    for part in ("open_lots", "realized", "wash_sales", "transferred_out"):
        rows, reference = getattr(got, part), getattr(expected, part)
        assert len(rows) == len(reference) and list(rows) == list(reference)
        assert rows == reference and reference == rows and rows == list(reference)
        assert (
            tuple(rows[start : start + 7 : step or None])
            == reference[start : start + 7 : step or None]
        )
        if reference:
            assert rows[-1] == reference[-1] and rows[0] == reference[0]
            assert reference[len(reference) // 2] in rows
            assert hash(rows) == hash(reference)
        with pytest.raises(IndexError):
            rows[len(reference)]


def test_a_price_with_ten_places_times_a_fractional_quantity_takes_the_decimal_path() -> None:
    # Arrange: 10.5 x 114.2857142857 has 11 decimal places: not exact at 10^-10
    txs = [buy("2024-01-02", "10.5", "95.238"), sell("2024-06-03", "10.5", "114.2857142857")]

    # Act
    with engine_mode("kernel"):
        ledger = compute_tax_ledger(txs, ACCOUNTS)

    # Assert
    assert ledger.computed_by == "decimal"
    assert ledger == decimal_ledger(txs, ACCOUNTS)
    assert ledger.realized[0].proceeds == Decimal("1199.99999999985")


@pytest.mark.parametrize(
    "txs",
    [
        # a quantity past 10^14 units
        [buy("2024-01-02", "200000000000000", "1"), sell("2024-02-01", "1", "2")],
        # fees with eleven places
        [buy("2024-01-02", 1, 1, fees="0.00000000001")],
        # a split that leaves a quantity past 10^14 units (seen only during the pass)
        [
            buy("2024-01-02", "10000000000000", "0.00001"),
            tx(TransactionKind.SPLIT, "2024-03-01", ratio="100"),
        ],
        # a basis past 2^62 units of 10^-10 (about 461 million)
        [buy("2024-01-02", "1000000", "1000"), sell("2024-02-01", "1", "1")],
    ],
    ids=["huge-quantity", "fine-fees", "split-overflow", "huge-basis"],
)
def test_inputs_the_kernel_cannot_hold_exactly_are_answered_by_the_decimal_pass(
    txs: list[Transaction],
) -> None:
    # Act
    with engine_mode("kernel"):
        ledger = compute_tax_ledger(txs, ACCOUNTS)

    # Assert
    assert ledger.computed_by == "decimal"
    assert shown(ledger) == shown(decimal_ledger(txs, ACCOUNTS))


def test_auto_mode_keeps_small_inputs_on_the_decimal_pass() -> None:
    # Arrange
    txs = [buy("2024-01-02", 10, 5), sell("2024-02-01", 4, 6)]

    # Act
    ledger = compute_tax_ledger(txs, ACCOUNTS)

    # Assert
    assert ledger.computed_by == "decimal"
    assert kernel_ledger(txs, ACCOUNTS) == ledger


def test_a_feb_29_lot_turns_long_term_on_march_1_in_the_kernel_too() -> None:
    # Arrange
    txs = [
        buy("2024-02-29", 2, 10, id="leap"),
        sell("2025-02-28", 1, 12),
        sell("2025-03-01", 1, 12),
    ]

    # Act
    ledger = kernel_ledger(txs, ACCOUNTS)

    # Assert
    assert ledger is not None
    assert [r.term.value for r in ledger.realized] == ["short", "long"]
    assert [r.sold for r in ledger.realized] == [date(2025, 2, 28), date(2025, 3, 1)]


def test_hifo_ties_on_exactly_equal_cost_per_share_keep_list_order() -> None:
    # Arrange: 3 and 7 shares at one price: the same cost per share exactly, though the two
    # bases (beyond 2^53 units) give float quotients an ulp apart; the later lot listed first
    price = "1234567.8912345"
    txs = [
        buy("2024-01-02", 7, price, id="seven", account="hifo"),
        buy("2024-01-03", 3, price, id="three", account="hifo"),
        buy("2024-01-04", 5, "10", id="cheap", account="hifo"),
        sell("2024-02-01", 8, "1300000", account="hifo"),
    ]

    # Act
    ledger = kernel_ledger(txs, ACCOUNTS)

    # Assert: the oldest of the tied lots goes first, as in the Decimal pass
    assert ledger is not None
    assert [(r.lot_id, r.quantity) for r in ledger.realized] == [("seven", 7), ("three", 1)]
    assert shown(ledger) == shown(decimal_ledger(txs, ACCOUNTS))


def test_hifo_over_many_lots_sorts_like_the_decimal_pass() -> None:
    # Arrange: 24 lots (past the kernel's insertion-sort size) at four costs per share, some
    # tied exactly with other quantities and fees
    prices = ["19.99", "20.01", "19.99", "7.5"]
    txs = [
        buy(
            f"2024-01-{2 + n:02d}",
            1 + n % 5,
            prices[n % 4],
            id=f"b{n}",
            account="hifo",
            fees="0" if n % 3 else "0.25",
        )
        for n in range(24)
    ]
    txs.append(sell("2024-03-01", 40, "15", account="hifo"))

    # Act
    ledger = kernel_ledger(txs, ACCOUNTS)

    # Assert
    assert ledger is not None
    assert shown(ledger) == shown(decimal_ledger(txs, ACCOUNTS))
