"""Migration 0041 moves the codes that held an order from its deny_reasons to hold_reasons,
where the row tells that they are a hold's; and back on downgrade."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import select

from adapters.postgres import migrate
from adapters.postgres.engine import make_engine
from adapters.postgres.tables.trading import orders
from adapters.postgres.uow import unit_of_work_factory

T0 = datetime(2026, 1, 5, 14, 30, tzinfo=UTC)
APPROVAL = [{"approver_id": "ro-1", "name": "rita", "at": T0.isoformat()}]
HOLD = ["MAX_ORDER_NOTIONAL"]

# id: (status, deny_reasons, approvals, broker order id) as stored before the migration
ROWS: dict[str, tuple[str, list[str], list[dict[str, str]] | None, str | None]] = {
    "held": ("held", HOLD, None, None),
    "held-once-approved": ("held", HOLD, APPROVAL, None),
    "approved-filled": ("filled", HOLD, APPROVAL, "b-1"),
    "approved-before-four-eyes": ("filled", HOLD, None, "b-2"),
    "approved-rejected-by-broker": ("rejected", HOLD, APPROVAL, None),
    "lapsed": ("expired", HOLD, None, None),
    "approved-then-canceled": ("canceled", HOLD, APPROVAL, "b-3"),
    "rejected-by-reviewer": ("canceled", ["not today"], None, None),
    "rejected-after-one-approval": ("canceled", ["no"], APPROVAL, None),
    "denied-on-approval": ("denied", ["MAX_ORDER_QUANTITY"], APPROVAL, None),
    "denied": ("denied", ["MAX_POSITION"], None, None),
    "never-sent": ("never_sent", ["NOT_AT_BROKER"], APPROVAL, None),
    "filled": ("filled", [], None, "b-4"),
}
MOVED = {
    "held",
    "held-once-approved",
    "approved-filled",
    "approved-before-four-eyes",
    "approved-rejected-by-broker",
    "lapsed",
    "approved-then-canceled",
}


def _row(order_id: str) -> dict[str, Any]:
    status, reasons, approvals, broker_order_id = ROWS[order_id]
    return {
        "id": order_id,
        "client_order_id": f"cl-{order_id}",
        "account_id": "acc-1",
        "symbol": "AAPL",
        "side": "buy",
        "quantity": Decimal(50),
        "requested_quantity": Decimal(50),
        "origin_kind": "user",
        "origin_id": "u-1",
        "order_type": "market",
        "time_in_force": "day",
        "reduce_only": False,
        "created_at": T0,
        "status": status,
        "filled_quantity": Decimal(50) if status == "filled" else Decimal(0),
        "average_fill_price": Decimal(190) if status == "filled" else Decimal(0),
        "broker_order_id": broker_order_id,
        "broker": "paper",
        "deny_reasons": reasons,
        "hold_approvals": approvals,
    }


async def test_a_holds_codes_move_to_hold_reasons_where_the_row_tells_and_back_on_downgrade(
    database_url: str,
) -> None:
    engine = make_engine(database_url)
    try:
        # Arrange: the schema before hold_reasons, with orders as it stored them
        await migrate.downgrade(engine)
        await migrate.upgrade(engine, "0039")
        async with engine.begin() as conn:
            await conn.execute(orders.insert(), [_row(order_id) for order_id in ROWS])

        # Act: through 0041 to the head, where today's store reads the rows (the later
        # migrations add columns of their own and leave the reasons as 0041 put them)
        await migrate.upgrade(engine, "0041")
        await migrate.upgrade(engine)
        async with unit_of_work_factory(engine)() as uow:
            loaded = {order_id: await uow.orders.get(order_id) for order_id in ROWS}

        # Assert: moved where the row tells it was a hold's; untouched elsewhere
        for order_id, order in loaded.items():
            assert order is not None, order_id
            reasons = tuple(ROWS[order_id][1])
            expected = ((), reasons) if order_id in MOVED else (reasons, ())
            assert (order.deny_reasons, order.hold_reasons) == expected, order_id

        # Act: down again
        await migrate.downgrade(engine, "0039")
        async with engine.connect() as conn:
            rows = (await conn.execute(select(orders.c.id, orders.c.deny_reasons))).all()
        restored = {row.id: row.deny_reasons for row in rows}

        # Assert: the codes are back where the older version reads them
        assert restored == {order_id: ROWS[order_id][1] for order_id in ROWS}
    finally:
        await migrate.downgrade(engine)
        await engine.dispose()
