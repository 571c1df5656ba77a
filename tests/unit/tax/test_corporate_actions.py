"""Corporate actions on tax lots, worked by hand (IRS Publication 550, Form 8937).

Every test here runs on both engine paths (tests/unit/tax/conftest.py): "kernel" gives up on a
ledger with corporate actions beyond SPLIT and the Decimal pass answers, so both agree.
"""

from __future__ import annotations

import pytest

from application.portfolio.tax_batch import compute_tax_ledger_batch
from domain.errors import InvalidTransaction
from domain.portfolio.holdings import holdings
from domain.portfolio.transactions import TransactionKind
from domain.tax.engine import compute_tax_ledger, decimal_ledger
from domain.tax.fast_engine import kernel_ledger
from domain.tax.form8949 import form_8949_csv
from domain.tax.lots import TaxAccount
from domain.tax.methods import Term
from tests.unit.tax.actions import action
from tests.unit.tax.helpers import D, buy, d, sell

K = TransactionKind
ACCOUNTS = {"taxable": TaxAccount("taxable")}


def _form_rows(csv_text: str) -> list[list[str]]:
    return [line.split(",") for line in csv_text.strip().splitlines()[1:]]


def test_spin_off_with_a_17_3_percent_allocation() -> None:
    # Arrange: 100 P bought 2020-01-02 at $50 = $5,000 basis. Spin-off 2021-06-01: 1 S per
    # 2 P (ratio 0.5), Form 8937 allocates 17.3 % of basis to S.
    #   S basis = 5,000 x 0.173 = 865.00 for 100 x 0.5 = 50 shares = 17.30 each;
    #   P keeps 5,000 - 865 = 4,135.00 (41.35 each); both acquired 2020-01-02.
    txs = [
        buy("2020-01-02", 100, 50, symbol="P", id="b1"),
        action(
            K.SPIN_OFF,
            "2021-06-01",
            "P",
            id="so",
            new_symbol="S",
            ratio="0.5",
            allocation="0.173",
        ),
    ]
    # Act
    ledger = compute_tax_ledger(txs, ACCOUNTS)
    # Assert
    parent, spun = ledger.open_lots
    assert (parent.symbol, parent.quantity, parent.cost_basis) == ("P", D(100), D("4135.00"))
    assert (spun.id, spun.symbol, spun.quantity, spun.cost_basis) == (
        "b1:so",
        "S",
        D(50),
        D("865.00"),
    )
    assert spun.cost_per_share == D("17.30")
    assert parent.cost_per_share == D("41.35")
    assert spun.acquired == parent.acquired == d("2020-01-02")
    assert spun.purchased == d("2020-01-02")


