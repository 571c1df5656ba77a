"""The GivingStore on SQL (giving_donations, giving_daf_grants, giving_carryovers; migration
0023): one short transaction per call, every query filtered by its owner."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import and_, delete, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection

from adapters.postgres.rows import record, row_of
from adapters.postgres.stores import EngineStore
from adapters.postgres.tables.giving import giving_carryovers as carry_table
from adapters.postgres.tables.giving import giving_daf_grants as grants
from adapters.postgres.tables.giving import giving_donations as donations
from domain.analytics.giving.model import (
    Carryover,
    DafGrant,
    Donation,
    DonationKind,
    DoneeKind,
    LimitCategory,
)
from domain.errors import Conflict
from ports.portfolio.giving import OpeningCarryovers


def _donation(row: Any) -> Donation:
    return record(Donation, row, donee_kind=DoneeKind(row.donee_kind), kind=DonationKind(row.kind))


class SqlGivingStore(EngineStore):
    """A GivingStore on the giving tables (ports/portfolio/giving.py's contract)."""

    async def add_donation(self, donation: Donation) -> None:
        await self._write(lambda conn: self._add_donation(conn, donation))

    async def get_donation(self, owner_id: str, donation_id: str) -> Donation | None:
        where = and_(donations.c.owner_id == owner_id, donations.c.id == donation_id)
        found = await self._select(donations, where, None, None)
        return _donation(found[0]) if found else None

    async def list_donations(
        self,
        owner_id: str,
        *,
        year: int | None = None,
        after: tuple[date, str] | None = None,
        limit: int | None = None,
    ) -> list[Donation]:
        clauses = [donations.c.owner_id == owner_id]
        if year is not None:
            clauses.append(donations.c.donated_on >= date(year, 1, 1))
            clauses.append(donations.c.donated_on < date(year + 1, 1, 1))
        if after is not None:
            day, last_id = after
            clauses.append(
                or_(
                    donations.c.donated_on > day,
                    and_(donations.c.donated_on == day, donations.c.id > last_id),
                )
            )
        order = (donations.c.donated_on, donations.c.id)
        rows = await self._select(donations, and_(*clauses), order, limit)
        return [_donation(r) for r in rows]

    async def delete_donation(self, owner_id: str, donation_id: str) -> bool:
        where = and_(donations.c.owner_id == owner_id, donations.c.id == donation_id)
        return await self._delete(donations, where)

    async def add_grant(self, grant: DafGrant) -> None:
        await self._write(lambda conn: self._add_grant(conn, grant))

    async def get_grant(self, owner_id: str, grant_id: str) -> DafGrant | None:
        where = and_(grants.c.owner_id == owner_id, grants.c.id == grant_id)
        found = await self._select(grants, where, None, None)
        return record(DafGrant, found[0]) if found else None

    async def list_grants(self, owner_id: str, *, fund: str | None = None) -> list[DafGrant]:
        where = grants.c.owner_id == owner_id
        if fund is not None:
            where = and_(where, grants.c.fund == fund)
        order = (grants.c.granted_on, grants.c.id)
        rows = await self._select(grants, where, order, None)
        return [record(DafGrant, r) for r in rows]

    async def delete_grant(self, owner_id: str, grant_id: str) -> bool:
        where = and_(grants.c.owner_id == owner_id, grants.c.id == grant_id)
        return await self._delete(grants, where)

    async def get_carryovers(self, owner_id: str) -> OpeningCarryovers | None:
        where = carry_table.c.owner_id == owner_id
        order = (carry_table.c.origin_year, carry_table.c.category)
        rows = await self._select(carry_table, where, order, None)
        if not rows:
            return None
        items = tuple(Carryover(r.origin_year, LimitCategory(r.category), r.amount) for r in rows)
        return OpeningCarryovers(rows[0].into_year, items)

    async def put_carryovers(self, owner_id: str, opening: OpeningCarryovers | None) -> None:
        await self._write(lambda conn: self._put_carryovers(conn, owner_id, opening))

    async def _add_donation(self, conn: AsyncConnection, donation: Donation) -> None:
        try:
            await conn.execute(donations.insert(), row_of(donation, donations))
        except IntegrityError as exc:
            if "receipt" in str(exc.orig).lower():
                raise Conflict(f"receipt {donation.receipt} is taken", field="receipt") from exc
            raise Conflict(f"donation {donation.id!r} already exists", field="id") from exc

    async def _add_grant(self, conn: AsyncConnection, grant: DafGrant) -> None:
        try:
            await conn.execute(grants.insert(), row_of(grant, grants))
        except IntegrityError as exc:
            raise Conflict(f"grant {grant.id!r} already exists", field="id") from exc

    async def _put_carryovers(
        self, conn: AsyncConnection, owner_id: str, opening: OpeningCarryovers | None
    ) -> None:
        await conn.execute(delete(carry_table).where(carry_table.c.owner_id == owner_id))
        if opening is not None and opening.carryovers:
            await conn.execute(
                carry_table.insert(),
                [
                    {
                        "owner_id": owner_id,
                        "category": c.category.value,
                        "origin_year": c.origin_year,
                        "into_year": opening.into_year,
                        "amount": c.amount,
                    }
                    for c in opening.carryovers
                ],
            )

    async def _select(
        self, table: Any, where: Any, order: tuple[Any, ...] | None, limit: int | None
    ) -> list[Any]:
        query = select(table).where(where)
        if order is not None:
            query = query.order_by(*order)
        if limit is not None:
            query = query.limit(limit)
        return await self._read(query)

    async def _delete(self, table: Any, where: Any) -> bool:
        return await self._change(delete(table).where(where)) > 0
