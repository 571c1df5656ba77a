"""StoredBondsService (application/analytics/bond_holdings.py) over the embedded core and an
in-memory ledger: a bond's quantity summed over the portfolio's accounts (hundreds of face),
its mark as the clean price per 100, every other holding skipped with the reason, another
owner's portfolio not found."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from application.analytics.bond_holdings import StoredBondsRequest, StoredBondsService
from application.core.compute_budget import ComputeBudget
from application.portfolio.portfolios import NewAccount, PortfolioNotFound
from bootstrap.embedded import Embedded
from domain.fixedincome.bonds import analyze_bond
from domain.fixedincome.daycount import DayCount
from domain.fixedincome.holdings import PriceSource, bond_of
from domain.fixedincome.terms import BondTerms
from domain.portfolio.transactions import TransactionKind
from domain.trading.instruments import AssetClass, Instrument
from tests.kit.desk import (
    OWNER,
    STRANGER,
    seeded_desk,  # noqa: F401  (the fixture `e`)
)
from tests.unit.portfolio.portfolio_fixtures import draft, portfolio_with_manual, world

pytestmark = pytest.mark.blas  # goes through BLAS/LAPACK: `make kernels` runs it per core type

D = Decimal
BUY, DEPOSIT = TransactionKind.BUY, TransactionKind.DEPOSIT
DAY = date(2026, 3, 2)
TERMS = BondTerms(D(1000), D("0.04"), 2, date(2023, 8, 15), date(2033, 8, 15),
                  DayCount.ACT_ACT_ICMA)  # fmt: skip


async def test_a_bond_held_in_two_accounts_is_one_holding_and_the_rest_is_skipped(
    e: Embedded,
) -> None:
    # Arrange: T-2033 (a USD bond) in both accounts, BUND (a EUR bond), AAPL (an equity),
    # NOREF (no instrument), EURX held in EUR
    w = world(e)
    async with e.uow() as uow:
        await uow.instruments.add(Instrument("T-2033", AssetClass.BOND, bond=TERMS))
        await uow.instruments.add(Instrument("BUND", AssetClass.BOND, currency="EUR", bond=TERMS))
        await uow.instruments.add(Instrument("AAPL"))
        await uow.commit()
    e.market.set_price("T-2033", D("94.5"))
    portfolio = await portfolio_with_manual(w, OWNER)
    portfolio = await w.service.add_account(OWNER, portfolio.id, NewAccount("manual", name="IRA"))
    first, second = (a.id for a in portfolio.accounts)
    for account, symbol, quantity, currency in (
        (first, "T-2033", 100, "USD"), (second, "T-2033", 150, "USD"),
        (first, "BUND", 10, "USD"), (first, "AAPL", 5, "USD"), (first, "NOREF", 1, "USD"),
        (second, "EURX", 3, "EUR"),
    ):  # fmt: skip
        await w.service.add_transaction(
            OWNER, portfolio.id,
            draft(BUY, DAY, account, symbol=symbol, quantity=quantity, price=90, currency=currency),
        )  # fmt: skip
    service = StoredBondsService(ComputeBudget(budget_s=30.0), w.service, e.uow, w.clock)

    # Act
    result = await service.analyse(OWNER, StoredBondsRequest(portfolio.id, shocks_bp=[100]))

    # Assert: 250 units = 25,000 of face, priced from the 94.5 mark at the clock's date
    book = result.figures
    assert (result.portfolio_id, result.currency, book.settlement) == (
        portfolio.id, "USD", date(2026, 3, 31)
    )  # fmt: skip
    [held] = book.holdings
    expected = analyze_bond(bond_of(TERMS), date(2026, 3, 31), clean=94.5, shifts_bp=(100.0,))
    assert (held.symbol, held.quantity, held.price_source) == ("T-2033", D(250), PriceSource.MARK)
    assert held.position.face == 25_000.0
    assert held.position.analytics.yield_rate == expected.yield_rate
    assert held.position.market_value == pytest.approx(expected.dirty_price * 250, abs=1e-9)
    assert held.shocks[0].full_change == pytest.approx(
        expected.shocks[0].full_change * 250, abs=1e-9
    )
    assert [(s.symbol, s.reason) for s in book.skipped] == [
        ("AAPL", "not a bond (equity)"),
        ("BUND", "a bond in EUR, not USD (no FX)"),
        ("EURX", "held in EUR, not USD (no FX): left out"),
        ("NOREF", "no instrument reference data"),
    ]


async def test_another_owners_portfolio_is_not_found(e: Embedded) -> None:
    # Arrange
    w = world(e)
    portfolio = await portfolio_with_manual(w, OWNER)
    service = StoredBondsService(ComputeBudget(budget_s=30.0), w.service, e.uow, w.clock)

    # Act / Assert
    with pytest.raises(PortfolioNotFound):
        await service.analyse(STRANGER, StoredBondsRequest(portfolio.id))