def test_spun_off_shares_sold_keep_the_parents_holding_period() -> None:
    # Arrange: as above; the 50 S are sold 2021-07-01 at $20 = $1,000.
    #   gain = 1,000.00 - 865.00 = 135.00; acquired 2020-01-02 -> more than a year: long term.
    txs = [
        buy("2020-01-02", 100, 50, symbol="P", id="b1"),
        action(
            K.SPIN_OFF,
            "2021-06-01",
            "P",
            id="so",
            new_symbol="S",
            ratio="0.5",
            allocation="0.173",
        ),
        sell("2021-07-01", 50, 20, symbol="S", id="s1"),
    ]
    # Act
    ledger = compute_tax_ledger(txs, ACCOUNTS)
    form = _form_rows(form_8949_csv(ledger.realized, 2021))
    # Assert
    (row,) = ledger.realized
    assert (row.lot_id, row.proceeds, row.cost_basis, row.gain) == (
        "b1:so",
        D(1000),
        D("865.00"),
        D("135.00"),
    )
    assert row.term is Term.LONG
    assert form[1] == [  # form[0]: Part I's (empty) totals
        "II", "not determined", "50 sh S", "01/02/2020", "07/01/2021", "1000.00", "865.00",
        "", "", "135.00",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("price", "boot_row", "new_basis"),
    [
        # 100 A at $40 = 4,000. Per A share: $10 cash + 0.5 B worth $70 = $45.
        #   realized = 100 x 45 - 4,000 = 500; boot = 1,000; recognized = min(500, 1,000)
        #   = 500; new basis = 4,000 - 1,000 + 500 = 3,500 (50 B at 70.00).
        #   Boot row: proceeds 1,000, basis 1,000 - 500 = 500, gain 500.
        ("40", ("1000", "500", "500"), "3500"),
        # 100 A at $20 = 2,000: realized = 4,500 - 2,000 = 2,500; recognized = min(2,500,
        #   1,000) = 1,000 (the boot); new basis = 2,000 - 1,000 + 1,000 = 2,000.
        #   Boot row: proceeds 1,000, basis 0, gain 1,000.
        ("20", ("1000", "0", "1000"), "2000"),
        # 100 A at $50 = 5,000: realized = 4,500 - 5,000 = -500, a loss: not recognized
        #   (0); new basis = 5,000 - 1,000 + 0 = 4,000. Boot row: 1,000, 1,000, gain 0.
        ("50", ("1000", "1000", "0"), "4000"),
    ],
)
def test_cash_and_stock_merger_with_boot(
    price: str, boot_row: tuple[str, str, str], new_basis: str
) -> None:
    # Arrange: bought 2022-03-01; merger 2023-06-15 (long term: more than a year held).
    txs = [
        buy("2022-03-01", 100, price, symbol="A", id="a1"),
        action(
            K.MIXED_MERGER,
            "2023-06-15",
            "A",
            id="m",
            new_symbol="B",
            ratio="0.5",
            price=10,
            new_price=70,
        ),
    ]
    # Act
    ledger = compute_tax_ledger(txs, ACCOUNTS)
    # Assert
    (row,) = ledger.realized
    assert (row.sale_id, row.lot_id, row.symbol, row.quantity) == ("m", "a1", "A", D(100))
    assert (row.proceeds, row.cost_basis, row.gain) == tuple(map(D, boot_row))
    assert row.wash_disallowed == 0
    assert row.term is Term.LONG
    (lot,) = ledger.open_lots
    assert (lot.id, lot.symbol, lot.quantity, lot.cost_basis) == ("a1", "B", D(50), D(new_basis))
    assert lot.acquired == d("2022-03-01")
    assert lot.cost_basis + row.cost_basis == D(price) * 100  # nothing lost or made up


def test_cash_and_stock_merger_form_8949_to_the_cent() -> None:
    # Arrange: 30 A at $33.333 = 999.99 bought 2023-01-10; merger 2023-05-01 (short term):
    # per A share $3.17 cash + 0.25 B worth $121.13 = 3.17 + 30.2825 = 33.4525.
    #   boot = 30 x 3.17 = 95.10; realized = 30 x 33.4525 - 999.99 = 1,003.575 - 999.99
    #   = 3.585; recognized = min(3.585, 95.10) = 3.585; reported basis = 95.10 - 3.585
    #   = 91.515; new basis = 999.99 - 95.10 + 3.585 = 908.475 (7.5 B).
    #   Form 8949 (cents, half up): proceeds 95.10, basis 91.52, gain 95.10 - 91.52 = 3.58.
    txs = [
        buy("2023-01-10", 30, "33.333", symbol="A", id="a1"),
        action(
            K.MIXED_MERGER,
            "2023-05-01",
            "A",
            id="m",
            new_symbol="B",
            ratio="0.25",
            price="3.17",
            new_price="121.13",
        ),
    ]
    # Act
    ledger = compute_tax_ledger(txs, ACCOUNTS)
    form = _form_rows(form_8949_csv(ledger.realized, 2023))
    # Assert
    (row,) = ledger.realized
    assert (row.proceeds, row.cost_basis, row.gain) == (D("95.10"), D("91.515"), D("3.585"))
    assert ledger.open_lots[0].cost_basis == D("908.475")
    assert ledger.open_lots[0].quantity == D("7.5")
    assert form[0] == [
        "I", "not determined", "30 sh A", "01/10/2023", "05/01/2023", "95.10", "91.52", "",
        "", "3.58",
    ]  # fmt: skip


