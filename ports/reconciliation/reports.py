"""Where each account's last reconciliation report is kept, so that every process of a
deployment shows what the one running the job found, and a restart keeps what was confirmed
and acted on."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from domain.reconciliation.report import AccountReport


class ReconciliationReports(Protocol):
    """One report per account. `put` replaces the account's report; `get` is None for an
    account never checked; `of_connection` lists a connection's reports by account id."""

    async def get(self, account_id: str) -> AccountReport | None: ...

    async def put(self, report: AccountReport) -> None: ...

    async def of_connection(self, connection_id: str) -> Sequence[AccountReport]: ...
