"""The audit log's append on SQLite: the hash-chained record() beside the plain insert it replaced.

The kill switch records audit entries on its path, so the chain must keep an append cheap.
Both run in the same process on the same kind of database (a fresh SQLite file each, WAL,
through the group committer's writer thread as in production), sequentially (one append
after the other: the latency a caller waits) and with 16 concurrent callers (the writer
groups them). The "before" is what SqlAuditLog did before the hash chain: one INSERT through
`write_alone`. Prints microseconds per append and appends per second for both, and their
ratio; the target is the chained append within 2x of the plain one it replaced. "plain-pb"
is the plain INSERT with its statement built once (as the chained append now does): the
difference to it is the price of the chain itself (head read, hashing), printed too.
Run: `.venv/bin/python -m benchmarks.bench_audit [--records 2000]`.
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import insert
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.postgres.audit import SqlAuditLog
from adapters.postgres.engine import make_engine
from adapters.postgres.group_commit import write_alone
from adapters.postgres.schema import metadata
from adapters.postgres.tables.platform import audit_log
from benchmarks.http_driver import machine
from ports.core.events import AuditEntry

T0 = datetime(2026, 3, 2, 14, 30, tzinfo=UTC)
TARGET_RATIO = 2.0
_INSERT = insert(audit_log)


def _entry(n: int) -> AuditEntry:
    return AuditEntry(
        "usr-3f9c2a7e51b04d2e",
        "kill_switch.activate",
        "account:acc-1",
        "halted",
        T0 + timedelta(microseconds=n),
        {"reason": "runaway agent", "orders_cancelled": n % 7},
        "5b1d0c3e9a2f4e77a0c6f1d8b7e4a210",
        "203.0.113.7",
    )


class PlainAuditLog:
    """The append before the chain: one INSERT of the entry's fields, nothing read first."""

    prebuilt = False

    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine
        self._seq = 0

    async def record(self, entry: AuditEntry) -> None:
        self._seq += 1  # the new NOT NULL columns get placeholders: the old row's cost
        row: dict[str, Any] = {
            "actor": entry.actor,
            "action": entry.action,
            "target": entry.target,
            "outcome": entry.outcome,
            "at": entry.at,
            "details": dict(entry.details),
            "seq": self._seq,
            "prev_hash": "",
            "hash": "",
        }
        if self.prebuilt:
            await write_alone(self._engine, lambda conn: conn.execute(_INSERT, row))
        else:
            await write_alone(
                self._engine, lambda conn: conn.execute(insert(audit_log).values(row))
            )


class PrebuiltPlainAuditLog(PlainAuditLog):
    """The same INSERT with the statement built once, as the chained append does: the
    difference to the chained append is then the chain alone (head read, hashing)."""

    prebuilt = True


async def _fresh(folder: Path, name: str) -> AsyncEngine:
    engine = make_engine(f"sqlite+aiosqlite:///{folder / name}.db")
    async with engine.begin() as conn:
        await conn.run_sync(metadata.create_all)
    return engine


async def _time(record: Callable[[AuditEntry], Awaitable[None]], count: int, callers: int) -> float:
    """Seconds for `count` appends by `callers` concurrent tasks."""
    per_caller = count // callers

    async def caller(offset: int) -> None:
        for n in range(per_caller):
            await record(_entry(offset + n))

    started = time.perf_counter()
    await asyncio.gather(*(caller(c * per_caller) for c in range(callers)))
    return time.perf_counter() - started


async def run(records: int) -> None:
    records = max(16, records - records % 16)  # whole rounds for the 16 callers
    print(f"audit append on SQLite (file, WAL), {records} records; {machine()}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for callers in (1, 16):
            results: dict[str, float] = {}
            variants: tuple[tuple[str, Any], ...] = (
                ("plain", PlainAuditLog),
                ("plain-pb", PrebuiltPlainAuditLog),
                ("chained", SqlAuditLog),
            )
            for name, make in variants:
                engine = await _fresh(folder, f"{name}-{callers}")
                log = make(engine)
                await _time(log.record, 100, 1)  # warm-up: connections, statement caches
                results[name] = await _time(log.record, records, callers)
                await engine.dispose()
            for name, seconds in results.items():
                per = seconds / records * 1e6
                print(
                    f"  {callers:2d} caller(s) {name:8s} {per:8.1f} us/append "
                    f"{records / seconds:9.0f} appends/s"
                )
            ratio = results["chained"] / results["plain"]
            verdict = "ok" if ratio <= TARGET_RATIO else "OVER"
            print(
                f"  {callers:2d} caller(s) chained/plain = {ratio:.2f}x "
                f"(target <= {TARGET_RATIO}x): {verdict}"
            )
            extra = (results["chained"] - results["plain-pb"]) / records * 1e6
            print(
                f"  {callers:2d} caller(s) the chain itself: {extra:+.1f} us/append (vs plain-pb)"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=2000)
    args = parser.parse_args()
    asyncio.run(run(args.records))


if __name__ == "__main__":
    main()