def test_reverse_split_with_cash_in_lieu() -> None:
    # Arrange: 105 shares bought 2024-01-10 at $20 = $2,100. 1-for-10 reverse split on
    # 2024-09-03 (ratio 0.1): 10.5 new shares at 200.00 each; the 0.5 share is paid in cash
    # at $150 per new share = $75.00.
    #   The fraction is a sale of 0.5 share: basis 2,100 x 0.5 / 10.5 = 100.00,
    #   proceeds 75.00, loss (25.00), short term (acquired 2024-01-10).
    #   Left: 10 shares, basis 2,100 - 100 = 2,000.00, acquired 2024-01-10.
    txs = [
        buy("2024-01-10", 105, 20, id="b1"),
        action(K.REVERSE_SPLIT, "2024-09-03", id="rs", ratio="0.1", price=150),
    ]
    # Act
    ledger = compute_tax_ledger(txs, ACCOUNTS)
    form = _form_rows(form_8949_csv(ledger.realized, 2024))
    # Assert
    (lot,) = ledger.open_lots
    assert (lot.quantity, lot.cost_basis, lot.acquired) == (D(10), D("2000.00"), d("2024-01-10"))
    (row,) = ledger.realized
    assert (row.sale_id, row.quantity, row.proceeds, row.cost_basis, row.gain) == (
        "rs",
        D("0.5"),
        D(75),
        D("100.00"),
        D("-25.00"),
    )
    assert row.term is Term.SHORT
    assert form[0] == [
        "I", "not determined", "0.5 sh XYZ", "01/10/2024", "09/03/2024", "75.00", "100.00",
        "", "", "-25.00",
    ]  # fmt: skip


def test_reverse_split_without_a_cash_price_keeps_the_fraction() -> None:
    # Arrange: 105 shares at $20, 1-for-10, no cash: 10.5 shares, basis 2,100 unchanged.
    txs = [
        buy("2024-01-10", 105, 20, id="b1"),
        action(K.REVERSE_SPLIT, "2024-09-03", id="rs", ratio="0.1"),
    ]
    # Act
    ledger = compute_tax_ledger(txs, ACCOUNTS)
    # Assert
    assert ledger.realized == ()
    assert [(lot.quantity, lot.cost_basis) for lot in ledger.open_lots] == [(D("10.5"), D(2100))]


def test_cash_merger_is_a_sale_of_every_share_at_the_cash_price() -> None:
    # Arrange: 10 A at $30 (2023-02-01) + 5 A at $42 (2024-01-05) = 300 + 210; cash merger
    # 2024-03-01 at $40 per share.
    #   lot 1: proceeds 400, basis 300, gain 100, long term;
    #   lot 2: proceeds 200, basis 210, loss (10), short term.
    txs = [
        buy("2023-02-01", 10, 30, symbol="A", id="a1"),
        buy("2024-01-05", 5, 42, symbol="A", id="a2"),
        action(K.CASH_MERGER, "2024-03-01", "A", id="cm", price=40),
    ]
    # Act
    ledger = compute_tax_ledger(txs, ACCOUNTS)
    # Assert
    assert ledger.open_lots == ()
    assert [(r.lot_id, r.proceeds, r.cost_basis, r.gain, r.term) for r in ledger.realized] == [
        ("a1", D(400), D(300), D(100), Term.LONG),
        ("a2", D(200), D(210), D(-10), Term.SHORT),
    ]


def test_stock_merger_carries_basis_and_dates_per_lot() -> None:
    # Arrange: 10 A at $30 (2023-02-01) and 4 A at $45 (2023-08-01); A -> B at 1.5 on
    # 2024-01-02: 15 B with basis 300 (20.00 each) and 6 B with basis 180 (30.00 each),
    # acquisition dates kept, lot ids kept.
    txs = [
        buy("2023-02-01", 10, 30, symbol="A", id="a1"),
        buy("2023-08-01", 4, 45, symbol="A", id="a2"),
        action(K.STOCK_MERGER, "2024-01-02", "A", id="m", new_symbol="B", ratio="1.5"),
    ]
    # Act
    ledger = compute_tax_ledger(txs, ACCOUNTS)
    # Assert
    assert [(lot.id, lot.symbol, lot.quantity, lot.cost_basis, lot.acquired) for lot in
            ledger.open_lots] == [
        ("a1", "B", D(15), D(300), d("2023-02-01")),
        ("a2", "B", D(6), D(180), d("2023-08-01")),
    ]  # fmt: skip
    assert ledger.quantity("taxable", "A") == 0


