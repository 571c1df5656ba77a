"""The SQL unit of work: an identity map with change tracking, staged writes and the outbox.

Reads run at once. Writes wait for `commit()`, which applies them in one transaction:
first every tracked aggregate whose row image changed since it was loaded (in the order
they were first seen), then the staged statements (appends, deletes), then the domain
events those aggregates recorded, into the outbox. So, as with the in-memory twin,
nothing added is visible before commit and leaving without commit keeps nothing.
Connection failures surface as domain.errors.StoreUnavailable.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Hashable
from dataclasses import dataclass
from functools import cached_property
from types import TracebackType
from typing import TYPE_CHECKING, Any, Protocol, Self

from sqlalchemy import Executable, Result, Table
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from adapters.postgres.engine import guarded, single_writer
from adapters.postgres.outbox import OutboxWriter
from adapters.postgres.repos.base import insert_ignore_many
from domain.errors import ConcurrentUpdate, StoreUnavailable
from domain.events import DomainEvent

if TYPE_CHECKING:
    from adapters.postgres.repos.control import (
        AgentRepo,
        KillSwitchEventRepo,
        LockoutRepo,
        PasscodeRepo,
        RiskRuleRepo,
        SuccessionRepo,
        TradingStateRepo,
    )
    from adapters.postgres.repos.identity import (
        ApiKeyRepo,
        LoginThrottleRepo,
        RefreshTokenRepo,
        RevokedTokenRepo,
        UserRepo,
        WorkspaceRepo,
    )
    from adapters.postgres.repos.trading import (
        AccountRepo,
        FillRepo,
        InboxRepo,
        InstrumentRepo,
        OrderRepo,
    )

Op = Callable[[AsyncConnection], Awaitable[Any]]


class Tracker(Protocol):
    """How a repository saves one kind of tracked object."""

    def dump(self, obj: Any) -> Any:
        """A comparable image of the object's persisted state."""

    async def write(self, conn: AsyncConnection, obj: Any, before: Any, after: Any) -> None:
        """Persist `obj`: insert when `before` is None, else update what differs."""


@dataclass(slots=True)
class _Entry:
    obj: Any
    tracker: Tracker
    snapshot: Any


