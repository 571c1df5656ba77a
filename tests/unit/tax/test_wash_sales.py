"""Wash sales worked by hand: IRS Publication 550 "Wash Sales" examples 1 and 2 and the rules
of IRC 1091 / Treas. Reg. 1.1091-1 / Rev. Rul. 2008-5 as documented in domain.tax.wash_sales."""

from __future__ import annotations

import pytest

from domain.errors import InvalidTransaction
from domain.tax.engine import compute_tax_ledger, merge_ledgers
from domain.tax.lots import TaxAccount
from domain.tax.methods import AccountTaxType, LotMethod, Term
from domain.tax.wash_sales import wash_window
from tests.unit.tax.helpers import D, buy, d, sell

ACCOUNTS = {
    "taxable": TaxAccount("taxable"),
    "other": TaxAccount("other"),
    "ira": TaxAccount("ira", AccountTaxType.IRA),
}


def test_pub550_example_1_full_replacement() -> None:
    # Arrange: 100 sh for $1,000, sold for $750, 100 sh bought within 30 days for $800
    txs = [
        buy("2024-01-02", 100, 10, id="old"),
        sell("2024-03-01", 100, "7.5", id="s"),
        buy("2024-03-15", 100, 8, id="new"),
    ]
    # Act
    ledger = compute_tax_ledger(txs, ACCOUNTS)
    # Assert: the $250 loss is disallowed and added to the new basis: $1,050
    (row,) = ledger.realized
    assert (row.proceeds, row.cost_basis, row.wash_disallowed, row.gain) == (
        D(750),
        D(1000),
        D(250),
        D(0),
    )
    (wash,) = ledger.wash_sales
    assert (wash.sale_id, wash.sold_lot_id, wash.replacement_lot_id) == ("s", "old", "new")
    assert (wash.quantity, wash.disallowed_loss, wash.permanent) == (D(100), D(250), False)
    assert wash.holding_days_carried == 59  # Jan 2 -> Mar 1, 2024
    (lot,) = ledger.open_lots
    assert (lot.id, lot.cost_basis, lot.wash_adjustment) == ("new", D(1050), D(250))
    assert (lot.purchased, lot.acquired) == (d("2024-03-15"), d("2024-01-16"))


def test_pub550_example_2_partial_replacement() -> None:
    # Arrange: 100 sh for $1,000 sold for $750; 50 sh bought within 30 days for $400
    txs = [
        buy("2024-01-02", 100, 10),
        sell("2024-03-01", 100, "7.5"),
        buy("2024-03-15", 50, 8, id="new"),
    ]
    # Act
    ledger = compute_tax_ledger(txs, ACCOUNTS)
    # Assert: $125 (50/100 x $250) disallowed, basis $400 + $125 = $525, $125 deductible
    (row,) = ledger.realized
    assert (row.wash_disallowed, row.gain) == (D(125), D(-125))
    (lot,) = ledger.open_lots
    assert (lot.id, lot.cost_basis) == ("new", D(525))


def test_replacement_larger_than_sale_is_split() -> None:
    txs = [
        buy("2024-01-02", 100, 10),
        sell("2024-03-01", 100, "7.5"),
        buy("2024-03-15", 150, 8, id="b"),
    ]
    ledger = compute_tax_ledger(txs, ACCOUNTS)
    assert [(lot.id, lot.quantity, lot.cost_basis, lot.acquired) for lot in ledger.open_lots] == [
        ("b:w1", D(100), D(1050), d("2024-01-16")),
        ("b", D(50), D(400), d("2024-03-15")),
    ]
    assert ledger.wash_sales[0].replacement_lot_id == "b:w1"


def test_replacement_bought_before_the_sale() -> None:
    txs = [
        buy("2024-01-02", 100, 10, id="a"),
        buy("2024-02-10", 100, 8, id="b"),
        sell("2024-02-20", 100, 7),  # FIFO: lot a, loss 300
    ]
    ledger = compute_tax_ledger(txs, ACCOUNTS)
    (row,) = ledger.realized
    assert (row.lot_id, row.wash_disallowed, row.gain) == ("a", D(300), D(0))
    (lot,) = ledger.open_lots
    # 49 days held (Jan 2 -> Feb 20) carried: Feb 10 - 49 days = Dec 23, 2023
    assert (lot.id, lot.cost_basis, lot.acquired) == ("b", D(1100), d("2023-12-23"))


def test_the_lot_sold_is_not_its_own_replacement() -> None:
    txs = [buy("2024-01-02", 100, 10, id="a"), sell("2024-01-10", 50, 8)]
    ledger = compute_tax_ledger(txs, ACCOUNTS)
    assert ledger.wash_sales == ()
    assert ledger.realized[0].gain == D(-100)


def test_outside_the_window_is_no_wash() -> None:
    txs = [
        buy("2024-01-02", 100, 10),
        sell("2024-03-01", 100, 8),
        buy("2024-04-01", 100, 8),  # 31 days after
    ]
    assert compute_tax_ledger(txs, ACCOUNTS).wash_sales == ()


