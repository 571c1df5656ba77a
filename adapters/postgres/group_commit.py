"""Group commit: units of work that commit while a flush runs are written in one transaction.

Why: each transaction costs a durable COMMIT (an fsync on PostgreSQL, a WAL append and,
on SQLite, a hop to the database's thread per statement), and the order path commits
twice per account batch (decisions, then the broker's answers). Sixteen accounts deciding
at once paid sixteen commits; here they pay one.

How a commit travels:
- `SqlUnitOfWork.commit()` turns its changes into a `Plan` (the statements to run, built on
  the event loop, so a bug in a unit's own objects fails that unit before anything is sent)
  and hands it to the `GroupCommitter` of its engine and event loop.
- No idle waits: a commit that finds the writer idle starts a flush at once (on the next
  loop turn, so the commits made in the same turn join it). Commits arriving while a flush
  runs queue up and form the next group, at most `max_group` units; no timer anywhere.
- Shared statements: a group first runs every unit's plain steps (an account's
  version-checked UPDATE) in order, then each kind of bulk rows (new orders, the same
  columns of several orders, positions, fills, outbox rows; see `Bulk`) of all its units in
  one statement. If that fails, it is rolled back and the units run one by one, which tells
  whose the failure was.
- Isolation per unit inside the group: on SQLite a SAVEPOINT each (free: the whole group
  runs in one call on the writer's thread); on PostgreSQL, where every statement is a
  network round trip, no savepoints: a unit that fails aborts the transaction, which is
  rolled back and run again without it (the version numbers the failed try bumped are
  put back first). Either way one unit's ConcurrentUpdate or IntegrityError fails only
  that unit (raised to its caller as ConcurrentUpdate, which retries) and the others commit.
- Nothing is acknowledged before COMMIT returned: each caller's future is resolved after it.
  An outage (StoreUnavailable) fails the whole group. A caller cancelled while its group is
  in flight may still be committed, as a cancelled COMMIT could be before.
- PostgreSQL commits groups on up to POSTGRES_WRITERS connections at once (at most half the
  pool): a group waits on round trips, and PostgreSQL's own commits overlap. A unit gives
  back its reads' connection before it waits, so waiting units never starve the writers.

Isolation across units, and why every SqlUnitOfWork may join a group: a unit's reads run on
its own connection before its commit, its writes later on the writer's. That is what the
store already gave: on PostgreSQL (READ COMMITTED) every read statement saw its own
snapshot, and on SQLite the driver opened the write transaction only at the first write,
so reads ran outside it. No repository reads inside its writes or locks rows it read
(SELECT ... FOR UPDATE is used only by the outbox relay, which has its own transaction);
read-modify-write of an aggregate is guarded by the account's version check (AccountRepo)
or by the per-account lock the use cases hold, as before.

SQLite: the whole group in ONE hop (adapters/postgres/sqlite_writer.py): a dedicated
writer thread with a plain (pysqlite) connection of its own, `BEGIN IMMEDIATE`, the
statements, COMMIT. Readers stay on the aiosqlite pool (WAL lets them read beside it).
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Coroutine
from dataclasses import dataclass, field
from typing import Any, TypeVar

import structlog
from sqlalchemy import Engine, event
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from adapters.postgres.asyncpg_prepared import asyncpg_statements
from adapters.postgres.engine import (
    guarded,
    is_unavailable,
    sqlite_on_file,
)
from domain.errors import ConcurrentUpdate, StoreUnavailable

log = structlog.get_logger(__name__)

Step = Callable[[Any], Awaitable[Any]]
W = TypeVar("W")
MAX_GROUP = 64
# PostgreSQL commits groups on this many connections at once: its own commits overlap (one
# WAL flush serves several), and a group waits on network round trips, not on the CPU.
POSTGRES_WRITERS = 4
_CONFLICT_STATES = frozenset({"40001", "40P01"})  # serialization failure, deadlock


@dataclass(slots=True)
class Bulk:
    """A step that writes rows with one statement, which a group may share with other units.

    `run(conn, rows)` writes any rows of the same `key`: the group runs one statement for
    the rows of all its units (the orders, fills and outbox rows of sixteen accounts' batches
    in three statements). Only for rows no other step of the same unit touches (a unit's
    bulk steps run after its other steps when merged): new orders, the same columns of
    several orders, fills, outbox rows.
    """

    key: Any
    rows: list[Any]
    run: Callable[[Any, list[Any]], Awaitable[Any]]

    async def __call__(self, conn: Any) -> None:
        if self.rows:
            await self.run(conn, self.rows)

    def merge_key(self) -> Any:
        first = self.rows[0] if self.rows else None
        return (self.key, tuple(first) if isinstance(first, dict) else ())


class UnitFailed(Exception):
    """A plain step of the unit at `index` raised `error` while a group ran merged."""

    def __init__(self, index: int, error: Exception) -> None:
        super().__init__(f"unit {index}: {error!r}")
        self.index = index
        self.error = error


async def apply_merged(plans: list[Plan], conn: Any) -> None:
    """Every unit's plain steps in order, then each kind of bulk rows in one statement.

    A plain step's failure is the unit's own: raised as UnitFailed, saying which. A shared
    statement's failure could be any of its units'.
    """
    buckets: dict[Any, list[Bulk]] = {}
    for index, plan in enumerate(plans):
        for step in plan.steps:
            if isinstance(step, Bulk):
                if step.rows:
                    buckets.setdefault(step.merge_key(), []).append(step)
                continue
            try:
                await step(conn)
            except Exception as exc:
                raise UnitFailed(index, exc) from exc
    for steps in buckets.values():
        await steps[0].run(conn, [row for step in steps for row in step.rows])


@dataclass(slots=True)
class Plan:
    """One unit of work's writes, in order, and how to undo what running them changed."""

    steps: list[Step]
    # (object, version before): AccountRepo bumps `version` as it writes; a rolled-back try
    # must put it back, or the next try (and a cached account) would carry a wrong version.
    versions: list[tuple[Any, int]] = field(default_factory=list)
    # Called once the plan is committed, before its caller is answered, in commit order
    # (the outbox's events published from memory: adapters/postgres/outbox_pump.py).
    on_commit: Callable[[], None] | None = None

    def restore(self) -> None:
        for obj, version in self.versions:
            obj.version = version

    async def apply(self, conn: Any) -> None:
        for step in self.steps:
            await step(conn)