class SqlUnitOfWork:
    """A UnitOfWork over an AsyncEngine (see the module docstring for its semantics)."""

    def __init__(self, engine: AsyncEngine, outbox: OutboxWriter | None = None) -> None:
        self.engine = engine
        self._outbox = outbox or OutboxWriter()
        self._conn: AsyncConnection | None = None
        self._identity: dict[tuple[str, Hashable], _Entry] = {}
        self._staged: list[Op] = []
        self._inserts: dict[Table, list[dict[str, Any]]] = {}
        self.committed = False

    # -- repositories (built on first use) -------------------------------------
    @cached_property
    def accounts(self) -> AccountRepo:
        from adapters.postgres.repos.trading import AccountRepo

        return AccountRepo(self)

    @cached_property
    def orders(self) -> OrderRepo:
        from adapters.postgres.repos.trading import OrderRepo

        return OrderRepo(self)

    @cached_property
    def fills(self) -> FillRepo:
        from adapters.postgres.repos.trading import FillRepo

        return FillRepo(self)

    @cached_property
    def inbox(self) -> InboxRepo:
        from adapters.postgres.repos.trading import InboxRepo

        return InboxRepo(self)

    @cached_property
    def instruments(self) -> InstrumentRepo:
        from adapters.postgres.repos.trading import InstrumentRepo

        return InstrumentRepo(self)

    @cached_property
    def risk_rules(self) -> RiskRuleRepo:
        from adapters.postgres.repos.control import RiskRuleRepo

        return RiskRuleRepo(self)

    @cached_property
    def trading_states(self) -> TradingStateRepo:
        from adapters.postgres.repos.control import TradingStateRepo

        return TradingStateRepo(self)

    @cached_property
    def kill_switch_events(self) -> KillSwitchEventRepo:
        from adapters.postgres.repos.control import KillSwitchEventRepo

        return KillSwitchEventRepo(self)

    @cached_property
    def lockouts(self) -> LockoutRepo:
        from adapters.postgres.repos.control import LockoutRepo

        return LockoutRepo(self)

    @cached_property
    def passcodes(self) -> PasscodeRepo:
        from adapters.postgres.repos.control import PasscodeRepo

        return PasscodeRepo(self)

    @cached_property
    def agents(self) -> AgentRepo:
        from adapters.postgres.repos.control import AgentRepo

        return AgentRepo(self)

    @cached_property
    def succession(self) -> SuccessionRepo:
        from adapters.postgres.repos.control import SuccessionRepo

        return SuccessionRepo(self)

    @cached_property
    def users(self) -> UserRepo:
        from adapters.postgres.repos.identity import UserRepo

        return UserRepo(self)

    @cached_property
    def login_throttles(self) -> LoginThrottleRepo:
        from adapters.postgres.repos.identity import LoginThrottleRepo

        return LoginThrottleRepo(self)

    @cached_property
    def refresh_tokens(self) -> RefreshTokenRepo:
        from adapters.postgres.repos.identity import RefreshTokenRepo

        return RefreshTokenRepo(self)

    @cached_property
    def revoked_tokens(self) -> RevokedTokenRepo:
        from adapters.postgres.repos.identity import RevokedTokenRepo

        return RevokedTokenRepo(self)

    @cached_property
    def api_keys(self) -> ApiKeyRepo:
        from adapters.postgres.repos.identity import ApiKeyRepo

        return ApiKeyRepo(self)

    @cached_property
    def workspaces(self) -> WorkspaceRepo:
        from adapters.postgres.repos.identity import WorkspaceRepo

        return WorkspaceRepo(self)

    # -- what repositories use ---------------------------------------------------
    async def connection(self) -> AsyncConnection:
        if self._conn is None:
            try:
                self._conn = await guarded(self.engine.connect)
            except DBAPIError as exc:  # any failure to obtain a connection is an outage
                raise StoreUnavailable("the database is unavailable") from exc
        return self._conn

    async def execute(self, statement: Executable) -> Result[Any]:
        """Run a read now (writes go through `stage` or tracking)."""
        conn = await self.connection()
        return await guarded(lambda: conn.execute(statement))

    def tracked(self, kind: str, key: Hashable) -> Any:
        """The object of this kind and key already in this unit of work, or None."""
        entry = self._identity.get((kind, key))
        return None if entry is None else entry.obj

    def track_loaded(self, kind: str, key: Hashable, obj: Any, tracker: Tracker) -> Any:
        """Register an object read from the database; returns the one already held, if any."""
        entry = self._identity.get((kind, key))
        if entry is not None:
            return entry.obj
        self._identity[(kind, key)] = _Entry(obj, tracker, tracker.dump(obj))
        return obj

    def track_added(self, kind: str, key: Hashable, obj: Any, tracker: Tracker) -> None:
        """Register an object to save at commit (upsert, unless already loaded: update)."""
        entry = self._identity.get((kind, key))
        if entry is None:
            self._identity[(kind, key)] = _Entry(obj, tracker, None)
        elif entry.obj is not obj:
            # A different object under a loaded key replaces it: an update of that row.
            entry.obj = obj

    def stage(self, op: Op) -> None:
        """A write to apply at commit, after the tracked aggregates."""
        self._staged.append(op)

    def stage_insert(self, table: Table, row: dict[str, Any]) -> None:
        """An append-only row for commit, skipped if its key exists; one statement per table."""
        pending = self._inserts.get(table)
        if pending is None:
            rows: list[dict[str, Any]] = []
            pending = self._inserts[table] = rows
            self._staged.append(lambda conn: insert_ignore_many(conn, table, rows))
        pending.append(row)

    # -- the transaction ----------------------------------------------------------
    async def __aenter__(self) -> Self:
        self._identity, self._staged, self._inserts = {}, [], {}
        self.committed = False
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        try:
            if not self.committed:
                await self.rollback()
        finally:
            conn, self._conn = self._conn, None
            if conn is not None:
                await conn.close()

    async def commit(self) -> None:
        conn = await self.connection()
        try:
            async with single_writer(self.engine):
                await guarded(lambda: self._flush(conn))
        except IntegrityError as exc:
            # Use cases check uniqueness before writing; a violation at commit means a
            # concurrent writer got there first (an idempotency key, a command id): retry.
            raise ConcurrentUpdate("a concurrent write got there first") from exc
        self._staged, self._inserts = [], {}
        self.committed = True

    async def _flush(self, conn: AsyncConnection) -> None:
        events: list[DomainEvent] = []
        written: list[tuple[_Entry, Any]] = []
        # Writes of one kind that can go in one statement wait here until another kind comes:
        # new objects of a tracker with `insert_many`, and updates of the same columns of a
        # tracker with `update_many` (a batch of order decisions and of broker answers).
        run: list[tuple[_Entry, Any]] = []
        run_key: tuple[Any, ...] = ()

        async def write_run() -> None:
            if not run:
                return
            tracker = run[0][0].tracker
            if run_key[1] == "insert":
                await tracker.insert_many(conn, [after for _, after in run])  # type: ignore[attr-defined]
            else:
                await tracker.update_many(  # type: ignore[attr-defined]
                    conn, [(e.obj, e.snapshot, after) for e, after in run]
                )
            written.extend(run)
            run.clear()

        try:
            for entry in list(self._identity.values()):
                after = entry.tracker.dump(entry.obj)
                if after == entry.snapshot:
                    key: tuple[Any, ...] | None = None
                elif entry.snapshot is None:
                    bulk = hasattr(entry.tracker, "insert_many")
                    key = (type(entry.tracker), "insert") if bulk else None
                else:
                    bulk = hasattr(entry.tracker, "update_many")
                    changed = frozenset(k for k, v in after.items() if entry.snapshot.get(k) != v)
                    key = (type(entry.tracker), "update", changed) if bulk else None
                if after != entry.snapshot:
                    if run and key != run_key:
                        await write_run()
                    if key is not None:
                        run_key = key
                        run.append((entry, after))
                    else:
                        await entry.tracker.write(conn, entry.obj, entry.snapshot, after)
                        written.append((entry, after))
                pending = getattr(entry.obj, "events", None)
                if pending:
                    events.extend(pending)
            await write_run()
            for op in self._staged:
                await op(conn)
            if events:
                await self._outbox.write(conn, events)
            await conn.commit()
        except BaseException:
            await conn.rollback()
            raise
        for entry, after in written:
            entry.snapshot = after
        for entry in self._identity.values():
            pending = getattr(entry.obj, "events", None)
            if pending:
                pending.clear()

    async def rollback(self) -> None:
        self._staged, self._inserts = [], {}
        if self._conn is not None:
            await self._conn.rollback()

    def collect_events(self) -> list[DomainEvent]:
        """Always empty: committed events are in the outbox, and the relay publishes them."""
        return []


def unit_of_work_factory(
    engine: AsyncEngine, outbox: OutboxWriter | None = None
) -> Callable[[], SqlUnitOfWork]:
    """A factory that opens a fresh SQL unit of work on `engine`."""
    writer = outbox or OutboxWriter()
    return lambda: SqlUnitOfWork(engine, writer)
