"""The rebalance store: one contract on memory, SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal as D

import pytest

from adapters.memory.rebalancing import InMemoryRebalanceStore
from adapters.postgres.rebalancing import SqlRebalanceStore
from domain.errors import Conflict
from domain.rebalancing.model import AccountHoldings, Lot
from domain.rebalancing.proposal import RebalanceSettings, propose
from ports.rebalancing.rebalancing import (
    AutopilotLimits,
    ProposalStatus,
    RebalanceStore,
    StoredProposal,
)
from tests.integration.store.conftest import StoreUnderTest

T0 = datetime(2026, 11, 25, 15, 0, 0, 123456, tzinfo=UTC)


@pytest.fixture
def repo(store: StoreUnderTest) -> RebalanceStore:
    return store.adapter(InMemoryRebalanceStore, SqlRebalanceStore)


def stored(proposal_id: str = "rbp-1", owner: str = "u-1") -> StoredProposal:
    accounts = [
        AccountHoldings(
            "t",
            D("10.5"),
            (Lot("l1", "AAA", D("3.25"), D("400.1234567891"), date(2025, 1, 2)),),
            {"BBB": D("0.5")},
        ),
        AccountHoldings("i", D(0), (), {"AAA": D("0.1")}, tax_advantaged=True),
    ]
    proposal = propose(
        accounts, {"AAA": D("99.99"), "BBB": D("12.34")}, date(2026, 11, 25),
        settings=RebalanceSettings(D("0.01"), fractional=True),
    )  # fmt: skip
    return StoredProposal(proposal_id, owner, "pf-1", T0, proposal)


async def test_a_stored_proposal_reads_back_exactly(repo: RebalanceStore) -> None:
    made = stored()

    await repo.add(made)
    found = await repo.get("rbp-1")

    assert found == made
    assert found is not None and found.proposal.trades and found.proposal.lot_sales
    assert await repo.get("rbp-2") is None


async def test_an_id_is_stored_once(repo: RebalanceStore) -> None:
    await repo.add(stored())

    with pytest.raises(Conflict):
        await repo.add(stored())


async def test_mark_executed_moves_a_proposal_once(repo: RebalanceStore) -> None:
    await repo.add(stored())

    first = await repo.mark_executed("rbp-1", T0 + timedelta(seconds=1), ["o-1", "o-2"])
    second = await repo.mark_executed("rbp-1", T0 + timedelta(seconds=2), ["o-3"])

    assert (first, second) == (True, False)
    found = await repo.get("rbp-1")
    assert found is not None and found.status is ProposalStatus.EXECUTED
    assert found.order_ids == ("o-1", "o-2")
    assert found.executed_at == T0 + timedelta(seconds=1)
    assert await repo.mark_executed("nope", T0, []) is False


async def test_limits_are_one_per_owner_and_listed_by_owner(repo: RebalanceStore) -> None:
    await repo.put_limits(AutopilotLimits("u-2", D("0.1"), D("500.00"), T0))
    await repo.put_limits(AutopilotLimits("u-1", D("0.2"), D("0"), T0))
    await repo.put_limits(AutopilotLimits("u-2", D("0.15"), D("250.50"), T0))

    assert await repo.limits("u-2") == AutopilotLimits("u-2", D("0.15"), D("250.50"), T0)
    assert [x.owner_id for x in await repo.all_limits()] == ["u-1", "u-2"]
    assert await repo.limits("u-3") is None
