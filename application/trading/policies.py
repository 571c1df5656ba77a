"""Compiled risk policies per account, and each account's order-flow memory."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
from dataclasses import dataclass, field
from typing import Any

from domain.calendars.clock import TradingCalendar
from domain.risk.flow import OrderFlow
from domain.risk.gate import Policy, compile_policy
from domain.trading.accounts import Account
from ports.core.unit_of_work import UnitOfWork


@dataclass(eq=False)
class PolicyCache:
    """Compiles an account's active rules once and reuses the policy until rules change.

    `invalidate()` is called by the rule use cases on every create, update and
    delete (and, across instances, by the fan-out adapter).
    """

    # The venues' sessions the trading-hours control honours (docs/calendars.md).
    calendar: TradingCalendar | None = None
    _policies: dict[str, Policy] = field(init=False, default_factory=dict)
    _flows: dict[str, OrderFlow] = field(init=False, default_factory=dict)
    compilations: int = field(init=False, default=0)
    # Told (fire and forget) when rules changed here, so other instances drop theirs.
    on_change: Callable[[], Coroutine[Any, Any, None]] | None = field(init=False, default=None)
    _pending: set[asyncio.Task[None]] = field(init=False, default_factory=set)

    async def policy_for(self, uow: UnitOfWork, account: Account) -> Policy:
        policy = self._policies.get(account.id)
        if policy is None:
            rules = await uow.risk_rules.list()
            policy = compile_policy(account.id, account.owner_id, rules, calendar=self.calendar)
            self._policies[account.id] = policy
            self.compilations += 1
        return policy

    def flow_for(self, account_id: str) -> OrderFlow:
        flow = self._flows.get(account_id)
        if flow is None:
            flow = self._flows[account_id] = OrderFlow()
        return flow

    def invalidate(self, account_id: str | None = None, *, local: bool = False) -> None:
        if account_id is None:
            self._policies.clear()
        else:
            self._policies.pop(account_id, None)
        if not local and self.on_change is not None:
            task = asyncio.get_running_loop().create_task(self.on_change())
            self._pending.add(task)
            task.add_done_callback(self._pending.discard)
