"""Compiled risk policies per account, and each account's order-flow memory."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
from dataclasses import dataclass, field
from typing import Any

from application.trading.trading_state_cache import Ticket, TradingStateCache
from domain.calendars.clock import TradingCalendar
from domain.risk.flow import OrderFlow
from domain.risk.gate import Policy, compile_policy
from domain.trading.accounts import Account
from ports.core.unit_of_work import UnitOfWork


@dataclass(eq=False)
class PolicyCache:
    """Compiles an account's active rules once and reuses the policy until rules change.

    A rule is in force from the moment its write is acknowledged, for every process sharing
    the store (docs/pre-trade-gate.md, "When a rule is in force"):

    - Each batch of orders asks for the rules' stored revision (`revision`, once per batch
      through `SharedReads.rules_revision`) before any policy, and a revision not seen before
      drops every compiled policy.
    - On a SQL store the revision read is kept as the trading states are
      (application/trading/trading_state_cache.py): at most their bound old, counted from
      before the unit of work that read it began, and only while the invalidation channel is
      live. A rule write is acknowledged only once that bound has passed since its commit
      (RiskService), so every process's next batch reads the new revision.
    - `invalidate()` (the rule use cases on every create, update and delete; across instances
      the fan-out adapter) drops the policies and the kept revision at once, and a compilation
      or a revision read that began before an invalidation is used for its own batch but not
      kept (a generation count).
    """

    # The venues' sessions the trading-hours control honours (docs/calendars.md).
    calendar: TradingCalendar | None = None
    _policies: dict[str, Policy] = field(init=False, default_factory=dict)
    _flows: dict[str, OrderFlow] = field(init=False, default_factory=dict)
    compilations: int = field(init=False, default=0)
    # Told (fire and forget) when rules changed here, so other instances drop theirs.
    on_change: Callable[[], Coroutine[Any, Any, None]] | None = field(init=False, default=None)
    _pending: set[asyncio.Task[None]] = field(init=False, default_factory=set)
    _revision: int | None = field(init=False, default=None)
    _revision_at: float | None = field(init=False, default=None)  # its ticket's time
    _generation: int = field(init=False, default=0)

    @property
    def generation(self) -> int:
        """Moves at every invalidation: taken before a read, it says whether one came between."""
        return self._generation

    async def revision(
        self,
        uow: UnitOfWork,
        generation: int,
        states: TradingStateCache | None = None,
        ticket: Ticket | None = None,
    ) -> int:
        """The rules' revision a batch decides on: the one read last when it is still fresh by
        `states`' bound (read before the batch's unit of work began: `ticket`), else the store's.
        `generation`: `self.generation` taken before the unit of work began."""
        kept, at = self._revision, self._revision_at
        if kept is not None and at is not None and states is not None and states.fresh(at):
            return kept
        revision = await uow.risk_rules.revision()
        if ticket is not None and generation == self._generation:
            self._revision_at = ticket.at
        return revision

    async def policy_for(
        self, uow: UnitOfWork, account: Account, revision: int | None = None
    ) -> Policy:
        """The account's policy as of the rules' stored `revision` (read here when not given:
        it must be read in `uow` before the rules are)."""
        if revision is None:
            revision = await uow.risk_rules.revision()
        if revision != self._revision:
            self._policies.clear()
            self._revision = revision
        policy = self._policies.get(account.id)
        if policy is None:
            generation = self._generation
            rules = await uow.risk_rules.list()
            policy = compile_policy(account.id, account.owner_id, rules, calendar=self.calendar)
            if generation == self._generation:  # no change heard while the rules were read
                self._policies[account.id] = policy
            self.compilations += 1
        return policy

    def flow_for(self, account_id: str) -> OrderFlow:
        flow = self._flows.get(account_id)
        if flow is None:
            flow = self._flows[account_id] = OrderFlow()
        return flow

    def invalidate(self, account_id: str | None = None, *, local: bool = False) -> None:
        self._generation += 1
        self._revision_at = None  # the next batch reads the revision from the store
        if account_id is None:
            self._policies.clear()
        else:
            self._policies.pop(account_id, None)
        if not local and self.on_change is not None:
            task = asyncio.get_running_loop().create_task(self.on_change())
            self._pending.add(task)
            task.add_done_callback(self._pending.discard)