def test_window_edges_are_inclusive() -> None:
    txs = [
        buy("2024-01-02", 100, 10),
        sell("2024-03-01", 100, 8),
        buy("2024-03-31", 100, 8),  # exactly 30 days after
    ]
    (wash,) = compute_tax_ledger(txs, ACCOUNTS).wash_sales
    assert wash.disallowed_loss == D(200)


def test_gain_is_never_washed() -> None:
    txs = [buy("2024-01-02", 100, 10), sell("2024-03-01", 100, 12), buy("2024-03-02", 100, 11)]
    assert compute_tax_ledger(txs, ACCOUNTS).wash_sales == ()


def test_chain_of_two_wash_sales() -> None:
    txs = [
        buy("2024-01-02", 100, 10, id="a"),
        sell("2024-03-01", 100, "7.5", id="s1"),  # loss 250 -> b
        buy("2024-03-15", 100, 8, id="b"),  # basis 1050, acquired Jan 16
        sell("2024-04-01", 100, 7, id="s2"),  # 700 - 1050: loss 350 -> c
        buy("2024-04-10", 100, 7, id="c"),
    ]
    ledger = compute_tax_ledger(txs, ACCOUNTS)
    assert [(r.lot_id, r.cost_basis, r.wash_disallowed, r.gain) for r in ledger.realized] == [
        ("a", D(1000), D(250), D(0)),
        ("b", D(1050), D(350), D(0)),
    ]
    assert [(w.replacement_lot_id, w.holding_days_carried) for w in ledger.wash_sales] == [
        ("b", 59),
        ("c", 76),  # Jan 16 -> Apr 1
    ]
    (lot,) = ledger.open_lots
    assert (lot.id, lot.cost_basis, lot.acquired, lot.wash_adjustment) == (
        "c",
        D(1050),
        d("2024-01-25"),
        D(350),
    )


def test_each_replacement_share_absorbs_one_loss() -> None:
    txs = [
        buy("2024-01-02", 100, 10, account="taxable"),
        buy("2024-01-02", 100, 10, account="other"),
        sell("2024-03-01", 100, 8, account="taxable"),
        sell("2024-03-02", 100, 8, account="other"),
        buy("2024-03-10", 100, 8, id="c"),
    ]
    ledger = compute_tax_ledger(txs, ACCOUNTS)
    assert [r.wash_disallowed for r in ledger.realized] == [D(200), D(0)]
    assert [w.replacement_lot_id for w in ledger.wash_sales] == ["c"]


def test_replacements_matched_in_acquisition_order_across_accounts() -> None:
    txs = [
        buy("2024-01-02", 100, 10),
        sell("2024-03-01", 100, 8),  # loss 200 on 100 shares
        buy("2024-03-05", 60, 8, account="other", id="x"),
        buy("2024-03-06", 60, 8, id="y"),
    ]
    ledger = compute_tax_ledger(txs, ACCOUNTS)
    assert [
        (w.replacement_lot_id, w.replacement_account_id, w.quantity, w.disallowed_loss)
        for w in ledger.wash_sales
    ] == [("x", "other", D(60), D(120)), ("y:w1", "taxable", D(40), D(80))]
    lots = {lot.id: lot for lot in ledger.open_lots}
    assert lots["x"].cost_basis == D(600)
    assert (lots["y:w1"].quantity, lots["y:w1"].cost_basis) == (D(40), D(400))
    assert (lots["y"].quantity, lots["y"].cost_basis) == (D(20), D(160))


def test_ira_replacement_disallows_permanently() -> None:
    txs = [
        buy("2024-01-02", 100, 10),
        sell("2024-03-01", 100, "7.5"),
        buy("2024-03-10", 100, 8, account="ira", id="i"),
    ]
    ledger = compute_tax_ledger(txs, ACCOUNTS)
    (row,) = ledger.realized
    assert (row.wash_disallowed, row.gain, row.reportable) == (D(250), D(0), True)
    (wash,) = ledger.wash_sales
    assert (wash.replacement_lot_id, wash.permanent, wash.holding_days_carried) == ("i", True, 0)
    (lot,) = ledger.open_lots
    assert (lot.cost_basis, lot.acquired, lot.wash_adjustment) == (D(800), d("2024-03-10"), D(0))


def test_ira_sale_at_a_loss_washes_nothing() -> None:
    txs = [
        buy("2024-01-02", 100, 10, account="ira"),
        sell("2024-03-01", 100, 8, account="ira"),
        buy("2024-03-10", 100, 8),
    ]
    ledger = compute_tax_ledger(txs, ACCOUNTS)
    assert ledger.wash_sales == ()
    assert ledger.realized[0].reportable is False


