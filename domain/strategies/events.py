"""What the strategy processor tells the rest of the system about a strategy's run."""

from __future__ import annotations

from dataclasses import dataclass

from domain.events import DomainEvent

MAX_ERROR = 300


@dataclass(frozen=True, slots=True)
class StrategyFailed(DomainEvent):
    """A strategy raised while deciding on a signal for an account; the processor keeps
    running (the next signal is decided as usual). `error` is the exception's type and
    message, cut to MAX_ERROR characters."""

    strategy_id: str
    owner_id: str
    account_id: str
    signal_id: str
    error: str
    at: str  # ISO time of the failure
