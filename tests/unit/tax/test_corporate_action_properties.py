"""Invariants of corporate actions on tax lots (Hypothesis): a split or a symbol change never
changes total basis; a spin-off's two bases sum to the original; a boot merger's new basis and
reported basis sum to the original; holding periods carry over."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from domain.portfolio.transactions import Transaction, TransactionKind
from domain.tax.corporate_actions import boot_exchange, spin_off_basis
from domain.tax.engine import decimal_ledger
from domain.tax.lots import TaxAccount
from tests.unit.tax.actions import action
from tests.unit.tax.helpers import buy

ONE_PATH = True  # the kernel declines these ledgers: the Decimal pass is the only path
K = TransactionKind
ACCOUNTS = {"taxable": TaxAccount("taxable")}
START = date(2020, 1, 2)
ACTION_DAY = "2024-06-03"

lots = st.lists(
    st.tuples(
        st.integers(0, 1200),  # days after START
        st.integers(1, 5000),  # quantity (tenths of a share)
        st.integers(1, 90000),  # price (cents)
        st.integers(0, 999),  # fees (cents)
    ),
    min_size=1,
    max_size=6,
)
ratios = st.sampled_from(["2", "3", "1.5", "0.5", "0.1", "0.05", "7", "0.35", "1.25"])


def _buys(specs: list[tuple[int, int, int, int]], symbol: str = "A") -> list[Transaction]:
    return [
        buy(
            (START + timedelta(days=day)).isoformat(),
            str(Decimal(q) / 10),
            str(Decimal(p) / 100),
            fees=str(Decimal(f) / 100),
            symbol=symbol,
            id=f"b{n}",
        )
        for n, (day, q, p, f) in enumerate(specs)
    ]


def _basis(txs: list[Transaction]) -> Decimal:
    return sum((t.quantity * t.price + t.fees for t in txs), Decimal(0))


@settings(max_examples=60)
@given(lots, ratios, st.booleans())
def test_split_or_symbol_change_keeps_total_basis_and_dates(
    specs: list[tuple[int, int, int, int]], ratio: str, rename: bool
) -> None:
    # Arrange
    buys = _buys(specs)
    if rename:
        act = action(K.SYMBOL_CHANGE, ACTION_DAY, "A", id="x", new_symbol="B")
    else:
        act = action(K.SPLIT if Decimal(ratio) >= 1 else K.REVERSE_SPLIT, ACTION_DAY, "A",
                     id="x", ratio=ratio)  # fmt: skip
    # Act
    ledger = decimal_ledger([*buys, act], ACCOUNTS)
    # Assert
    assert sum((lot.cost_basis for lot in ledger.open_lots), Decimal(0)) == _basis(buys)
    assert sorted(lot.acquired for lot in ledger.open_lots) == sorted(t.trade_date for t in buys)
    factor = Decimal(1) if rename else Decimal(ratio)
    assert sum((lot.quantity for lot in ledger.open_lots), Decimal(0)) == factor * sum(
        (t.quantity for t in buys), Decimal(0)
    )


@settings(max_examples=60)
@given(lots, ratios, st.integers(1, 9999))
def test_spin_off_bases_sum_to_the_original_and_dates_carry_over(
    specs: list[tuple[int, int, int, int]], ratio: str, allocation_bp: int
) -> None:
    # Arrange
    buys = _buys(specs)
    allocation = str(Decimal(allocation_bp) / 10000)
    act = action(K.SPIN_OFF, ACTION_DAY, "A", id="x", new_symbol="S", ratio=ratio,
                 allocation=allocation)  # fmt: skip
    # Act
    ledger = decimal_ledger([*buys, act], ACCOUNTS)
    # Assert
    parents = {lot.id: lot for lot in ledger.open_lots if lot.symbol == "A"}
    children = {lot.id: lot for lot in ledger.open_lots if lot.symbol == "S"}
    for tx in buys:
        parent, child = parents[tx.id], children[f"{tx.id}:x"]
        assert parent.cost_basis + child.cost_basis == tx.quantity * tx.price + tx.fees
        assert child.acquired == parent.acquired == tx.trade_date
        assert child.quantity == parent.quantity * Decimal(ratio)


@given(
    st.integers(1, 10**6),  # basis (cents)
    st.integers(1, 10**4),  # shares (hundredths)
    st.integers(1, 10**5),  # cash per share (cents)
    st.sampled_from(["0.5", "1", "1.25", "0.1"]),
    st.integers(1, 10**5),  # new share value (cents)
)
def test_boot_exchange_recognizes_no_loss_and_at_most_the_boot(
    basis: int, shares: int, cash: int, ratio: str, value: int
) -> None:
    # Arrange / Act
    result = boot_exchange(
        Decimal(shares) / 100,
        Decimal(basis) / 100,
        Decimal(cash) / 100,
        Decimal(ratio),
        Decimal(value) / 100,
    )
    # Assert
    assert 0 <= result.recognized <= result.boot
    assert result.recognized == max(Decimal(0), min(result.realized, result.boot))
    assert result.new_basis + (result.boot - result.recognized) == Decimal(basis) / 100
    assert result.new_basis >= 0


@given(st.integers(1, 10**9), st.integers(1, 9999))
def test_spin_off_basis_parts_sum_exactly(basis_cents: int, allocation_bp: int) -> None:
    # Arrange
    basis = Decimal(basis_cents) / 100
    # Act
    kept, spun = spin_off_basis(basis, Decimal(allocation_bp) / 10000)
    # Assert
    assert kept + spun == basis
    assert kept >= 0 and spun >= 0


@settings(max_examples=60)
@given(lots, st.sampled_from(["0.1", "0.5", "0.25", "0.05"]), st.integers(1, 50000))
def test_reverse_split_with_cash_in_lieu_keeps_basis_and_leaves_whole_shares(
    specs: list[tuple[int, int, int, int]], ratio: str, cash_cents: int
) -> None:
    # Arrange
    buys = _buys(specs)
    act = action(K.REVERSE_SPLIT, ACTION_DAY, "A", id="x", ratio=ratio,
                 price=str(Decimal(cash_cents) / 100))  # fmt: skip
    # Act
    ledger = decimal_ledger([*buys, act], ACCOUNTS)
    # Assert
    open_basis = sum((lot.cost_basis for lot in ledger.open_lots), Decimal(0))
    sold_basis = sum((row.cost_basis for row in ledger.realized), Decimal(0))
    assert open_basis + sold_basis == _basis(buys)
    assert sum((lot.quantity for lot in ledger.open_lots), Decimal(0)) % 1 == 0
    assert all(row.acquired in {t.trade_date for t in buys} for row in ledger.realized)