def unit_error(exc: BaseException) -> BaseException:
    """What a unit's caller gets for an error its own statements raised."""
    if isinstance(exc, IntegrityError):
        # Use cases check uniqueness before writing; a violation at commit means a
        # concurrent writer got there first (an idempotency key, a command id): retry.
        failure: BaseException = ConcurrentUpdate("a concurrent write got there first")
    elif isinstance(exc, DBAPIError) and _sqlstate(exc) in _CONFLICT_STATES:
        failure = ConcurrentUpdate("the database chose this write to retry")
    elif is_unavailable(exc) and not isinstance(exc, StoreUnavailable):
        failure = StoreUnavailable("the database is unavailable")
    else:
        return exc
    failure.__cause__ = exc
    return failure


def _sqlstate(exc: DBAPIError) -> str:
    return str(getattr(exc.orig, "sqlstate", "") or getattr(exc.orig, "pgcode", "") or "")


Outcome = BaseException | None


Runner = Callable[[list[Plan]], Coroutine[Any, Any, list[Outcome]]]


class GroupCommitter:
    """Queues plans and flushes them in groups, on one event loop, with `len(runners)` writers.

    A new flush starts when a commit arrives and a writer is free, unless a flush that has
    not yet taken its group is about to start (it will take this commit too); a writer
    that finishes a group takes what queued up meanwhile. So under load each writer's
    group is what arrived while it was busy, and an idle writer never waits.
    """

    def __init__(
        self,
        runners: list[Runner],
        loop: asyncio.AbstractEventLoop,
        max_group: int = MAX_GROUP,
    ) -> None:
        self._free = list(runners)
        self.loop = loop
        self.max_group = max_group
        self._queue: list[tuple[Plan, asyncio.Future[None]]] = []
        self._starting = False  # a flush is scheduled and has not taken its group yet
        self._tasks: set[asyncio.Task[None]] = set()
        self.groups = 0  # flushed so far (tests, benchmarks)
        self.units = 0

    @property
    def queued(self) -> int:
        return len(self._queue)

    async def commit(self, plan: Plan) -> None:
        """Returns once `plan` is committed; raises what failed it (nothing kept then)."""
        done: asyncio.Future[None] = self.loop.create_future()
        self._queue.append((plan, done))
        if self._free and not self._starting:
            self._starting = True
            task = self.loop.create_task(self._drain(self._free.pop()))
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)
        await done

    async def _drain(self, runner: Runner) -> None:
        try:
            while self._queue:
                self._starting = False
                group = self._queue[: self.max_group]
                del self._queue[: self.max_group]
                await self._flush(runner, group)
        finally:
            self._starting = False
            self._free.append(runner)
            if self._queue and not self._starting:  # arrived as this writer was leaving
                self._starting = True
                task = self.loop.create_task(self._drain(self._free.pop()))
                self._tasks.add(task)
                task.add_done_callback(self._tasks.discard)

    async def _flush(self, runner: Runner, group: list[tuple[Plan, asyncio.Future[None]]]) -> None:
        try:
            outcomes = await runner([plan for plan, _ in group])
        except BaseException as exc:  # the whole group failed (an outage, a cancel)
            failure = unit_error(exc)
            outcomes = [failure] * len(group)
            if not isinstance(exc, Exception):
                for _, done in group + self._queue:
                    if not done.done():
                        done.set_exception(failure)
                self._queue.clear()
                raise
        self.groups += 1
        self.units += len(group)
        for (plan, done), outcome in zip(group, outcomes, strict=True):
            if outcome is not None:
                plan.restore()
            elif plan.on_commit is not None:
                committed(plan)
            if done.done():
                continue
            if outcome is None:
                done.set_result(None)
            else:
                done.set_exception(unit_error(outcome))


