"""Illiquid assets and valuations: one contract on memory, SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from adapters.memory.illiquid import InMemoryIlliquidAssetStore
from adapters.memory.portfolios import InMemoryPortfolioStore
from adapters.postgres.illiquid import SqlIlliquidAssetStore
from adapters.postgres.portfolios import SqlPortfolioStore
from domain.errors import Conflict, NotFound
from domain.portfolio.illiquid import (
    DuplicateValuation,
    IlliquidAsset,
    IlliquidKind,
    Valuation,
    ValuationMethod,
)
from ports.portfolio.illiquid import IlliquidAssetStore
from ports.portfolio.portfolios import Portfolio
from tests.integration.store.conftest import T0, StoreUnderTest

D = Decimal


@pytest.fixture
async def repo(store: StoreUnderTest) -> IlliquidAssetStore:
    ledger = InMemoryPortfolioStore() if store.kind == "memory" else SqlPortfolioStore(store.engine)
    for pid, owner in (("p-1", "u-1"), ("p-2", "u-1"), ("p-3", "u-2")):
        await ledger.add_portfolio(Portfolio(pid, owner, pid, "USD", T0))
    return (
        InMemoryIlliquidAssetStore()
        if store.kind == "memory"
        else SqlIlliquidAssetStore(store.engine)
    )


def asset(asset_id: str, portfolio: str = "p-1", owner: str = "u-1") -> IlliquidAsset:
    return IlliquidAsset(
        id=asset_id, portfolio_id=portfolio, owner_id=owner, name=f"House {asset_id}",
        kind=IlliquidKind.REAL_ESTATE, currency="USD", acquired=date(2020, 6, 30),
        cost=D("450000.123456"), created_at=T0, note="the lake house",
    )  # fmt: skip


def valuation(asset_id: str, day: date, value: str) -> Valuation:
    return Valuation(asset_id, day, D(value), ValuationMethod.APPRAISAL, T0, "appraised")


async def test_an_asset_reads_back_exactly(repo: IlliquidAssetStore) -> None:
    # Arrange
    stored = asset("il-1")

    # Act
    await repo.add_asset(stored)
    got = await repo.get_asset("il-1")

    # Assert
    assert got == stored
    assert await repo.get_asset("il-9") is None


async def test_a_taken_id_is_a_conflict(repo: IlliquidAssetStore) -> None:
    # Arrange
    await repo.add_asset(asset("il-1"))

    # Act / Assert
    with pytest.raises(Conflict):
        await repo.add_asset(asset("il-1"))


async def test_listings_are_the_owners_in_id_order_by_portfolio_and_page(
    repo: IlliquidAssetStore,
) -> None:
    # Arrange
    for asset_id, pid, owner in (("il-3", "p-1", "u-1"), ("il-1", "p-2", "u-1"),
                                 ("il-2", "p-1", "u-1"), ("il-4", "p-3", "u-2")):  # fmt: skip
        await repo.add_asset(asset(asset_id, pid, owner))

    # Act
    mine = await repo.list_assets("u-1")
    of_p1 = await repo.list_assets("u-1", portfolio_id="p-1")
    page = await repo.list_assets("u-1", after="il-1", limit=1)

    # Assert
    assert [a.id for a in mine] == ["il-1", "il-2", "il-3"]
    assert [a.id for a in of_p1] == ["il-2", "il-3"]
    assert [a.id for a in page] == ["il-2"]


async def test_valuations_keep_their_money_exactly_in_date_order_and_the_latest_is_found(
    repo: IlliquidAssetStore,
) -> None:
    # Arrange
    await repo.add_asset(asset("il-1"))
    await repo.add_asset(asset("il-2"))
    await repo.add_valuation(valuation("il-1", date(2024, 1, 31), "612500.50"))
    await repo.add_valuation(valuation("il-1", date(2022, 5, 1), "500000.000001"))
    await repo.add_valuation(valuation("il-2", date(2021, 1, 1), "0"))

    # Act
    history = await repo.valuations("il-1")
    latest = await repo.latest_valuations(["il-1", "il-2", "il-3"])

    # Assert
    assert [(v.as_of, v.value) for v in history] == [
        (date(2022, 5, 1), D("500000.000001")), (date(2024, 1, 31), D("612500.50"))]  # fmt: skip
    assert history[0] == valuation("il-1", date(2022, 5, 1), "500000.000001")
    assert {k: v.value for k, v in latest.items()} == {"il-1": D("612500.50"), "il-2": D("0")}


async def test_a_second_valuation_on_a_day_or_of_no_asset_is_refused(
    repo: IlliquidAssetStore,
) -> None:
    # Arrange
    await repo.add_asset(asset("il-1"))
    await repo.add_valuation(valuation("il-1", date(2024, 1, 31), "1"))

    # Act / Assert
    with pytest.raises(DuplicateValuation):
        await repo.add_valuation(valuation("il-1", date(2024, 1, 31), "2"))
    with pytest.raises(NotFound):
        await repo.add_valuation(valuation("il-9", date(2024, 1, 31), "2"))
    assert [v.value for v in await repo.valuations("il-1")] == [D("1")]