def test_fractional_new_share_paid_by_cash_in_lieu() -> None:
    # Arrange: 10 A at $7 = 70; A -> B at 0.35 = 3.5 B (basis 70, 20.00 per B); the 0.5 B is
    # paid in cash at $24 per B = 12.00: basis 70 x 0.5 / 3.5 = 10.00, gain 2.00.
    txs = [
        buy("2024-01-02", 10, 7, symbol="A", id="a1"),
        action(K.STOCK_MERGER, "2024-05-01", "A", id="m", new_symbol="B", ratio="0.35"),
        action(K.CASH_IN_LIEU, "2024-05-01", "B", id="cil", quantity="0.5", price=24),
    ]
    # Act
    ledger = compute_tax_ledger(txs, ACCOUNTS)
    # Assert
    (row,) = ledger.realized
    assert (row.symbol, row.quantity, row.proceeds, row.cost_basis, row.gain) == (
        "B",
        D("0.5"),
        D(12),
        D("10.00"),
        D("2.00"),
    )
    assert [(lot.quantity, lot.cost_basis) for lot in ledger.open_lots] == [(D(3), D(60))]


def test_symbol_change_renames_lots_and_keeps_them_one_security_for_wash_sales() -> None:
    # Arrange: 10 OLD at $50 = 500 (2024-01-02); sold 2024-02-01 at $40 (loss 100); the
    # ticker becomes NEW on 2024-02-10; 10 NEW bought 2024-02-15 at $41 = 410, within 30 days
    # of the loss sale of the same security: a wash sale, 100 disallowed, the NEW lot's
    # basis 410 + 100 = 510; its holding start moves back by the 30 days held (to 2024-01-16).
    txs = [
        buy("2024-01-02", 10, 50, symbol="OLD", id="o1"),
        sell("2024-02-01", 10, 40, symbol="OLD", id="s1"),
        action(K.SYMBOL_CHANGE, "2024-02-10", "OLD", id="rn", new_symbol="NEW"),
        buy("2024-02-15", 10, 41, symbol="NEW", id="n1"),
    ]
    # Act
    ledger = compute_tax_ledger(txs, ACCOUNTS)
    # Assert
    (wash,) = ledger.wash_sales
    assert (wash.replacement_lot_id, wash.disallowed_loss) == ("n1", D(100))
    (lot,) = ledger.open_lots
    assert (lot.symbol, lot.cost_basis, lot.acquired) == ("NEW", D(510), d("2024-01-16"))


def test_symbol_change_changes_nothing_but_the_symbol() -> None:
    # Arrange
    txs = [
        buy("2024-01-02", 10, 50, symbol="OLD", id="o1", fees=1),
        action(K.SYMBOL_CHANGE, "2024-02-10", "OLD", id="rn", new_symbol="NEW"),
    ]
    # Act
    (lot,) = compute_tax_ledger(txs, ACCOUNTS).open_lots
    # Assert
    assert (lot.id, lot.symbol, lot.quantity, lot.cost_basis, lot.acquired) == (
        "o1",
        "NEW",
        D(10),
        D(501),
        d("2024-01-02"),
    )


