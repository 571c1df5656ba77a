"""Lot selection and gains, worked by hand (IRS Publication 550 "Identifying the shares")."""

from __future__ import annotations

import pytest

from domain.errors import InvalidTransaction
from domain.portfolio.transactions import TransactionKind
from domain.tax.engine import compute_tax_ledger
from domain.tax.lots import RealizedLot, TaxAccount, make_realized
from domain.tax.methods import LotMethod, Term
from tests.unit.tax.helpers import D, buy, d, sell, tx

ACCOUNTS = {"taxable": TaxAccount("taxable")}


def _three_buys() -> list:
    return [
        buy("2024-01-02", 10, 100, id="a"),  # 1000
        buy("2024-02-01", 10, 120, id="b"),  # 1200
        buy("2024-03-01", 10, 90, id="c"),  # 900
    ]


@pytest.mark.parametrize(
    ("method", "expected"),
    [
        # sell 15 @ 110 on 2024-04-01 (proceeds 1650)
        (LotMethod.FIFO, [("a", D(10), D(1000)), ("b", D(5), D(600))]),
        (LotMethod.LIFO, [("c", D(10), D(900)), ("b", D(5), D(600))]),
        (LotMethod.HIFO, [("b", D(10), D(1200)), ("a", D(5), D(500))]),
    ],
)
def test_methods_pick_lots_in_their_order(method: LotMethod, expected: list) -> None:
    # Arrange
    txs = [*_three_buys(), sell("2024-04-01", 15, 110, id="s", lot_method=method)]
    # Act
    ledger = compute_tax_ledger(txs, ACCOUNTS)
    # Assert
    rows = [(r.lot_id, r.quantity, r.cost_basis) for r in ledger.realized]
    assert rows == expected
    assert sum(r.proceeds for r in ledger.realized) == D(1650)
    assert all(r.lot_method is method for r in ledger.realized)
    assert ledger.quantity("taxable", "XYZ") == D(15)


def test_fifo_gains_by_hand() -> None:
    # Arrange: 1000 + 600 basis, 15 x 110 = 1650 proceeds, split 1100 / 550
    txs = [*_three_buys(), sell("2024-04-01", 15, 110)]
    # Act
    realized = compute_tax_ledger(txs, ACCOUNTS).realized
    # Assert
    assert [(r.proceeds, r.gain, r.term) for r in realized] == [
        (D(1100), D(100), Term.SHORT),
        (D(550), D(-50), Term.SHORT),
    ]


def test_hifo_ties_take_the_oldest() -> None:
    txs = [
        buy("2024-01-02", 10, 100, id="old"),
        buy("2024-01-03", 10, 100, id="new"),
        sell("2024-01-04", 5, 100, lot_method=LotMethod.HIFO),
    ]
    assert [r.lot_id for r in compute_tax_ledger(txs, ACCOUNTS).realized] == ["old"]


def test_account_method_and_sale_override() -> None:
    accounts = {"taxable": TaxAccount("taxable", lot_method=LotMethod.LIFO)}
    txs = [
        *_three_buys(),
        sell("2024-04-01", 5, 100),
        sell("2024-04-02", 5, 100, lot_method=LotMethod.FIFO),
    ]
    assert [r.lot_id for r in compute_tax_ledger(txs, accounts).realized] == ["c", "a"]


def test_specific_identification() -> None:
    txs = [*_three_buys(), sell("2024-04-01", 7, 100, picks=(("c", 4), ("a", 3)))]
    realized = compute_tax_ledger(txs, ACCOUNTS).realized
    assert [(r.lot_id, r.quantity, r.cost_basis) for r in realized] == [
        ("c", D(4), D(360)),
        ("a", D(3), D(300)),
    ]
    assert all(r.lot_method is LotMethod.SPECIFIC for r in realized)


def test_fees_add_to_basis_and_come_off_proceeds_pro_rata() -> None:
    # Arrange: basis 1000 + 10 fee; 500 + 5; sale of 15 @ 120 with a 9 fee: 6 / 3
    txs = [
        buy("2024-01-02", 10, 100, fees=10),
        buy("2024-01-03", 5, 100, fees=5),
        sell("2024-01-04", 15, 120, fees=9),
    ]
    realized = compute_tax_ledger(txs, ACCOUNTS).realized
    assert [(r.proceeds, r.cost_basis, r.gain) for r in realized] == [
        (D(1194), D(1010), D(184)),
        (D(597), D(505), D(92)),
    ]


def test_fee_shares_that_do_not_divide_still_add_up() -> None:
    txs = [
        buy("2024-01-02", 1, 10),
        buy("2024-01-03", 1, 10),
        buy("2024-01-04", 1, 10),
        sell("2024-01-05", 3, 10, fees="1"),
    ]
    realized = compute_tax_ledger(txs, ACCOUNTS).realized
    assert [r.proceeds for r in realized] == [
        D("9.6666666667"),
        D("9.6666666667"),
        D("9.6666666666"),
    ]
    assert sum(r.proceeds for r in realized) == D(29)


def test_partial_lot_keeps_total_basis_exactly() -> None:
    txs = [buy("2024-01-02", 3, 10, fees=1), sell("2024-01-05", 1, 12)]
    ledger = compute_tax_ledger(txs, ACCOUNTS)
    (row,) = ledger.realized
    (lot,) = ledger.open_lots
    assert row.cost_basis == D("10.3333333333")
    assert lot.cost_basis == D("20.6666666667")
    assert row.cost_basis + lot.cost_basis == D(31)


