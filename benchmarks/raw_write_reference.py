"""What the database can do with the rows an order writes: the reference beside bench_orders.

The same rows as the order path writes for a filled market order, written with the database's
own driver (sqlite3, asyncpg) and no Bulwark code, in batches of 64 orders per transaction on
one connection: the order inserted then updated to filled, its fill, three outbox rows
inserted then marked sent, the position upserted and the account's version-checked update
(one of each per account and batch, as a group commit writes them). Its orders per second
is what the store allows on this machine; bench_orders prints the order path's rate as a
share of it, the figure that compares across machines.
"""

from __future__ import annotations

import asyncio
import json
import sqlite3
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from adapters.postgres.engine import sqlite_pragmas

BATCH = 64
ACCOUNTS = 16
OUTBOX_PER_ORDER = 3
CASH = Decimal("10000000")

_ORDER_COLUMNS = (
    "id", "client_order_id", "account_id", "symbol", "side", "quantity", "requested_quantity",
    "origin_kind", "origin_id", "origin_channel", "order_type", "time_in_force", "reduce_only",
    "created_at", "status", "filled_quantity", "average_fill_price", "broker", "deny_reasons",
)  # fmt: skip
_FILL_COLUMNS = ("id", "order_id", "account_id", "symbol", "side", "quantity", "price",
                 "commission", "at")  # fmt: skip
_OUTBOX_COLUMNS = ("event_id", "aggregate_id", "event_type", "payload", "created_at", "attempts")


@dataclass(frozen=True)
class Reference:
    """The raw writes' rate: orders per second of wall time, and CPU per order in this process."""

    orders: int
    wall_s: float
    cpu_s: float

    @property
    def per_s(self) -> float:
        return self.orders / self.wall_s

    @property
    def cpu_us(self) -> float:
        return self.cpu_s / self.orders * 1e6


class _Rows:
    """The rows of one batch, in the database's parameter style (`?` or `$n`)."""

    def __init__(self, style: str, text_values: bool) -> None:
        self.run = f"{time.time_ns():x}"  # this run's ids: a second run beside the first
        self.style = style
        self.text = text_values  # SQLite keeps money as text, datetimes as text, JSON as text

    def ph(self, n: int, start: int = 1) -> str:
        if self.style == "qmark":
            return ", ".join("?" * n)
        return ", ".join(f"${i}" for i in range(start, start + n))

    def money(self, value: Decimal) -> Any:
        return str(value) if self.text else value

    def at(self, when: datetime) -> Any:
        return when.strftime("%Y-%m-%d %H:%M:%S.%f") if self.text else when

    def statements(self) -> dict[str, str]:
        p = self.ph
        q = "?" if self.style == "qmark" else None

        def n(i: int) -> str:
            return q or f"${i}"

        return {
            "accounts": f"INSERT INTO accounts (id, owner_id, cash, currency, broker, "
            f"day_realized_pnl, start_of_day_equity, peak_equity, version) VALUES ({p(9)}) "
            "ON CONFLICT (id) DO NOTHING",
            "versions": "SELECT version FROM accounts WHERE id LIKE 'ref-%' ORDER BY id",
            "order": f"INSERT INTO orders ({', '.join(_ORDER_COLUMNS)}) "
            f"VALUES ({p(len(_ORDER_COLUMNS))})",
            "filled": f"UPDATE orders SET status = {n(1)}, filled_quantity = {n(2)}, "
            f"average_fill_price = {n(3)}, broker_order_id = {n(4)} WHERE id = {n(5)}",
            "fill": f"INSERT INTO fills ({', '.join(_FILL_COLUMNS)}) "
            f"VALUES ({p(len(_FILL_COLUMNS))})",
            "outbox": f"INSERT INTO outbox ({', '.join(_OUTBOX_COLUMNS)}) "
            f"VALUES ({p(len(_OUTBOX_COLUMNS))})",
            "sent": f"UPDATE outbox SET sent_at = {n(1)} WHERE event_id = {n(2)}",
            "position": "INSERT INTO positions (account_id, symbol, quantity, average_price, "
            f"realized_pnl, multiplier) VALUES ({p(6)}) ON CONFLICT (account_id, symbol) DO "
            "UPDATE SET quantity = excluded.quantity, average_price = excluded.average_price, "
            "realized_pnl = excluded.realized_pnl",
            "account": f"UPDATE accounts SET cash = {n(1)}, version = version + 1 "
            f"WHERE id = {n(2)} AND version = {n(3)}",
        }

    def accounts(self) -> list[tuple[Any, ...]]:
        zero, cash = self.money(Decimal(0)), self.money(CASH)
        return [
            (f"ref-{a:02}", "ref-owner", cash, "USD", "paper", zero, cash, cash, 0)
            for a in range(ACCOUNTS)
        ]

    def batch(self, number: int, versions: list[int]) -> dict[str, list[tuple[Any, ...]]]:
        now = datetime.now(UTC)
        at, one, price = self.at(now), self.money(Decimal(1)), self.money(Decimal(100))
        zero, fee = self.money(Decimal(0)), self.money(Decimal("0.35"))
        deny = "[]" if self.text else json.dumps([])
        side = "buy" if number % 2 == 0 else "sell"
        rows: dict[str, list[tuple[Any, ...]]] = {k: [] for k in self.statements()}
        for i in range(BATCH):
            oid, account = f"ref-{self.run}-{number}-{i}", f"ref-{i % ACCOUNTS:02}"
            rows["order"].append((
                oid, f"c-{oid}", account, "AAPL", side, one, one, "user", "ref-owner", "api",
                "market", "day", False, at, "accepted", zero, zero, "paper", deny,
            ))  # fmt: skip
            rows["filled"].append(("filled", one, price, f"b-{oid}", oid))
            rows["fill"].append((f"f-{oid}", oid, account, "AAPL", side, one, price, fee, at))
            for e in range(OUTBOX_PER_ORDER):
                payload = json.dumps({"order_id": oid, "n": e})
                rows["outbox"].append((f"{oid}-{e}", account, "OrderFilled", payload, at, 0))
                rows["sent"].append((at, f"{oid}-{e}"))
        for a in range(ACCOUNTS):
            account = f"ref-{a:02}"
            held = self.money(Decimal(1 if side == "buy" else 0))
            rows["position"].append((account, "AAPL", held, price, zero, one))
            rows["account"].append((self.money(CASH), account, versions[a]))
            versions[a] += 1
        return rows


