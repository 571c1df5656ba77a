"""The attribution export: its rows, CSV safe from formula injection, the period's bounds, who
gets which orders, and pages read one at a time."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from application.core.spreadsheet_cells import spreadsheet_safe
from application.trading.attribution_export import (
    COLUMNS,
    AttributionExport,
    InvalidExportPeriod,
    csv_rows,
    export_period,
    export_row,
    rendered,
)
from bootstrap.embedded import Embedded
from domain.errors import Forbidden
from domain.principals import Principal, Role
from domain.trading.attribution import Attribution
from domain.trading.orders import Channel, Order, OrderType, Origin, OriginKind, Side
from tests.kit.desk import (
    ACCOUNT,
    AGENT,
    BUY,
    OFFICER,
    OTHER_ACCOUNT,
    OWNER,
    STRANGER,
    fake_clock,
    market,
)

D = Decimal
T0 = datetime(2026, 11, 2, 15, 0, tzinfo=UTC)


def _order(**kw: object) -> Order:
    fields: dict[str, object] = {
        "id": "ord-1",
        "client_order_id": "cl-1",
        "account_id": "acc-1",
        "symbol": "AAPL",
        "side": Side.BUY,
        "quantity": D("10.5"),
        "origin": Origin(OriginKind.AGENT, "agent-7", Channel.MCP),
        "order_type": OrderType.LIMIT,
        "limit_price": D("190.25"),
        "created_at": T0,
        "attribution": Attribution("u-1", "u-1", "momentum-llm", "2.3.1"),
    }
    fields.update(kw)
    return Order(**fields)  # type: ignore[arg-type]


def test_a_row_holds_the_attribution_the_decision_and_decimal_strings() -> None:
    # Arrange
    order = _order()
    order.hold(("MAX_ORDER_NOTIONAL",))
    order.approve_held("ro-1")
    order.mark_pending_submit(D("4"))

    # Act
    row = export_row(order)

    # Assert
    assert list(row) == list(COLUMNS)
    assert row["created_at"] == "2026-11-02T15:00:00+00:00"
    assert (row["agent_id"], row["strategy_id"], row["channel"]) == ("agent-7", None, "mcp")
    assert (row["algorithm"], row["algorithm_version"]) == ("momentum-llm", "2.3.1")
    assert (row["responsible_id"], row["client_id"]) == ("u-1", "u-1")
    assert (row["requested_quantity"], row["quantity"], row["limit_price"]) == (
        "10.5",
        "4",
        "190.25",
    )
    assert (row["decision"], row["hold_reasons"], row["approved_by"]) == (
        "held",
        ["MAX_ORDER_NOTIONAL"],
        ["ro-1"],
    )
    assert row["average_fill_price"] == "0"


def test_an_order_stored_before_attribution_has_empty_attribution_cells() -> None:
    # Act
    row = export_row(_order(attribution=None, origin=Origin(OriginKind.STRATEGY, "s-1")))

    # Assert
    assert (row["client_id"], row["responsible_id"], row["algorithm"]) == (None, None, None)
    assert row["strategy_id"] == "s-1"


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_a_cell_a_spreadsheet_would_run_as_a_formula_is_neutralised(start: str) -> None:
    # Arrange: a bot declares a name that is a formula
    order = _order(
        attribution=Attribution("u-1", "u-1", f'{start}HYPERLINK("http://x")', "1"),
        client_order_id=f"{start}1+1",
    )

    # Act
    [row] = list(csv.reader(io.StringIO(csv_rows([order]))))

    # Assert
    cells = dict(zip(COLUMNS, row, strict=True))
    assert cells["algorithm"] == f'\'{start}HYPERLINK("http://x")'
    assert cells["client_order_id"] == f"'{start}1+1"
    assert cells["quantity"] == "10.5"  # numbers untouched


def test_csv_quotes_commas_and_quotes_and_joins_lists() -> None:
    # Arrange
    order = _order(attribution=Attribution("u-1", "u-1", 'bot, "fast"', None))
    order.deny(("MAX_QTY", "PRICE_COLLAR"))

    # Act
    text = csv_rows([order])

    # Assert
    assert '"bot, ""fast"""' in text
    [row] = list(csv.reader(io.StringIO(text)))
    cells = dict(zip(COLUMNS, row, strict=True))
    assert cells["deny_reasons"] == "MAX_QTY PRICE_COLLAR"
    assert cells["decision"] == "denied"
    assert text.endswith("\r\n")
    assert spreadsheet_safe("plain") == "plain"


