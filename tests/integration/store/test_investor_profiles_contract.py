"""The investor profile store: one contract on memory, SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal

import pytest

from adapters.memory.investor_profiles import InMemoryInvestorProfileRepository
from adapters.postgres.investor_profiles import SqlInvestorProfileRepository
from domain.retirement.limits import FilingStatus
from domain.wealth.profile import InvestorProfile, RiskTolerance
from ports.wealth.investor_profiles import InvestorProfileRepository
from tests.integration.store.conftest import T0, StoreUnderTest

D = Decimal


@pytest.fixture
def repo(store: StoreUnderTest) -> InvestorProfileRepository:
    return store.adapter(InMemoryInvestorProfileRepository, SqlInvestorProfileRepository)


def profile(owner: str = "u-1", **changes: object) -> InvestorProfile:
    fields: dict[str, object] = {
        "owner_id": owner,
        "risk_tolerance": RiskTolerance.MODERATE,
        "questionnaire_score": 47,
        "horizon_years": 25,
        "filing_status": FilingStatus.MARRIED_JOINT,
        "federal_bracket": D("0.24"),
        "state": "CA",
        "state_rate": D("0.093"),
        "accredited_bases": ("income", "professional_certification"),
        "accredited_attested_at": T0,
        "terms_version": "2026-01",
        "terms_accepted_at": T0 - timedelta(days=3),
        "updated_at": T0,
        **changes,
    }
    return InvestorProfile(**fields)  # type: ignore[arg-type]


async def test_a_stored_profile_reads_back_exactly_for_its_owner_only(
    repo: InvestorProfileRepository,
) -> None:
    # Arrange
    stored = profile()

    # Act
    await repo.put(stored)
    found = await repo.get("u-1")

    # Assert
    assert found == stored
    assert found is not None and found.state_rate == D("0.093")
    assert found.accredited and found.accredited_bases == ("income", "professional_certification")
    assert found.updated_at.tzinfo is not None
    assert await repo.get("u-2") is None


async def test_put_replaces_the_owners_profile_and_leaves_others(
    repo: InvestorProfileRepository,
) -> None:
    # Arrange
    await repo.put(profile("u-1"))
    await repo.put(profile("u-2", risk_tolerance=RiskTolerance.AGGRESSIVE))
    changed = profile(
        "u-1", risk_tolerance=RiskTolerance.CONSERVATIVE, questionnaire_score=None, state=None,
        state_rate=D(0), accredited_bases=(), accredited_attested_at=None, terms_version=None,
        terms_accepted_at=None, updated_at=T0 + timedelta(hours=1),
    )  # fmt: skip

    # Act
    await repo.put(changed)

    # Assert
    assert await repo.get("u-1") == changed
    other = await repo.get("u-2")
    assert other is not None and other.risk_tolerance is RiskTolerance.AGGRESSIVE


def test_a_naive_timestamp_is_refused() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        profile(updated_at=datetime(2026, 1, 1))
