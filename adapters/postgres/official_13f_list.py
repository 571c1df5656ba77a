"""The Official List of Section 13(f) Securities on the `sec13f_list` and `sec13f_list_import`
tables (migration 0058): `replace` in one transaction, look-ups in chunks."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncConnection

from adapters.postgres.stores import EngineStore
from adapters.postgres.tables.sec13f import sec13f_list, sec13f_list_import
from domain.analytics.compliance.official_13f_list import ListedSecurity, ListStatus
from ports.markets.official_13f_list import ListImport

CHUNK = 500  # rows per INSERT and CUSIPs per IN (SQLite's bound parameters)


class SqlOfficial13FList(EngineStore):
    """An Official13FListStore on SQL."""

    async def replace(self, info: ListImport, entries: Sequence[ListedSecurity]) -> None:
        rows = [
            {"cusip": e.cusip, "issuer_name": e.issuer_name, "title_of_class": e.title_of_class,
             "is_option": e.is_option, "status": e.status.value}
            for e in entries
        ]  # fmt: skip
        summary = {"id": 1, "period": info.period, "list_date": info.list_date,
                   "imported_at": info.imported_at, "entries": info.entries,
                   "deleted": info.deleted}  # fmt: skip

        async def work(conn: AsyncConnection) -> None:
            await conn.execute(delete(sec13f_list))
            await conn.execute(delete(sec13f_list_import))
            for start in range(0, len(rows), CHUNK):
                await conn.execute(sec13f_list.insert(), rows[start : start + CHUNK])
            await conn.execute(sec13f_list_import.insert().values(summary))

        await self._write(work)

    async def lookup(self, cusips: Collection[str]) -> dict[str, ListedSecurity]:
        wanted = sorted(set(cusips))
        found: dict[str, ListedSecurity] = {}
        for start in range(0, len(wanted), CHUNK):
            chunk = wanted[start : start + CHUNK]
            rows = await self._read(select(sec13f_list).where(sec13f_list.c.cusip.in_(chunk)))
            found.update((row.cusip, _entry(row)) for row in rows)
        return found

    async def current(self) -> ListImport | None:
        return await self._read_one(
            select(sec13f_list_import).where(sec13f_list_import.c.id == 1),
            lambda row: ListImport(
                row.period, row.list_date, row.imported_at, row.entries, row.deleted
            ),
        )


def _entry(row: Any) -> ListedSecurity:
    return ListedSecurity(
        row.cusip, row.issuer_name, row.title_of_class, bool(row.is_option),
        ListStatus(row.status),
    )  # fmt: skip
