"""Users, login throttles, refresh and revoked tokens and families, API keys, workspaces (SQL)."""

from __future__ import annotations

import copy
from collections.abc import Callable, Hashable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import ColumnElement, Table, bindparam, delete, func, select, union_all, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection

from adapters.postgres.repos.base import RecordRepo, SqlRepo, TrackedRepo, upsert
from adapters.postgres.rows import record, row_of
from adapters.postgres.sqlite_loop_reads import loop_read
from adapters.postgres.tables.identity import (
    api_keys,
    login_throttles,
    refresh_tokens,
    revoked_token_families,
    revoked_tokens,
    user_workspaces,
    users,
)
from domain.errors import ConcurrentUpdate, Conflict
from domain.identity import ApiKey, LoginThrottle, RefreshToken, User, digest, normalize_username
from domain.identity.emails import normalize_email
from domain.identity.permissions import parse_permissions_text, permissions_text
from domain.principals import Role
from domain.workspaces import Workspace

# A user by id: keyed, read for every batch of orders (a loop read on SQLite)
_USER = loop_read(select(users).where(users.c.id == bindparam("b_id")))


class UserRepo(TrackedRepo[User]):
    """Users, unique by normalized username; in-place changes of a loaded user are saved."""

    kind = "user"
    table = users

    def to_row(self, u: User) -> dict[str, Any]:
        return row_of(
            u,
            users,
            username_normalized=normalize_username(u.username),
            # Copies: the snapshot must not change when the user's lists change in place.
            backup_code_digests=list(u.backup_code_digests),
            pending_backup_code_digests=list(u.pending_backup_code_digests),
        )

    def from_row(self, r: Any) -> User:
        return record(
            User,
            r,
            role=Role(r.role),
            backup_code_digests=list(r.backup_code_digests),
            pending_backup_code_digests=list(r.pending_backup_code_digests),
        )

    async def write(self, conn: AsyncConnection, obj: Any, before: Any, after: Any) -> None:
        try:
            if before is None:
                await upsert(conn, users, after, self.keys)
            else:
                await _update_user(conn, before, after)
        except IntegrityError as exc:
            # The unique constraints besides the key (which upsert handles): name and email.
            raise Conflict(f"username {obj.username} or its email is taken") from exc

    async def get(self, user_id: str) -> User | None:
        row = (await self._uow.execute(_USER, {"b_id": user_id})).first()
        return None if row is None else self._load(row)

    async def by_username(self, username: str) -> User | None:
        return await self._one(users.c.username_normalized == normalize_username(username))

    async def by_email(self, email: str) -> User | None:
        return await self._one(users.c.email == normalize_email(email))

    async def list(self) -> list[User]:
        rows = (await self._uow.execute(select(users))).all()
        # Sorted here, not by ORDER BY: the database's collation may not order as Python does.
        return sorted((self._load(r) for r in rows), key=lambda u: u.username)


class LoginThrottleRepo(TrackedRepo[LoginThrottle]):
    """Failed-login counters keyed by the digest of their key (a username's or a client's)."""

    kind = "login_throttle"
    table = login_throttles
    keys = ("key_digest",)

    def key_of(self, obj: Any) -> Hashable:
        return (digest(obj.key),)

    def to_row(self, t: LoginThrottle) -> dict[str, Any]:
        return {
            "key_digest": digest(t.key),
            "key": t.key,
            "failures": [_iso(at) for at in t.failures],
        }

    def from_row(self, r: Any) -> LoginThrottle:
        return LoginThrottle(key=r.key, failures=[datetime.fromisoformat(at) for at in r.failures])

    async def get(self, key: str) -> LoginThrottle | None:
        return await self._one(login_throttles.c.key_digest == digest(key))


class RefreshTokenRepo(RecordRepo[RefreshToken]):
    """Refresh tokens by id, family and user; rotations and revocations are saved at commit."""

    kind = "refresh_token"
    table = refresh_tokens
    record_type = RefreshToken

    async def get(self, token_id: str) -> RefreshToken | None:
        found = await self._where(refresh_tokens.c.id == token_id)
        return found[0] if found else None

    async def by_family(self, family_id: str) -> list[RefreshToken]:
        return await self._where(refresh_tokens.c.family_id == family_id)

    async def by_user(self, user_id: str) -> list[RefreshToken]:
        return await self._where(refresh_tokens.c.user_id == user_id)

    async def _where(self, where: ColumnElement[bool]) -> list[RefreshToken]:
        statement = (
            select(refresh_tokens)
            .where(where)
            .order_by(refresh_tokens.c.issued_at, refresh_tokens.c.id)
        )
        return await self._many(statement)


