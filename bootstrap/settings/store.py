"""The store (its database and pool) and Redis."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, ClassVar, Final

import msgspec

from bootstrap.settings.base import Seconds, Section

DEFAULT_DATABASE_URL: Final = "sqlite+aiosqlite:///var/bulwark.db"
_DATABASE_URL = r"^(memory://$|sqlite\+aiosqlite:///.+|postgresql\+asyncpg://.+)"
_REDIS_URL = r"^(redis|rediss|unix)://.+"


class StoreSettings(Section, frozen=True, kw_only=True):
    """The store: its database URL and pool (in memory: its retention)."""

    env_prefix: ClassVar[str] = "db_"
    env_names: ClassVar[Mapping[str, str]] = {
        "database_url": "database_url",
        "memory_max_orders": "memory_max_orders",
    }

    database_url: Annotated[str, msgspec.Meta(pattern=_DATABASE_URL)] = DEFAULT_DATABASE_URL
    pool_size: Annotated[int, msgspec.Meta(ge=1, le=1000)] = 10
    max_overflow: Annotated[int, msgspec.Meta(ge=0, le=1000)] = 10
    pool_timeout_seconds: Seconds = 5.0
    statement_timeout_ms: Annotated[int, msgspec.Meta(ge=100, le=3_600_000)] = 10_000
    # The background jobs' leases are PostgreSQL session locks (bootstrap/job_leases.py): with
    # PgBouncer in transaction pooling in front, this URL must reach PostgreSQL in session
    # mode (directly, or a session-mode pool). Unset: the database URL.
    lease_url: Annotated[str, msgspec.Meta(pattern=r"^postgresql\+asyncpg://.+")] | None = None
    # The in-memory store (BULWARK_STORE=memory) keeps at most this many orders, fills and
    # command ids: the oldest finished ones go first (adapters/memory/retention.py).
    memory_max_orders: Annotated[int, msgspec.Meta(ge=100, le=100_000_000)] = 50_000


class RedisSettings(Section, frozen=True, kw_only=True):
    """Redis, shared by the processes of one deployment (rate limits, fan-out, quote cache)."""

    env_prefix: ClassVar[str] = "redis_"
    env_names: ClassVar[Mapping[str, str]] = {
        "quote_cache_ttl_seconds": "quote_cache_ttl_seconds",
    }

    url: Annotated[str, msgspec.Meta(pattern=_REDIS_URL)] | None = None
    quote_cache_ttl_seconds: Seconds = 1.0
