"""Statements run on SQLite's driver directly (adapters/postgres/prepared.py) write what
SQLAlchemy's execution path writes, fail as it fails, and hand back what they cannot run."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Connection, bindparam, create_engine, insert, select, update
from sqlalchemy.exc import IntegrityError

from adapters.postgres.prepared import Done, PreparedStatements, prepared, run
from adapters.postgres.repos.base import _upsert_statement
from adapters.postgres.tables.outbox import outbox
from adapters.postgres.tables.trading import accounts, positions
from adapters.postgres.types import metadata

AT = datetime(2026, 3, 2, 15, 30, 1, 123456, tzinfo=UTC)


@pytest.fixture
def conn(tmp_path: Path) -> Any:
    engine = create_engine(f"sqlite:///{tmp_path / 'p.db'}")
    metadata.create_all(engine, tables=[accounts, positions, outbox])
    with engine.begin() as connection:
        yield connection
    engine.dispose()


def account_row(account_id: str, cash: str) -> dict[str, Any]:
    return {
        "id": account_id, "owner_id": "u-1", "cash": Decimal(cash), "currency": "USD",
        "broker": "paper", "day_realized_pnl": Decimal("-12.345678"),
        "start_of_day_equity": Decimal("100000"), "peak_equity": Decimal("100000.5"),
        "version": 1,
    }  # fmt: skip


def outbox_row(event_id: str) -> dict[str, Any]:
    return {
        "event_id": event_id, "aggregate_id": "a-1", "event_type": "OrderFilled",
        "payload": {"price": "101.25", "nested": [1, None, "x"]}, "created_at": AT,
        "attempts": 0,
    }  # fmt: skip


def fast(conn: Connection, statement: Any, parameters: Any) -> Done:
    statements = PreparedStatements(conn.dialect)
    compiled = statements.compiled(statement, parameters)
    assert compiled is not None
    cursor = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    return run(cursor, compiled, parameters)


def stored(conn: Connection, table: Any) -> list[Any]:
    return [tuple(r) for r in conn.execute(select(table).order_by(*table.primary_key))]


def test_rows_written_on_the_driver_read_back_as_sqlalchemys(conn: Connection) -> None:
    # Arrange: Decimal money, a UTC datetime, a JSON payload, as both paths write them
    upsert = _upsert_statement("sqlite", accounts, tuple(account_row("x", "1")), ("id",))
    add_events = prepared(insert(outbox))

    # Act
    fast(conn, upsert, [account_row("a-1", "1000.10"), account_row("a-2", "0.000001")])
    fast(conn, add_events, [outbox_row("e-1"), outbox_row("e-2")])
    by_driver = (stored(conn, accounts), stored(conn, outbox))
    conn.execute(accounts.delete())
    conn.execute(outbox.delete())
    conn.execute(upsert, [account_row("a-1", "1000.10"), account_row("a-2", "0.000001")])
    conn.execute(add_events, [outbox_row("e-1"), outbox_row("e-2")])

    # Assert
    assert by_driver == (stored(conn, accounts), stored(conn, outbox))
    [first, _] = by_driver[0]
    assert first[2] == Decimal("1000.10") and by_driver[1][0][4] == outbox_row("e-1")["payload"]


def test_an_upsert_and_a_version_checked_update_count_their_rows(conn: Connection) -> None:
    # Arrange
    upsert = _upsert_statement("sqlite", accounts, tuple(account_row("x", "1")), ("id",))
    fast(conn, upsert, account_row("a-1", "5"))
    checked = prepared(
        update(accounts)
        .where(accounts.c.id == bindparam("b_id"), accounts.c.version == bindparam("b_version"))
        .values(cash=bindparam("v_cash"), version=accounts.c.version + 1)
    )

    # Act
    again = fast(conn, upsert, account_row("a-1", "7.5"))
    moved = fast(conn, checked, {"b_id": "a-1", "b_version": 1, "v_cash": Decimal("9")})
    stale = fast(conn, checked, {"b_id": "a-1", "b_version": 1, "v_cash": Decimal("11")})

    # Assert
    assert (again.rowcount, moved.rowcount, stale.rowcount) == (1, 1, 0)
    row = conn.execute(select(accounts.c.cash, accounts.c.version)).one()
    assert tuple(row) == (Decimal("9"), 2)


def test_a_duplicate_key_fails_as_sqlalchemys_integrity_error(conn: Connection) -> None:
    # Arrange
    add_events = prepared(insert(outbox))
    fast(conn, add_events, outbox_row("e-1"))

    # Act / Assert: the group commit turns it into a retry, as it does SQLAlchemy's
    with pytest.raises(IntegrityError):
        fast(conn, add_events, outbox_row("e-1"))


def test_what_the_driver_path_cannot_run_is_left_to_sqlalchemy(conn: Connection) -> None:
    # Arrange
    statements = PreparedStatements(conn.dialect)
    row = outbox_row("e-1")
    without_attempts = {k: v for k, v in row.items() if k != "attempts"}
    expanding = prepared(
        update(outbox).where(outbox.c.event_id.in_(bindparam("ids", expanding=True)))
    )

    # Act / Assert: unmarked; a Python-side column default to compute; an expanding IN list;
    # RETURNING
    assert statements.compiled(insert(outbox), row) is None
    assert statements.compiled(prepared(insert(outbox)), without_attempts) is None
    assert statements.compiled(expanding, {"ids": ["e-1"], "sent_at": AT}) is None
    assert statements.compiled(prepared(insert(outbox).returning(outbox.c.id)), row) is None
    assert statements.compiled(prepared(insert(outbox)), row) is not None


def test_rows_read_from_the_callers_mapping_are_sqlalchemys_rows(conn: Connection) -> None:
    # Arrange: an upsert and an insert pass every parameter by name; the version-checked
    # update carries a literal (`version + 1`) that only SQLAlchemy's parameters hold
    statements = PreparedStatements(conn.dialect)
    upsert = _upsert_statement("sqlite", accounts, tuple(account_row("x", "1")), ("id",))
    checked = prepared(
        update(accounts)
        .where(accounts.c.id == bindparam("b_id"), accounts.c.version == bindparam("b_version"))
        .values(cash=bindparam("v_cash"), version=accounts.c.version + 1)
    )
    cases = [
        (upsert, account_row("a-1", "12.5")),
        (prepared(insert(outbox)), outbox_row("e-1")),
        (checked, {"b_id": "a-1", "b_version": 3, "v_cash": Decimal("9.75")}),
    ]

    # Act
    compiled = [(statements.compiled(s, p), p) for s, p in cases]

    # Assert: the same values, converted the same way, by either route
    assert [c.given for c, _ in compiled if c is not None] == [True, True, False]
    for c, parameters in compiled:
        assert c is not None
        full = c.construct(parameters)
        expected = tuple(
            v if proc is None else proc(v)
            for v, proc in zip((full[n] for n in c.names), c.processors, strict=True)
        )
        assert c.row(parameters) == expected
