"""The execution throttle's stop for a strategy: the kill switch has no strategy scope, so a
strategy that kept breaching its ORDER_RATE rule is turned off here (application/safety/
execution_throttle.py). Its owner turns it on again as any strategy (live mode: with their
passcode)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from application.core.retry import retry_on_conflict
from application.safety.execution_throttle import StoppedStrategy
from domain.strategies.definition import StrategyMode
from ports.strategies.strategies import StrategyRepository


@dataclass(eq=False)
class StrategyThrottleStop:
    """Sets a strategy's mode to off (read again on a lost race); one already off is left."""

    strategies: StrategyRepository

    async def stop(self, strategy_id: str, reason: str, at: datetime) -> StoppedStrategy | None:
        async def once() -> StoppedStrategy | None:
            strategy = await self.strategies.get(strategy_id)
            if strategy is None:
                return None
            if strategy.mode is StrategyMode.OFF:
                return StoppedStrategy(strategy.owner_id, already_off=True)
            await self.strategies.update(replace(strategy, mode=StrategyMode.OFF, updated_at=at))
            return StoppedStrategy(strategy.owner_id)

        return await retry_on_conflict(once)
