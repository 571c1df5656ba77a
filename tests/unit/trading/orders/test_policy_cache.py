"""Compiled policies are never older than the rules in force: a rule write acknowledged by any
process sharing the store binds the next policy read, and a compilation that raced a change is
not kept."""

from __future__ import annotations

import asyncio

from adapters.memory.store import InMemoryStore, InMemoryUnitOfWork
from application.trading.policies import PolicyCache
from domain.risk.gate import Policy
from domain.risk.reasons import Action
from domain.risk.rules import RiskRule, RuleType
from tests.kit.gate import account, rule


def _hold(rule_id: str) -> RiskRule:
    return rule(
        RuleType.MAX_ORDER_NOTIONAL, {"max_notional": 1_000}, action=Action.HOLD, rule_id=rule_id
    )


async def _write(store: InMemoryStore, new: RiskRule) -> None:
    """Another process's rule write: committed to the shared store, this cache never told."""
    async with InMemoryUnitOfWork(store) as uow:
        await uow.risk_rules.add(new)
        await uow.commit()


async def _policy(cache: PolicyCache, store: InMemoryStore) -> Policy:
    async with InMemoryUnitOfWork(store) as uow:
        return await cache.policy_for(uow, account())


def _rule_ids(policy: Policy) -> set[str | None]:
    return {c.rule_id for c in policy.controls if c.rule_id is not None}


async def test_a_rule_written_elsewhere_binds_the_next_policy_read_here() -> None:
    # Arrange: this process compiled the account's policy with no rule.
    store = InMemoryStore()
    cache = PolicyCache()
    before = await _policy(cache, store)

    # Act
    await _write(store, _hold("r-1"))
    after = await _policy(cache, store)

    # Assert
    assert _rule_ids(before) == set()
    assert _rule_ids(after) == {"r-1"}


async def test_an_unchanged_revision_reuses_the_compiled_policy() -> None:
    # Arrange
    store = InMemoryStore()
    await _write(store, _hold("r-1"))
    cache = PolicyCache()

    # Act
    first = await _policy(cache, store)
    second = await _policy(cache, store)

    # Assert
    assert first is second
    assert cache.compilations == 1


async def test_a_compilation_that_raced_an_invalidation_is_not_kept() -> None:
    # Arrange: the rules are being read (a slow store) when a rule write invalidates the cache.
    store = InMemoryStore()
    cache = PolicyCache()
    reading, go_on = asyncio.Event(), asyncio.Event()

    class SlowUnitOfWork(InMemoryUnitOfWork):
        async def __aenter__(self) -> SlowUnitOfWork:
            await super().__aenter__()
            listing = self.risk_rules.list

            async def slow_list(owner_id: str | None = None) -> list[RiskRule]:
                found = await listing(owner_id)
                reading.set()
                await go_on.wait()
                return found

            self.risk_rules.list = slow_list  # type: ignore[method-assign]
            return self

    async def decide() -> Policy:
        async with SlowUnitOfWork(store) as uow:
            return await cache.policy_for(uow, account(), revision=0)

    # Act: the rule lands and invalidates while the old rules are in hand.
    deciding = asyncio.create_task(decide())
    await reading.wait()
    store.risk_rules["r-1"] = _hold("r-1")  # as committed, its revision not yet read here
    cache.invalidate(local=True)
    go_on.set()
    raced = await deciding
    async with InMemoryUnitOfWork(store) as uow:
        next_read = await cache.policy_for(uow, account(), revision=0)

    # Assert: the raced compilation served its own batch only; the next read compiled anew.
    assert _rule_ids(raced) == set()
    assert _rule_ids(next_read) == {"r-1"}
