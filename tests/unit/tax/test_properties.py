"""Invariants of the tax engine over random histories (Hypothesis).

Basis identity (stated in domain.tax.engine): sum(open basis) + sum(realized basis) +
sum(transferred-out basis) == sum(BUY quantity x price + fees) + sum(TRANSFER_IN quantity x
price) + sum(non-permanent wash-sale disallowed losses) -- exactly, to the last digit.
Quantity identity: per (account, symbol), open lots' shares == the position replayed from
the same transactions (buys + transfers in - sales - transfers out, splits multiplying).
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from domain.portfolio.transactions import Transaction, TransactionKind
from domain.tax.engine import compute_tax_ledger
from domain.tax.lots import TaxAccount
from domain.tax.methods import AccountTaxType, LotMethod

ACCOUNTS = {
    "t1": TaxAccount("t1"),
    "t2": TaxAccount("t2", lot_method=LotMethod.HIFO),
    "ira": TaxAccount("ira", AccountTaxType.IRA, LotMethod.LIFO),
}
START = date(2024, 1, 1)
K = TransactionKind

op = st.tuples(
    st.integers(0, 9),  # days after the previous transaction
    st.sampled_from([K.BUY, K.BUY, K.SELL, K.SELL, K.SPLIT, K.TRANSFER_IN, K.TRANSFER_OUT]),
    st.sampled_from(sorted(ACCOUNTS)),
    st.sampled_from(["AAA", "BBB"]),
    st.integers(1, 300),  # quantity (tenths of shares)
    st.integers(1, 5000),  # price (cents)
    st.integers(0, 500),  # fees (cents)
    st.sampled_from([None, LotMethod.FIFO, LotMethod.LIFO, LotMethod.HIFO]),
    st.sampled_from(["2", "0.5", "3"]),
)


def _history(ops: list[tuple]) -> tuple[list[Transaction], dict[tuple[str, str], Decimal]]:
    """Transactions with every disposal clamped to the position, and the replayed positions,
    replayed in ledger order (a split opens its day: before the trades of its date)."""
    day = START
    dated = []
    for n, (gap, *rest) in enumerate(ops):
        day += timedelta(days=gap)
        dated.append((day, 0 if rest[0] is K.SPLIT else 1, n, *rest))
    dated.sort(key=lambda d: d[:2])  # stable: the given order within a day's rank
    position: dict[tuple[str, str], Decimal] = defaultdict(Decimal)
    txs: list[Transaction] = []
    for day, _, n, kind, account, symbol, qty, cents, fee, method, ratio in dated:
        key = (account, symbol)
        quantity = Decimal(qty) / 10
        if kind in (K.SELL, K.TRANSFER_OUT):
            quantity = min(quantity, position[key])
            if quantity <= 0:
                continue
            position[key] -= quantity
        elif kind is K.SPLIT:
            position[key] *= Decimal(ratio)
        else:
            position[key] += quantity
        txs.append(
            Transaction(
                id=f"x{n}",
                portfolio_id="p",
                account_id=account,
                kind=kind,
                trade_date=day,
                symbol=symbol,
                quantity=Decimal(0) if kind is K.SPLIT else quantity,
                price=Decimal(cents) / 100,
                fees=Decimal(fee) / 100 if kind in (K.BUY, K.SELL) else Decimal(0),
                lot_method=method if kind in (K.SELL, K.TRANSFER_OUT) else None,
                split_ratio=Decimal(ratio) if kind is K.SPLIT else None,
                acquired=day - timedelta(days=400) if kind is K.TRANSFER_IN else None,
            )
        )
    return txs, position


@settings(max_examples=100, deadline=None)
@given(st.lists(op, max_size=60))
def test_basis_is_conserved_exactly(ops: list[tuple]) -> None:
    # Arrange
    txs, _ = _history(ops)
    # Act
    ledger = compute_tax_ledger(txs, ACCOUNTS)
    # Assert
    costs = sum((t.quantity * t.price + t.fees for t in txs if t.kind is K.BUY), Decimal(0)) + sum(
        (t.quantity * t.price for t in txs if t.kind is K.TRANSFER_IN), Decimal(0)
    )
    added = sum((w.disallowed_loss for w in ledger.wash_sales if not w.permanent), Decimal(0))
    held = sum((lot.cost_basis for lot in ledger.open_lots), Decimal(0))
    gone = sum((r.cost_basis for r in ledger.realized), Decimal(0)) + sum(
        (lot.cost_basis for lot in ledger.transferred_out), Decimal(0)
    )
    assert held + gone == costs + added


@settings(max_examples=100, deadline=None)
@given(st.lists(op, max_size=60))
def test_open_quantities_equal_the_replayed_position(ops: list[tuple]) -> None:
    txs, position = _history(ops)
    ledger = compute_tax_ledger(txs, ACCOUNTS)
    for (account, symbol), quantity in position.items():
        assert ledger.quantity(account, symbol) == quantity
    assert all(lot.quantity > 0 for lot in ledger.open_lots)


@settings(max_examples=100, deadline=None)
@given(st.lists(op, max_size=60))
def test_rows_add_up(ops: list[tuple]) -> None:
    txs, _ = _history(ops)
    ledger = compute_tax_ledger(txs, ACCOUNTS)
    by_row: dict[tuple[str, str], Decimal] = defaultdict(Decimal)
    for w in ledger.wash_sales:
        assert w.disallowed_loss > 0 and w.quantity > 0
        by_row[(w.sale_id, w.sold_lot_id)] += w.disallowed_loss
    proceeds: dict[str, Decimal] = defaultdict(Decimal)
    for r in ledger.realized:
        assert r.gain == r.proceeds - r.cost_basis + r.wash_disallowed
        assert 0 <= r.wash_disallowed <= max(r.cost_basis - r.proceeds, Decimal(0))
        assert r.wash_disallowed == by_row.get((r.sale_id, r.lot_id), Decimal(0))
        assert r.reportable is (r.account_id != "ira")
        proceeds[r.sale_id] += r.proceeds
    for t in txs:
        if t.kind is K.SELL:
            assert proceeds[t.id] == t.quantity * t.price - t.fees


@settings(max_examples=100, deadline=None)
@given(st.lists(op, max_size=60))
def test_wash_records_name_real_lots(ops: list[tuple]) -> None:
    txs, _ = _history(ops)
    ledger = compute_tax_ledger(txs, ACCOUNTS)
    seen = (
        {lot.id for lot in ledger.open_lots}
        | {r.lot_id for r in ledger.realized}
        | {lot.id for lot in ledger.transferred_out}
    )
    for w in ledger.wash_sales:
        assert w.replacement_lot_id in seen
        assert w.permanent is (w.replacement_account_id == "ira")
    ids = [lot.id for lot in ledger.open_lots]
    assert len(ids) == len(set(ids))
