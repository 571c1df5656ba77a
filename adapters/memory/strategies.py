"""In-process strategy stores: strategies, their decision log and their holdings.

Strategies are copied in and out (a caller's edits of a loaded strategy change nothing stored
until `update`), as the SQL adapter's rows would.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from domain.errors import ConcurrentUpdate
from domain.strategies.definition import Strategy, StrategyMode
from ports.strategies.strategies import Decision, DecisionCursor, StrategyHolding, Verdict


def _copy(strategy: Strategy) -> Strategy:
    return dataclasses.replace(strategy)


class InMemoryStrategyRepository:
    """A StrategyRepository held in a dict keyed by strategy id (insertion order = age)."""

    def __init__(self) -> None:
        self._strategies: dict[str, Strategy] = {}

    async def get(self, strategy_id: str) -> Strategy | None:
        found = self._strategies.get(strategy_id)
        return None if found is None else _copy(found)

    async def add(self, strategy: Strategy) -> None:
        if strategy.id in self._strategies:
            raise ConcurrentUpdate(f"strategy {strategy.id} exists already")
        self._strategies[strategy.id] = _copy(strategy)

    async def update(self, strategy: Strategy) -> Strategy:
        stored = self._strategies.get(strategy.id)
        if stored is None or stored.version != strategy.version:
            raise ConcurrentUpdate(f"strategy {strategy.id} was changed since it was read")
        updated = dataclasses.replace(strategy, version=strategy.version + 1)
        self._strategies[strategy.id] = updated
        return _copy(updated)

    async def list_by_owner(self, owner_id: str) -> list[Strategy]:
        return [_copy(s) for s in list(self._strategies.values()) if s.owner_id == owner_id]

    async def list_active(self) -> list[Strategy]:
        return [_copy(s) for s in list(self._strategies.values()) if s.mode is not StrategyMode.OFF]


class InMemoryDecisionLog:
    """A DecisionLog in a dict keyed by decision id, unique by (trigger, strategy, account)."""

    def __init__(self) -> None:
        self._decisions: dict[str, Decision] = {}
        self._keys: set[tuple[str, str, str]] = set()

    async def claim(self, decision: Decision) -> bool:
        key = (decision.trigger, decision.strategy_id, decision.account_id)
        if key in self._keys or decision.id in self._decisions:
            return False
        self._keys.add(key)
        self._decisions[decision.id] = decision
        return True

    async def complete(
        self,
        decision_id: str,
        verdict: Verdict,
        reasons: tuple[str, ...] = (),
        order_id: str | None = None,
    ) -> None:
        stored = self._decisions.get(decision_id)
        if stored is None:
            return
        self._decisions[decision_id] = dataclasses.replace(
            stored, verdict=verdict, verdict_reasons=tuple(reasons), order_id=order_id
        )

    async def get(self, decision_id: str) -> Decision | None:
        return self._decisions.get(decision_id)

    async def page(
        self, strategy_id: str, after: DecisionCursor | None = None, limit: int = 50
    ) -> list[Decision]:
        found = [
            d
            for d in list(self._decisions.values())
            if d.strategy_id == strategy_id
            and (after is None or (d.decided_at, d.id) < (after.decided_at, after.decision_id))
        ]
        found.sort(key=lambda d: (d.decided_at, d.id), reverse=True)
        return found[: max(limit, 0)]


class InMemoryHoldingRepository:
    """A HoldingRepository in a dict keyed by (strategy_id, account_id, symbol)."""

    def __init__(self) -> None:
        self._holdings: dict[tuple[str, str, str], StrategyHolding] = {}

    async def get(self, strategy_id: str, account_id: str, symbol: str) -> StrategyHolding | None:
        return self._holdings.get((strategy_id, account_id, symbol))

    async def put(self, holding: StrategyHolding) -> None:
        self._holdings[(holding.strategy_id, holding.account_id, holding.symbol)] = holding

    async def remove(self, strategy_id: str, account_id: str, symbol: str) -> None:
        self._holdings.pop((strategy_id, account_id, symbol), None)

    async def for_symbol(self, symbol: str) -> list[StrategyHolding]:
        return _by_key(h for h in list(self._holdings.values()) if h.symbol == symbol)

    async def for_strategy(self, strategy_id: str) -> list[StrategyHolding]:
        return _by_key(h for h in list(self._holdings.values()) if h.strategy_id == strategy_id)

    async def symbols(self) -> list[str]:
        return sorted({h.symbol for h in list(self._holdings.values())})


def _by_key(holdings: Iterable[StrategyHolding]) -> list[StrategyHolding]:
    return sorted(holdings, key=lambda h: (h.strategy_id, h.account_id, h.symbol))
