"""Importing the SEC's Official List of Section 13(f) Securities (docs/13f.md): an admin brings
the quarter's text file (13flistYYYYqN.txt); it replaces the stored list, which the 13F use case
joins to instruments through their CUSIP. Recorded in the audit log.
"""

from __future__ import annotations

from dataclasses import dataclass

from domain.analytics.compliance.official_13f_list import parse_official_list
from domain.errors import Forbidden
from domain.principals import Principal, Role
from ports.core.clock import Clock
from ports.core.events import AuditEntry, AuditLog
from ports.markets.official_13f_list import ListImport, Official13FListStore


@dataclass(frozen=True, slots=True)
class ListImported:
    info: ListImport
    skipped_lines: tuple[int, ...]  # lines whose CUSIP check digit failed, or with no class


@dataclass(eq=False)
class Official13FListService:
    store: Official13FListStore
    clock: Clock
    audit: AuditLog

    async def import_text(
        self, principal: Principal, text: str, name: str = "", period: str | None = None
    ) -> ListImported:
        """Parses `text` (the file called `name`; `period` overrides the quarter it names) and
        makes it the stored list: 403 for anyone but an admin, 422 INVALID_13F_LIST."""
        if principal.role is not Role.ADMIN:
            raise Forbidden("only an admin may import the Official List of 13(f) Securities")
        parsed = parse_official_list(text, name, period)
        info = ListImport(
            parsed.period, parsed.list_date, self.clock.now(), len(parsed.entries),
            parsed.deleted,
        )  # fmt: skip
        await self.store.replace(info, parsed.entries)
        details = {"period": info.period, "entries": info.entries, "deleted": info.deleted}
        entry = AuditEntry(
            principal.id, "sec13f.list.import", "sec13f-list", "done", info.imported_at, details
        )
        await self.audit.record(entry)
        return ListImported(info, parsed.skipped_lines)

    async def current(self) -> ListImport | None:
        return await self.store.current()