ORDER_OF_WRITES = ("order", "filled", "fill", "outbox", "sent", "position", "account")


def sqlite_reference(path: str, orders: int) -> Reference:
    """The rows of `orders` orders on SQLite (WAL, synchronous=NORMAL, as the store)."""
    conn = sqlite3.connect(path, isolation_level=None)
    sqlite_pragmas(conn, None)
    rows = _Rows("qmark", text_values=True)
    statements = rows.statements()
    try:
        conn.executemany(statements["accounts"], rows.accounts())
        versions = [v for (v,) in conn.execute(statements["versions"])]
        batches = max(1, orders // BATCH)
        began, cpu = time.perf_counter(), time.process_time()
        for number in range(batches):
            batch = rows.batch(number, versions)
            conn.execute("BEGIN IMMEDIATE")
            for name in ORDER_OF_WRITES:
                conn.executemany(statements[name], batch[name])
            conn.execute("COMMIT")
        return Reference(batches * BATCH, time.perf_counter() - began, time.process_time() - cpu)
    finally:
        conn.close()


async def postgres_reference(dsn: str, orders: int) -> Reference:
    """The rows of `orders` orders on PostgreSQL through asyncpg, one connection."""
    import asyncpg  # type: ignore[import-untyped]

    conn = await asyncpg.connect(dsn)
    rows = _Rows("numeric", text_values=False)
    statements = rows.statements()
    try:
        await conn.executemany(statements["accounts"], rows.accounts())
        versions = [r["version"] for r in await conn.fetch(statements["versions"])]
        batches = max(1, orders // BATCH)
        began, cpu = time.perf_counter(), time.process_time()
        for number in range(batches):
            batch = rows.batch(number, versions)
            async with conn.transaction():
                for name in ORDER_OF_WRITES:
                    await conn.executemany(statements[name], batch[name])
        return Reference(batches * BATCH, time.perf_counter() - began, time.process_time() - cpu)
    finally:
        await conn.close()


def measure(kind: str, url: str, orders: int) -> Reference | None:
    """The reference for a store URL (None for the memory store: it has no database)."""
    if kind == "sqlite":
        return sqlite_reference(url.split(":///", 1)[1], orders)
    if kind == "postgres":
        dsn = url.replace("postgresql+asyncpg://", "postgresql://", 1)
        return asyncio.run(postgres_reference(dsn, orders))
    return None