@pytest.mark.parametrize(
    ("since", "until", "expected"),
    [
        (
            "2026-11-01",
            "2026-11-30",
            (datetime(2026, 11, 1, tzinfo=UTC), datetime(2026, 12, 1, tzinfo=UTC)),
        ),
        (
            "2026-11-01T09:30:00+01:00",
            "2026-11-01T10:00:00Z",
            (datetime(2026, 11, 1, 8, 30, tzinfo=UTC), datetime(2026, 11, 1, 10, tzinfo=UTC)),
        ),
    ],
)
def test_the_period_from_dates_or_zoned_times(
    since: str, until: str, expected: tuple[datetime, datetime]
) -> None:
    assert export_period(since, until) == expected


@pytest.mark.parametrize(
    ("since", "until", "field"),
    [
        ("2026-13-01", "2026-11-30", "from"),
        ("2026-11-01", "yesterday", "to"),
        ("2026-11-01T00:00:00", "2026-11-30", "from"),  # no zone
        ("2026-11-30", "2026-11-01", "from"),  # backwards
        ("2026-11-02T00:00:00Z", "2026-11-01", "from"),  # to's day ends on from
    ],
)
def test_a_bad_period_is_refused_naming_the_bound(since: str, until: str, field: str) -> None:
    with pytest.raises(InvalidExportPeriod) as refused:
        export_period(since, until)
    assert refused.value.field == field


async def _placed(e: Embedded) -> None:
    """Orders of OWNER's account and of STRANGER's, a minute apart."""
    clock = fake_clock(e)
    for principal, account in ((OWNER, ACCOUNT), (STRANGER, OTHER_ACCOUNT), (OWNER, ACCOUNT)):
        await e.orders.submit(
            market(
                BUY, 1, principal=principal, account_id=account,
                origin=Origin(OriginKind.USER, principal.id),
            )
        )  # fmt: skip
        clock.advance(timedelta(minutes=1))


def _export(e: Embedded, page_size: int = 500) -> AttributionExport:
    return AttributionExport(e.uow, e.audit, e.clock, page_size)


async def _rows(e: Embedded, principal: Principal, page_size: int = 500) -> list[dict[str, object]]:
    now = e.clock.now()
    opened = await _export(e, page_size).open(
        principal, now - timedelta(days=1), now + timedelta(days=1), "json"
    )
    text = "".join([piece async for piece in rendered(opened, "json")])
    rows: list[dict[str, object]] = json.loads(text)
    return rows


async def test_a_person_gets_their_own_accounts_orders_and_an_officer_everyones(
    e: Embedded,
) -> None:
    # Arrange
    await _placed(e)

    # Act
    mine = await _rows(e, OWNER)
    everyone = await _rows(e, OFFICER)
    viewer = await _rows(e, Principal("v-1", Role.VIEWER))

    # Assert
    assert [r["account_id"] for r in mine] == [ACCOUNT, ACCOUNT]
    assert [r["account_id"] for r in everyone] == [ACCOUNT, OTHER_ACCOUNT, ACCOUNT]
    assert len(viewer) == 3
    created = [str(r["created_at"]) for r in everyone]
    assert created == sorted(created)  # oldest first


async def test_an_agent_may_not_export(e: Embedded) -> None:
    with pytest.raises(Forbidden):
        await _export(e).open(AGENT, T0, T0 + timedelta(days=1), "csv")


async def test_pages_are_read_one_at_a_time_and_the_export_is_audited(e: Embedded) -> None:
    # Arrange
    await _placed(e)
    pages: list[int] = []
    now = e.clock.now()
    opened = await _export(e, page_size=2).open(
        OFFICER, now - timedelta(hours=1), now + timedelta(hours=1), "csv"
    )

    # Act
    text = "".join([p async for p in rendered(opened, "csv", lambda page: pages.append(len(page)))])

    # Assert
    assert pages == [2, 1]
    lines = text.splitlines()
    assert lines[0] == ",".join(COLUMNS) and len(lines) == 4
    [entry] = await e.audit.entries(f"user:{OFFICER.id}")
    assert (entry.action, entry.details["format"], entry.details["accounts"]) == (
        "orders.export",
        "csv",
        "all",
    )


async def test_an_empty_period_is_an_empty_list_or_a_header(e: Embedded) -> None:
    # Arrange
    opened = await _export(e).open(OWNER, T0, T0 + timedelta(days=1), "json")
    as_csv = await _export(e).open(OWNER, T0, T0 + timedelta(days=1), "csv")

    # Act
    text = "".join([p async for p in rendered(opened, "json")])
    header = "".join([p async for p in rendered(as_csv, "csv")])

    # Assert
    assert json.loads(text) == []
    assert header == ",".join(COLUMNS) + "\r\n"
