"""InsiderTransactionsPort: Form 4-shaped insider transactions (SEC Form 4, Table I).

The file adapter (adapters/marketfiles/insiders.py) reads CSV rows with the Form 4 Table I
fields; domain/analytics/insiders.py defines a row and what counts as buying.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date
from typing import Protocol

from domain.analytics.insiders import InsiderTransaction


class InsiderTransactionsPort(Protocol):
    """`transactions(start, end, symbols)`: the rows with start <= transaction date <= end,
    of `symbols` (None: every symbol), in (transaction date, symbol) order;
    DataSourceUnavailable (ports/markets/data_files.py) when the data cannot be read. `name`:
    "file"."""

    name: str

    async def transactions(
        self, start: date, end: date, symbols: Collection[str] | None = None
    ) -> list[InsiderTransaction]: ...