def test_a_replacement_bought_before_a_merger_carries_its_wash_adjustment() -> None:
    # Arrange: 100 A at $50 = 5,000 (2023-01-03), sold 2024-03-01 at $40: loss 1,000.
    # 100 A bought 2024-03-15 at $41 (14 days later): the replacement, basis 4,100 + 1,000 =
    # 5,100, holding start 2023-01-03 + 14 days = 2023-01-17. A -> B 2-for-1 on 2024-03-20:
    # the lot is 200 B, basis 5,100, wash adjustment 1,000, start 2023-01-17 (linked still).
    # Sold 2024-04-01 at $30 = 6,000: gain 900, long term (held since 2023-01-17).
    txs = [
        buy("2023-01-03", 100, 50, symbol="A", id="a1"),
        sell("2024-03-01", 100, 40, symbol="A", id="s1"),
        buy("2024-03-15", 100, 41, symbol="A", id="a2"),
        action(K.STOCK_MERGER, "2024-03-20", "A", id="m", new_symbol="B", ratio="2"),
        sell("2024-04-01", 200, 30, symbol="B", id="s2"),
    ]
    # Act
    ledger = compute_tax_ledger(txs, ACCOUNTS)
    # Assert
    (wash,) = ledger.wash_sales
    assert (wash.sold_lot_id, wash.replacement_lot_id, wash.disallowed_loss) == (
        "a1",
        "a2",
        D(1000),
    )
    first, second = ledger.realized
    assert (first.gain, first.wash_disallowed) == (D(0), D(1000))
    assert (second.symbol, second.quantity, second.cost_basis, second.gain) == (
        "B",
        D(200),
        D(5100),
        D(900),
    )
    assert (second.acquired, second.term) == (d("2023-01-17"), Term.LONG)


def test_shares_from_a_merger_are_no_replacement_purchase() -> None:
    # Arrange: 100 B at $30 = 3,000 (2024-01-02); 10 A become 20 B in a merger on
    # 2024-03-20; the 100 B are sold 2024-03-25 at $20: loss 1,000. The merger's B shares
    # were not purchased (Treas. Reg. 1.1091-1(a)): no wash. 50 B bought 2024-03-28 are:
    # 1,000 x 50 / 100 = 500 disallowed.
    txs = [
        buy("2024-01-02", 100, 30, symbol="B", id="b1"),
        buy("2023-01-02", 10, 40, symbol="A", id="a1"),
        action(K.STOCK_MERGER, "2024-03-20", "A", id="m", new_symbol="B", ratio="2"),
        sell("2024-03-25", 100, 20, symbol="B", id="s1", lot_method=None, picks=(("b1", 100),)),
        buy("2024-03-28", 50, 21, symbol="B", id="b2"),
    ]
    # Act
    ledger = compute_tax_ledger(txs, ACCOUNTS)
    # Assert
    (wash,) = ledger.wash_sales
    assert (wash.replacement_lot_id, wash.quantity, wash.disallowed_loss) == ("b2", D(50), D(500))
    assert {lot.id: lot.cost_basis for lot in ledger.open_lots} == {"a1": D(400), "b2": D(1550)}


def test_both_entry_points_and_the_batch_agree_on_a_ledger_with_actions() -> None:
    # Arrange
    txs = [
        buy("2020-01-02", 100, 50, symbol="P", id="b1"),
        buy("2020-02-03", 7, 12, symbol="Q", id="q1"),
        action(
            K.SPIN_OFF,
            "2021-06-01",
            "P",
            id="so",
            new_symbol="S",
            ratio="0.5",
            allocation="0.173",
        ),
        sell("2021-07-01", 20, 20, symbol="S", id="s1"),
        sell("2021-07-02", 2, 15, symbol="Q", id="s2"),
    ]
    # Act
    reference = decimal_ledger(txs, ACCOUNTS)
    by_kernel = kernel_ledger(txs, ACCOUNTS)
    default = compute_tax_ledger(txs, ACCOUNTS)
    batch = compute_tax_ledger_batch(txs, ACCOUNTS, workers=2)
    # Assert
    assert by_kernel is None  # the kernel declines; compute_tax_ledger runs the reference
    for other in (default, batch):
        assert other.open_lots == reference.open_lots
        assert other.realized == reference.realized
        assert other.wash_sales == reference.wash_sales