class RevokedTokenRepo(SqlRepo):
    """Revoked access-token ids and token families until they expire; adds and purges are
    applied at commit."""

    async def add(self, jti: str, expires_at: datetime) -> None:
        row = {"jti": jti, "expires_at": expires_at}
        self._uow.stage(lambda conn: upsert(conn, revoked_tokens, row, ("jti",)))

    async def add_family(self, family_id: str, expires_at: datetime) -> None:
        row = {"family_id": family_id, "expires_at": expires_at}
        self._uow.stage(lambda conn: upsert(conn, revoked_token_families, row, ("family_id",)))

    async def is_revoked(self, jti: str, family_id: str | None = None) -> bool:
        by_id = select(revoked_tokens.c.jti.label("hit")).where(revoked_tokens.c.jti == jti)
        if family_id is None:
            return (await self._uow.execute(by_id)).first() is not None
        by_family = select(revoked_token_families.c.family_id.label("hit")).where(
            revoked_token_families.c.family_id == family_id
        )
        # One round trip for both: the token's own row or its family's.
        return (await self._uow.execute(union_all(by_id, by_family))).first() is not None

    async def purge(self, now: datetime) -> int:
        """Count the entries expired at `now` and stage their deletion.

        Writes wait for commit, so the count is of what was expired when purge was
        called (as the in-memory twin's); the staged DELETE uses the same condition,
        so entries that expired by `now` and were committed meanwhile go with them.
        """
        count = 0
        for table in (revoked_tokens, revoked_token_families):
            expired = table.c.expires_at <= now
            counted = select(func.count()).select_from(table).where(expired)
            found = int((await self._uow.execute(counted)).scalar_one())
            if found:
                self._uow.stage(_deleter(table, expired))
            count += found
        return count


class ApiKeyRepo(RecordRepo[ApiKey]):
    """API keys by id and by owner; revocations and last use are saved at commit."""

    kind = "api_key"
    table = api_keys
    record_type = ApiKey

    def to_row(self, key: ApiKey) -> dict[str, Any]:
        return row_of(key, api_keys, scopes=permissions_text(key.scopes))

    def from_row(self, row: Any) -> ApiKey:
        return record(ApiKey, row, scopes=parse_permissions_text(row.scopes))

    async def get(self, key_id: str) -> ApiKey | None:
        return await self._one(api_keys.c.id == key_id)

    async def list(self, owner_id: str | None = None) -> list[ApiKey]:
        statement = select(api_keys).order_by(api_keys.c.created_at, api_keys.c.id)
        if owner_id is not None:
            statement = statement.where(api_keys.c.owner_id == owner_id)
        return await self._many(statement)


class WorkspaceRepo(RecordRepo[Workspace]):
    """Saved workspaces (table user_workspaces); layout edits are saved at commit."""

    kind = "workspace"
    table = user_workspaces
    record_type = Workspace

    def to_row(self, w: Workspace) -> dict[str, Any]:
        # A deep copy, so an in-place edit of the layout differs from the snapshot.
        return row_of(w, user_workspaces, layout_json=copy.deepcopy(w.layout_json))

    async def get(self, workspace_id: str) -> Workspace | None:
        return await self._one(user_workspaces.c.id == workspace_id)

    async def list(self, user_id: str) -> list[Workspace]:
        statement = select(user_workspaces).where(user_workspaces.c.user_id == user_id)
        found = await self._many(statement)
        # Sorted here, not by ORDER BY: the database's collation may not order as Python does.
        return sorted(found, key=lambda w: (w.workspace_name, w.id))

    async def remove(self, workspace_id: str) -> None:
        statement = delete(user_workspaces).where(user_workspaces.c.id == workspace_id)
        self._uow.stage(lambda conn: conn.execute(statement))


def _deleter(table: Table, where: ColumnElement[bool]) -> Callable[[AsyncConnection], Any]:
    return lambda conn: conn.execute(delete(table).where(where))


async def _update_user(conn: AsyncConnection, before: Any, after: dict[str, Any]) -> None:
    """Save a loaded user. Its TOTP step only moves forward (RFC 6238 §5.2): a new step is
    written only over the one this copy was loaded with, so two logins with one code cannot
    both commit; a copy that did not change the step leaves the stored one alone, so a
    stale copy (a concurrent password change) cannot turn it back."""
    step = users.c.last_totp_step
    where = [users.c.id == after["id"]]
    new_step = after["last_totp_step"] != before["last_totp_step"]
    if new_step:
        previous = before["last_totp_step"]
        where.append(step.is_(None) if previous is None else step == previous)
    # Only the columns this copy changed: a stale copy must not turn back another writer's
    # change (key rotation re-wrapping the TOTP secret while a password changes).
    values = {k: v for k, v in after.items() if k != "id" and v != before.get(k)}
    if not values:
        return
    result = await conn.execute(update(users).where(*where).values(values))
    if new_step and result.rowcount != 1:
        raise ConcurrentUpdate(f"user {after['id']} used a one-time code in a concurrent login")


def _iso(at: datetime) -> str:
    if at.tzinfo is None:
        raise ValueError("naive datetime: Bulwark stores timezone-aware UTC timestamps")
    return at.astimezone(UTC).isoformat()
