"""Bulk loads of ledger rows on PostgreSQL: COPY into `portfolio_transactions`, all or nothing.

Both run inside the caller's transaction, under a savepoint: a unique violation rolls the
COPY back to it, the same rows are copied into a temporary table to name the duplicate (a
reference or an id already booked, or twice in the batch), and DuplicateTransaction is raised
(the caller's transaction then rolls back).
- `copy_records`: tuples in the table's column order, binary COPY (asyncpg encodes each value
  in Python: `add_transactions`' large batches).
- `copy_csv`: CSV text in the column order of ports/portfolio/transaction_batch.py, `FORMAT csv`
  (PostgreSQL parses it in its own process; nothing per row here: an import's batch), sent
  chunk by chunk as the batch writes them.
One such COPY carries up to an import's 200,000 rows: more than the pool's per-statement
limit (10 s) on a busy server, so the transaction sets its own (COPY_TIMEOUT_MS).
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Sequence
from typing import Any

from asyncpg.exceptions import UniqueViolationError  # type: ignore[import-untyped]
from sqlalchemy.ext.asyncio import AsyncConnection

from domain.errors import DuplicateTransaction
from ports.portfolio.portfolios import duplicate_external, duplicate_id
from ports.portfolio.transaction_batch import TRANSACTION_FIELDS

COPY_TIMEOUT_MS = 120_000
TABLE = "portfolio_transactions"
_STAGE = "ledger_batch"


async def copy_records(
    conn: AsyncConnection, records: Sequence[tuple[Any, ...]], columns: Sequence[str]
) -> None:
    """Binary COPY of `records` (module doc). (Measured when it was written: ~40 % less work
    than COPY into a temporary table and INSERT .. SELECT, all or nothing just the same.)"""

    async def load(driver: Any, table: str) -> None:
        await driver.copy_records_to_table(table, records=records, columns=columns)

    await _copy(conn, load)


async def copy_csv(conn: AsyncConnection, chunks: Callable[[], Iterator[bytes]]) -> None:
    """COPY .. FROM STDIN (FORMAT csv) of the text `chunks()` yields (module doc). Each chunk
    is written in a worker thread while PostgreSQL reads the ones before it."""

    async def load(driver: Any, table: str) -> None:
        await driver.copy_to_table(
            table, source=_off_loop(chunks()), columns=TRANSACTION_FIELDS, format="csv"
        )

    await _copy(conn, load)


async def _off_loop(chunks: Iterator[bytes]) -> AsyncIterator[bytes]:
    while (chunk := await asyncio.to_thread(next, chunks, None)) is not None:
        yield chunk


async def _copy(conn: AsyncConnection, load: Callable[[Any, str], Awaitable[None]]) -> None:
    await conn.exec_driver_sql(f"SET LOCAL statement_timeout = {COPY_TIMEOUT_MS}")
    await conn.exec_driver_sql("SAVEPOINT ledger_batch_copy")
    raw = await conn.get_raw_connection()
    driver = raw.driver_connection
    assert driver is not None
    try:
        await load(driver, TABLE)
    except UniqueViolationError:
        await conn.exec_driver_sql("ROLLBACK TO SAVEPOINT ledger_batch_copy")
    else:
        return
    await conn.exec_driver_sql(f"CREATE TEMP TABLE {_STAGE} (LIKE {TABLE}) ON COMMIT DROP")
    await load(driver, _STAGE)
    for query in (
        f"SELECT b.external_id FROM {_STAGE} b JOIN {TABLE} t"
        " ON t.portfolio_id = b.portfolio_id AND t.external_id = b.external_id LIMIT 1",
        f"SELECT external_id FROM {_STAGE} WHERE external_id IS NOT NULL"
        " GROUP BY external_id HAVING count(*) > 1 LIMIT 1",
    ):
        external_id = (await conn.exec_driver_sql(query)).scalar()
        if external_id is not None:
            raise duplicate_external(external_id)
    for query in (
        f"SELECT b.id FROM {_STAGE} b JOIN {TABLE} t ON t.id = b.id LIMIT 1",
        f"SELECT id FROM {_STAGE} GROUP BY id HAVING count(*) > 1 LIMIT 1",
    ):
        tx_id = (await conn.exec_driver_sql(query)).scalar()
        if tx_id is not None:
            raise duplicate_id(tx_id)
    raise DuplicateTransaction("a transaction of the batch was booked meanwhile")
