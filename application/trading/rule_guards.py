"""What other contexts check before a risk rule is changed or deleted.

The trading context cannot know them (they are above it): live trading refuses a change that
would leave a live-enabled account without one of its required limits
(application/live_trading/limits.py). Each adds its guard to the `RuleGuards` the rule use
cases hold (bootstrap/containers/<context>.py: `prepare`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from domain.principals import Principal
from domain.risk.rules import RiskRule
from ports.core.unit_of_work import UnitOfWork


class RuleGuard(Protocol):
    """A check another context adds before a rule write commits."""

    async def check(
        self, uow: UnitOfWork, principal: Principal, before: RiskRule, after: RiskRule | None
    ) -> None:
        """Raise a DomainError to refuse changing `before` into `after` (None: deleting it);
        `uow` is the write's own, not committed yet (its rules are still the stored ones)."""
        ...


class RuleGuards:
    """Where other contexts add their guards, each built on first use (after the
    composition's overrides); every one is asked, in the order they were added."""

    def __init__(self) -> None:
        self._factories: list[Callable[[], RuleGuard]] = []
        self._built: tuple[RuleGuard, ...] | None = None

    def add(self, factory: Callable[[], RuleGuard]) -> None:
        self._factories.append(factory)
        self._built = None

    async def check(
        self, uow: UnitOfWork, principal: Principal, before: RiskRule, after: RiskRule | None
    ) -> None:
        if self._built is None:
            self._built = tuple(factory() for factory in self._factories)
        for guard in self._built:
            await guard.check(uow, principal, before, after)
