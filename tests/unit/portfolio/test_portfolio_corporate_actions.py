"""Corporate actions through the ledger's use case (PortfolioService.add_transaction): checked
like any row, then positions and lots follow them (domain/tax/corporate_actions.py)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from bootstrap.embedded import Embedded
from domain.errors import InvalidTransaction
from domain.portfolio.transactions import TransactionKind
from tests.kit.desk import OWNER
from tests.unit.portfolio.portfolio_fixtures import draft, portfolio_with_manual, world

K = TransactionKind
D = Decimal


async def test_a_spin_off_books_and_its_new_shares_can_be_sold(e: Embedded) -> None:
    # Arrange: 100 GE at 50 (5,000); spin-off 1 GEV per 2 GE, 17.3 % of basis to GEV
    w = world(e)
    portfolio = await portfolio_with_manual(w, OWNER)
    acct = portfolio.accounts[0].id
    rows = (
        draft(K.BUY, date(2025, 1, 6), acct, symbol="GE", quantity=100, price=50),
        draft(
            K.SPIN_OFF,
            date(2025, 4, 1),
            acct,
            symbol="GE",
            new_symbol="GEV",
            split_ratio="0.5",
            allocation=D("0.173"),
        ),
        draft(K.SELL, date(2025, 5, 1), acct, symbol="GEV", quantity=10, price=20),
    )

    # Act
    for tx in rows:
        await w.service.add_transaction(OWNER, portfolio.id, tx)
    view = await w.service.holdings(OWNER, portfolio.id)

    # Assert: GE keeps 4,135.00; GEV 40 shares left of 50 at 17.30 = 692.00
    (account,) = view.accounts
    basis = {p.symbol: (p.quantity, p.cost_basis) for p in account.positions}
    assert basis == {"GE": (D(100), D("4135.00")), "GEV": (D(40), D("692.00"))}


async def test_a_malformed_action_is_refused_naming_its_field(e: Embedded) -> None:
    # Arrange: a spin-off without its basis allocation
    w = world(e)
    portfolio = await portfolio_with_manual(w, OWNER)
    acct = portfolio.accounts[0].id
    tx = draft(K.SPIN_OFF, date(2025, 4, 1), acct, symbol="GE", new_symbol="GEV", split_ratio=1)

    # Act
    with pytest.raises(InvalidTransaction) as caught:
        await w.service.add_transaction(OWNER, portfolio.id, tx)

    # Assert
    assert caught.value.field == "allocation"


async def test_a_sale_of_the_old_symbol_after_a_merger_is_larger_than_the_position(
    e: Embedded,
) -> None:
    # Arrange: 10 A merged into 20 B; a sale of A afterwards has nothing to sell
    w = world(e)
    portfolio = await portfolio_with_manual(w, OWNER)
    acct = portfolio.accounts[0].id
    for tx in (
        draft(K.BUY, date(2025, 1, 6), acct, symbol="A", quantity=10, price=50),
        draft(K.STOCK_MERGER, date(2025, 2, 3), acct, symbol="A", new_symbol="B", split_ratio=2),
    ):
        await w.service.add_transaction(OWNER, portfolio.id, tx)
    late = draft(K.SELL, date(2025, 3, 3), acct, symbol="A", quantity=1, price=30)

    # Act
    with pytest.raises(InvalidTransaction) as caught:
        await w.service.add_transaction(OWNER, portfolio.id, late)

    # Assert
    assert caught.value.field == "quantity"
