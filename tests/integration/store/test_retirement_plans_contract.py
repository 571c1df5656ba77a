"""The retirement plans kept beside accounts and their contributions: one contract on memory,
SQLite and PostgreSQL."""

from __future__ import annotations

import dataclasses
from datetime import date
from decimal import Decimal

import pytest

from adapters.memory.retirement_plans import InMemoryRetirementPlanStore
from adapters.postgres.retirement_plans import SqlRetirementPlanStore
from domain.retirement.contributions import AccountType
from domain.retirement.employer import SAFE_HARBOR_BASIC, VestingKind, VestingSchedule
from domain.retirement.plans import Contribution, ContributionSource, RetirementPlan
from ports.wealth.retirement_plans import RetirementPlanStore
from tests.integration.store.conftest import T0, StoreUnderTest


@pytest.fixture
def plans(store: StoreUnderTest) -> RetirementPlanStore:
    return store.adapter(InMemoryRetirementPlanStore, SqlRetirementPlanStore)


def plan(account_id: str, owner: str = "u-1", **changes: object) -> RetirementPlan:
    fields: dict[str, object] = {
        "account_id": account_id,
        "owner_id": owner,
        "kind": AccountType.K401,
        "birth_date": date(1966, 4, 2),
        "compensation": Decimal("120000.25"),
        "self_employed": False,
        "match_tiers": SAFE_HARBOR_BASIC,
        "vesting": VestingSchedule(VestingKind.GRADED, start=2, step=Decimal("0.25")),
        "service_start": date(2022, 3, 1),
        "created_at": T0,
        "updated_at": T0,
        **changes,
    }
    return RetirementPlan(**fields)  # type: ignore[arg-type]


def contribution(cid: str, account_id: str, year: int, owner: str = "u-1") -> Contribution:
    return Contribution(
        cid, account_id, owner, year, Decimal("1234.56"), ContributionSource.EMPLOYER,
        date(year, 6, 30), T0,
    )  # fmt: skip


async def test_plans_read_back_exactly_and_put_replaces(plans: RetirementPlanStore) -> None:
    # Arrange
    first = plan("a-1")
    sep = plan("a-2", kind=AccountType.SEP_IRA, match_tiers=(), vesting=None, service_start=None)
    other = plan("a-3", owner="u-2")

    # Act
    for p in (first, sep, other):
        await plans.put(p)
    replaced = dataclasses.replace(first, compensation=None, self_employed=True)
    await plans.put(replaced)

    # Assert: Decimals, dates, tiers and vesting as stored; one plan per account
    assert await plans.get("a-1") == replaced
    assert await plans.get("a-2") == sep
    assert await plans.get("nope") is None
    assert await plans.list_for("u-1") == [replaced, sep]


async def test_contributions_by_year_and_erasure_per_owner(plans: RetirementPlanStore) -> None:
    # Arrange
    await plans.put(plan("a-1"))
    await plans.put(plan("b-1", owner="u-2"))
    late, early = contribution("c-2", "a-1", 2026), contribution("c-1", "a-1", 2025)
    kept = contribution("c-3", "b-1", 2025, owner="u-2")
    for c in (late, early, kept):
        await plans.add_contribution(c)

    # Act
    listed = await plans.contributions("a-1")
    counted = await plans.count_contributions("a-1", 2025)
    removed = await plans.remove_for("u-1")

    # Assert
    assert listed == [early, late] and counted == 1
    assert removed == 1
    assert await plans.get("a-1") is None and await plans.contributions("a-1") == []
    assert await plans.contributions("b-1") == [kept] and await plans.get("b-1") is not None
