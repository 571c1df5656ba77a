"""The order-path benchmark at a tiny size on the memory store and SQLite, and its verdicts."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

from benchmarks.bench_orders import Result, measure, parse, report, report_reference
from benchmarks.bench_store import Store
from benchmarks.raw_write_reference import (
    ACCOUNTS,
    Reference,
    postgres_reference,
    sqlite_reference,
)
from tests.kit.schema import migrated


@pytest.fixture(params=["memory", "sqlite"])
async def store(request: pytest.FixtureRequest, sqlite_url: str) -> Store:
    if request.param == "memory":
        return Store("memory", "memory://", "in-memory")
    await migrated(sqlite_url)
    return Store("sqlite", sqlite_url, "SQLite test file")


async def test_a_tiny_run_approves_every_order_and_leaves_the_accounts_flat(store: Store) -> None:
    # Arrange
    args = parse(["--orders", "64", "--accounts", "4", "--in-flight", "8"])

    # Act
    result = await measure(store, args)

    # Assert
    assert result.orders == 64  # 8 rounds of 8, an even number: each buy met by a sell
    assert (result.approved, result.reasons, result.not_flat) == (64, Counter(), 0)
    assert result.wall_s > 0 and result.cpu_s > 0


def test_the_report_prints_each_figure_beside_its_target(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Arrange: 1,000 orders in 0.5 s, 0.2 s of CPU: 2,000/s and 200 us per order
    store = Store("memory", "memory://", "in-memory")
    result = Result(store, 1_000, 0.5, 0.2, 990, Counter({"SELF_MATCH": 10}), 0)

    # Act
    report(result)

    # Assert
    printed = capsys.readouterr().out
    assert "2,000 orders/s" in printed
    assert "200 us CPU per order" in printed
    assert "target >= 10,000 orders/s -> NOT met" in printed
    assert "<= 100 us CPU per order -> NOT met" in printed
    assert "denied 10 (SELF_MATCH 10)" in printed


@pytest.fixture(params=["sqlite", "postgres"])
async def database(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A migrated SQL store's URL: SQLite in the test's folder, or a fresh PostgreSQL database."""
    if request.param == "sqlite":
        url = f"sqlite+aiosqlite:///{tmp_path / 'bulwark.db'}"
    else:
        url = request.getfixturevalue("postgres_url")
    await migrated(url)
    return url


async def test_the_raw_write_reference_writes_the_rows_of_every_order_it_counts(
    database: str,
) -> None:
    # Act: two runs, as two bench runs on one database would
    if database.startswith("sqlite"):
        path = database.split(":///", 1)[1]
        runs = [sqlite_reference(path, 128), sqlite_reference(path, 64)]
    else:
        dsn = database.replace("postgresql+asyncpg://", "postgresql://", 1)
        runs = [await postgres_reference(dsn, 128), await postgres_reference(dsn, 64)]

    # Assert: each order's rows, filled and sent; the accounts' versions moved once a batch
    assert [r.orders for r in runs] == [128, 64]
    assert all(r.per_s > 0 and r.cpu_us > 0 for r in runs)
    engine = create_async_engine(database)
    try:
        async with engine.connect() as conn:
            filled = await conn.scalar(
                text("SELECT count(*) FROM orders WHERE id LIKE 'ref-%' AND status = 'filled'")
            )
            fills = await conn.scalar(text("SELECT count(*) FROM fills WHERE id LIKE 'f-ref-%'"))
            sent = await conn.scalar(
                text(
                    "SELECT count(*) FROM outbox"
                    " WHERE event_id LIKE 'ref-%' AND sent_at IS NOT NULL"
                )
            )
            versions = (
                (await conn.execute(text("SELECT version FROM accounts WHERE id LIKE 'ref-%'")))
                .scalars()
                .all()
            )
    finally:
        await engine.dispose()
    assert (filled, fills, sent) == (192, 192, 576)
    assert sorted(set(versions)) == [3] and len(versions) == ACCOUNTS


def test_the_order_path_is_printed_as_a_share_of_the_raw_writes(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Arrange: 1,000 orders/s beside raw writes of 20,000/s
    result = Result(Store("sqlite", "sqlite://", "SQLite"), 1_000, 1.0, 0.5, 1_000, Counter(), 0)
    reference = Reference(20_000, 1.0, 0.8)

    # Act
    report_reference(result, reference)

    # Assert
    printed = capsys.readouterr().out
    assert "20,000 orders/s, 40 us CPU per order" in printed
    assert "the order path is 5% of it, target >= 30% -> NOT met" in printed