def committed(plan: Plan) -> None:
    """Runs `plan.on_commit`; its failure is logged, never the commit's (it is done)."""
    try:
        plan.on_commit()  # type: ignore[misc]
    except Exception as exc:  # the rows stay in the outbox: the relay publishes them
        log.warning("group_commit.on_commit_failed", error=type(exc).__name__)


class PostgresGroupRunner:
    """Runs a group on one writer connection: the units' statements, then one COMMIT (the
    statements built once run on asyncpg directly: adapters/postgres/asyncpg_prepared.py).

    The connection is held while groups keep coming and given back when the queue is
    empty, so the pool sees one checkout per burst, not per unit of work.
    """

    def __init__(self, engine: AsyncEngine, idle: Callable[[], bool]) -> None:
        self._engine = engine
        self._idle = idle
        self._conn: AsyncConnection | None = None

    async def __call__(self, plans: list[Plan]) -> list[Outcome]:
        outcomes: list[Outcome] = [None] * len(plans)
        pending = list(range(len(plans)))
        try:
            # First all of them with shared bulk statements, again without a unit whose own
            # step failed; if a shared statement fails, the units one by one below find
            # whose the failure was.
            while len(pending) > 1:
                conn = await self._connection()
                try:
                    async with conn.begin():
                        await apply_merged([plans[i] for i in pending], asyncpg_statements(conn))
                    return outcomes
                except Exception as exc:
                    error = exc.error if isinstance(exc, UnitFailed) else exc
                    if is_unavailable(error):
                        raise error from error.__cause__
                    for index in pending:
                        plans[index].restore()
                    if conn.invalidated:
                        await self._release()
                    if not isinstance(exc, UnitFailed):
                        break
                    failed = pending[exc.index]
                    outcomes[failed] = exc.error
                    pending.remove(failed)
            while pending:
                conn = await self._connection()
                current: int | None = None
                try:
                    async with conn.begin():
                        statements = asyncpg_statements(conn)
                        for index in pending:
                            current = index
                            await plans[index].apply(statements)
                        current = None
                except Exception as exc:
                    if current is None or is_unavailable(exc):
                        raise  # at COMMIT, or an outage: the whole group
                    outcomes[current] = exc
                    pending.remove(current)
                    for index in pending:
                        plans[index].restore()
                    if conn.invalidated:
                        await self._release()
                    continue
                return outcomes
            return outcomes
        except BaseException:
            await self._release()
            raise
        finally:
            if self._idle():  # nothing queued: give the connection back first
                await self._release()

    async def _connection(self) -> AsyncConnection:
        if self._conn is None:
            self._conn = await guarded(self._engine.connect)
        return self._conn

    async def _release(self) -> None:
        conn, self._conn = self._conn, None
        if conn is not None:
            try:
                await conn.close()
            except Exception:
                await conn.invalidate()


