"""The stored Official List of Section 13(f) Securities: the last list imported (by CUSIP) and
which quarter it is. The 13F use case joins a portfolio's instruments to it through their CUSIP
(application/markets/form13f.py).

Stores: memory (adapters/memory/official_13f_list.py) and SQL (adapters/postgres/
official_13f_list.py, tables sec13f_list and sec13f_list_import, migration 0058).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Protocol

from domain.analytics.compliance.official_13f_list import ListedSecurity


@dataclass(frozen=True, slots=True)
class ListImport:
    """The stored list's quarter ("2025 Q1"), its Run Date, when it was imported, its lines
    and how many of them are DELETED."""

    period: str
    list_date: date | None
    imported_at: datetime
    entries: int
    deleted: int


class Official13FListStore(Protocol):
    """- `replace(info, entries)`: the list becomes `entries` (the previous one is gone), in one
      transaction.
    - `lookup(cusips)`: the stored lines of those CUSIPs (others are absent).
    - `current()`: the stored list's ListImport, None before any import.
    """

    async def replace(self, info: ListImport, entries: Sequence[ListedSecurity]) -> None: ...

    async def lookup(self, cusips: Collection[str]) -> dict[str, ListedSecurity]: ...

    async def current(self) -> ListImport | None: ...
