"""Illiquid assets: the appreciation history by hand, and the use cases over in-memory stores
(owner scoping, viewers, checks before writing, the append-only history)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from adapters.memory.clock import FakeClock, SequentialIds
from adapters.memory.illiquid import InMemoryIlliquidAssetStore
from adapters.memory.portfolios import InMemoryPortfolioStore
from application.portfolio.illiquid_assets import (
    IlliquidAssetNotFound,
    IlliquidAssetService,
    NewIlliquidAsset,
    NewValuation,
)
from application.portfolio.portfolios import PortfolioNotFound, PortfolioService
from bootstrap.embedded import Embedded
from domain.errors import Forbidden
from domain.portfolio.illiquid import (
    DuplicateValuation,
    IlliquidAsset,
    IlliquidKind,
    InvalidIlliquidAsset,
    Valuation,
    ValuationMethod,
    appreciation,
)
from domain.principals import Principal, Role

D = Decimal
OWNER = Principal("u-1", Role.OWNER)
OTHER = Principal("u-2", Role.OWNER)
VIEWER = Principal("u-9", Role.VIEWER)
T0 = datetime(2026, 3, 31, 15, 0, tzinfo=UTC)
HOUSE = IlliquidAsset("il-1", "pf-1", "u-1", "House", IlliquidKind.REAL_ESTATE, "USD",
                      date(2020, 1, 1), D("400000"), T0)  # fmt: skip


def appraisal(day: date, value: str) -> Valuation:
    return Valuation("il-1", day, D(value), ValuationMethod.APPRAISAL, T0)


def test_the_appreciation_history_by_hand() -> None:
    # Arrange: bought for 400,000 on 2020-01-01; 440,000 a (leap) year later; 500,000 on
    # 2023-01-01 (1,096 days after purchase)
    valuations = [appraisal(date(2023, 1, 1), "500000"), appraisal(date(2021, 1, 1), "440000")]

    # Act
    history = appreciation(HOUSE, valuations, date(2024, 6, 30))

    # Assert
    cost, first, last = history.points
    assert (cost.source, cost.value, cost.change, cost.annualized_return) == (
        "cost", D("400000"), None, None)  # fmt: skip
    assert (first.change, first.change_fraction, first.total_return) == (
        D("40000"), D("0.1"), D("0.1"))  # fmt: skip
    assert first.annualized_return == pytest.approx(1.1 ** (365 / 366) - 1)
    assert (last.change, last.total_appreciation, last.total_return) == (
        D("60000"), D("100000"), D("0.25"))  # fmt: skip
    assert last.change_fraction == D("60000") / D("440000")
    assert last.annualized_return == pytest.approx(1.25 ** (365 / 1096) - 1)  # 7.71 % a year
    assert (history.latest_value, history.latest_as_of) == (D("500000"), date(2023, 1, 1))
    assert history.stale  # 2023-01-01 is more than 365 days before 2024-06-30


def test_a_valuation_on_the_purchase_day_replaces_the_cost_point() -> None:
    # Act
    history = appreciation(HOUSE, [appraisal(date(2020, 1, 1), "390000")], date(2020, 2, 1))

    # Assert
    assert [(p.source, p.value) for p in history.points] == [("appraisal", D("390000"))]
    assert not history.stale


class World:
    def __init__(self, e: Embedded) -> None:
        self.clock = FakeClock(T0)
        ids = SequentialIds()
        self.ledger = PortfolioService(InMemoryPortfolioStore(), e.uow, self.clock, ids, e.market)
        self.store = InMemoryIlliquidAssetStore()
        self.service = IlliquidAssetService(self.store, self.ledger, self.clock, ids)


def new_house(portfolio_id: str, **fields: object) -> NewIlliquidAsset:
    values: dict[str, object] = {"portfolio_id": portfolio_id, "name": "Lake house",
                                 "kind": "real_estate", "acquired": date(2020, 1, 1),
                                 "cost": D("400000"), **fields}  # fmt: skip
    return NewIlliquidAsset(**values)  # type: ignore[arg-type]


async def test_an_owner_records_an_asset_and_its_valuations(e: Embedded) -> None:
    # Arrange
    w = World(e)
    portfolio = await w.ledger.create(OWNER, "Family", "EUR")

    # Act
    made = await w.service.add(OWNER, new_house(portfolio.id))
    await w.service.value(OWNER, made.asset.id,
                          NewValuation(date(2021, 1, 1), D("440000"), "appraisal"))  # fmt: skip
    view = await w.service.get(OWNER, made.asset.id)
    page = await w.service.list(OWNER, portfolio.id)

    # Assert
    assert made.asset.currency == "EUR"  # the portfolio's base currency by default
    assert [p.value for p in view.history.points] == [D("400000"), D("440000")]
    assert [(a.id, v.value if v else None) for a, v in page.items] == [
        (made.asset.id, D("440000"))]  # fmt: skip


async def test_someone_elses_asset_or_portfolio_is_not_found_and_a_viewer_changes_nothing(
    e: Embedded,
) -> None:
    # Arrange
    w = World(e)
    portfolio = await w.ledger.create(OWNER, "Family", "USD")
    made = await w.service.add(OWNER, new_house(portfolio.id))

    # Act / Assert
    with pytest.raises(IlliquidAssetNotFound):
        await w.service.get(OTHER, made.asset.id)
    with pytest.raises(IlliquidAssetNotFound):
        await w.service.value(OTHER, made.asset.id,
                              NewValuation(date(2021, 1, 1), D("1"), "appraisal"))  # fmt: skip
    with pytest.raises(PortfolioNotFound):
        await w.service.add(OTHER, new_house(portfolio.id))
    with pytest.raises(PortfolioNotFound):
        await w.service.list(OTHER, portfolio.id)
    assert (await w.service.list(OTHER)).items == []
    with pytest.raises((Forbidden, PortfolioNotFound)):
        await w.service.add(VIEWER, new_house(portfolio.id))
    assert await w.store.valuations(made.asset.id) == []


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"kind": "yacht"}, "kind"),
        ({"cost": D("0")}, "cost"),
        ({"acquired": date(2027, 1, 1)}, "acquired"),
        ({"name": "  "}, "name"),
        ({"currency": "XYZ"}, "currency"),
    ],
)
async def test_a_bad_asset_is_refused_naming_its_field_and_nothing_is_stored(
    e: Embedded, fields: dict[str, object], field: str
) -> None:
    # Arrange
    w = World(e)
    portfolio = await w.ledger.create(OWNER, "Family", "USD")

    # Act
    with pytest.raises(InvalidIlliquidAsset) as caught:
        await w.service.add(OWNER, new_house(portfolio.id, **fields))

    # Assert
    assert caught.value.field == field
    assert await w.store.list_assets(OWNER.id) == []


@pytest.mark.parametrize(
    ("valuation", "field"),
    [
        (NewValuation(date(2019, 12, 31), D("1"), "appraisal"), "as_of"),
        (NewValuation(date(2026, 4, 1), D("1"), "appraisal"), "as_of"),
        (NewValuation(date(2021, 1, 1), D("-1"), "appraisal"), "value"),
        (NewValuation(date(2021, 1, 1), D("1"), "guess"), "method"),
    ],
)
async def test_a_bad_valuation_is_refused_naming_its_field(
    e: Embedded, valuation: NewValuation, field: str
) -> None:
    # Arrange
    w = World(e)
    portfolio = await w.ledger.create(OWNER, "Family", "USD")
    made = await w.service.add(OWNER, new_house(portfolio.id))

    # Act
    with pytest.raises(InvalidIlliquidAsset) as caught:
        await w.service.value(OWNER, made.asset.id, valuation)

    # Assert
    assert caught.value.field == field
    assert await w.store.valuations(made.asset.id) == []


async def test_the_history_is_append_only(e: Embedded) -> None:
    # Arrange
    w = World(e)
    portfolio = await w.ledger.create(OWNER, "Family", "USD")
    made = await w.service.add(OWNER, new_house(portfolio.id))
    day = NewValuation(date(2021, 1, 1), D("440000"), "appraisal")
    await w.service.value(OWNER, made.asset.id, day)

    # Act / Assert
    with pytest.raises(DuplicateValuation):
        await w.service.value(OWNER, made.asset.id, NewValuation(day.as_of, D("1"), "appraisal"))
    assert [v.value for v in await w.store.valuations(made.asset.id)] == [D("440000")]
