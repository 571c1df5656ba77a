"""The attribution export: every order placed in a period with its algorithm, person
responsible, client, origin and channel, and the gate's decision, as CSV or JSON, page by page.

Who gets what: supervisors and viewers (risk officers, admins, the system, desk observers)
every account's orders; anyone else the orders of the accounts they own; an agent nothing
(Forbidden). The orders are read `page_size` at a time, oldest first, each page in a unit of
work of its own, and rendered as they come: a period of any length is never held in memory.
Money and quantities are decimal strings; a CSV cell that a spreadsheet would read as a formula
gets a leading `'`. Each export is audited (`orders.export`).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal

from application.core.access import sees_everything
from application.core.spreadsheet_cells import spreadsheet_safe
from domain.errors import DomainError, Forbidden
from domain.principals import Principal, Role
from domain.trading.order_attribution import agent_of, gate_decision, strategy_of
from domain.trading.orders import Order
from ports.core.clock import Clock
from ports.core.events import AuditEntry, AuditLog
from ports.core.repositories import OrderCursor, OrderPeriod
from ports.core.unit_of_work import UnitOfWorkFactory

PAGE_SIZE = 500
FORMATS = ("csv", "json")
COLUMNS = (
    "order_id",
    "created_at",
    "account_id",
    "client_id",
    "responsible_id",
    "origin",
    "origin_id",
    "agent_id",
    "strategy_id",
    "algorithm",
    "algorithm_version",
    "channel",
    "symbol",
    "side",
    "order_type",
    "time_in_force",
    "requested_quantity",
    "quantity",
    "limit_price",
    "stop_price",
    "decision",
    "status",
    "deny_reasons",
    "hold_reasons",
    "approved_by",
    "filled_quantity",
    "average_fill_price",
    "client_order_id",
    "broker",
    "broker_order_id",
)

Cell = str | list[str] | None
Row = dict[str, Cell]


class InvalidExportPeriod(DomainError):
    """`from` or `to` is not a date or a time with its zone, or `from` is not before `to`;
    `field` names the one at fault."""

    code = "INVALID_EXPORT_PERIOD"


def period_bound(text: str, name: str, *, end: bool = False) -> datetime:
    """A bound of the period: `YYYY-MM-DD` is that day's start in UTC (for the end bound, the
    next day's start: the day is included), an ISO 8601 time must carry its zone (Z or
    +hh:mm) and is taken as it is (an end bound excluded)."""
    text = text.strip()
    try:
        if len(text) == 10:
            day = date.fromisoformat(text)
            return datetime.combine(day + timedelta(days=1 if end else 0), time(), UTC)
        at = datetime.fromisoformat(text)
    except ValueError:
        raise InvalidExportPeriod(
            f"{name} must be a date (YYYY-MM-DD) or a time with its zone", field=name
        ) from None
    if at.tzinfo is None:
        raise InvalidExportPeriod(f"{name} needs a time zone (Z or +00:00)", field=name)
    return at.astimezone(UTC)


def export_period(since: str, until: str) -> tuple[datetime, datetime]:
    """[from, to) from the two bounds as given (see `period_bound`)."""
    start, end = period_bound(since, "from"), period_bound(until, "to", end=True)
    if start >= end:
        raise InvalidExportPeriod("from must be before to", field="from")
    return start, end


@dataclass(frozen=True, slots=True)
class Export:
    """An export opened for a principal: its period and the accounts it may read (None: all)."""

    since: datetime
    until: datetime
    account_ids: tuple[str, ...] | None
    read_page: Callable[[OrderPeriod], Awaitable[list[Order]]]
    page_size: int = PAGE_SIZE

    async def pages(self) -> AsyncIterator[list[Order]]:
        """The period's orders, oldest first, a page at a time."""
        after: OrderCursor | None = None
        while True:
            period = OrderPeriod(self.since, self.until, self.account_ids, after, self.page_size)
            page = await self.read_page(period)
            if not page:
                return
            yield page
            if len(page) < self.page_size:
                return
            last = page[-1]
            assert last.created_at is not None  # an order in a period has its time
            after = OrderCursor(last.created_at, last.id)

    def progress(self, order: Order) -> float:
        """How far through the period an order is (0..1), for a progress bar."""
        if order.created_at is None:
            return 0.0
        done = (order.created_at - self.since) / (self.until - self.since)
        return max(0.0, min(1.0, done))


