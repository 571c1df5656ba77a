"""`/api/v1/connections/{id}/reconciliation`: each account of a connection against its venue."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from litestar import Controller, get
from litestar.params import FromPath

from adapters.http.deps import CallerDep
from adapters.http.reconciliation import ReconciliationDep, problems
from adapters.http.schemas.common import Output
from adapters.http.security import reject_agents
from adapters.http.wire_format import QuantityOut
from domain.reconciliation.report import AccountReport


class PositionDriftOut(Output):
    symbol: str
    bulwark: QuantityOut
    venue: QuantityOut


class OrderDriftOut(Output):
    """A working order listed on one side only (`at`: venue or bulwark)."""

    client_order_id: str
    symbol: str
    at: str


class AccountReportOut(Output):
    """One account's last check: `state` in_sync, suspected (a drift seen once), drift
    (seen twice in a row: confirmed, alerted, halted when the connection says so), or
    unreachable (`error` says why)."""

    account_id: str
    state: str
    checked_at: datetime
    positions: list[PositionDriftOut]
    orders: list[OrderDriftOut]
    halted: bool
    error: str

    @classmethod
    def of(cls, report: AccountReport) -> AccountReportOut:
        drift = report.drift
        return cls(
            account_id=report.account_id,
            state=report.state,
            checked_at=report.checked_at,
            positions=[
                PositionDriftOut(symbol=p.symbol, bulwark=p.bulwark, venue=p.venue)
                for p in (drift.positions if drift else ())
            ],
            orders=[
                OrderDriftOut(client_order_id=o.client_order_id, symbol=o.symbol, at=o.at)
                for o in (drift.orders if drift else ())
            ],
            halted=report.halted,
            error=report.error,
        )


class ReconciliationOut(Output):
    connection_id: str
    accounts: list[AccountReportOut]


class ReconciliationController(Controller):
    """The last reconciliation of a connection's accounts."""

    path = "/connections"
    guards = (reject_agents,)

    @get(
        "/{connection_id:str}/reconciliation",
        summary="Each account of the connection against its venue, as last checked",
        description=(
            "Positions and working orders compared every BULWARK_RECONCILE_SECONDS by one "
            "process of the deployment; empty until the first check. Only the connection's "
            "owner: 404 NOT_FOUND for another's, agents 403."
        ),
        responses=problems(404),
    )
    async def get_reconciliation(
        self, connection_id: FromPath[str], caller: CallerDep, reconciliation: ReconciliationDep
    ) -> ReconciliationOut:
        reports = await reconciliation.service.reports(caller.principal, connection_id)
        return ReconciliationOut(
            connection_id=connection_id, accounts=[AccountReportOut.of(r) for r in reports]
        )


CONTROLLERS: list[Any] = [ReconciliationController]