def test_split_then_sale() -> None:
    # 10 @ 100 = 1000; 2-for-1 -> 20 sh, basis 1000 (50/sh); sell 5 @ 60 -> basis 250, gain 50
    txs = [
        buy("2024-01-02", 10, 100, id="a"),
        tx(TransactionKind.SPLIT, "2024-02-01", ratio="2"),
        sell("2024-03-01", 5, 60),
    ]
    ledger = compute_tax_ledger(txs, ACCOUNTS)
    (row,) = ledger.realized
    assert (row.quantity, row.cost_basis, row.gain, row.acquired) == (
        D(5),
        D(250),
        D(50),
        d("2024-01-02"),
    )
    (lot,) = ledger.open_lots
    assert (lot.quantity, lot.cost_basis, lot.cost_per_share) == (D(15), D(750), D(50))


def test_reverse_split() -> None:
    txs = [buy("2024-01-02", 100, 1), tx(TransactionKind.SPLIT, "2024-02-01", ratio="0.1")]
    (lot,) = compute_tax_ledger(txs, ACCOUNTS).open_lots
    assert (lot.quantity, lot.cost_basis) == (D(10), D(100))


def test_transfer_in_keeps_acquisition_date_and_out_leaves_at_basis() -> None:
    txs = [
        buy("2024-06-01", 10, 50, id="new"),
        tx(
            TransactionKind.TRANSFER_IN,
            "2024-06-02",
            quantity=5,
            price=20,
            id="old",
            acquired="2020-01-02",
        ),
        sell("2024-06-03", 5, 40),
        tx(TransactionKind.TRANSFER_OUT, "2024-06-04", quantity=4),
    ]
    ledger = compute_tax_ledger(txs, ACCOUNTS)
    (row,) = ledger.realized
    assert (row.lot_id, row.term, row.gain) == ("old", Term.LONG, D(100))
    assert [(m.id, m.quantity, m.cost_basis) for m in ledger.transferred_out] == [
        ("new", D(4), D(200))
    ]
    assert ledger.quantity("taxable", "XYZ") == D(6)


def test_unsorted_input_is_processed_by_trade_date() -> None:
    txs = [sell("2024-04-01", 5, 10), buy("2024-01-02", 10, 8)]
    (row,) = compute_tax_ledger(txs, ACCOUNTS).realized
    assert row.gain == D(10)


def test_sale_larger_than_position_names_quantity() -> None:
    txs = [buy("2024-01-02", 10, 100), sell("2024-01-03", 11, 100)]
    with pytest.raises(InvalidTransaction) as err:
        compute_tax_ledger(txs, ACCOUNTS)
    assert err.value.field == "quantity"


def test_sale_without_position_names_quantity() -> None:
    with pytest.raises(InvalidTransaction) as err:
        compute_tax_ledger([sell("2024-01-03", 1, 100)], ACCOUNTS)
    assert err.value.field == "quantity"


@pytest.mark.parametrize(
    "picks",
    [(("nope", 1),), (("a", 11),), (("a", 6), ("a", 5))],
    ids=["unknown lot", "pick larger than lot", "picks of one lot add past it"],
)
def test_bad_picks_name_lot_picks(picks: tuple) -> None:
    qty = sum(int(q) for _, q in picks)
    txs = [buy("2024-01-02", 10, 100, id="a"), sell("2024-01-03", qty, 100, picks=picks)]
    with pytest.raises(InvalidTransaction) as err:
        compute_tax_ledger(txs, ACCOUNTS)
    assert err.value.field == "lot_picks"


def test_specific_method_without_picks_names_lot_picks() -> None:
    txs = [buy("2024-01-02", 10, 100), sell("2024-01-03", 1, 100, lot_method=LotMethod.SPECIFIC)]
    with pytest.raises(InvalidTransaction) as err:
        compute_tax_ledger(txs, ACCOUNTS)
    assert err.value.field == "lot_picks"


def test_ira_rows_are_not_reportable() -> None:
    from domain.tax.methods import AccountTaxType

    accounts = {"ira": TaxAccount("ira", AccountTaxType.IRA)}
    txs = [buy("2024-01-02", 10, 100, account="ira"), sell("2024-01-03", 10, 90, account="ira")]
    (row,) = compute_tax_ledger(txs, accounts).realized
    assert (row.reportable, row.gain, row.wash_disallowed) == (False, D(-100), D(0))


def test_fast_constructor_equals_the_dataclass() -> None:
    args = (
        "s",
        "l",
        "a",
        "X",
        D(1),
        d("2024-01-01"),
        d("2024-02-01"),
        D(2),
        D(1),
        D(0),
        D(1),
        Term.SHORT,
        "USD",
        LotMethod.FIFO,
        True,
    )
    assert make_realized(*args) == RealizedLot(*args)


def test_errors_name_the_transaction() -> None:
    txs = [buy("2024-01-02", 10, 100), sell("2024-01-03", 11, 100, id="s9")]
    with pytest.raises(InvalidTransaction, match=r"^sell s9 of 2024-01-03: quantity 11 exceeds"):
        compute_tax_ledger(txs, ACCOUNTS)


@pytest.mark.parametrize(("sold", "term"), [("2024-01-10", Term.SHORT), ("2024-01-11", Term.LONG)])
def test_realized_term_at_the_anniversary(sold: str, term: Term) -> None:
    txs = [buy("2023-01-10", 1, 10), sell(sold, 1, 12)]
    assert compute_tax_ledger(txs, ACCOUNTS).realized[0].term is term
