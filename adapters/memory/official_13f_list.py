"""The Official List of Section 13(f) Securities in a dict (the embedded store's and the unit
tests')."""

from __future__ import annotations

from collections.abc import Collection, Sequence

from domain.analytics.compliance.official_13f_list import ListedSecurity
from ports.markets.official_13f_list import ListImport


class InMemoryOfficial13FList:
    """An Official13FListStore: the lines by CUSIP and the import's summary."""

    def __init__(self) -> None:
        self._entries: dict[str, ListedSecurity] = {}
        self._info: ListImport | None = None

    async def replace(self, info: ListImport, entries: Sequence[ListedSecurity]) -> None:
        self._entries = {e.cusip: e for e in entries}
        self._info = info

    async def lookup(self, cusips: Collection[str]) -> dict[str, ListedSecurity]:
        return {c: self._entries[c] for c in cusips if c in self._entries}

    async def current(self) -> ListImport | None:
        return self._info