async def write_alone(engine: AsyncEngine, step: Step) -> None:
    """A write of its own (an audit entry, the outbox relay's marks), committed before return.

    Through the engine's group committer where it has one: on SQLite the write lock is then
    taken and given back within one call on the writer's thread, never held across turns of
    the event loop (a write transaction over several aiosqlite hops keeps the lock while the
    loop is busy or blocked, and the kill switch lane's own writes would wait behind it).
    """
    if groups_commits(engine):
        await committer_for(engine).commit(Plan([step]))
        return
    async with engine.begin() as conn:
        await step(conn)


async def write_through(engine: AsyncEngine, work: Callable[[Any], Awaitable[W]]) -> W:
    """`work(conn)`, a short transaction's reads and writes, committed as a unit of the
    engine's group committer; what it returned once committed. Only where the group commit
    runs on SQLite's writer thread (`on_sqlite_writer`): the transaction is one hop there, run
    start to end, never holding SQLite's write lock across turns of the event loop (over
    aiosqlite each statement is a hop, and the order path's groups waited for the lock
    meanwhile). `work` awaits only its connection's `execute` and `scalar`. What `work` raised
    reaches the caller as raised; a group may run it twice (a rolled-back first try), so what
    it returns is the last run's."""
    answer: list[W] = []
    raised: list[BaseException] = []

    async def step(conn: Any) -> None:
        answer.clear()
        raised.clear()
        try:
            answer.append(await work(conn))
        except BaseException as exc:
            raised.append(exc)
            raise

    try:
        await committer_for(engine).commit(Plan([step]))
    except BaseException:
        if raised:
            raise raised[-1] from None
        raise
    return answer[-1]


def on_sqlite_writer(engine: AsyncEngine) -> bool:
    """Whether `engine`'s group commits run on SQLite's writer thread (a database file)."""
    return engine.dialect.name == "sqlite" and groups_commits(engine)


def _writers(engine: AsyncEngine) -> int:
    """POSTGRES_WRITERS, or fewer when the pool is small: at most half of its connections."""
    pool = engine.sync_engine.pool
    size = getattr(pool, "size", None)
    if not callable(size):
        return POSTGRES_WRITERS  # no fixed limit (NullPool)
    limit = int(size()) + max(0, int(getattr(pool, "_max_overflow", 0)))
    return max(1, min(POSTGRES_WRITERS, limit // 2))


def groups_commits(engine: AsyncEngine) -> bool:
    """Whether commits on `engine` go through a group committer.

    Not for an in-memory SQLite database: a second connection would see another, empty one.
    """
    return engine.dialect.name != "sqlite" or sqlite_on_file(engine)


@dataclass
class _EngineState:
    """Kept on the engine itself, so it lives and goes with it (no global registry)."""

    committers: dict[int, GroupCommitter] = field(default_factory=dict)
    sqlite_writer: Any = None  # a SqliteGroupWriter


def _close_writers(sync: Engine) -> None:
    """The engine is disposed: its SQLite writer's connection and thread go with its pool."""
    state: _EngineState | None = getattr(sync, "_bulwark_group_commit", None)
    if state is None:
        return
    writer, state.sqlite_writer = state.sqlite_writer, None
    state.committers.clear()
    if writer is not None:
        writer.close()


def committer_for(engine: AsyncEngine) -> GroupCommitter:
    """The group committer of `engine` on the running event loop (made on first use).

    One per engine and event loop (its futures belong to that loop); one SQLite writer
    thread per engine, closed with its connection when the engine is disposed (a later use
    makes a new one).
    """
    loop = asyncio.get_running_loop()
    state: _EngineState | None = getattr(engine.sync_engine, "_bulwark_group_commit", None)
    if state is None:
        state = _EngineState()
        engine.sync_engine._bulwark_group_commit = state  # type: ignore[attr-defined]
        event.listen(engine.sync_engine, "engine_disposed", _close_writers)
    committer = state.committers.get(id(loop))
    if committer is None or committer.loop is not loop:
        if engine.dialect.name == "sqlite":
            from adapters.postgres.sqlite_writer import SqliteGroupWriter  # (it imports this)

            if state.sqlite_writer is None:
                state.sqlite_writer = SqliteGroupWriter(engine)
            committer = GroupCommitter([state.sqlite_writer], loop)
        else:
            holder: list[GroupCommitter] = []

            def idle() -> bool:
                return not holder[0].queued

            runners: list[Runner] = [
                PostgresGroupRunner(engine, idle) for _ in range(_writers(engine))
            ]
            committer = GroupCommitter(runners, loop)
            holder.append(committer)
        state.committers[id(loop)] = committer
    return committer