@pytest.mark.parametrize(
    ("kind", "fields", "bad"),
    [
        (K.SPIN_OFF, {"new_symbol": "S", "ratio": "0.5"}, "allocation"),
        (K.SPIN_OFF, {"new_symbol": "S", "ratio": "0.5", "allocation": "1"}, "allocation"),
        (K.SPIN_OFF, {"ratio": "0.5", "allocation": "0.2"}, "new_symbol"),
        (K.STOCK_MERGER, {"new_symbol": "XYZ", "ratio": "1"}, "new_symbol"),
        (K.STOCK_MERGER, {"new_symbol": "B"}, "split_ratio"),
        (K.MIXED_MERGER, {"new_symbol": "B", "ratio": "1", "price": 5}, "new_price"),
        (K.CASH_MERGER, {}, "price"),
        (K.REVERSE_SPLIT, {"ratio": "2"}, "split_ratio"),
        (K.CASH_IN_LIEU, {"quantity": "1.5", "price": 3}, "quantity"),
        (K.SYMBOL_CHANGE, {"new_symbol": "B", "ratio": "2"}, "split_ratio"),
    ],
)
def test_malformed_actions_name_their_field(kind: K, fields: dict[str, str], bad: str) -> None:
    # Arrange / Act / Assert
    with pytest.raises(InvalidTransaction) as caught:
        action(kind, "2024-01-02", id="x", **fields)
    assert caught.value.field == bad


def test_an_action_on_an_empty_position_changes_nothing() -> None:
    # Arrange
    txs = [action(K.CASH_MERGER, "2024-01-02", "A", id="cm", price=40)]
    # Act
    ledger = compute_tax_ledger(txs, ACCOUNTS)
    # Assert
    assert (ledger.open_lots, ledger.realized) == ((), ())


def test_positions_follow_the_actions_as_the_lots_do() -> None:
    # Arrange: 105 A -> reverse split 1-for-10 with cash (10 A) -> A becomes B at 1.5
    # (15 B) -> spin-off of 1 S per 5 B (3 S) -> B renamed C; 7 Q cash-merged away.
    txs = [
        buy("2024-01-02", 105, 20, symbol="A", id="a1"),
        buy("2024-01-03", 7, 12, symbol="Q", id="q1"),
        action(K.REVERSE_SPLIT, "2024-02-01", "A", id="rs", ratio="0.1", price=150),
        action(K.STOCK_MERGER, "2024-03-01", "A", id="m", new_symbol="B", ratio="1.5"),
        action(
            K.SPIN_OFF,
            "2024-04-01",
            "B",
            id="so",
            new_symbol="S",
            ratio="0.2",
            allocation="0.2",
        ),
        action(K.SYMBOL_CHANGE, "2024-05-01", "B", id="rn", new_symbol="C"),
        action(K.CASH_MERGER, "2024-06-03", "Q", id="cm", price=13),
    ]
    # Act
    ledger = compute_tax_ledger(txs, ACCOUNTS)
    positions = holdings(txs)
    # Assert
    assert positions.quantities == {
        ("taxable", "C"): D(15),
        ("taxable", "S"): D(3),
    }
    for (account, symbol), quantity in positions.quantities.items():
        assert ledger.quantity(account, symbol) == quantity


@pytest.mark.parametrize("split_id", ["a-split", "z-split"])
@pytest.mark.parametrize("kind", [K.SPLIT, K.STOCK_MERGER])
def test_a_trade_on_the_ex_date_is_of_the_new_shares_whatever_order_it_was_booked_in(
    split_id: str, kind: TransactionKind
) -> None:
    # Arrange: 10 old shares at $100; a 2-for-1 split (or a 2-for-1 merger into NEW) effective
    # 2025-06-02; that day 5 shares bought at $50, booked before the action ("z-split" sorts
    # after "b2") or after it ("a-split" sorts first).
    #   The action opens its day: 10 old -> 20 at $1,000 basis, and the 5 bought stay 5.
    new = "XYZ" if kind is K.SPLIT else "NEW"
    txs = [
        buy("2025-01-02", 10, 100, symbol="XYZ", id="b1"),
        action(kind, "2025-06-02", "XYZ", id=split_id, ratio="2",
               new_symbol=None if kind is K.SPLIT else "NEW"),
        buy("2025-06-02", 5, 50, symbol=new, id="b2"),
    ]  # fmt: skip
    booked = sorted(txs, key=lambda t: (t.trade_date, t.id))  # the store's order

    # Act
    ledger = compute_tax_ledger(booked, ACCOUNTS)
    held = holdings(booked)

    # Assert
    lots = sorted((lot.id, lot.quantity, lot.cost_basis) for lot in ledger.open_lots)
    assert lots == [("b1", D(20), D(1000)), ("b2", D(5), D(250))]
    assert held.quantity("taxable", new) == D(25)
