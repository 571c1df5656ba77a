"""Leases on PostgreSQL: session-level advisory locks on one dedicated connection.

Why advisory locks rather than a `leases` table: the lock belongs to the session, so a
process that dies (or whose connection drops) frees its leases at once, server-side, with
no expiry to wait out and no clock to trust between hosts; nothing is written, no migration
is needed, and a lock cannot outlive its holder by a bug in the holder's bookkeeping.

The port's TTL is honoured by the server too: every acquire and renew sets the session's
`idle_session_timeout` to the TTL, so a holder that stops renewing (a hung event loop, a
stopped process whose socket stays open) is disconnected by PostgreSQL after the TTL, which
frees its locks. (PostgreSQL 14 or later; behind PgBouncer the URL must reach the server in
session mode, never transaction pooling, or the lock would land on someone else's session.)

One connection serves every lease of this object (one per process): the lock key is a
64-bit hash of the lease's name. Holders within the process are told apart here: a name held
by one holder is refused to the others, as the server would refuse another session.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, create_async_engine
from sqlalchemy.pool import NullPool

from adapters.postgres.engine import normalize_url

_TRY = text(
    "SELECT got, set_config('idle_session_timeout', CASE WHEN got OR :holding THEN :ms "
    "ELSE '0' END, false) FROM (SELECT pg_try_advisory_lock(:key) AS got) AS tried"
)
_KEEP = text("SELECT set_config('idle_session_timeout', :ms, false)")
_UNLOCK = text(
    "SELECT pg_advisory_unlock(:key), set_config('idle_session_timeout', "
    "CASE WHEN :holding THEN :ms ELSE '0' END, false)"
)


def lock_key(name: str) -> int:
    """The advisory lock's key: a signed 64-bit hash of the lease's name."""
    digest = hashlib.blake2b(name.encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


def _ms(ttl_seconds: float) -> str:
    return str(max(1, round(ttl_seconds * 1000)))


class PostgresAdvisoryLeases:
    """The lease port over `pg_try_advisory_lock` on a connection of its own."""

    def __init__(self, url: str, *, timeout_seconds: float = 5.0) -> None:
        self._engine: AsyncEngine = create_async_engine(
            normalize_url(url),
            poolclass=NullPool,
            connect_args={
                "timeout": timeout_seconds,
                "command_timeout": timeout_seconds,
                "server_settings": {"application_name": "bulwark-leases"},
            },
        )
        self._conn: AsyncConnection | None = None
        self._held: dict[str, str] = {}
        self._ttl_ms = "0"
        self._lock = asyncio.Lock()  # one statement at a time on the one connection

    async def acquire(self, name: str, holder: str, ttl_seconds: float) -> bool:
        async with self._lock:
            current = self._held.get(name)
            if current is not None:
                return current == holder and await self._keep(ttl_seconds)
            conn = await self._connection()
            params = {"key": lock_key(name), "ms": _ms(ttl_seconds), "holding": bool(self._held)}
            try:
                got = bool((await conn.execute(_TRY, params)).scalar_one())
            except Exception:
                await self._drop()
                raise
            if got:
                self._held[name] = holder
                self._ttl_ms = _ms(ttl_seconds)
            return got

    async def renew(self, name: str, holder: str, ttl_seconds: float) -> bool:
        async with self._lock:
            return self._held.get(name) == holder and await self._keep(ttl_seconds)

    async def release(self, name: str, holder: str) -> None:
        async with self._lock:
            if self._held.get(name) != holder or self._conn is None:
                return
            del self._held[name]
            params = {"key": lock_key(name), "ms": self._ttl_ms, "holding": bool(self._held)}
            try:
                await self._conn.execute(_UNLOCK, params)
            except Exception:
                await self._drop()  # the session is gone, and its locks with it
                raise

    async def aclose(self) -> None:
        async with self._lock:
            await self._drop()  # closing the session frees every lock it holds
        await self._engine.dispose()

    async def _keep(self, ttl_seconds: float) -> bool:
        """One round trip on the session that holds the locks: it answers, so they are held."""
        if self._conn is None:
            return False
        try:
            await self._conn.execute(_KEEP, {"ms": _ms(ttl_seconds)})
        except Exception:
            await self._drop()  # the server dropped the session: every lease here is lost
            return False
        self._ttl_ms = _ms(ttl_seconds)
        return True

    async def _connection(self) -> AsyncConnection:
        if self._conn is None:
            conn = await self._engine.connect()
            self._conn = await conn.execution_options(isolation_level="AUTOCOMMIT")
        return self._conn

    async def _drop(self) -> None:
        conn, self._conn = self._conn, None
        self._held.clear()
        if conn is not None:
            with contextlib.suppress(Exception):
                await conn.invalidate()
            with contextlib.suppress(Exception):
                await conn.close()
