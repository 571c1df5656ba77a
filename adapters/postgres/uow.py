"""The SQL unit of work: an identity map with change tracking, staged writes and the outbox.

Reads run at once, on a connection of the unit's own (on SQLite, the order path's short
keyed reads run on the event loop's thread: adapters/postgres/sqlite_loop_reads.py).
Writes wait for `commit()`, which turns them into a plan, in order: first every tracked
aggregate whose row image changed since it was loaded (in the order they were first seen),
then the staged statements (appends, deletes), then the domain events those aggregates
recorded, into the outbox. The plan is committed by the engine's group committer
(adapters/postgres/group_commit.py), with the plans of other units that commit at the same
time, in one transaction, each unit still committing or failing on its own; `commit()`
returns only after COMMIT. So, as with the in-memory twin, nothing added is visible before
commit and leaving without commit keeps nothing. The reads' connection goes back to the
pool before a commit waits for its group. On PostgreSQL it reads in autocommit (no BEGIN,
no ROLLBACK round trips: a unit's writes are never on it); an in-memory SQLite database
commits on the unit's own connection. Connection failures surface as
domain.errors.StoreUnavailable.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Hashable
from dataclasses import dataclass
from functools import partial
from typing import Any, Literal, Protocol, Self

from sqlalchemy import Executable, Result, Table
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from adapters.postgres.engine import guarded, single_writer
from adapters.postgres.group_commit import (
    Bulk,
    Plan,
    Step,
    committed,
    committer_for,
    groups_commits,
    unit_error,
)
from adapters.postgres.order_journal import OrderJournalRepo
from adapters.postgres.outbox import OutboxWriter
from adapters.postgres.outbox_pump import pump_for
from adapters.postgres.repos import control, identity, onboarding, trading
from adapters.postgres.repos.base import insert_ignore_many
from adapters.postgres.repos.fences import FenceRepo
from adapters.postgres.sqlite_loop_reads import (
    LoopReadBusy,
    LoopReader,
    is_loop_read,
    loop_reader,
)
from adapters.unit_of_work import Repository, UnitOfWorkBase
from domain.errors import StoreUnavailable
from domain.events import DomainEvent

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


class SqlUnitOfWork(UnitOfWorkBase):
    """A UnitOfWork over an AsyncEngine (see the module docstring for its semantics)."""

    def __init__(self, engine: AsyncEngine, outbox: OutboxWriter | None = None) -> None:
        self.engine = engine
        self._outbox = outbox or OutboxWriter()
        self._conn: AsyncConnection | None = None
        self._identity: dict[tuple[str, Hashable], _Entry] = {}
        self._staged: list[Op] = []
        self._inserts: dict[Table, list[dict[str, Any]]] = {}
        self._reader: LoopReader | Literal[False] | None = None  # None: not asked yet
        self.committed = False

    # -- repositories (built on first use) -------------------------------------
    accounts = Repository(trading.AccountRepo)
    orders = Repository(trading.OrderRepo)
    fills = Repository(trading.FillRepo)
    order_journal = Repository(OrderJournalRepo)
    inbox = Repository(trading.InboxRepo)
    fences = Repository(FenceRepo)
    instruments = Repository(trading.InstrumentRepo)
    risk_rules = Repository(control.RiskRuleRepo)
    trading_states = Repository(control.TradingStateRepo)
    kill_switch_events = Repository(control.KillSwitchEventRepo)
    lockouts = Repository(control.LockoutRepo)
    passcodes = Repository(control.PasscodeRepo)
    agents = Repository(control.AgentRepo)
    succession = Repository(control.SuccessionRepo)
    users = Repository(identity.UserRepo)
    login_throttles = Repository(identity.LoginThrottleRepo)
    refresh_tokens = Repository(identity.RefreshTokenRepo)
    revoked_tokens = Repository(identity.RevokedTokenRepo)
    api_keys = Repository(identity.ApiKeyRepo)
    workspaces = Repository(identity.WorkspaceRepo)
    invitations = Repository(onboarding.InvitationRepo)
    password_resets = Repository(onboarding.PasswordResetRepo)

    # -- what repositories use ---------------------------------------------------
    async def connection(self) -> AsyncConnection:
        if self._conn is None:
            try:
                conn = await guarded(self.engine.connect)
                if self.engine.dialect.name == "postgresql" and groups_commits(self.engine):
                    # Reads only (writes go through the group committer): no BEGIN before
                    # the first read, no ROLLBACK when the connection goes back to the pool.
                    conn = await conn.execution_options(isolation_level="AUTOCOMMIT")
                self._conn = conn
            except DBAPIError as exc:  # any failure to obtain a connection is an outage
                raise StoreUnavailable("the database is unavailable") from exc
        return self._conn

    async def execute(
        self, statement: Executable, parameters: dict[str, Any] | None = None
    ) -> Result[Any]:
        """Run a read now (writes go through `stage` or tracking); `parameters` bind a
        statement built once (its compiled form and cache key are reused)."""
        if self._reader is not False and is_loop_read(statement):
            reader: LoopReader | Literal[False] | None = self._reader
            if reader is None:
                reader = self._reader = loop_reader(self.engine) or False
            if isinstance(reader, LoopReader):
                try:
                    return reader.execute(statement, parameters)
                except LoopReadBusy:
                    pass  # SQLite asked it to wait: it waits on aiosqlite's thread instead
        conn = await self.connection()
        return await guarded(lambda: conn.execute(statement, parameters))

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
            # A different object under a loaded key replaces it: an update of that row (the
            # whole row, upserted, where the image holds only what changes: `inserted`).
            entry.obj = obj
            if hasattr(tracker, "inserted"):
                entry.snapshot = None

    def stage(self, op: Op) -> None:
        """A write to apply at commit, after the tracked aggregates."""
        self._staged.append(op)

    def stage_insert(self, table: Table, row: dict[str, Any]) -> None:
        """An append-only row for commit, skipped if its key exists; one statement per table."""
        pending = self._inserts.get(table)
        if pending is None:
            rows: list[dict[str, Any]] = []
            pending = self._inserts[table] = rows
            self._staged.append(Bulk(("insert_ignore", table), rows, _inserter(table)))
        pending.append(row)

    # -- the transaction ----------------------------------------------------------
    async def __aenter__(self) -> Self:
        self._identity, self._staged, self._inserts = {}, [], {}
        self.committed = False
        return self

    async def _release(self) -> None:
        conn, self._conn = self._conn, None
        if conn is not None:
            await conn.close()

    async def commit(self) -> None:
        plan, written = self._plan()
        try:
            if not plan.steps:
                pass  # nothing to write: no transaction, no hop, no round trip
            elif groups_commits(self.engine):
                # The reads are done: their connection goes back to the pool before the
                # wait, so units waiting for a group never hold the connections its writer
                # needs (with more units in flight than the pool has, they would deadlock).
                await self._release()
                await committer_for(self.engine).commit(plan)
            else:
                await self._commit_alone(plan)
        except BaseException:
            plan.restore()
            raise
        for entry, after in written:
            entry.snapshot = after
        for entry in self._identity.values():
            pending = getattr(entry.obj, "events", None)
            if pending:
                pending.clear()
        self._staged, self._inserts = [], {}
        self.committed = True

    async def _commit_alone(self, plan: Plan) -> None:
        """A transaction of its own on this unit's connection (an in-memory SQLite)."""
        conn = await self.connection()

        async def run() -> None:
            try:
                await plan.apply(conn)
                await conn.commit()
            except BaseException:
                await conn.rollback()
                raise

        try:
            async with single_writer(self.engine):
                await guarded(run)
        except IntegrityError as exc:
            raise unit_error(exc) from exc
        if plan.on_commit is not None:
            committed(plan)

    def _plan(self) -> tuple[Plan, list[tuple[_Entry, Any]]]:
        """The statements this commit runs, in order, built now (nothing is sent yet).

        First every tracked object whose image changed (in the order first seen), then the
        staged writes, then the outbox rows of the events those objects recorded. Writes of
        one kind that fit one statement are put together: new objects of a tracker with
        `insert_many` (their rows from its `inserted` where its image is not the row), updates
        of the same fields of a tracker with `update_many` (its `changed` names them: a batch
        of order decisions and of broker answers).
        """
        steps: list[Step] = []
        written: list[tuple[_Entry, Any]] = []
        events: list[DomainEvent] = []
        versions: list[tuple[Any, int]] = []
        run: list[tuple[_Entry, Any]] = []
        run_key: tuple[Any, ...] = ()

        def close_run() -> None:
            if not run:
                return
            items = list(run)
            tracker = items[0][0].tracker
            if run_key[1] == "insert":
                inserted = getattr(tracker, "inserted", None)
                rows = [after if inserted is None else inserted(e.obj, after) for e, after in items]
                steps.append(Bulk(run_key, rows, tracker.insert_many))  # type: ignore[attr-defined]
            else:
                changes = [(e.obj, e.snapshot, after) for e, after in items]
                steps.append(Bulk(run_key, changes, tracker.update_many))  # type: ignore[attr-defined]
            written.extend(items)
            run.clear()

        for entry in list(self._identity.values()):
            after = entry.tracker.dump(entry.obj)
            if after != entry.snapshot:
                key: tuple[Any, ...] | None
                if entry.snapshot is None:
                    bulk = hasattr(entry.tracker, "insert_many")
                    key = (type(entry.tracker), "insert") if bulk else None
                elif hasattr(entry.tracker, "update_many"):
                    changed = entry.tracker.changed(entry.snapshot, after)  # type: ignore[attr-defined]
                    key = (type(entry.tracker), "update", changed)
                else:
                    key = None
                if run and key != run_key:
                    close_run()
                if key is not None:
                    run_key = key
                    run.append((entry, after))
                elif hasattr(entry.tracker, "write_steps"):  # a row and its parts (an account)
                    steps.extend(entry.tracker.write_steps(entry.obj, entry.snapshot, after))
                    written.append((entry, after))
                else:
                    steps.append(_write(entry, after))
                    written.append((entry, after))
                version = getattr(entry.obj, "version", None)
                if type(version) is int:
                    versions.append((entry.obj, version))
            pending = getattr(entry.obj, "events", None)
            if pending:
                events.extend(pending)
        close_run()
        steps.extend(self._staged)
        on_commit = None
        if events:
            # Stamped now, in the caller's context: a group commit writes them in none.
            batch = self._outbox.rows(self._outbox.stamp(events))
            steps.append(Bulk(("outbox", self._outbox), batch.rows, self._outbox.insert))
            pump = pump_for(self.engine)
            if pump is not None:  # published from memory once committed (outbox_pump.py)
                on_commit = partial(pump.committed, batch)
        return Plan(steps, versions, on_commit), written

    async def rollback(self) -> None:
        self._staged, self._inserts = [], {}
        if self._conn is not None:
            await self._conn.rollback()

    def collect_events(self) -> list[DomainEvent]:
        """Always empty: committed events are in the outbox, published from there (or from
        memory right after COMMIT: adapters/postgres/outbox_pump.py)."""
        return []


def _inserter(table: Table) -> Callable[[Any, list[Any]], Awaitable[None]]:
    return lambda conn, rows: insert_ignore_many(conn, table, rows)


def _write(entry: _Entry, after: Any) -> Step:
    before = entry.snapshot
    return lambda conn: entry.tracker.write(conn, entry.obj, before, after)


def unit_of_work_factory(
    engine: AsyncEngine, outbox: OutboxWriter | None = None
) -> Callable[[], SqlUnitOfWork]:
    """A factory that opens a fresh SQL unit of work on `engine`."""
    writer = outbox or OutboxWriter()
    return lambda: SqlUnitOfWork(engine, writer)
