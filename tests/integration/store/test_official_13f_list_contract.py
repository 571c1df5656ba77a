"""The stored Official List of Section 13(f) Securities (migration 0058): one contract on
memory, SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime

import pytest

from adapters.memory.official_13f_list import InMemoryOfficial13FList
from adapters.postgres.official_13f_list import SqlOfficial13FList
from domain.analytics.compliance.official_13f_list import ListedSecurity, ListStatus
from ports.markets.official_13f_list import ListImport, Official13FListStore
from tests.integration.store.conftest import StoreUnderTest

T0 = datetime(2025, 4, 1, 9, 30, 0, 123456, tzinfo=UTC)
APPLE = ListedSecurity("037833100", "APPLE INC", "COM")
CALL = ListedSecurity("037833902", "APPLE INC", "CALL", is_option=True)
OLD = ListedSecurity("990009102", "OLD CO", "COM", status=ListStatus.DELETED)


@pytest.fixture
def repo(store: StoreUnderTest) -> Official13FListStore:
    memory: Callable[[], Official13FListStore] = InMemoryOfficial13FList
    return store.adapter(memory, SqlOfficial13FList)


async def test_a_list_reads_back_exactly_and_the_next_replaces_it(
    repo: Official13FListStore,
) -> None:
    # Arrange
    first = ListImport("2025 Q1", date(2025, 3, 13), T0, 3, 1)
    second = ListImport("2025 Q2", None, T0, 1, 0)
    many = [ListedSecurity(f"99{n:07d}", f"ISSUER {n}", "COM") for n in range(1_200)]

    # Act
    before = await repo.current()
    await repo.replace(first, [APPLE, CALL, OLD, *many])
    read = await repo.current()
    found = await repo.lookup([APPLE.cusip, CALL.cusip, OLD.cusip, "594918104", many[-1].cusip])
    await repo.replace(second, [OLD])
    after = await repo.lookup([APPLE.cusip, OLD.cusip])

    # Assert
    assert before is None and read == first
    assert found == {APPLE.cusip: APPLE, CALL.cusip: CALL, OLD.cusip: OLD,
                     many[-1].cusip: many[-1]}  # fmt: skip
    assert await repo.current() == second
    assert after == {OLD.cusip: OLD}