class AttributionExport:
    """Opens exports: checks who asks, fixes the accounts they may read, audits the export."""

    def __init__(
        self,
        uow_factory: UnitOfWorkFactory,
        audit: AuditLog,
        clock: Clock,
        page_size: int = PAGE_SIZE,
    ) -> None:
        self._uow = uow_factory
        self._audit = audit
        self._clock = clock
        self._page_size = page_size

    async def open(
        self, principal: Principal, since: datetime, until: datetime, export_format: str
    ) -> Export:
        """Forbidden for an agent; InvalidExportPeriod for an empty period or an unknown
        format. Nothing is read of the orders until the export's pages are."""
        if principal.role is Role.AGENT:
            raise Forbidden("an agent may not export the order attribution")
        if export_format not in FORMATS:
            raise InvalidExportPeriod("format is csv or json", field="format")
        if since >= until:
            raise InvalidExportPeriod("from must be before to", field="from")
        account_ids = None
        if not sees_everything(principal):
            async with self._uow() as uow:
                owned = await uow.accounts.list(principal.id)
            account_ids = tuple(sorted(a.id for a in owned))
        details = {
            "from": since.isoformat(),
            "to": until.isoformat(),
            "format": export_format,
            "accounts": "all" if account_ids is None else len(account_ids),
        }
        await self._audit.record(
            AuditEntry(
                principal.id, "orders.export", f"user:{principal.id}", "ok", self._clock.now(),
                details,
            )
        )  # fmt: skip
        return Export(since, until, account_ids, self._read, self._page_size)

    async def _read(self, period: OrderPeriod) -> list[Order]:
        async with self._uow() as uow:
            return await uow.orders.in_period(period)


def export_row(order: Order) -> Row:
    """One order's row: every column of COLUMNS, text (decimal strings for money and
    quantities, RFC 3339 UTC for the time), a list for the codes and approvers, or None."""
    attribution = order.attribution
    created = order.created_at
    return {
        "order_id": order.id,
        "created_at": None if created is None else created.astimezone(UTC).isoformat(),
        "account_id": order.account_id,
        "client_id": None if attribution is None else attribution.client_id,
        "responsible_id": None if attribution is None else attribution.responsible_id,
        "origin": order.origin.kind.value,
        "origin_id": order.origin.id,
        "agent_id": agent_of(order),
        "strategy_id": strategy_of(order),
        "algorithm": None if attribution is None else attribution.algorithm,
        "algorithm_version": None if attribution is None else attribution.algorithm_version,
        "channel": order.origin.channel.value,
        "symbol": order.symbol,
        "side": order.side.value,
        "order_type": order.order_type.value,
        "time_in_force": order.time_in_force.value,
        "requested_quantity": _decimal(order.requested_quantity),
        "quantity": _decimal(order.quantity),
        "limit_price": _decimal(order.limit_price),
        "stop_price": _decimal(order.stop_price),
        "decision": gate_decision(order),
        "status": order.status.value,
        "deny_reasons": list(order.deny_reasons),
        "hold_reasons": list(order.hold_reasons),
        "approved_by": [a.approver_id for a in order.approvals],
        "filled_quantity": _decimal(order.filled_quantity),
        "average_fill_price": _decimal(order.average_fill_price),
        "client_order_id": order.client_order_id,
        "broker": order.broker,
        "broker_order_id": order.broker_order_id,
    }


def csv_header() -> str:
    return _csv_lines([list(COLUMNS)])


def csv_rows(orders: list[Order]) -> str:
    """The orders' rows (RFC 4180, CRLF), each cell injection-safe; lists joined by spaces."""
    return _csv_lines(
        [[spreadsheet_safe(_cell_text(row[c])) for c in COLUMNS] for row in map(export_row, orders)]
    )


def json_rows(orders: list[Order], *, first: bool) -> str:
    """The orders' objects as a piece of a JSON array (`first`: no leading comma)."""
    encoded = [json.dumps(export_row(o), ensure_ascii=False, separators=(",", ":")) for o in orders]
    if not encoded:
        return ""
    return ("" if first else ",\n") + ",\n".join(encoded)


async def rendered(
    export: Export, export_format: str, on_page: Callable[[list[Order]], None] | None = None
) -> AsyncIterator[str]:
    """The export as text, a piece per page: CSV with a header row, or one JSON array;
    `on_page` is told each page once its piece is made (a progress bar)."""
    if export_format == "csv":
        yield csv_header()
    else:
        yield "["
    first = True
    async for page in export.pages():
        piece = csv_rows(page) if export_format == "csv" else json_rows(page, first=first)
        first = False
        if on_page is not None:
            on_page(page)
        yield piece
    if export_format != "csv":
        yield "]\n"


def _csv_lines(rows: list[list[str]]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    return out.getvalue()


def _cell_text(value: Cell) -> str:
    if value is None:
        return ""
    return " ".join(value) if isinstance(value, list) else value


def _decimal(value: Decimal | None) -> str | None:
    return None if value is None else format(value, "f")
