"""The investor profile use cases over the in-memory store: scoping, terms, attestation."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from adapters.memory.audit import InMemoryAuditLog
from adapters.memory.clock import FakeClock
from adapters.memory.investor_profiles import InMemoryInvestorProfileRepository
from application.wealth.profiles import (
    InvestorProfileNotFound,
    InvestorProfileService,
    ProfileChange,
)
from domain.errors import Forbidden
from domain.principals import Principal, Role
from domain.retirement.limits import FilingStatus
from domain.wealth.profile import InvalidInvestorProfile, RiskTolerance

OWNER = Principal("u-1", Role.OWNER)
OTHER = Principal("u-2", Role.OWNER)
ADMIN = Principal("u-9", Role.ADMIN)


def change(**fields: object) -> ProfileChange:
    values: dict[str, object] = {"horizon_years": 15, "filing_status": FilingStatus.SINGLE,
                                 "federal_bracket": Decimal("0.24"),
                                 "risk_tolerance": RiskTolerance.MODERATE, **fields}  # fmt: skip
    return ProfileChange(**values)  # type: ignore[arg-type]


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2026, 5, 1, 12, tzinfo=UTC))


@pytest.fixture
def service(clock: FakeClock) -> InvestorProfileService:
    return InvestorProfileService(
        InMemoryInvestorProfileRepository(), clock, InMemoryAuditLog(), "2026-01"
    )


async def test_terms_are_kept_until_accepted_again(
    service: InvestorProfileService, clock: FakeClock
) -> None:
    # Arrange
    first = await service.put(OWNER, change(accept_terms="2026-01"))
    clock.advance(timedelta(days=1))

    # Act
    second = await service.put(OWNER, change(horizon_years=20))

    # Assert
    assert second.terms_version == "2026-01"
    assert second.terms_accepted_at == first.terms_accepted_at
    assert second.updated_at > first.updated_at


async def test_the_attestation_time_moves_only_when_the_bases_change(
    service: InvestorProfileService, clock: FakeClock
) -> None:
    first = await service.put(OWNER, change(accredited_bases=("income",)))
    clock.advance(timedelta(days=1))
    same = await service.put(OWNER, change(accredited_bases=("income",)))
    clock.advance(timedelta(days=1))
    dropped = await service.put(OWNER, change())

    assert same.accredited_attested_at == first.accredited_attested_at
    assert dropped.accredited_attested_at is None and not dropped.accredited


async def test_only_the_owner_and_admins_read_a_profile(service: InvestorProfileService) -> None:
    await service.put(OWNER, change())

    assert (await service.profile_of(ADMIN, "u-1")).owner_id == "u-1"
    assert (await service.profile_of(OWNER, "u-1")).owner_id == "u-1"
    with pytest.raises(InvestorProfileNotFound):
        await service.profile_of(OTHER, "u-1")
    with pytest.raises(InvestorProfileNotFound):
        await service.profile(OTHER)


async def test_a_viewer_changes_nothing_and_a_stale_terms_version_is_refused(
    service: InvestorProfileService,
) -> None:
    with pytest.raises(Forbidden):
        await service.put(Principal("v", Role.VIEWER), change())
    with pytest.raises(InvalidInvestorProfile) as caught:
        await service.put(OWNER, change(accept_terms="2025-01"))

    assert caught.value.field == "accept_terms"