def test_substantially_identical_group() -> None:
    groups = {"SPY": "sp500", "SPYX": "sp500"}
    txs = [
        buy("2024-01-02", 100, 10, symbol="SPY"),
        sell("2024-03-01", 100, 8, symbol="SPY"),
        buy("2024-03-10", 100, 8, symbol="SPYX", id="x"),
    ]
    assert compute_tax_ledger(txs, ACCOUNTS).wash_sales == ()
    ledger = compute_tax_ledger(txs, ACCOUNTS, identical=groups.__getitem__)
    assert [w.replacement_lot_id for w in ledger.wash_sales] == ["x"]


def test_wash_window_is_61_days_inclusive() -> None:
    assert wash_window(d("2024-03-01")) == (d("2024-01-31"), d("2024-03-31"))


def test_groups_computed_apart_merge_to_the_same_ledger() -> None:
    # Arrange: two symbols, interleaved, each with a wash sale
    txs = [
        buy("2024-01-02", 100, 10, symbol="AAA"),
        buy("2024-01-03", 100, 10, symbol="BBB"),
        sell("2024-03-01", 100, 8, symbol="AAA"),
        sell("2024-03-02", 100, 8, symbol="BBB"),
        buy("2024-03-10", 100, 8, symbol="BBB"),
        buy("2024-03-11", 100, 8, symbol="AAA"),
    ]
    # Act
    whole = compute_tax_ledger(txs, ACCOUNTS)
    parts = merge_ledgers(
        compute_tax_ledger([t for t in txs if t.symbol == s], ACCOUNTS) for s in ("AAA", "BBB")
    )
    # Assert
    assert parts == whole
    assert len(whole.wash_sales) == 2


def test_two_losses_washed_into_one_later_purchase() -> None:
    # Arrange: two loss sales (60 and 40 shares) before one purchase of 100
    txs = [
        buy("2024-01-02", 60, 10, id="a"),
        buy("2024-01-02", 40, 10, id="b", account="other"),
        sell("2024-03-01", 60, 9),  # loss 60
        sell("2024-03-04", 40, 8, account="other"),  # loss 80
        buy("2024-03-10", 100, 8, id="x"),
    ]
    # Act
    ledger = compute_tax_ledger(txs, ACCOUNTS)
    # Assert: the purchase is split in two washed parts whose ids match the records
    assert [(w.replacement_lot_id, w.quantity, w.disallowed_loss) for w in ledger.wash_sales] == [
        ("x:w1", D(60), D(60)),
        ("x:w2", D(40), D(80)),
    ]
    lots = {lot.id: lot for lot in ledger.open_lots}
    assert set(lots) == {"x:w1", "x:w2"}
    assert (lots["x:w1"].cost_basis, lots["x:w1"].acquired) == (D(540), d("2024-01-11"))  # 59 days
    assert (lots["x:w2"].cost_basis, lots["x:w2"].acquired) == (D(400), d("2024-01-08"))  # 62 days


def test_washed_part_can_be_picked_and_ranks_by_adjusted_basis() -> None:
    # Arrange: b is split into b:w1 (100 sh, 1,050 = 10.50/sh) and b (50 sh, 400 = 8/sh)
    base = [
        buy("2024-01-02", 100, 10),
        sell("2024-03-01", 100, "7.5"),
        buy("2024-03-15", 150, 8, id="b"),
    ]
    # Act
    hifo = compute_tax_ledger(
        [*base, sell("2024-06-03", 10, 9, lot_method=LotMethod.HIFO)], ACCOUNTS
    )
    picked = compute_tax_ledger([*base, sell("2024-06-03", 10, 9, picks=(("b", 10),))], ACCOUNTS)
    # Assert: HIFO takes the washed part (10.50 > 8.00), with its carried holding period
    row = hifo.realized[-1]
    assert (row.lot_id, row.cost_basis, row.acquired) == ("b:w1", D(105), d("2024-01-16"))
    assert picked.realized[-1].lot_id == "b"
    assert picked.realized[-1].cost_basis == D(80)


def test_a_disposal_in_another_currency_names_currency() -> None:
    txs = [buy("2024-01-02", 10, 10), sell("2024-01-03", 10, 10, currency="EUR")]
    with pytest.raises(InvalidTransaction) as err:
        compute_tax_ledger(txs, ACCOUNTS)
    assert err.value.field == "currency"


def test_carried_holding_period_makes_a_replacement_long_term() -> None:
    # Arrange: 333 days held (Jan 2 -> Dec 1, 2023) carried into a Dec 10 purchase: its
    # holding period starts Jan 11, 2023, so a sale on Feb 1, 2024 (53 days after buying)
    # is long term
    txs = [
        buy("2023-01-02", 10, 10),
        sell("2023-12-01", 10, 8),
        buy("2023-12-10", 10, 8, id="b"),
        sell("2024-02-01", 10, 9),
    ]
    # Act
    last = compute_tax_ledger(txs, ACCOUNTS).realized[-1]
    # Assert: basis 80 + 20 disallowed = 100, proceeds 90
    assert (last.lot_id, last.acquired, last.term) == ("b", d("2023-01-11"), Term.LONG)
    assert (last.cost_basis, last.gain) == (D(100), D(-10))
