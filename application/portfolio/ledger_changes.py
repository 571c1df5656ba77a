"""Who hears that a portfolio's ledger changed, in this process: the ledger's write paths
(a transaction booked, an import, a fill booked, an account added) call `changed(portfolio_id)`
after the write is committed; readers that cache (application/portfolio/portfolio_risk.py)
subscribe. A listener's error is not the writer's: it is logged and the others still run."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field

_log = logging.getLogger(__name__)


@dataclass(eq=False)
class LedgerChanges:
    listeners: list[Callable[[str], None]] = field(default_factory=list)

    def subscribe(self, listener: Callable[[str], None]) -> None:
        self.listeners.append(listener)

    def changed(self, portfolio_id: str) -> None:
        for listener in self.listeners:
            try:
                listener(portfolio_id)
            except Exception:
                _log.exception("a ledger change listener failed for %s", portfolio_id)
