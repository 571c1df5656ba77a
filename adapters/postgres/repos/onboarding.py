"""Invitations and password-reset tokens (SQL): using one is a conditional UPDATE."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Table, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from adapters.postgres.repos.base import RecordRepo, upsert
from adapters.postgres.rows import record
from adapters.postgres.tables.onboarding import invitations, password_reset_tokens
from domain.errors import ConcurrentUpdate
from domain.identity.onboarding import Invitation, PasswordResetToken
from domain.principals import Role


async def _write_once(
    conn: AsyncConnection,
    table: Table,
    before: dict[str, Any] | None,
    after: dict[str, Any],
    spent: tuple[str, ...],
) -> None:
    """Insert, or update only while the row's `spent` columns are as this copy loaded them:
    of two units of work that spend one token, the second's commit raises ConcurrentUpdate."""
    if before is None:
        await upsert(conn, table, after, ("id",))
        return
    where = [table.c.id == after["id"]]
    for name in spent:
        column = table.c[name]
        where.append(column.is_(None) if before[name] is None else column == before[name])
    values = {k: v for k, v in after.items() if k != "id"}
    result = await conn.execute(update(table).where(*where).values(values))
    if result.rowcount != 1:
        raise ConcurrentUpdate(f"{table.name} {after['id']} was used concurrently")


class InvitationRepo(RecordRepo[Invitation]):
    """Invitations by id, newest first; using or revoking one is conditional (see port)."""

    kind = "invitation"
    table = invitations
    record_type = Invitation

    def from_row(self, r: Any) -> Invitation:
        return record(Invitation, r, role=Role(r.role))

    async def write(self, conn: AsyncConnection, obj: Any, before: Any, after: Any) -> None:
        await _write_once(conn, invitations, before, after, ("used_at", "revoked_at"))

    async def get(self, invitation_id: str) -> Invitation | None:
        return await self._one(invitations.c.id == invitation_id)

    async def list(self) -> list[Invitation]:
        statement = select(invitations).order_by(
            invitations.c.created_at.desc(), invitations.c.id.desc()
        )
        return await self._many(statement)


class PasswordResetRepo(RecordRepo[PasswordResetToken]):
    """Password-reset tokens by id and by user; using one is conditional (see port)."""

    kind = "password_reset"
    table = password_reset_tokens
    record_type = PasswordResetToken

    async def write(self, conn: AsyncConnection, obj: Any, before: Any, after: Any) -> None:
        spent = ("used_at", "invalidated_at")
        await _write_once(conn, password_reset_tokens, before, after, spent)

    async def get(self, token_id: str) -> PasswordResetToken | None:
        return await self._one(password_reset_tokens.c.id == token_id)

    async def by_user(self, user_id: str) -> list[PasswordResetToken]:
        table = password_reset_tokens
        statement = (
            select(table).where(table.c.user_id == user_id).order_by(table.c.created_at, table.c.id)
        )
        return await self._many(statement)
