"""The giving store: one contract on memory, SQLite and PostgreSQL (migration 0023's tables)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from adapters.memory.giving import InMemoryGivingStore
from adapters.postgres.giving import SqlGivingStore
from domain.analytics.giving.model import (
    Carryover,
    DafGrant,
    Donation,
    DonationKind,
    DoneeKind,
    LimitCategory,
)
from domain.errors import Conflict
from ports.portfolio.giving import GivingStore, OpeningCarryovers
from tests.integration.store.conftest import StoreUnderTest

D = Decimal
T0 = datetime(2026, 1, 5, 14, 30, 0, 123456, tzinfo=UTC)


@pytest.fixture
def store(store: StoreUnderTest) -> GivingStore:
    return store.adapter(InMemoryGivingStore, SqlGivingStore)


def donation(gift_id: str, owner: str = "u-1", day: date = date(2025, 3, 1),
             receipt: str | None = None, **changes: object) -> Donation:  # fmt: skip
    fields: dict[str, object] = {
        "id": gift_id,
        "owner_id": owner,
        "receipt": receipt or f"GIFT-{day.year}-{gift_id[-4:]}",
        "donated_on": day,
        "donee": "Food Bank",
        "donee_kind": DoneeKind.PUBLIC_CHARITY,
        "kind": DonationKind.CASH,
        "fair_market_value": D("250.10"),
        "created_at": T0,
        **changes,
    }
    return Donation(**fields)  # type: ignore[arg-type]


STOCK = donation(
    "gift-0002",
    day=date(2025, 6, 2),
    kind=DonationKind.STOCK,
    fair_market_value=D("12000.123456"),
    symbol="AAPL",
    shares=D("50.5"),
    cost_basis=D("4000.01"),
    acquired=date(2020, 1, 15),
    donee_kind=DoneeKind.DONOR_ADVISED_FUND,
    fund="Family Fund",
    donee_ein="12-3456789",
    memo="year-end gift\nwith a note",
)


async def test_a_donation_reads_back_exactly_for_its_owner_only(store: GivingStore) -> None:
    # Act
    await store.add_donation(STOCK)

    # Assert
    found = await store.get_donation("u-1", "gift-0002")
    assert found == STOCK and found is not None
    assert found.fair_market_value == D("12000.123456") and found.created_at.tzinfo is not None
    assert await store.get_donation("u-2", "gift-0002") is None


async def test_donations_list_by_date_and_id_by_year_and_after_a_key(store: GivingStore) -> None:
    # Arrange
    for gift in (
        donation("gift-0003", day=date(2025, 2, 1)),
        donation("gift-0001", day=date(2025, 2, 1)),
        donation("gift-0004", day=date(2024, 12, 31)),
        donation("gift-0005", day=date(2026, 1, 1)),
        donation("gift-0009", owner="u-2"),
    ):
        await store.add_donation(gift)

    # Act
    every = await store.list_donations("u-1")
    in_2025 = await store.list_donations("u-1", year=2025)
    after = await store.list_donations("u-1", after=(date(2025, 2, 1), "gift-0001"), limit=2)

    # Assert
    assert [d.id for d in every] == ["gift-0004", "gift-0001", "gift-0003", "gift-0005"]
    assert [d.id for d in in_2025] == ["gift-0001", "gift-0003"]
    assert [d.id for d in after] == ["gift-0003", "gift-0005"]


async def test_a_taken_receipt_or_id_is_a_conflict(store: GivingStore) -> None:
    # Arrange
    await store.add_donation(donation("gift-0001", receipt="GIFT-2025-0001"))

    # Act / Assert: the receipt is unique per owner; another owner may use the same number
    with pytest.raises(Conflict) as caught:
        await store.add_donation(donation("gift-0002", receipt="GIFT-2025-0001"))
    assert caught.value.field == "receipt"
    await store.add_donation(donation("gift-0003", owner="u-2", receipt="GIFT-2025-0001"))
    with pytest.raises(Conflict) as again:
        await store.add_donation(donation("gift-0001", receipt="GIFT-2025-0099"))
    assert again.value.field == "id"


async def test_deleting_is_the_owner_s_alone(store: GivingStore) -> None:
    # Arrange
    await store.add_donation(donation("gift-0001"))

    # Act
    refused = await store.delete_donation("u-2", "gift-0001")
    deleted = await store.delete_donation("u-1", "gift-0001")

    # Assert
    assert (refused, deleted) == (False, True)
    assert await store.get_donation("u-1", "gift-0001") is None
    await store.add_donation(donation("gift-0002", receipt="GIFT-2025-0001"))  # number freed


async def test_grants_by_owner_and_fund(store: GivingStore) -> None:
    # Arrange
    grants = [
        DafGrant("grant-2", "u-1", "Family Fund", date(2026, 2, 1), "Museum", D("100.5"), T0),
        DafGrant("grant-1", "u-1", "Family Fund", date(2026, 1, 3), "Food Bank", D(5000), T0,
                 grantee_ein="98-7654321", memo="winter"),
        DafGrant("grant-3", "u-1", "Other Fund", date(2026, 1, 1), "School", D(1), T0),
        DafGrant("grant-4", "u-2", "Family Fund", date(2026, 1, 1), "School", D(1), T0),
    ]  # fmt: skip
    for grant in grants:
        await store.add_grant(grant)

    # Act
    family = await store.list_grants("u-1", fund="Family Fund")
    every = await store.list_grants("u-1")

    # Assert
    assert family == [grants[1], grants[0]]
    assert [g.id for g in every] == ["grant-3", "grant-1", "grant-2"]
    assert await store.get_grant("u-2", "grant-1") is None
    assert await store.delete_grant("u-2", "grant-1") is False
    assert await store.delete_grant("u-1", "grant-1") is True
    with pytest.raises(Conflict):
        await store.add_grant(grants[0])


async def test_opening_carryovers_replace_and_clear(store: GivingStore) -> None:
    # Arrange
    first = OpeningCarryovers(
        2025,
        (
            Carryover(2022, LimitCategory.CASH_60, D("1000.55")),
            Carryover(2023, LimitCategory.CAPITAL_GAIN_30, D(7000)),
        ),
    )
    second = OpeningCarryovers(2026, (Carryover(2024, LimitCategory.NONCASH_50, D(3)),))

    # Act / Assert
    assert await store.get_carryovers("u-1") is None
    await store.put_carryovers("u-1", first)
    await store.put_carryovers("u-2", second)
    assert await store.get_carryovers("u-1") == first
    await store.put_carryovers("u-1", second)
    assert await store.get_carryovers("u-1") == second
    await store.put_carryovers("u-1", None)
    assert await store.get_carryovers("u-1") is None
    assert await store.get_carryovers("u-2") == second
